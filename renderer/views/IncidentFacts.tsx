import { useId, useState } from 'react';
import type { Incident, Lifecycle, ParamsOf } from '../../preload/contract';
import { useApi } from '../app-context';
import { formatDateTime, formatDuration } from '../../main/shared/time-format';
import { fromLocalInput, toLocalInput } from '../format';
import { useMutation } from '../store/use-mutation';
import { StatusLine } from './StatusLine';

type Change = Omit<ParamsOf<'incidents.change'>, 'id'>;

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

interface Props {
  incident: Incident;
  lifecycle: Lifecycle | null;
  refresh: () => Promise<void>;
}

// Each fact saves on its own (Enter, Ctrl+Enter in the impact, or leaving the field), so a change is stamped in the timeline at once.
export function IncidentFacts({ incident, lifecycle, refresh }: Props) {
  const api = useApi();
  const severity = useMutation(refresh);
  const change = (fields: Change) => api.call('incidents.change', { id: incident.id, ...fields });
  const fact = (label: string, saved: string, toChange: (text: string) => Change, type?: string) => (
    <FactInput label={label} saved={saved} type={type} refresh={refresh} save={(value) => change(toChange(value))} />
  );

  return (
    <section className="facts-grid" aria-label="Incident facts">
      <div className="fact">
        <label>
          <span>Severity</span>
          <select value={incident.severity} disabled={severity.busy} onChange={(e) => void severity.run(() => change({ severity: e.target.value }))}>
            {lifecycle?.severities.map((l) => (
              <option key={l.key} value={l.key}>
                {l.key} — {l.name}
              </option>
            ))}
          </select>
        </label>
        <StatusLine message={severity.message} />
      </div>
      {fact('Commander', incident.commander, (commander) => ({ commander }))}
      {fact('Service', incident.service, (service) => ({ service }))}
      {fact('ETA', toLocalInput(incident.eta), (eta) => ({ eta: fromLocalInput(eta) }), 'datetime-local')}
      {fact('Roles (role: person, …)', rolesText(incident.roles), (roles) => ({ roles: parseRoles(roles, incident.roles) }))}
      <ImpactInput saved={incident.impact} refresh={refresh} save={(impact) => change({ impact })} />
      <div className="fact">
        <span>Declared</span>
        <span>{formatDateTime(incident.createdAt)}</span>
      </div>
      <div className="fact">
        <span>Acknowledged</span>
        <span>
          {incident.acknowledgedAt === null
            ? 'not yet'
            : `${formatDateTime(incident.acknowledgedAt)}, ${formatDuration(incident.acknowledgedAt - incident.createdAt)} after declaration`}
        </span>
      </div>
      {incident.resolvedAt !== null && (
        <>
          <div className="fact">
            <span>Ended</span>
            <span>{formatDateTime(incident.resolvedAt)}</span>
          </div>
          <div className="fact">
            <span>Duration</span>
            <span>{formatDuration(incident.resolvedAt - incident.createdAt)}</span>
          </div>
        </>
      )}
    </section>
  );
}

interface FactInputProps {
  label: string;
  saved: string;
  type?: string;
  refresh: () => Promise<void>;
  save: (text: string) => Promise<unknown>;
}

// A fact's draft: kept until the saved value is shown (or, on failure, beside the reason), and text typed meanwhile is kept.
function useFactDraft(saved: string, refresh: () => Promise<void>, save: (text: string) => Promise<unknown>) {
  const [draft, setDraft] = useState<string | null>(null);
  const saving = useMutation(refresh);
  const commit = async () => {
    if (draft === null || saving.busy) return;
    if (draft === saved) return setDraft(null);
    if ((await saving.run(() => save(draft))).ok) setDraft((d) => (d === draft ? null : d));
  };
  return { value: draft ?? saved, setDraft, commit, saving };
}

// The error sits outside the label so that it does not become part of the field's accessible name.
function FactInput({ label, saved, type = 'text', refresh, save }: FactInputProps) {
  const { value, setDraft, commit, saving } = useFactDraft(saved, refresh, save);
  return (
    <div className="fact">
      <label>
        <span>{label}</span>
        <input
          type={type}
          value={value}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
          }}
        />
      </label>
      <StatusLine message={saving.message} />
    </div>
  );
}

// Impact runs to several lines (who, where, since when): Enter starts a new line, Ctrl+Enter or leaving the box saves.
function ImpactInput({ saved, refresh, save }: Omit<FactInputProps, 'label' | 'type'>) {
  const { value, setDraft, commit, saving } = useFactDraft(saved, refresh, save);
  const id = useId();
  const lines = value.split('\n').length;
  // Labelled by id rather than by wrapping: a textarea inside its label lends its text to its own name.
  return (
    <div className="fact wide">
      <label htmlFor={id} className="fact-label">
        Impact
      </label>
      <textarea
        id={id}
        value={value}
        rows={Math.min(8, Math.max(2, lines))}
        placeholder="Who is affected and how (Ctrl+Enter saves)"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void commit();
        }}
      />
      <StatusLine message={saving.message} />
    </div>
  );
}
