import { useState } from 'react';
import type { Retention } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { useLifecycle } from '../../store/incident-queries';
import { useMutation } from '../../store/use-mutation';
import { useQuery } from '../../store/use-query';
import { QueryStatus } from '../QueryStatus';
import { StatusLine } from '../StatusLine';

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
  const severities = useLifecycle().data?.severities ?? [];
  const savedRetention = useQuery('monitors.retention');
  const savedSounds = useQuery('notifications.sounds');
  // What is saved until someone edits it here.
  const [retentionDraft, setRetention] = useState<Retention | null>(null);
  const [soundsDraft, setSounds] = useState<Sounds | null>(null);
  const savingRetention = useMutation(savedRetention.refresh);
  const savingSounds = useMutation(savedSounds.refresh);
  const retention = retentionDraft ?? savedRetention.data;
  const sounds = soundsDraft ?? savedSounds.data ?? {};

  const saveRetention = async (next: Retention) => {
    if ((await savingRetention.run(() => api.call('monitors.setRetention', next), () => 'Retention saved; older history is pruned within minutes.')).ok) setRetention(null);
  };
  const saveSounds = async () => {
    if ((await savingSounds.run(() => api.call('notifications.setSounds', { sounds }), () => 'Sounds saved.')).ok) setSounds(null);
  };
  const soundKeys = ['default', ...severities.map((s) => s.key)];

  return (
    <section className="panel" aria-labelledby="monitor-settings-heading">
      <h2 id="monitor-settings-heading">History and sounds</h2>
      <QueryStatus query={savedRetention} what="the history retention" quiet />
      {retention && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void saveRetention(retention);
          }}
        >
          {RETENTION_FIELDS.map((f) => (
            <label key={f.key}>
              {f.label} ({f.unit}){' '}
              <input type="number" min={1} value={retention[f.key]} onChange={(e) => setRetention({ ...retention, [f.key]: Number(e.target.value) })} style={{ width: '5em' }} />
            </label>
          ))}
          <button type="submit" disabled={savingRetention.busy}>
            Save retention
          </button>
        </form>
      )}
      <StatusLine message={savingRetention.message} />
      <QueryStatus query={savedSounds} what="the notification sounds" quiet />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void saveSounds();
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
        <button type="submit" disabled={savingSounds.busy}>
          Save sounds
        </button>
      </form>
      <StatusLine message={savingSounds.message} />
    </section>
  );
}
