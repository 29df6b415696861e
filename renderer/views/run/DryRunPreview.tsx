import type { ResultOf } from '../../../preload/contract';

// Every exact command and the host it runs on, before anything runs.
export function DryRunPreview({ plan }: { plan: ResultOf<'runs.dryRun'> }) {
  return (
    <section className="panel dry-run" aria-label="Commands to run">
      <h2>Commands to run</h2>
      {plan.hosts.map(({ host, steps }) => (
        <div key={host}>
          <h3>On {host}</h3>
          <ol className="plan">
            {steps.map((s) => (
              <li key={s.index} className={s.needsConfirmation ? 'guarded' : undefined}>
                <div>
                  <strong>{s.title}</strong>
                  {s.host && <span className="muted"> @ {s.host}</span>}
                  {s.needsConfirmation && (
                    <span className="guard">
                      {' '}
                      asks for the host name typed{s.destructive ? ` — destructive: ${s.reasons.join('; ')}` : ''}
                    </span>
                  )}
                </div>
                <code className="plan-command">
                  {s.kind === 'command' ? '$ ' : ''}
                  {s.command}
                </code>
                {s.awaiting.length > 0 && (
                  <div className="muted small">{s.awaiting.map((n) => `{{${n}}}`).join(', ')} is chosen from an earlier step's output during the run.</div>
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
