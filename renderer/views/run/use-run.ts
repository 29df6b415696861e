import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { RunDetail } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { BoundedOutput } from './bounded-output';

// A run as a window sees it: its detail (refetched whenever the engine says
// it changed) and its live output, bounded per run.
export function useRun(runId: number) {
  const api = useApi();
  const [detail, setDetail] = useState<RunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const output = useMemo(() => new BoundedOutput(), [runId]);
  const [outputVersion, bump] = useReducer((n: number) => n + 1, 0);
  const latest = useRef(0);

  useEffect(() => {
    let alive = true;
    const load = () => {
      const seq = ++latest.current;
      api.call('runs.get', { runId }).then(
        (d) => {
          // Replies can overtake each other; only the newest request counts.
          if (alive && seq === latest.current) setDetail(d);
        },
        (err: Error) => alive && setError(err.message),
      );
    };
    load();
    const offChanged = api.on('runs.changed', (p) => {
      if (p.runId === runId) load();
    });
    const offOutput = api.on('runs.output', (p) => {
      if (p.runId !== runId) return;
      for (const chunk of p.chunks) output.append(BoundedOutput.key(chunk.host, chunk.stepIndex), chunk.text, chunk.omitted);
      bump();
    });
    return () => {
      alive = false;
      offChanged();
      offOutput();
    };
  }, [api, runId, output]);

  return { detail, error, output, outputVersion };
}
