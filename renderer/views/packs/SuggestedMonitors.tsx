import { useState } from 'react';
import type { SuggestedMonitor } from '../../../preload/contract';

// Monitors the runbook's thresholds suggest, as entries to paste into the monitors file after filling in what is marked.
export function SuggestedMonitors({ monitors }: { monitors: SuggestedMonitor[] }) {
  const [copied, setCopied] = useState<string | null>(null);
  const all = monitors.map((m) => m.yaml).join('\n');
  const copy = (text: string, what: string) =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(`Copied ${what}: paste it under "monitors:" in your monitors file.`),
      () => setCopied('The clipboard refused; select the text and copy it by hand.'),
    );
  return (
    <section className="panel" aria-label="Suggested monitors">
      <h2>
        Suggested monitors <span className="muted">{monitors.length}</span>
      </h2>
      <p className="muted small">From the runbook's thresholds. Fill in the fields marked below each one, then add it to the monitors file.</p>
      {monitors.map((m, i) => (
        <details key={i}>
          <summary>
            {m.name} <span className="muted">({m.kind}, line {m.line}: “{m.source}”)</span>
            {m.fillIn.length > 0 && <span className="warn-text"> · fill in {m.fillIn.join(', ')}</span>}
          </summary>
          <pre>{m.yaml}</pre>
          <button type="button" onClick={() => void copy(m.yaml, m.name)}>
            Copy
          </button>
        </details>
      ))}
      <button type="button" onClick={() => void copy(all, `${monitors.length} monitors`)}>
        Copy all
      </button>
      {copied && <p role="status">{copied}</p>}
    </section>
  );
}
