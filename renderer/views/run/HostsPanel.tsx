import { type FormEvent, useState } from 'react';
import type { HostsOverview, ResultOf } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { attempt } from '../../store/attempt';
import { useMutation } from '../../store/use-mutation';
import { ExplainedButton } from '../ExplainedButton';
import { StatusLine } from '../StatusLine';
import { HostKeyPanel } from './HostKeyPanel';

type Check = ResultOf<'hosts.check'>;
const EMPTY = { alias: '', hostName: '', user: '', port: '', identityFile: '', proxyJump: '' };

// Hosts from the ssh config and those added here; "Check" connects without
// running anything and shows the trust prompt for an unknown key.
export function HostsPanel({ overview, refresh }: { overview: HostsOverview; refresh: () => Promise<void> }) {
  const api = useApi();
  const [checks, setChecks] = useState<Record<string, Check | 'checking'>>({});
  const [form, setForm] = useState(EMPTY);
  const removing = useMutation(refresh);
  const adding = useMutation(refresh);

  // A check that could not even be asked for is shown in the host's row like one that failed to connect.
  const check = async (alias: string) => {
    setChecks((c) => ({ ...c, [alias]: 'checking' }));
    const outcome = await attempt(() => api.call('hosts.check', { alias }));
    const result: Check = outcome.ok ? outcome.value : { alias, ok: false, authenticatedWith: null, via: [], error: outcome.error, hostKey: null };
    setChecks((c) => ({ ...c, [alias]: result }));
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await adding.run(() =>
      api.call('hosts.add', {
        alias: form.alias,
        hostName: form.hostName,
        user: form.user || undefined,
        port: form.port ? Number(form.port) : undefined,
        identityFile: form.identityFile || undefined,
        proxyJump: form.proxyJump || undefined,
      }),
    );
    if (outcome.ok) setForm(EMPTY);
  };
  const field = (key: keyof typeof EMPTY, label: string, placeholder: string) => (
    <label>
      {label}
      <input value={form[key]} placeholder={placeholder} spellCheck={false} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );

  return (
    <section className="panel" aria-labelledby="hosts-heading">
      <h2 id="hosts-heading">Hosts</h2>
      {overview.problem && <p className="error-text">{overview.problem}</p>}
      <table className="hosts">
        <thead>
          <tr>
            <th>Alias</th>
            <th>Connects to</th>
            <th>From</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {overview.hosts.map((h) => {
            const state = checks[h.alias];
            return (
              <tr key={h.alias}>
                <td>
                  <code>{h.alias}</code>
                </td>
                <td>
                  {h.problem ? (
                    <span className="error-text">{h.problem}</span>
                  ) : (
                    <>
                      {h.user}@{h.hostName}:{h.port}
                      {h.proxyJump.length > 0 && <span className="muted"> via {h.proxyJump.join(', ')}</span>}
                    </>
                  )}
                  {state && state !== 'checking' && (
                    <div className="small">
                      {state.ok ? (
                        <span className="ok-text">Connected with {state.authenticatedWith}</span>
                      ) : state.hostKey ? (
                        <HostKeyPanel problem={state.hostKey} onTrusted={() => void check(h.alias)} />
                      ) : (
                        <span className="error-text">{state.error}</span>
                      )}
                    </div>
                  )}
                </td>
                <td className="muted">{h.source === 'app' ? 'added here' : 'ssh config'}</td>
                <td>
                  <div className="cell-actions">
                    <button type="button" disabled={state === 'checking'} onClick={() => void check(h.alias)} aria-label={`Check ${h.alias}`}>
                      {state === 'checking' ? 'Checking…' : 'Check'}
                    </button>
                    {h.source === 'app' && (
                      <button type="button" disabled={removing.busy} onClick={() => void removing.run(() => api.call('hosts.remove', { alias: h.alias }))} aria-label={`Remove ${h.alias}`}>
                        Remove
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <StatusLine message={removing.message} />
      {overview.hosts.length === 0 && <p className="empty">No hosts yet: none in {overview.sshConfigPath}, none added here.</p>}
      <form className="add-host form-grid" onSubmit={(e) => void add(e)} aria-label="Add a host">
        <h3>Add a host</h3>
        {field('alias', 'Alias', 'web-1')}
        {field('hostName', 'Host name', 'web-1.example.com or 10.0.0.5')}
        {field('user', 'User', 'deploy (default: your login)')}
        {field('port', 'Port', '22')}
        {field('identityFile', 'Identity file', '~/.ssh/id_ed25519 (or use ssh-agent)')}
        {field('proxyJump', 'Jump host', 'bastion')}
        <p className="muted small">Keys come from ssh-agent or the identity file; passwords are never used or stored.</p>
        <StatusLine message={adding.message} />
        <div className="form-actions">
          <ExplainedButton type="submit" disabled={adding.busy} blockedBy={!form.alias ? 'Give the host an alias first.' : !form.hostName ? 'Give its host name first.' : null}>
            Add host
          </ExplainedButton>
        </div>
      </form>
    </section>
  );
}
