import { useState } from 'react';
import { formatDateTime } from '../../main/shared/time-format';
import { useApi } from '../app-context';
import { download } from '../format';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { navigate } from '../use-hash-route';
import { ExplainedButton } from './ExplainedButton';
import { PostmortemActions } from './PostmortemActions';
import { PostmortemTemplatePicker } from './PostmortemTemplatePicker';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';

export function PostmortemView({ id }: { id: number }) {
  const api = useApi();
  // An untouched draft follows the incident as it changes; once edited here, the text is the person's until saved.
  const query = useQuery('postmortem.get', { incidentId: id }, { refreshOn: { 'incidents.changed': (p) => p.id === null || p.id === id } });
  const [edited, setEdited] = useState<string | null>(null);
  const saving = useMutation(query.refresh);

  const doc = query.data;
  if (!doc) return <QueryStatus query={query} what={`the post-mortem of #${id}`} />;
  const text = edited ?? doc.markdown;

  const save = async () => {
    if ((await saving.run(() => api.call('postmortem.save', { incidentId: id, markdown: text }), () => 'Saved.')).ok) setEdited(null);
  };
  const regenerate = async () => {
    if (doc.edited && !window.confirm('Replace your edited post-mortem with a fresh draft from the incident?')) return;
    const outcome = await saving.run(() => api.call('postmortem.regenerate', { incidentId: id }), () => 'A fresh draft was generated from the incident.');
    if (outcome.ok) setEdited(null);
  };

  return (
    <section aria-labelledby="pm-heading" className="postmortem">
      <header className="toolbar">
        <button type="button" onClick={() => navigate({ view: 'incident', id })}>
          ← Incident
        </button>
        <h1 id="pm-heading">Post-mortem #{id}</h1>
        <span className="muted">{doc.edited ? `edited ${formatDateTime(doc.updatedAt ?? 0)}` : 'draft from the incident'}</span>
      </header>
      <QueryStatus query={query} what={`the post-mortem of #${id}`} />
      <PostmortemTemplatePicker incidentId={id} templates={doc.templates} edited={doc.edited || edited !== null} saving={saving} onReplaced={() => setEdited(null)} />
      <PostmortemActions incidentId={id} actions={doc.actions} refresh={query.refresh} />
      <p className="muted small">The “Action Items” section of the post-mortem below is written from this list; text you have not saved yet gets it when you save.</p>
      <textarea aria-label="Post-mortem Markdown" value={text} onChange={(e) => setEdited(e.target.value)} rows={30} spellCheck />
      <div className="row">
        <ExplainedButton className="primary" disabled={saving.busy} blockedBy={text === doc.markdown ? 'No changes to save.' : null} onClick={() => void save()}>
          Save
        </ExplainedButton>
        <button type="button" disabled={saving.busy} onClick={() => void regenerate()}>
          Regenerate draft
        </button>
        {/* The saved text is what carries the tracked action items; unsaved words would go out with a stale list. */}
        <ExplainedButton
          blockedBy={edited !== null && edited !== doc.markdown ? 'Save first: the export is the saved post-mortem with its action items.' : null}
          onClick={() => download(`postmortem-incident-${id}.md`, 'text/markdown', doc.markdown)}
        >
          Export .md
        </ExplainedButton>
      </div>
      <StatusLine message={saving.message} />
    </section>
  );
}
