import type { MonitorConfigStatus } from '../../../preload/contract';
import { formatDateTime, plural } from '../../../main/shared/time-format';

/** Where file monitors come from, and what is wrong with the file if anything. */
export function ConfigPanel({ config }: { config: MonitorConfigStatus }) {
  if (!config.running) {
    return <p className="muted">Checks do not run in this process; start the app or `trayage serve` to run them.</p>;
  }
  return (
    <section className="panel config-panel" aria-labelledby="config-heading">
      <h2 id="config-heading">Monitors file</h2>
      <p>
        <code>{config.path}</code>
        {config.isDefault && <span className="muted"> (default location)</span>}
      </p>
      {!config.exists ? (
        <p className="muted">No file there yet. Create it to define monitors as code; it is read again whenever it changes.</p>
      ) : (
        <p className="muted">
          {plural(config.monitors, 'monitor')}
          {config.loadedAt !== null && `, loaded ${formatDateTime(config.loadedAt)}`}
        </p>
      )}
      {config.issues.length > 0 && (
        <div role="alert">
          <p className="error-text">The last edit has problems; the monitors of the last good version keep running.</p>
          <ul className="config-issues">
            {config.issues.map((issue, i) => (
              <li key={i}>
                <code>
                  {issue.wholeFile ? issue.file : `${issue.file}:${issue.line}:${issue.column}`}
                </code>{' '}
                {issue.monitor && <strong>{issue.monitor}: </strong>}
                {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
