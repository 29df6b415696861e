import { useEffect, useMemo, useReducer } from 'react';
import { useApi } from '../../app-context';
import { useQuery } from '../../store/use-query';
import { BoundedOutput } from './bounded-output';

// A run as a window sees it: its detail (refetched whenever the engine says
// it changed) and its live output, bounded per run.
export function useRun(runId: number) {
  const api = useApi();
  const query = useQuery('runs.get', { runId }, { refreshOn: { 'runs.changed': (p) => p.runId === runId } });
  const output = useMemo(() => new BoundedOutput(), [runId]);
  const [outputVersion, bump] = useReducer((n: number) => n + 1, 0);

  useEffect(
    () =>
      api.on('runs.output', (p) => {
        if (p.runId !== runId) return;
        for (const chunk of p.chunks) output.append(BoundedOutput.key(chunk.host, chunk.stepIndex), chunk.text, chunk.omitted);
        bump();
      }),
    [api, runId, output],
  );

  return { query, output, outputVersion };
}
