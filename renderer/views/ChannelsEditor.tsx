import { useState } from 'react';
import type { Channel, ChannelKindName } from '../../preload/contract';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { type Field, type Form, formOf, inputOf, KINDS, kindLabel, presetForm } from './channel-fields';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';

const EMPTY: Form = { name: '', kind: 'slack' };

// Secrets (webhook URLs, keys, passwords) are write-only here: they are sealed in the engine and never sent back to a window.
export function ChannelsEditor() {
  const api = useApi();
  const query = useQuery('channels.list');
  const presets = useQuery('channels.presets');
  const [form, setForm] = useState<Form>(EMPTY);
  const [editing, setEditing] = useState<Channel | null>(null);
  const saving = useMutation(query.refresh);
  const removing = useMutation(query.refresh);
  const kind = form.kind as ChannelKindName;

  const save = async () => {
    const outcome = await saving.run(
      () => api.call('channels.save', inputOf(form, editing?.id)),
      () => `Channel ${form.name} saved; its secrets are stored encrypted.`,
    );
    if (outcome.ok) {
      setForm(EMPTY);
      setEditing(null);
    }
  };
  const set = (key: string, value: string) => setForm({ ...form, [key]: value });
  const choosePreset = (id: string) => {
    const preset = presets.data?.find((p) => p.id === id);
    setForm(preset ? presetForm(form, preset) : { ...form, preset: 'custom' });
  };

  const input = (field: Field) => {
    const value = form[field.key] ?? '';
    const secretStored = editing?.secretsSet.includes(field.key);
    const common = { 'aria-label': field.label, value, onChange: (e: { target: { value: string } }) => set(field.key, e.target.value) };
    if (field.type === 'textarea') return <textarea {...common} rows={6} spellCheck={false} />;
    if (field.type === 'select') {
      return (
        <select {...common}>
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {o || '(default)'}
            </option>
          ))}
        </select>
      );
    }
    const placeholder = field.type === 'secret' && secretStored ? 'stored — leave empty to keep' : field.placeholder;
    return <input {...common} type={field.type === 'secret' && field.key !== 'url' ? 'password' : field.type === 'number' ? 'number' : 'text'} autoComplete="off" placeholder={placeholder} />;
  };

  return (
    <section className="panel" aria-labelledby="channels-heading">
      <h2 id="channels-heading">Channels</h2>
      <p className="hint">Where updates and pages go. Status updates are posted from an incident's Communication panel; the Page button sends to any channel.</p>
      <QueryStatus query={query} what="the channels" />
      <ul>
        {query.data?.map((c) => (
          <li key={c.id}>
            {c.name} ({KINDS[c.kind as ChannelKindName]?.label ?? kindLabel(c.kind)}){' '}
            <button
              type="button"
              onClick={() => {
                setEditing(c);
                setForm(formOf(c));
                saving.clear();
              }}
            >
              Edit
            </button>{' '}
            <button type="button" disabled={removing.busy} onClick={() => void removing.run(() => api.call('channels.delete', { id: c.id }))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <StatusLine message={removing.message} />
      <form
        className="channel-form"
        aria-label={editing ? `Edit channel ${editing.name}` : 'New channel'}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="row">
          <input aria-label="Channel name" placeholder="Name, e.g. #incidents" value={form.name ?? ''} onChange={(e) => set('name', e.target.value)} />
          <select aria-label="Channel kind" value={kind} disabled={editing !== null} onChange={(e) => setForm({ name: form.name ?? '', kind: e.target.value, ...(e.target.value === 'email' ? { security: 'starttls' } : {}), ...(e.target.value === 'http' ? { method: 'POST', preset: 'custom' } : {}) })}>
            {Object.entries(KINDS).map(([key, k]) => (
              <option key={key} value={key}>
                {k.label}
              </option>
            ))}
          </select>
          {kind === 'http' && (
            <select aria-label="Preset" value={form.preset ?? 'custom'} onChange={(e) => choosePreset(e.target.value)}>
              <option value="custom">Custom request</option>
              {presets.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </div>
        {KINDS[kind]?.fields.map((field) => (
          <label key={`${kind}-${field.key}`} className="field">
            <span>
              {kind === 'http' && field.key === 'secret' ? (presets.data?.find((p) => p.id === form.preset)?.secretLabel ?? field.label) : field.label}
              {field.required && !(field.type === 'secret' && editing) ? ' *' : ''}
            </span>
            {input(field)}
          </label>
        ))}
        {kind === 'http' && <p className="hint">Placeholders: the templates' ({'{{title}}'}, {'{{severity}}'}, {'{{status}}'}, {'{{impact}}'}, …) and {'{{text}}'}, {'{{subject}}'}, {'{{dedupe_key}}'}, {'{{secret}}'}, {'{{url}}'}.</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={saving.busy}>
            {editing ? 'Save channel' : 'Add channel'}
          </button>
          {editing && (
            <button
              type="button"
              onClick={() => {
                setEditing(null);
                setForm(EMPTY);
              }}
            >
              Cancel
            </button>
          )}
        </div>
      </form>
      <StatusLine message={saving.message} />
    </section>
  );
}
