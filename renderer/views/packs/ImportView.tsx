import { useState } from 'react';
import type { Contact, RunbookExtraction } from '../../../preload/contract';
import { plural } from '../../../main/shared/time-format';
import { useApi } from '../../app-context';
import { useMutation } from '../../store/use-mutation';
import { useQuery } from '../../store/use-query';
import { ExplainedButton } from '../ExplainedButton';
import { QueryStatus } from '../QueryStatus';
import { StatusLine } from '../StatusLine';
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
  const [sqlClient, setSqlClient] = useState('');
  const packs = useQuery('packs.list', {});
  const previewing = useMutation();
  const saving = useMutation(packs.refresh);
  const removing = useMutation(packs.refresh);
  const addingContacts = useMutation();

  // Contacts already in Settings (same role and name) are kept as they are; the runbook's are added after them.
  const addContacts = (found: Contact[]) =>
    addingContacts.run(
      async () => {
        const current = await api.call('contacts.get', {});
        const known = new Set(current.map((c) => `${c.role}\n${c.name}`.toLowerCase()));
        const added = found.filter((c) => !known.has(`${c.role}\n${c.name}`.toLowerCase()));
        await api.call('contacts.set', { contacts: [...current, ...added] });
        return added.length;
      },
      (added) => (added === 0 ? 'Settings already has every contact of this runbook.' : `Added ${plural(added, 'contact')} to Settings.`),
    );

  // Reading the file is part of the preview, so a file that cannot be read says so in the same place.
  const preview = async (read: () => Promise<string>, file?: string) => {
    const outcome = await previewing.run(async () => api.call('packs.preview', { text: await read(), fileName: file }));
    // What was shown before belonged to other text: a failed preview leaves nothing to save.
    if (!outcome.ok) return setExtraction(null);
    const x = outcome.value;
    setExtraction(x);
    setSelection({
      checklists: x.checklists.map(() => true),
      procedures: x.procedures.map(() => true),
      templates: x.templates.map(() => true),
    });
    setName((n) => n || x.title);
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    const read = async () => {
      const content = await file.text();
      setText(content);
      return content;
    };
    void preview(read, file.name);
  };

  const save = () => {
    if (!extraction || !selection) return;
    const kept = (flags: boolean[]) => flags.flatMap((on, i) => (on ? [i] : []));
    return saving.run(
      () =>
        api.call('packs.save', {
          text,
          fileName,
          name,
          service,
          keep: { checklists: kept(selection.checklists), procedures: kept(selection.procedures), templates: kept(selection.templates) },
          hostMap: Object.fromEntries(Object.entries(hostMap).filter(([, v]) => v.trim())),
          useSeverities,
          ...(sqlClient.trim() ? { sqlClient: sqlClient.trim() } : {}),
        }),
      ({ pack, created, procedureIssues }) =>
        `${created ? 'Saved' : 'Updated'} runbook pack "${pack.name}" for ${pack.service}.` +
        (procedureIssues.length > 0 ? ` Left out or not accepted: ${procedureIssues.join('; ')}.` : ''),
    );
  };

  return (
    <section aria-labelledby="import-heading">
      <header className="toolbar">
        <h1 id="import-heading">Import a runbook</h1>
      </header>
      <div className="panel">
        <label>
          Markdown file <input type="file" accept=".md,.markdown,text/markdown,text/plain" onChange={(e) => onFile(e.target.files?.[0])} />
        </label>
        <textarea aria-label="Runbook Markdown" rows={6} placeholder="…or paste the runbook here" value={text} onChange={(e) => setText(e.target.value)} />
        <ExplainedButton disabled={previewing.busy} blockedBy={text.trim() ? null : 'Pick a Markdown file or paste the runbook first.'} onClick={() => void preview(async () => text, fileName)}>
          Preview
        </ExplainedButton>
        <StatusLine message={previewing.message} />
      </div>
      {extraction && selection && (
        <>
          <ExtractionPreview extraction={extraction} selection={selection} onSelection={setSelection} hostMap={hostMap} onHostMap={setHostMap} onAddContacts={(c) => void addContacts(c)} />
          <StatusLine message={addingContacts.message} />
          <div className="panel row">
            <label>
              Pack name <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              Service <input aria-label="Service" value={service} onChange={(e) => setService(e.target.value)} placeholder="e.g. heroforge" />
            </label>
            {extraction.procedures.some((p) => p.steps.some((s) => s.kind === 'sql')) && (
              <label title="SQL steps run through this command, which reads the SQL on its input; without one they are left out">
                SQL client <input aria-label="SQL client" value={sqlClient} onChange={(e) => setSqlClient(e.target.value)} placeholder="psql -X -h db app" />
              </label>
            )}
            {extraction.severities.length > 0 && (
              <label>
                <input type="checkbox" checked={useSeverities} onChange={(e) => setUseSeverities(e.target.checked)} /> Use its {extraction.severities.length} severity levels as the scheme
              </label>
            )}
            <ExplainedButton
              className="primary"
              disabled={saving.busy}
              blockedBy={!name.trim() ? 'Name the pack first.' : !service.trim() ? 'Link the pack to a service first.' : null}
              onClick={() => void save()}
            >
              Save pack
            </ExplainedButton>
          </div>
          <StatusLine message={saving.message} />
        </>
      )}
      <section className="panel" aria-labelledby="packs-heading">
        <h2 id="packs-heading">Runbook packs</h2>
        <QueryStatus query={packs} what="the runbook packs" />
        {packs.data?.length === 0 && <p className="empty">None yet.</p>}
        <ul>
          {packs.data?.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> — {p.service} · {plural(p.content.checklists.length, 'checklist')}, {plural(p.content.procedures.length, 'procedure')}, {plural(p.content.templates.length, 'template')}{' '}
              <button type="button" disabled={removing.busy} onClick={() => void removing.run(() => api.call('packs.delete', { id: p.id }))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <StatusLine message={removing.message} />
      </section>
    </section>
  );
}
