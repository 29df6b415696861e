import { type ReactNode, useState } from 'react';
import type { RunDetail, RunStep } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { formatDateTime } from '../../../main/shared/time-format';
import { useMutation } from '../../store/use-mutation';
import { useEscapeTo } from '../../use-escape-to';
import { navigate } from '../../use-hash-route';
import { QueryStatus } from '../QueryStatus';
import { StatusLine } from '../StatusLine';
import { HostKeyPanel } from './HostKeyPanel';
import { PromptPanel } from './PromptPanel';
import { StepOutput } from './StepOutput';
import { useRun } from './use-run';
import './run.css';

const MARK: Record<RunStep['status'], string> = {
  pending: '○',
  running: '◐',
  ok: '✓',
  failed: '✗',
  timeout: '⏱',
  cancelled: '■',
  refused: '⊘',
  skipped: '–',
  error: '!',
};

// A run window: each host's steps with their status, the live output of the
// step in view, what the run waits for, and Cancel.
export function RunView({ id }: { id: number }) {
  const api = useApi();
  const { query, output, outputVersion } = useRun(id);
  const [picked, setPicked] = useState<{ host: string; index: number } | null>(null);
  const acting = useMutation(query.refresh);
  const incidentId = query.data?.incidentId ?? null;
  useEscapeTo(incidentId === null ? null : { view: 'incident', id: incidentId });

  const detail = query.data;
  if (!detail) return <QueryStatus query={query} what={`run #${id}`} />;
  const running = detail.status === 'running';

  const runAgain = async () => {
    const { procedureId, hosts, params, incidentId } = detail;
    const outcome = await acting.run(() => api.call('runs.start', { procedureId, hosts, params, incidentId: incidentId ?? undefined }));
    if (outcome.ok) navigate({ view: 'run', id: outcome.value.runId });
  };

  return (
    <article className="run-view" aria-labelledby="run-title">
      <header className="toolbar">
        {detail.incidentId !== null && (
          <button type="button" onClick={() => navigate({ view: 'incident', id: detail.incidentId! })} title="Back to the incident (Esc)">
            ← Incident #{detail.incidentId}
          </button>
        )}
        <h1 id="run-title">
          Run #{detail.id}: {detail.title}
        </h1>
        <span className={`run-status status-${detail.status}`} role="status" aria-label="Run status">
          {detail.status}
        </span>
        {running ? (
          <button type="button" className="danger" disabled={acting.busy} onClick={() => void acting.run(() => api.call('runs.cancel', { runId: id }))}>
            Cancel
          </button>
        ) : (
          <button type="button" disabled={acting.busy} onClick={() => void runAgain()}>
            Run again
          </button>
        )}
      </header>
      <p className="muted small">
        {detail.kind} on {detail.hosts.join(', ')} by {detail.actor}, started {formatDateTime(detail.startedAt, { seconds: true })}
        {detail.finishedAt !== null && `, finished ${formatDateTime(detail.finishedAt, { seconds: true })}`}
      </p>
      <StatusLine message={acting.message} />
      <QueryStatus query={query} what={`run #${id}`} />
      {detail.monitoring && <p className={detail.monitoring.moved ? 'banner-ok' : 'warn-text'}>{detail.monitoring.message}</p>}
      {detail.prompts.map((p) => (
        <PromptPanel key={p.id} runId={id} prompt={p} />
      ))}
      {detail.hostResults
        .filter((r) => r.hostKey)
        .map((r) => (
          <HostKeyPanel key={r.host} problem={r.hostKey!} />
        ))}
      {detail.hosts.map((host) => (
        <HostSteps key={host} detail={detail} host={host} picked={picked} onPick={(index) => setPicked({ host, index })}>
          {(step) => (
            <StepOutput
              key={`${step.host}:${step.index}`}
              runId={id}
              step={step}
              output={output}
              outputVersion={outputVersion}
              outputDir={detail.outputDir}
              waiting={detail.prompts.some((p) => p.host === step.host && p.stepIndex === step.index)}
            />
          )}
        </HostSteps>
      ))}
    </article>
  );
}

interface HostStepsProps {
  detail: RunDetail;
  host: string;
  picked: { host: string; index: number } | null;
  onPick: (index: number) => void;
  children: (step: RunStep) => ReactNode;
}

function HostSteps({ detail, host, picked, onPick, children }: HostStepsProps) {
  const steps = detail.steps.filter((s) => s.host === host);
  const result = detail.hostResults.find((r) => r.host === host);
  // Until a step is picked, follow the one running (or the last that ran).
  const followed = steps.find((s) => s.status === 'running') ?? [...steps].reverse().find((s) => s.status !== 'pending' && s.status !== 'skipped');
  const shown = picked?.host === host ? steps.find((s) => s.index === picked.index) : followed;
  return (
    <section className="panel host-run" aria-label={`Steps on ${host}`}>
      <h2>
        {host} <span className={`run-status status-${result?.outcome ?? 'running'}`}>{result?.outcome ?? 'running'}</span>
      </h2>
      {result?.error && !result.hostKey && <p className="error-text">{result.error}</p>}
      <ol className="steps">
        {steps.map((s) => (
          <li key={s.index} className={`step step-${s.status}${shown?.index === s.index ? ' selected' : ''}`}>
            <button type="button" className="link" onClick={() => onPick(s.index)} aria-label={`Step ${s.index + 1}: ${s.title}, ${s.status}`}>
              <span className="mark" aria-hidden="true">
                {MARK[s.status]}
              </span>{' '}
              {s.index + 1}. {s.title}
              {s.needsConfirmation && <span className="guard"> guarded</span>}
              <span className="muted small">
                {s.exitCode !== null && ` exit ${s.exitCode}`}
                {s.signal && ` ${s.signal}`}
                {s.durationMs !== null && s.status !== 'skipped' && ` · ${s.durationMs < 1000 ? `${s.durationMs} ms` : `${(s.durationMs / 1000).toFixed(1)} s`}`}
                {s.captured && ` · chose ${s.captured.value}`}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {shown && children(shown)}
    </section>
  );
}
