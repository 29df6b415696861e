import { type FormEvent, useState } from 'react';
import type { DeclareIncidentParams, Incident } from '../../preload/contract';
import { useIncidents } from '../app-context';
import { ApiError } from '../transport/api-client';
import { navigate } from '../use-hash-route';

type DeclareFields = { title: string; severity: string; impact: string; commander: string; service: string };

export interface DeclareFormProps {
  // Pre-filled values, e.g. from a monitor that is down.
  initial?: Partial<DeclareFields>;
  heading?: string;
  // Declares through another method (monitors.declareIncident adds the monitor's failures to the timeline).
  onDeclare?: (fields: DeclareIncidentParams) => Promise<Incident>;
  onCancel?: () => void;
}

export function DeclareForm({ initial, heading = 'Declare incident', onDeclare, onCancel }: DeclareFormProps = {}) {
  const lifecycle = useIncidents((s) => s.lifecycle);
  const declare = useIncidents((s) => s.declare);
  const [fields, setFields] = useState<DeclareFields>({ title: '', severity: '', impact: '', commander: '', service: '', ...initial });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const severity = fields.severity || lifecycle?.severities[0]?.key || '';

  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const incident = await (onDeclare ?? declare)({ ...fields, severity });
      navigate({ view: 'incident', id: incident.id });
    } catch (err) {
      if (err instanceof ApiError) setFieldErrors(Object.fromEntries((err.issues ?? []).map((i) => [i.path, i.message])));
    } finally {
      setBusy(false);
    }
  };

  const error = (name: string) =>
    fieldErrors[name] ? (
      <span className="field-error" id={`${name}-error`} role="alert">
        {fieldErrors[name]}
      </span>
    ) : null;

  return (
    <form className="declare" onSubmit={(e) => void submit(e)} aria-labelledby="declare-heading">
      <h1 id="declare-heading">{heading}</h1>
      <label>
        Title
        <input autoFocus required maxLength={200} value={fields.title} onChange={set('title')} aria-describedby="title-error" />
        {error('title')}
      </label>
      <label>
        Severity
        <select value={severity} onChange={set('severity')}>
          {lifecycle?.severities.map((s) => (
            <option key={s.key} value={s.key}>
              {s.key} — {s.name}
            </option>
          ))}
        </select>
        {error('severity')}
      </label>
      <label>
        Impact
        <textarea rows={2} value={fields.impact} onChange={set('impact')} placeholder="Who is affected and how" />
      </label>
      <label>
        Commander
        <input value={fields.commander} onChange={set('commander')} maxLength={200} />
      </label>
      <label>
        Service
        <input value={fields.service} onChange={set('service')} maxLength={200} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Declare
        </button>
        <button type="button" onClick={onCancel ?? (() => navigate({ view: 'log' }))}>
          Cancel
        </button>
      </div>
    </form>
  );
}
