import type { Contact, RunbookExtraction } from '../../../preload/contract';
import { SuggestedMonitors } from './SuggestedMonitors';
import { plural } from '../../../main/shared/time-format';

export interface Selection {
  checklists: boolean[];
  procedures: boolean[];
  templates: boolean[];
}

interface Props {
  extraction: RunbookExtraction;
  selection: Selection;
  onSelection(selection: Selection): void;
  hostMap: Record<string, string>;
  onHostMap(map: Record<string, string>): void;
  /** Merges the runbook's named contacts into Settings. */
  onAddContacts?(contacts: Contact[]): void;
}

const minutes = (m: number | null) => (m === null ? '—' : m >= 60 && m % 60 === 0 ? `${m / 60} h` : `${m} min`);

export function ExtractionPreview({ extraction: x, selection, onSelection, hostMap, onHostMap, onAddContacts }: Props) {
  const toggle = (part: keyof Selection, i: number) => onSelection({ ...selection, [part]: selection[part].map((on, j) => (j === i ? !on : on)) });
  const hosts = [...new Set(x.procedures.flatMap((p) => [p.host, ...p.steps.map((s) => s.host)]).filter((h): h is string => !!h))];
  return (
    <div className="extraction" aria-label="What the runbook holds">
      <section className="panel" aria-label="Severities">
        <h2>
          Severities <span className="muted">{x.severities.length}</span>
        </h2>
        {x.severities.length > 0 && (
          <table className="metrics">
            <thead>
              <tr>
                <th>Level</th>
                <th>Respond</th>
                <th>Updates</th>
                <th>Definition</th>
              </tr>
            </thead>
            <tbody>
              {x.severities.map((s) => (
                <tr key={s.name}>
                  <td>
                    {s.name} {s.label}
                  </td>
                  <td>{s.responseMinutes === null ? s.responseText || '—' : minutes(s.responseMinutes)}</td>
                  <td>{minutes(s.updateCadenceMinutes)}</td>
                  <td>{s.definition}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-label="Checklists">
        <h2>
          Checklists <span className="muted">{x.checklists.length}</span>
        </h2>
        {x.checklists.map((c, i) => (
          <label key={i} className="item">
            <input type="checkbox" checked={selection.checklists[i]} onChange={() => toggle('checklists', i)} /> {c.title}{' '}
            <span className="muted">
              ({plural(c.items.length, 'item')}, line {c.line})
            </span>
          </label>
        ))}
      </section>
      <section className="panel" aria-label="Procedures">
        <h2>
          Procedures <span className="muted">{x.procedures.length}</span>
        </h2>
        {x.procedures.map((p, i) => {
          const destructive = p.steps.filter((s) => s.destructive).length;
          const placeholders = [...new Set(p.steps.flatMap((s) => s.placeholders))];
          return (
            <details key={i}>
              <summary>
                <label>
                  <input type="checkbox" checked={selection.procedures[i]} onChange={() => toggle('procedures', i)} /> {p.title}
                </label>{' '}
                <span className="muted">
                  {p.kind} · {plural(p.steps.length, 'step')}{p.host ? ` · on ${p.host}` : ''}
                </span>
                {p.choice && (
                  <span className="muted">
                    {' '}
                    · one of {p.choice.count} ways for “{p.choice.of}”: {p.choice.option}
                  </span>
                )}
                {destructive > 0 && <span className="error-text"> · {destructive} destructive</span>}
                {placeholders.length > 0 && <span className="warn-text"> · needs {placeholders.join(', ')}</span>}
              </summary>
              <ol>
                {p.steps.map((s, j) => (
                  <li key={j}>
                    {s.title} {s.kind === 'sql' && <span className="muted">(SQL)</span>} <code>{s.command}</code>
                    {s.readOnly && <span className="muted"> · read-only</span>}
                    {s.destructive && <span className="error-text"> destructive: {s.destructiveReasons.join(', ')}</span>}
                    {s.condition && <span className="warn-text"> · only {s.condition}: asks before it runs</span>}
                    {s.refused && <span className="error-text"> · will not run: {s.refused}</span>}
                    {s.note && <div className="muted small">{s.note}</div>}
                  </li>
                ))}
              </ol>
            </details>
          );
        })}
      </section>
      {hosts.length > 0 && (
        <section className="panel" aria-label="Hosts">
          <h2>Hosts</h2>
          <p className="muted small">Map each host the runbook logs into to a host Trayage knows (an ~/.ssh/config alias).</p>
          {hosts.map((h) => (
            <label key={h} className="row">
              <code>{h}</code> →{' '}
              <input aria-label={`Host for ${h}`} value={hostMap[h] ?? ''} onChange={(e) => onHostMap({ ...hostMap, [h]: e.target.value })} placeholder="alias" />
            </label>
          ))}
        </section>
      )}
      <section className="panel" aria-label="Templates">
        <h2>
          Templates <span className="muted">{x.templates.length}</span>
        </h2>
        {x.templates.map((t, i) => (
          <label key={i} className="item">
            <input type="checkbox" checked={selection.templates[i]} onChange={() => toggle('templates', i)} /> {t.title} <span className="muted">({t.kind})</span>
          </label>
        ))}
      </section>
      {x.suggestedMonitors.length > 0 && <SuggestedMonitors monitors={x.suggestedMonitors} />}
      {x.settingsContacts.length > 0 && onAddContacts && (
        <section className="panel" aria-label="Contacts">
          <h2>
            Contacts <span className="muted">{x.settingsContacts.length}</span>
          </h2>
          <ul>
            {x.settingsContacts.map((c, i) => (
              <li key={i}>
                {c.name} <span className="muted">({c.role}{c.email ? `, ${c.email}` : ''}{c.phone ? `, ${c.phone}` : ''})</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => onAddContacts(x.settingsContacts)}>
            Add to Settings contacts
          </button>
        </section>
      )}
      {(x.contacts.length > 0 || x.thresholds.length > 0 || x.warnings.length > 0) && (
        <section className="panel" aria-label="Also found">
          <h2>Also found</h2>
          {x.contacts.length > 0 && <p>Contacts: {x.contacts.map((c) => `${c.role}${c.name ? ` (${c.name})` : ''}`).join(', ')}</p>}
          {x.thresholds.length > 0 && (
            <p>
              Thresholds to monitor: <span className="muted">{x.thresholds.join(' · ')}</span>
            </p>
          )}
          {x.warnings.length > 0 && (
            <ul className="muted small">
              {x.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
