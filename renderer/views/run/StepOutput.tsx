import { useLayoutEffect, useRef } from 'react';
import type { RunStep } from '../../../preload/contract';
import { useQuery } from '../../store/use-query';
import { QueryStatus } from '../QueryStatus';
import { BoundedOutput } from './bounded-output';

// Rendering a few hundred kB of text stays smooth; the rest is in the output file.
const SHOWN_CHARS = 256 * 1024;

interface Props {
  runId: number;
  step: RunStep;
  output: BoundedOutput;
  outputVersion: number;
  outputDir: string;
  // The step waits for an answer in a prompt above.
  waiting: boolean;
}

// The output of one step: live while it runs (the newest text, bounded),
// the stored copy (beginning and end) for a step this window did not watch.
export function StepOutput({ runId, step, output, outputVersion, outputDir, waiting }: Props) {
  const key = BoundedOutput.key(step.host, step.index);
  const live = output.has(key);
  const finished = step.status !== 'pending' && step.status !== 'running';
  const storedQuery = useQuery('runs.stepOutput', { runId, host: step.host, stepIndex: step.index }, { enabled: finished && !live });
  const stored = storedQuery.data;
  const pre = useRef<HTMLPreElement>(null);
  const follow = useRef(true);

  let text = '';
  let stderr = '';
  let note: string | null = null;
  if (live) {
    const all = output.text(key);
    const hidden = output.omittedChars(key) + Math.max(0, all.length - SHOWN_CHARS);
    text = all.length > SHOWN_CHARS ? all.slice(all.length - SHOWN_CHARS) : all;
    if (hidden > 0) note = `${formatChars(hidden)} of earlier output not shown here.`;
  } else if (stored) {
    text = stored.stdout;
    stderr = stored.stderr;
    if (stored.truncated) note = `Only the beginning and the end of ${formatChars(stored.bytes)} are kept here.`;
  }

  useLayoutEffect(() => {
    if (pre.current && follow.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [outputVersion, stored, key]);

  const empty = !text && !stderr;
  return (
    <div className="step-output">
      <p className="command">
        {step.kind === 'command' ? <code>$ {step.command}</code> : <span>{step.command}</span>}
        {step.target && <span className="muted"> on {step.target}</span>}
      </p>
      <QueryStatus query={storedQuery} what="the stored output" quiet />
      {note && (
        <p className="muted small">
          {note} Full output: <code>{outputDir}</code>
        </p>
      )}
      <pre
        ref={pre}
        className="output"
        aria-label={`Output of step ${step.index + 1} on ${step.host}`}
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {empty ? <span className="muted">{emptyText(step.status, waiting)}</span> : text}
        {stderr && <span className="stderr">{stderr}</span>}
      </pre>
      {step.error && <p className="error-text">{step.error}</p>}
    </div>
  );
}

function emptyText(status: RunStep['status'], waiting: boolean): string {
  if (waiting) return 'Waiting for your answer above.';
  if (status === 'pending') return 'Not started.';
  return status === 'running' ? 'Waiting for output…' : 'No output.';
}

function formatChars(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1000) return `${Math.round(n / 1000)} kB`;
  return `${n} characters`;
}
