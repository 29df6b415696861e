import { useState } from 'react';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { kindLabel } from './channel-fields';
import { StatusLine } from './StatusLine';

// Pages someone through a channel (e-mail, PagerDuty, Opsgenie, a webhook): who, through which
// channel, optionally what to say; the attempt and its outcome land in the timeline.
export function PageButton({ incidentId, refresh }: { incidentId: number; refresh: () => Promise<void> }) {
  const api = useApi();
  const channels = useQuery('channels.list');
  const [open, setOpen] = useState(false);
  const [channelId, setChannelId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [text, setText] = useState('');
  const paging = useMutation(refresh);
  const chosen = channelId || String(channels.data?.[0]?.id ?? '');

  const page = () =>
    paging.run(
      () =>
        api.call('channels.page', {
          incidentId,
          channelId: Number(chosen),
          recipient: name.trim() ? { name: name.trim(), email: email.trim() || undefined } : undefined,
          text: text.trim() || undefined,
        }),
      (result) => {
        const channel = channels.data?.find((c) => String(c.id) === chosen)?.name ?? 'the channel';
        if (!result.ok) return { ok: false, text: `Page not sent via ${channel}: ${result.error}${result.willRetry ? ' Trayage tries again by itself.' : ''}` };
        return result.state === 'sent' ? `Page sent via ${channel} (${result.summary}).` : `Page queued for ${channel}: ${result.summary}.`;
      },
    );

  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Page…
      </button>
      {open && (
        <form
          className="page-form panel"
          aria-label="Page someone"
          onSubmit={(e) => {
            e.preventDefault();
            void page();
          }}
        >
          {channels.data?.length === 0 ? (
            <p className="hint">No channels yet: add one in Settings → Channels (e-mail, PagerDuty, Opsgenie, a webhook).</p>
          ) : (
            <div className="row">
              <label>
                Page via{' '}
                <select aria-label="Page via" value={chosen} onChange={(e) => setChannelId(e.target.value)}>
                  {channels.data?.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({kindLabel(c.kind)})
                    </option>
                  ))}
                </select>
              </label>
              <input aria-label="Who (name)" placeholder="Who, e.g. Dana (L2)" value={name} onChange={(e) => setName(e.target.value)} />
              <input aria-label="Their e-mail" type="email" placeholder="E-mail (for e-mail channels)" value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
          )}
          <textarea aria-label="Page message" rows={3} placeholder="Message (empty: the incident's title, status, impact and commander)" value={text} onChange={(e) => setText(e.target.value)} />
          <div className="row">
            <button type="submit" className="primary" disabled={paging.busy || !chosen}>
              {paging.busy ? 'Paging…' : 'Send page'}
            </button>
          </div>
          <StatusLine message={paging.message} />
        </form>
      )}
    </>
  );
}
