import { useState } from 'react';
import type { Incident } from '../../preload/contract';
import { useIncidents } from '../app-context';
import { formatAge, fromLocalInput, toLocalInput } from '../format';

type Field = 'severity' | 'commander' | 'impact' | 'service' | 'eta' | 'roles';

// "comms: Sam, scribe: Lee" ⇄ { comms: 'Sam', scribe: 'Lee' }
const rolesText = (roles: Record<string, string>) => Object.entries(roles).map(([r, p]) => `${r}: ${p}`).join(', ');
function parseRoles(text: string, before: Record<string, string>): Record<string, string> {
  const next: Record<string, string> = Object.fromEntries(Object.keys(before).map((r) => [r, '']));
  for (const part of text.split(',')) {
    const [role, ...person] = part.split(':');
    if (role?.trim() && person.join(':').trim()) next[role.trim()] = person.join(':').trim();
  }
  return next;
}

// Each fact saves on its own (Enter or leaving the field), so a change is stamped in the timeline at once.
export function IncidentFacts({ incident, now }: { incident: Incident; now: number }) {
  const lifecycle = useIncidents((s) => s.lifecycle);
  const change = useIncidents((s) => s.change);
  const [draft, setDraft] = useState<Partial<Record<Field, string>>>({});
  const value = (field: Field) =>
    draft[field] ?? (field === 'eta' ? toLocalInput(incident.eta) : field === 'roles' ? rolesText(incident.roles) : String(incident[field] ?? ''));
  const commit = async (field: Field) => {
    const text = draft[field];
    if (text === undefined) return;
    const current = field === 'eta' ? toLocalInput(incident.eta) : field === 'roles' ? rolesText(incident.roles) : String(incident[field] ?? '');
    setDraft((d) => ({ ...d, [field]: undefined }));
    if (text === current) return;
    const value = field === 'eta' ? fromLocalInput(text) : field === 'roles' ? parseRoles(text, incident.roles) : text;
    await change({ id: incident.id, [field]: value }).catch(() => {});
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
      {input('roles', 'Roles (role: person, …)')}
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
