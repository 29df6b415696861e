import { useEffect, useState } from 'react';
import type { SeverityScheme } from '../../preload/contract';
import { useApi, useIncidents } from '../app-context';
import { type StatusMessage, StatusLine } from './StatusLine';

const NUMBERS = [
  ['responseMinutes', 'Respond (min)'],
  ['updateCadenceMinutes', 'Update every (min)'],
  ['escalateAfterMinutes', 'Escalate after (min)'],
  ['postFixWatchMinutes', 'Watch after fix (min)'],
] as const;

export function SchemeEditor() {
  const api = useApi();
  const reloadLifecycle = useIncidents((s) => s.reloadLifecycle);
  const [schemes, setSchemes] = useState<SeverityScheme[]>([]);
  const [scheme, setScheme] = useState<SeverityScheme | null>(null);
  const [message, setMessage] = useState<StatusMessage | null>(null);

  useEffect(() => {
    void api.call('schemes.list').then(setSchemes).catch(() => {});
    void api.call('schemes.active').then(setScheme).catch(() => {});
  }, [api]);

  const save = async (input: unknown) => {
    try {
      setScheme(await api.call('schemes.setActive', { scheme: input }));
      await reloadLifecycle();
      setMessage({ ok: true, text: 'Severity scheme saved.' });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };
  if (!scheme) return null;
  const setLevel = (index: number, field: string, value: unknown) =>
    setScheme({ ...scheme, levels: scheme.levels.map((l, i) => (i === index ? { ...l, [field]: value } : l)) });

  return (
    <section className="panel" aria-labelledby="scheme-heading">
      <h2 id="scheme-heading">Severity scheme</h2>
      <label>
        Start from{' '}
        <select aria-label="Ready-made scheme" value="" onChange={(e) => e.target.value && void save({ id: e.target.value })}>
          <option value="">Choose a ready-made scheme…</option>
          {schemes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">
        In use: {scheme.name} ({scheme.source})
      </p>
      <table className="scheme">
        <thead>
          <tr>
            <th>Level</th>
            <th>Name</th>
            {NUMBERS.map(([, label]) => (
              <th key={label}>{label}</th>
            ))}
            <th>Escalate to</th>
          </tr>
        </thead>
        <tbody>
          {scheme.levels.map((level, i) => (
            <tr key={i}>
              <td>{level.key}</td>
              <td>
                <input aria-label={`${level.key} name`} value={level.name} onChange={(e) => setLevel(i, 'name', e.target.value)} />
              </td>
              {NUMBERS.map(([field, label]) => (
                <td key={field}>
                  <input
                    aria-label={`${level.key} ${label}`}
                    inputMode="numeric"
                    size={5}
                    value={level[field] ?? ''}
                    onChange={(e) => setLevel(i, field, e.target.value === '' ? null : Number(e.target.value))}
                  />
                </td>
              ))}
              <td>
                <input
                  aria-label={`${level.key} escalate to`}
                  value={level.escalateTo.join(', ')}
                  onChange={(e) => setLevel(i, 'escalateTo', e.target.value.split(',').map((s) => s.trim()).filter(Boolean))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="primary" onClick={() => void save(scheme)}>
        Save scheme
      </button>
      <StatusLine message={message} />
    </section>
  );
}
