import { useRef, useState } from 'react';
import type { SchemeChangePreview, SchemeChoice, SeverityScheme } from '../../preload/contract';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { QueryStatus } from './QueryStatus';
import { SchemeChangeDialog } from './SchemeChangeDialog';
import { StatusLine } from './StatusLine';

const NUMBERS = [
  ['responseMinutes', 'Respond (min)'],
  ['updateCadenceMinutes', 'Update every (min)'],
  ['escalateAfterMinutes', 'Escalate after (min)'],
  ['postFixWatchMinutes', 'Watch after fix (min)'],
] as const;

export function SchemeEditor() {
  const api = useApi();
  const schemes = useQuery('schemes.list');
  const active = useQuery('schemes.active', {}, { refreshOn: { 'incidents.changed': (p) => p.id === null } });
  // The scheme in use until someone edits it here.
  const [draft, setDraft] = useState<SeverityScheme | null>(null);
  // A scheme picked or edited, waiting for "Use this scheme"; nothing is stored before that.
  const [proposal, setProposal] = useState<{ choice: SchemeChoice; preview: SchemeChangePreview } | null>(null);
  const saving = useMutation(active.refresh);
  const picker = useRef<HTMLSelectElement>(null);

  const scheme = draft ?? active.data;
  if (!scheme || !active.data) return <QueryStatus query={active} what="the severity scheme" quiet />;
  const current = active.data;
  const propose = async (choice: SchemeChoice) => {
    const outcome = await saving.run(() => api.call('schemes.preview', { scheme: choice }));
    if (outcome.ok) setProposal({ choice, preview: outcome.value });
  };
  const close = () => {
    setProposal(null);
    saving.clear();
    picker.current?.focus();
  };
  const confirm = async (choice: SchemeChoice) => {
    const outcome = await saving.run(
      () => api.call('schemes.setActive', { scheme: choice }),
      (s) => `Now using “${s.name}” for new incidents; open incidents keep their level.`,
    );
    if (!outcome.ok) return;
    setDraft(null);
    setProposal(null);
    picker.current?.focus();
  };
  const setLevel = (index: number, field: string, value: unknown) =>
    setDraft({ ...scheme, levels: scheme.levels.map((l, i) => (i === index ? { ...l, [field]: value } : l)) });

  return (
    <section className="panel" aria-labelledby="scheme-heading">
      <h2 id="scheme-heading">Severity scheme</h2>
      <QueryStatus query={active} what="the severity scheme" />
      <QueryStatus query={schemes} what="the ready-made schemes" quiet />
      <label>
        Start from{' '}
        <select ref={picker} aria-label="Ready-made scheme" value="" disabled={saving.busy} onChange={(e) => e.target.value && void propose({ id: e.target.value })}>
          <option value="">Choose a ready-made scheme…</option>
          {schemes.data?.map((s) => (
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
      <button type="button" className="primary" disabled={saving.busy} onClick={() => void propose(scheme)}>
        Save scheme…
      </button>
      {!proposal && <StatusLine message={saving.message} />}
      {proposal && (
        <SchemeChangeDialog
          current={current}
          preview={proposal.preview}
          busy={saving.busy}
          message={saving.message}
          onConfirm={() => void confirm(proposal.choice)}
          onCancel={close}
        />
      )}
    </section>
  );
}
