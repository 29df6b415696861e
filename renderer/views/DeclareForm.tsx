import { type FormEvent, useState } from 'react';
import type { DeclareIncidentParams, Incident } from '../../preload/contract';
import { useApi } from '../app-context';
import { useLifecycle } from '../store/incident-queries';
import { useMutation } from '../store/use-mutation';
import { navigate } from '../use-hash-route';
import { StatusLine } from './StatusLine';

type DeclareFields = { title: string; severity: string; impact: string; commander: string; service: string };
const FIELD_NAMES = ['title', 'severity', 'impact', 'commander', 'service'];

export interface DeclareFormProps {
  // Pre-filled values, e.g. from a monitor that is down.
  initial?: Partial<DeclareFields>;
  heading?: string;
  // Declares through another method (monitors.declareIncident adds the monitor's failures to the timeline).
  onDeclare?: (fields: DeclareIncidentParams) => Promise<Incident>;
  onCancel?: () => void;
}

export function DeclareForm({ initial, heading = 'Declare incident', onDeclare, onCancel }: DeclareFormProps = {}) {
  const api = useApi();
  const severities = useLifecycle().data?.severities ?? [];
  const declaring = useMutation();
  const [fields, setFields] = useState<DeclareFields>({ title: '', severity: '', impact: '', commander: '', service: '', ...initial });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // A pre-filled severity the scheme does not know falls back to the first level, as an empty one does.
  const severity = severities.some((s) => s.key === fields.severity) ? fields.severity : (severities[0]?.key ?? '');

  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const declare = onDeclare ?? ((input: DeclareIncidentParams) => api.call('incidents.declare', input));
    const outcome = await declaring.run(() => declare({ ...fields, severity }));
    if (outcome.ok) return navigate({ view: 'incident', id: outcome.value.id });
    setFieldErrors(Object.fromEntries(outcome.issues.filter((i) => FIELD_NAMES.includes(i.path)).map((i) => [i.path, i.message])));
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
          {severities.map((s) => (
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
        {error('impact')}
      </label>
      <label>
        Commander
        <input value={fields.commander} onChange={set('commander')} maxLength={200} />
        {error('commander')}
      </label>
      <label>
        Service
        <input value={fields.service} onChange={set('service')} maxLength={200} />
        {error('service')}
      </label>
      {Object.keys(fieldErrors).length === 0 && <StatusLine message={declaring.message} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={declaring.busy}>
          Declare
        </button>
        <button type="button" onClick={onCancel ?? (() => navigate({ view: 'log' }))}>
          Cancel
        </button>
      </div>
    </form>
  );
}
