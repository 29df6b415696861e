import { useState } from 'react';
import type { Incident } from '../../preload/contract';
import { useIncidents } from '../app-context';
import { formatAge, fromLocalInput, toLocalInput } from '../format';

type Field = 'severity' | 'commander' | 'impact' | 'service' | 'eta';

// Each fact saves on its own (Enter or leaving the field), so a change is stamped in the timeline at once.
export function IncidentFacts({ incident, now }: { incident: Incident; now: number }) {
  const lifecycle = useIncidents((s) => s.lifecycle);
  const change = useIncidents((s) => s.change);
  const [draft, setDraft] = useState<Partial<Record<Field, string>>>({});
  const value = (field: Field) =>
    draft[field] ?? (field === 'eta' ? toLocalInput(incident.eta) : String(incident[field] ?? ''));
  const commit = async (field: Field) => {
    const text = draft[field];
    if (text === undefined) return;
    const current = field === 'eta' ? toLocalInput(incident.eta) : String(incident[field] ?? '');
    setDraft((d) => ({ ...d, [field]: undefined }));
    if (text === current) return;
    await change({ id: incident.id, [field]: field === 'eta' ? fromLocalInput(text) : text }).catch(() => {});
  };
  const input = (field: Field, label: string, type = 'text') => (
    <label className="fact">
      <span>{label}</span>
      <input
        type={type}
        value={value(field)}
        onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
        onBlur={() => void commit(field)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit(field);
        }}
      />
    </label>
  );

  return (
    <section className="facts-grid" aria-label="Incident facts">
      <label className="fact">
        <span>Severity</span>
        <select value={incident.severity} onChange={(e) => void change({ id: incident.id, severity: e.target.value }).catch(() => {})}>
          {lifecycle?.severities.map((l) => (
            <option key={l.key} value={l.key}>
              {l.key} — {l.name}
            </option>
          ))}
        </select>
      </label>
      {input('commander', 'Commander')}
      {input('service', 'Service')}
      {input('eta', 'ETA', 'datetime-local')}
      <label className="fact wide">
        <span>Impact</span>
        <input
          value={value('impact')}
          onChange={(e) => setDraft((d) => ({ ...d, impact: e.target.value }))}
          onBlur={() => void commit('impact')}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit('impact');
          }}
        />
      </label>
      <div className="fact">
        <span>Started</span>
        <span>
          {new Date(incident.createdAt).toLocaleString()} ({formatAge(now - incident.createdAt)} ago)
        </span>
      </div>
      <div className="fact">
        <span>Acknowledged</span>
        {incident.acknowledgedAt ? (
          <span>after {formatAge(incident.acknowledgedAt - incident.createdAt)}</span>
        ) : (
          <button type="button" className="primary" onClick={() => void change({ id: incident.id, acknowledge: true }).catch(() => {})}>
            Acknowledge
          </button>
        )}
      </div>
    </section>
  );
}
