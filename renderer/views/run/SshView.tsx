import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { HostsOverview, ProcedureInfo } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { HostsPanel } from './HostsPanel';
import { ProceduresPanel } from './ProceduresPanel';
import './run.css';

// Where SSH diagnostics come from: the ssh config and known_hosts files
// read, the hosts, and the procedures.
export function SshView() {
  const api = useApi();
  const [overview, setOverview] = useState<HostsOverview | null>(null);
  const [procedures, setProcedures] = useState<ProcedureInfo[]>([]);
  const [configPath, setConfigPath] = useState('');
  const [knownHosts, setKnownHosts] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const show = useCallback((next: HostsOverview) => {
    setOverview(next);
    setConfigPath(next.configuredSshConfigPath ?? '');
    setKnownHosts(next.knownHostsFiles.join('\n'));
  }, []);
  const loadProcedures = useCallback(() => void api.call('procedures.list').then(setProcedures, () => {}), [api]);
  useEffect(() => {
    void api.call('hosts.list').then(show, (err: Error) => setMessage({ ok: false, text: err.message }));
    loadProcedures();
  }, [api, show, loadProcedures]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const files = knownHosts.split('\n').map((l) => l.trim()).filter(Boolean);
      show(await api.call('hosts.settings', { sshConfigPath: configPath.trim() || null, knownHostsFiles: files }));
      setMessage({ ok: true, text: 'Saved. New connections use these files.' });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };

  return (
    <article className="ssh-view" aria-labelledby="ssh-title">
      <header className="toolbar">
        <h1 id="ssh-title">SSH hosts and procedures</h1>
        <a href="#/run">Run a procedure ▸</a>
      </header>
      <form className="panel form-grid" onSubmit={(e) => void save(e)} aria-label="SSH files">
        <h2>Files</h2>
        <label>
          SSH config file
          <input value={configPath} placeholder="~/.ssh/config" spellCheck={false} onChange={(e) => setConfigPath(e.target.value)} />
        </label>
        <label>
          known_hosts files (one per line, read only)
          <textarea rows={2} value={knownHosts} spellCheck={false} onChange={(e) => setKnownHosts(e.target.value)} />
        </label>
        {overview && (
          <p className="muted small">
            Keys you trust here are added to <code>{overview.trustedKnownHostsFile}</code>, never to your own known_hosts.
          </p>
        )}
        {message && <p className={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p>}
        <div className="form-actions">
          <button type="submit">Save files</button>
        </div>
      </form>
      {overview && <HostsPanel overview={overview} onChange={show} />}
      <ProceduresPanel procedures={procedures} onChange={loadProcedures} />
    </article>
  );
}
