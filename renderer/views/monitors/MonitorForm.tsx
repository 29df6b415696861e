import { type FormEvent, type ReactNode, useState } from 'react';
import type { MonitorFields, MonitorSummary } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { useLifecycle } from '../../store/incident-queries';
import { useMutation } from '../../store/use-mutation';
import { StatusLine } from '../StatusLine';

interface FormState {
  name: string;
  url: string;
  interval: string;
  timeout: string;
  conditions: string;
  failureThreshold: string;
  retryInterval: string;
  for: string;
  reminderEvery: string;
  severity: string;
  service: string;
  verifyTls: boolean;
}

function toForm(fields: MonitorFields | undefined): FormState {
  return {
    name: fields?.name ?? '',
    url: fields?.url ?? '',
    interval: fields?.interval ?? '60s',
    timeout: fields?.timeout ?? '',
    conditions: (fields?.conditions ?? ['[STATUS] == 200']).join('\n'),
    failureThreshold: String(fields?.['failure-threshold'] ?? 2),
    retryInterval: fields?.['retry-interval'] ?? '',
    for: fields?.for ?? '',
    reminderEvery: fields?.['reminder-every'] ?? '',
    severity: fields?.severity ?? '',
    service: fields?.service ?? '',
    verifyTls: fields?.['verify-tls'] ?? true,
  };
}

// Keys that the form does not show (method, headers...) are kept as they were.
function toFields(form: FormState, base: MonitorFields | undefined): MonitorFields {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const threshold = Number(form.failureThreshold);
  return {
    ...base,
    name: form.name.trim(),
    url: form.url.trim(),
    interval: optional(form.interval),
    timeout: optional(form.timeout),
    conditions: form.conditions.split('\n').map((c) => c.trim()).filter(Boolean),
    'failure-threshold': Number.isInteger(threshold) && threshold > 0 ? threshold : undefined,
    'retry-interval': optional(form.retryInterval),
    for: optional(form.for),
    'reminder-every': optional(form.reminderEvery),
    severity: optional(form.severity),
    service: optional(form.service),
    'verify-tls': form.verifyTls ? undefined : false,
  };
}

interface Props {
  id?: number;
  initial?: MonitorFields;
  // The data that shows the saved monitor, brought up to date before the form closes.
  refresh?: () => Promise<void>;
  onSaved: (m: MonitorSummary) => void;
  onCancel: () => void;
}

/** Add or edit a monitor kept in the app; the engine checks it with the monitors file's rules. */
export function MonitorForm({ id, initial, refresh, onSaved, onCancel }: Props) {
  const api = useApi();
  const severities = useLifecycle().data?.severities ?? [];
  const saving = useMutation(refresh);
  const [form, setForm] = useState(() => toForm(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof FormState) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await saving.run(() => api.call('monitors.save', { id, fields: toFields(form, initial) }));
    if (outcome.ok) return onSaved(outcome.value);
    setErrors(Object.fromEntries(outcome.issues.map((i) => [i.path.replace(/^fields\./, ''), i.message])));
  };

  return (
    <form className="monitor-form panel" onSubmit={(e) => void submit(e)} aria-label={id ? 'Edit monitor' : 'Add monitor'}>
      <h2>{id ? 'Edit monitor' : 'Add monitor'}</h2>
      <Field label="Name" error={errors['name']}>
        <input autoFocus required maxLength={120} value={form.name} onChange={set('name')} />
      </Field>
      <Field label="URL" error={errors['url']}>
        <input required value={form.url} onChange={set('url')} placeholder="https://example.com/health, tcp://host:5432 or tls://host:443" />
      </Field>
      <div className="row">
        <Field label="Every" error={errors['interval']}>
          <input value={form.interval} onChange={set('interval')} size={6} />
        </Field>
        <Field label="Timeout" error={errors['timeout']}>
          <input value={form.timeout} onChange={set('timeout')} size={6} placeholder="10s" />
        </Field>
        <Field label="Failures before down" error={errors['failure-threshold']}>
          <input type="number" min={1} max={100} value={form.failureThreshold} onChange={set('failureThreshold')} />
        </Field>
        <Field label="Confirm a failure after" error={errors['retry-interval']}>
          <input value={form.retryInterval} onChange={set('retryInterval')} size={6} placeholder="5s" />
        </Field>
        <Field label="Down for at least" error={errors['for']}>
          <input value={form.for} onChange={set('for')} size={6} placeholder="0s" />
        </Field>
        <Field label="Remind every" error={errors['reminder-every']}>
          <input value={form.reminderEvery} onChange={set('reminderEvery')} size={6} placeholder="off" />
        </Field>
      </div>
      <Field label="Conditions, one per line" error={errors['conditions']}>
        <textarea rows={3} value={form.conditions} onChange={set('conditions')} spellCheck={false} />
      </Field>
      <div className="row">
        <label>
          Severity
          <select value={form.severity} onChange={set('severity')}>
            <option value="">none</option>
            {severities.map((s) => (
              <option key={s.key} value={s.key}>
                {s.key} — {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Service
          <input value={form.service} onChange={set('service')} maxLength={200} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={form.verifyTls} onChange={(e) => setForm({ ...form, verifyTls: e.target.checked })} /> Verify TLS certificates
        </label>
      </div>
      <StatusLine message={saving.message} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving.busy}>
          Save monitor
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// The error sits outside the label so that it does not become part of the field's accessible name.
function Field({ label, error, children }: { label: string; error: string | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label>
        {label}
        {children}
      </label>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
