import { type FormEvent, useState } from 'react';
import { useApi } from '../../app-context';
import { useMutation } from '../../store/use-mutation';
import { useQuery } from '../../store/use-query';
import { QueryStatus } from '../QueryStatus';
import { StatusLine } from '../StatusLine';
import { HostsPanel } from './HostsPanel';
import { ProceduresPanel } from './ProceduresPanel';
import './run.css';

// Where SSH diagnostics come from: the ssh config and known_hosts files
// read, the hosts, and the procedures.
export function SshView() {
  const api = useApi();
  const hosts = useQuery('hosts.list');
  const procedures = useQuery('procedures.list');
  // The saved paths until someone edits them here.
  const [configPath, setConfigPath] = useState<string | null>(null);
  const [knownHosts, setKnownHosts] = useState<string | null>(null);
  const saving = useMutation(hosts.refresh);
  const overview = hosts.data;
  const configText = configPath ?? overview?.configuredSshConfigPath ?? '';
  const knownHostsText = knownHosts ?? overview?.knownHostsFiles.join('\n') ?? '';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const files = knownHostsText.split('\n').map((l) => l.trim()).filter(Boolean);
    const outcome = await saving.run(() => api.call('hosts.settings', { sshConfigPath: configText.trim() || null, knownHostsFiles: files }), () => 'Saved. New connections use these files.');
    if (outcome.ok) {
      setConfigPath(null);
      setKnownHosts(null);
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
          <input value={configText} placeholder="~/.ssh/config" spellCheck={false} onChange={(e) => setConfigPath(e.target.value)} />
        </label>
        <label>
          known_hosts files (one per line, read only)
          <textarea rows={2} value={knownHostsText} spellCheck={false} onChange={(e) => setKnownHosts(e.target.value)} />
        </label>
        {overview && (
          <p className="muted small">
            Keys you trust here are added to <code>{overview.trustedKnownHostsFile}</code>, never to your own known_hosts.
          </p>
        )}
        <StatusLine message={saving.message} />
        <div className="form-actions">
          <button type="submit" disabled={saving.busy}>
            Save files
          </button>
        </div>
      </form>
      <QueryStatus query={hosts} what="the hosts" />
      {overview && <HostsPanel overview={overview} refresh={hosts.refresh} />}
      <QueryStatus query={procedures} what="the procedures" />
      <ProceduresPanel procedures={procedures.data ?? []} refresh={procedures.refresh} />
    </article>
  );
}
