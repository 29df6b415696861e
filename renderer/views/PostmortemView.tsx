import { useEffect, useState } from 'react';
import type { ResultOf } from '../../preload/contract';
import { useApi } from '../app-context';
import { download } from '../format';
import { navigate } from '../use-hash-route';

type Postmortem = ResultOf<'postmortem.get'>;

export function PostmortemView({ id }: { id: number }) {
  const api = useApi();
  const [doc, setDoc] = useState<Postmortem | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const load = (p: Promise<Postmortem>) =>
    p.then((d) => {
      setDoc(d);
      setText(d.markdown);
    });
  useEffect(() => {
    void load(api.call('postmortem.get', { incidentId: id })).catch((e) => setMessage((e as Error).message));
  }, [api, id]);

  const save = async () => {
    await load(api.call('postmortem.save', { incidentId: id, markdown: text }));
    setMessage('Saved.');
  };
  const regenerate = async () => {
    if (doc?.edited && !window.confirm('Replace your edited post-mortem with a fresh draft from the incident?')) return;
    await load(api.call('postmortem.regenerate', { incidentId: id }));
    setMessage('A fresh draft was generated from the incident.');
  };

  if (!doc) return <p className="empty">{message ?? 'Loading the post-mortem…'}</p>;
  const dirty = text !== doc.markdown;
  return (
    <section aria-labelledby="pm-heading" className="postmortem">
      <header className="toolbar">
        <button type="button" onClick={() => navigate({ view: 'incident', id })}>
          ← Incident
        </button>
        <h1 id="pm-heading">Post-mortem #{id}</h1>
        <span className="muted">{doc.edited ? `edited ${new Date(doc.updatedAt ?? 0).toLocaleString()}` : 'draft from the incident'}</span>
      </header>
      <textarea aria-label="Post-mortem Markdown" value={text} onChange={(e) => setText(e.target.value)} rows={30} spellCheck />
      <div className="row">
        <button type="button" className="primary" disabled={!dirty} onClick={() => void save()}>
          Save
        </button>
        <button type="button" onClick={() => void regenerate()}>
          Regenerate draft
        </button>
        <button type="button" onClick={() => download(`postmortem-incident-${id}.md`, 'text/markdown', text)}>
          Export .md
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
