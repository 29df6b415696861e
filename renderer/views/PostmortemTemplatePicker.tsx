import { useState } from 'react';
import type { PostmortemTemplate } from '../../preload/contract';
import { useApi } from '../app-context';
import type { Mutation } from '../store/use-mutation';

const BUILT_IN = '';

/**
 * The post-mortem templates of the runbook packs for the incident's service, beside the built-in
 * draft. Using one fills it from the incident and saves it as the post-mortem.
 */
export function PostmortemTemplatePicker({
  incidentId,
  templates,
  edited,
  saving,
  onReplaced,
}: {
  incidentId: number;
  templates: PostmortemTemplate[];
  edited: boolean;
  saving: Mutation;
  onReplaced: () => void;
}) {
  const api = useApi();
  const [choice, setChoice] = useState(BUILT_IN);
  if (templates.length === 0) return null;
  const chosen = templates.find((t) => t.id === choice) ?? null;

  const use = async () => {
    if (edited && !window.confirm('Replace your edited post-mortem with the chosen template filled from the incident?')) return;
    const params = chosen ? { incidentId, templateId: chosen.id } : { incidentId };
    const outcome = await saving.run(
      () => api.call('postmortem.regenerate', params),
      () => (chosen ? `The post-mortem now follows “${chosen.name}”, filled from the incident.` : 'A fresh draft was generated from the incident.'),
    );
    if (outcome.ok) onReplaced();
  };

  return (
    <div className="row" role="group" aria-label="Post-mortem template">
      <label>
        Template{' '}
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value={BUILT_IN}>Built-in draft</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={saving.busy} onClick={() => void use()}>
        Use template
      </button>
      <span className="muted small">{chosen ? chosen.source : 'Trayage’s own post-mortem, written from the incident.'}</span>
    </div>
  );
}
