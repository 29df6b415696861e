import { useEffect, useState } from 'react';
import type { Pack, RunbookExtraction } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { type StatusMessage, StatusLine } from '../StatusLine';
import { ExtractionPreview, type Selection } from './ExtractionPreview';

// Import a Markdown runbook: preview what was found, untick what not to keep, map hosts, save as a pack for a service.
export function ImportView() {
  const api = useApi();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [extraction, setExtraction] = useState<RunbookExtraction | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [name, setName] = useState('');
  const [service, setService] = useState('');
  const [useSeverities, setUseSeverities] = useState(false);
  const [hostMap, setHostMap] = useState<Record<string, string>>({});
  const [packs, setPacks] = useState<Pack[]>([]);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const reloadPacks = () => api.call('packs.list', {}).then(setPacks);

  useEffect(() => {
    void reloadPacks().catch(() => {});
  }, [api]);

  const preview = async (content: string, file?: string) => {
    setMessage(null);
    try {
      const x = await api.call('packs.preview', { text: content, fileName: file });
      setExtraction(x);
      setSelection({
        checklists: x.checklists.map(() => true),
        procedures: x.procedures.map(() => true),
        templates: x.templates.map(() => true),
      });
      setName((n) => n || x.title);
    } catch (err) {
      setExtraction(null);
      setMessage({ ok: false, text: (err as Error).message });
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const content = await file.text();
    setText(content);
    setFileName(file.name);
    await preview(content, file.name);
  };

  const save = async () => {
    if (!extraction || !selection) return;
    const kept = (flags: boolean[]) => flags.flatMap((on, i) => (on ? [i] : []));
    try {
      const { pack, created } = await api.call('packs.save', {
        text,
        fileName,
        name,
        service,
        keep: { checklists: kept(selection.checklists), procedures: kept(selection.procedures), templates: kept(selection.templates) },
        hostMap: Object.fromEntries(Object.entries(hostMap).filter(([, v]) => v.trim())),
        useSeverities,
      });
      setMessage({ ok: true, text: `${created ? 'Saved' : 'Updated'} runbook pack "${pack.name}" for ${pack.service}.` });
      await reloadPacks();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <header className="toolbar">
        <h1 id="import-heading">Import a runbook</h1>
      </header>
      <div className="panel">
        <label>
          Markdown file <input type="file" accept=".md,.markdown,text/markdown,text/plain" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
        <textarea aria-label="Runbook Markdown" rows={6} placeholder="…or paste the runbook here" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="button" disabled={!text.trim()} onClick={() => void preview(text, fileName)}>
          Preview
        </button>
      </div>
      <StatusLine message={message} />
      {extraction && selection && (
        <>
          <ExtractionPreview extraction={extraction} selection={selection} onSelection={setSelection} hostMap={hostMap} onHostMap={setHostMap} />
          <div className="panel row">
            <label>
              Pack name <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              Service <input aria-label="Service" value={service} onChange={(e) => setService(e.target.value)} placeholder="e.g. heroforge" />
            </label>
            {extraction.severities.length > 0 && (
              <label>
                <input type="checkbox" checked={useSeverities} onChange={(e) => setUseSeverities(e.target.checked)} /> Use its {extraction.severities.length} severity levels as the scheme
              </label>
            )}
            <button type="button" className="primary" disabled={!name.trim() || !service.trim()} onClick={() => void save()}>
              Save pack
            </button>
          </div>
        </>
      )}
      <section className="panel" aria-labelledby="packs-heading">
        <h2 id="packs-heading">Runbook packs</h2>
        {packs.length === 0 && <p className="empty">None yet.</p>}
        <ul>
          {packs.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> — {p.service} · {p.content.checklists.length} checklists, {p.content.procedures.length} procedures, {p.content.templates.length} templates{' '}
              <button type="button" onClick={() => void api.call('packs.delete', { id: p.id }).then(reloadPacks)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
