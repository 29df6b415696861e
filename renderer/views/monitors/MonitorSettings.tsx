import { useEffect, useState } from 'react';
import type { Retention } from '../../../preload/contract';
import { useApi, useIncidents } from '../../app-context';

type Sounds = Record<string, string | boolean>;

const RETENTION_FIELDS: { key: keyof Retention; label: string; unit: string }[] = [
  { key: 'rawHours', label: 'Every single result', unit: 'hours' },
  { key: 'minuteHours', label: 'Per-minute summaries', unit: 'hours' },
  { key: 'hourDays', label: 'Per-hour summaries', unit: 'days' },
  { key: 'dayDays', label: 'Per-day summaries', unit: 'days' },
];

/** How long history is kept, and the notification sound of each severity. */
export function MonitorSettings() {
  const api = useApi();
  const severities = useIncidents((s) => s.lifecycle?.severities ?? []);
  const [retention, setRetention] = useState<Retention | null>(null);
  const [sounds, setSounds] = useState<Sounds>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void api.call('monitors.retention').then(setRetention, () => {});
    void api.call('notifications.sounds').then(setSounds, () => {});
  }, [api]);

  const save = async (work: () => Promise<unknown>, text: string) => {
    try {
      await work();
      setMessage({ ok: true, text });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };
  const soundKeys = ['default', ...severities.map((s) => s.key)];

  return (
    <section className="panel" aria-labelledby="monitor-settings-heading">
      <h2 id="monitor-settings-heading">History and sounds</h2>
      {retention && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void save(() => api.call('monitors.setRetention', retention), 'Retention saved; older history is pruned within minutes.');
          }}
        >
          {RETENTION_FIELDS.map((f) => (
            <label key={f.key}>
              {f.label} ({f.unit}){' '}
              <input type="number" min={1} value={retention[f.key]} onChange={(e) => setRetention({ ...retention, [f.key]: Number(e.target.value) })} style={{ width: '5em' }} />
            </label>
          ))}
          <button type="submit">Save retention</button>
        </form>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save(() => api.call('notifications.setSounds', { sounds }), 'Sounds saved.');
        }}
      >
        {soundKeys.map((key) => {
          const value = sounds[key] ?? (key === 'default' ? true : undefined);
          const choice = value === undefined ? 'inherit' : value === true ? 'system' : value === false ? 'off' : 'named';
          return (
            <label key={key}>
              {key === 'default' ? 'Default sound' : `${key} sound`}{' '}
              <select
                aria-label={key === 'default' ? 'Default sound' : `${key} sound`}
                value={choice}
                onChange={(e) => {
                  const next = { ...sounds };
                  if (e.target.value === 'inherit') delete next[key];
                  else next[key] = e.target.value === 'system' ? true : e.target.value === 'off' ? false : typeof value === 'string' ? value : 'Glass';
                  setSounds(next);
                }}
              >
                {key !== 'default' && <option value="inherit">as default</option>}
                <option value="system">system sound</option>
                <option value="off">silent</option>
                <option value="named">named sound</option>
              </select>
              {choice === 'named' && (
                <input aria-label={`${key} sound name`} value={String(value)} onChange={(e) => setSounds({ ...sounds, [key]: e.target.value })} style={{ width: '7em' }} />
              )}
            </label>
          );
        })}
        <button type="submit">Save sounds</button>
      </form>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p>}
    </section>
  );
}
