import { useEffect, useState } from 'react';
import type { ResultOf } from '../../preload/contract';
import { useApi, useIncidents } from '../app-context';

type Rendered = ResultOf<'templates.render'>;

// Pick a template, edit the filled text, see what is still blank, then copy it or post it.
export function CommsPanel({ incidentId }: { incidentId: number }) {
  const api = useApi();
  const open = useIncidents((s) => s.open);
  const [templates, setTemplates] = useState<ResultOf<'templates.list'>>([]);
  const [channels, setChannels] = useState<ResultOf<'channels.list'>>([]);
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Rendered | null>(null);
  const [channelId, setChannelId] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    void api.call('templates.list').then(setTemplates).catch(() => {});
    void api.call('channels.list').then(setChannels).catch(() => {});
  }, [api]);

  useEffect(() => {
    if (!text) return setPreview(null);
    const timer = setTimeout(() => {
      void api.call('templates.render', { incidentId, body: text }).then(setPreview).catch(() => {});
    }, 250);
    return () => clearTimeout(timer);
  }, [api, incidentId, text]);

  const pickTemplate = async (id: string) => {
    setTemplateId(id);
    setStatus(null);
    const template = templates.find((t) => t.id === id);
    if (!template) return;
    const rendered = await api.call('templates.render', { incidentId, body: template.body }).catch(() => null);
    if (rendered) setText(rendered.text);
  };

  const send = async () => {
    setSending(true);
    setStatus(null);
    try {
      if (channelId === '') {
        try {
          await navigator.clipboard.writeText(text);
        } catch {
          setStatus({ ok: false, message: 'Could not reach the clipboard: select the text and copy it by hand. Nothing was recorded.' });
          return;
        }
        await api.call('updates.post', { incidentId, channelId: null, text, templateId: templateId || undefined });
        setStatus({ ok: true, message: 'Copied to the clipboard and recorded in the timeline.' });
      } else {
        const channel = channels.find((c) => String(c.id) === channelId);
        const result = await api.call('updates.post', { incidentId, channelId: Number(channelId), text, templateId: templateId || undefined });
        setStatus(result.ok ? { ok: true, message: `Posted to ${channel?.name}.` } : { ok: false, message: `Not posted to ${channel?.name}: ${result.error} The text is kept below.` });
      }
      await open(incidentId).catch(() => {});
    } catch (err) {
      setStatus({ ok: false, message: `${(err as Error).message} The text is kept below.` });
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="comms-heading">
      <h2 id="comms-heading">Communication</h2>
      <div className="row">
        <label>
          Template{' '}
          <select value={templateId} onChange={(e) => void pickTemplate(e.target.value)}>
            <option value="">Choose…</option>
            {templates.map((t) => (
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
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.kind === 'slack' ? 'Slack' : 'webhook'})
              </option>
            ))}
          </select>
        </label>
      </div>
      <textarea aria-label="Update text" rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder="Choose a template or write the update" />
      {preview && (
        <div className="preview" aria-label="Preview">
          {preview.unfilled.length > 0 && <p className="warn-text">Still blank: {preview.unfilled.map((p) => `{{${p}}}`).join(', ')}</p>}
          <pre>
            {preview.segments.map((seg, i) =>
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
        <button type="button" className="primary" disabled={!text.trim() || sending} onClick={() => void send()}>
          {sending ? 'Sending…' : channelId === '' ? 'Copy and record' : 'Post update'}
        </button>
      </div>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'ok-text' : 'error-text'}>
          {status.message}
        </p>
      )}
    </section>
  );
}
