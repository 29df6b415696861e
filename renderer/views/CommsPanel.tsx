import { useState } from 'react';
import type { RenderedTemplate } from '../../preload/contract';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { useDebounced } from '../use-debounced';
import { kindLabel } from './channel-fields';
import { ExplainedButton } from './ExplainedButton';
import { ExternalLink } from './ExternalLink';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';

const TEXT_ID = 'update-text';

// What the box would post with a hole in it. The text goes out as it stands, so every {{…}} left in it
// counts (even one the preview can fill), and so do the blanks the template itself leaves ("[Brief description]").
function holesIn(text: string, rendered: RenderedTemplate): string[] {
  return [...new Set([...(text.match(/\{\{[^{}]*\}\}/g) ?? []), ...rendered.blanks])];
}

// Pick a template, edit the filled text, see what is still blank, then copy it or post it.
export function CommsPanel({ incidentId, refresh }: { incidentId: number; refresh: () => Promise<void> }) {
  const api = useApi();
  const templates = useQuery('templates.list', { incidentId });
  const channels = useQuery('channels.list');
  const links = useQuery('channels.links', { incidentId }, { refreshOn: { 'incidents.changed': (p) => p.id === null || p.id === incidentId } });
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState('');
  const [channelId, setChannelId] = useState('');
  // The holes a send was stopped for: the next step must be the explicit "Send anyway" (or more editing).
  const [holes, setHoles] = useState<string[] | null>(null);
  const body = useDebounced(text, 250);
  // Placeholders fill in as the incident's facts change; an emptied box hides the preview at once, not after the pause.
  const preview = useQuery(
    'templates.render',
    { incidentId, body },
    { enabled: body !== '' && text !== '', refreshOn: { 'incidents.changed': (p) => p.id === null || p.id === incidentId } },
  );
  const picking = useMutation();
  const checking = useMutation();
  const sending = useMutation(refresh);

  const edit = (next: string) => {
    setText(next);
    setHoles(null);
  };

  const pickTemplate = async (id: string) => {
    setTemplateId(id);
    setHoles(null);
    sending.clear();
    const template = templates.data?.find((t) => t.id === id);
    if (!template) return;
    const outcome = await picking.run(() => api.call('templates.render', { incidentId, body: template.body }));
    if (outcome.ok) setText(outcome.value.text);
  };

  const send = () => {
    setHoles(null);
    return sending.run(
      async () => {
        const template = templateId || undefined;
        if (channelId !== '') return api.call('updates.post', { incidentId, channelId: Number(channelId), text, templateId: template });
        try {
          await navigator.clipboard.writeText(text);
        } catch {
          throw new Error('Could not reach the clipboard: select the text in the box above and copy it by hand. Nothing was recorded.');
        }
        return api.call('updates.post', { incidentId, channelId: null, text, templateId: template });
      },
      (result) => {
        if (channelId === '') return 'Copied to the clipboard and recorded in the timeline.';
        const channel = channels.data?.find((c) => String(c.id) === channelId)?.name ?? 'the channel';
        if (!result.ok) {
          const again = result.willRetry ? ' Trayage tries again by itself; the timeline shows each attempt.' : '';
          return { ok: false, text: `Not posted to ${channel}: ${result.error}${again} The text is still in the box above.` };
        }
        return result.state === 'sent' ? `Posted to ${channel}.` : `Queued for ${channel}: ${result.summary}.`;
      },
    );
  };

  // Checked against the text as it is now, not the preview, which lags behind typing.
  const trySend = async () => {
    sending.clear();
    const outcome = await checking.run(() => api.call('templates.render', { incidentId, body: text }));
    if (!outcome.ok) return;
    const found = holesIn(text, outcome.value);
    if (found.length > 0) setHoles(found);
    else await send();
  };

  const stillBlank = preview.data ? [...preview.data.unfilled.map((p) => `{{${p}}}`), ...preview.data.blanks] : [];
  return (
    <section className="panel" aria-labelledby="comms-heading">
      <h2 id="comms-heading">Communication</h2>
      <div className="row">
        <label>
          Template{' '}
          <select value={templateId} onChange={(e) => void pickTemplate(e.target.value)}>
            <option value="">Choose…</option>
            {templates.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Send to{' '}
          <select value={channelId} onChange={(e) => setChannelId(e.target.value)} aria-label="Send to">
            <option value="">Clipboard</option>
            {channels.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({kindLabel(c.kind)})
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryStatus query={templates} what="the templates" quiet />
      <QueryStatus query={channels} what="the update channels" quiet />
      {links.data && links.data.length > 0 && (
        <ul className="channel-links" aria-label="Channel links">
          {links.data.map((l) => (
            <li key={l.channelId}>
              {l.channel}: <ExternalLink href={l.link}>{l.link}</ExternalLink>
            </li>
          ))}
        </ul>
      )}
      <StatusLine message={picking.message} />
      <textarea id={TEXT_ID} aria-label="Update text" rows={8} value={text} onChange={(e) => edit(e.target.value)} placeholder="Choose a template or write the update" />
      <QueryStatus query={preview} what="the preview" quiet />
      {preview.data && (
        <div className="preview" aria-label="Preview">
          {stillBlank.length > 0 && <p className="warn-text">Still blank: {stillBlank.join(', ')}</p>}
          <pre>
            {preview.data.segments.map((seg, i) =>
              seg.placeholder && !seg.filled ? (
                <mark key={i} title="No value yet">
                  {seg.text}
                </mark>
              ) : (
                <span key={i}>{seg.text}</span>
              ),
            )}
          </pre>
        </div>
      )}
      <div className="row">
        <ExplainedButton
          className="primary"
          disabled={checking.busy || sending.busy || holes !== null}
          blockedBy={text.trim() ? null : 'Choose a template or write the update first.'}
          onClick={() => void trySend()}
        >
          {sending.busy ? 'Sending…' : channelId === '' ? 'Copy and record' : 'Post update'}
        </ExplainedButton>
      </div>
      <StatusLine message={checking.message} />
      {holes && (
        <div className="confirm-blanks" role="alert">
          <p>
            The text above still has {holes.length === 1 ? 'a blank' : 'blanks'}: <code>{holes.join(', ')}</code>. They would be sent as they stand.
          </p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void send()}>
              Send anyway
            </button>
            <button type="button" autoFocus onClick={() => (setHoles(null), document.getElementById(TEXT_ID)?.focus())}>
              Keep editing
            </button>
          </div>
        </div>
      )}
      <StatusLine message={sending.message} />
    </section>
  );
}
