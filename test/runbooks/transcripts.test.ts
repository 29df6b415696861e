import { describe, expect, it } from 'vitest';
import { importRunbook } from '../../main/engine/runbooks/importer';
import { importFixture } from './runbooks';

// Commands as runbooks paste them: transcripts with prompts of every kind and their output,
// output pasted into bash blocks, blocks without a language, SQL, and kubectl/helm templates.
const x = importFixture('transcripts.md');
const steps = (title: string) => {
  const found = x.procedures.find((p) => p.title === title);
  if (!found) throw new Error(`no procedure "${title}"`);
  return found.steps;
};
const commands = (title: string) => steps(title).map((s) => s.command);

describe('commands in transcripts and pasted blocks', () => {
  it('reads a block without a language as shell when the parser reads commands there, whatever its heading says', () => {
    expect(steps('Step 1 - Stop chef-client').map((s) => [s.command, s.destructive])).toEqual([['sudo systemctl stop chef-client', true]]);
    // "Containerd" is no "contain": the block is read for what it holds.
    expect(x.procedures.find((p) => p.title === 'Containerd')).toMatchObject({ kind: 'resolution' });
    expect(commands('Containerd')).toEqual(['sudo crictl ps -a', 'sudo systemctl restart containerd']);
  });

  it('strips every kind of prompt and leaves the output out', () => {
    expect(commands('Check the cluster')).toEqual(['kubectl get nodes', 'kubectl get pv']);
    expect(commands('Look at a node as root')).toEqual(['journalctl -u kubelet -n 200', 'df -h /var/lib/containerd']);
    expect(commands('On the database host')).toEqual([
      'systemctl status postgresql',
      'cat /etc/postgresql/postgresql.conf | grep max_connections',
      'psql -U postgres -c "SELECT count(*) FROM pg_stat_activity"',
    ]);
    expect(commands('Windows build agent')).toEqual(['Get-Service -Name buildagent', 'Restart-Service -Name buildagent']);
    expect(commands('Write a config file')).toEqual(["cat > /etc/app/limits.conf <<'EOF2'\nmax_open_files = 4096\nEOF2", 'sudo systemctl reload app']);
  });

  it('never starts a step with a prompt and never takes output for a command', () => {
    const all = x.procedures.flatMap((p) => p.steps);
    expect(all.filter((s) => /^(?:\$|#|PS\b|\S+@\S+[$#]|\[\S+@|sh-\d|app=)/.test(s.command))).toEqual([]);
    for (const output of ['NAME', 'worker-1', 'pv-data', 'Apr 02', 'Filesystem', '/dev/sda1', '●', 'Active:', 'max_connections =', 'standard (default)', 'db_host', 'pid  |', '(1 row)']) {
      expect(all.filter((s) => s.command.includes(output)).map((s) => s.command)).toEqual([]);
    }
  });

  it('leaves pasted output out of a bash block and says which lines', () => {
    expect(commands('A bash block with pasted output')).toEqual(['kubectl get storageclass', 'terraform output']);
    expect(x.warnings).toContain('lines 69-70, 73-74: command output or prose in the shell block under "A bash block with pasted output" was left out');
  });

  it('reads a console block without prompts as commands', () => {
    expect(commands('Console without prompts')).toEqual(['df -h', 'free -m']);
  });

  it('keeps SQL as guarded SQL steps, judged by the SQL, psql prompts and query output left out', () => {
    expect(steps('Queries').map((s) => [s.kind, s.title, s.command, s.readOnly, s.destructive])).toEqual([
      ['sql', 'SELECT pid, state FROM pg_stat_activity', "SELECT pid, state FROM pg_stat_activity\n  WHERE state = 'idle in transaction';", true, false],
      ['sql', 'SELECT pg_terminate_backend(41233);', 'SELECT pg_terminate_backend(41233);', false, false],
      ['sql', 'Rows written in the last hour', "SELECT count(*) FROM orders WHERE created_at > now() - interval '1 hour';", true, false],
      ['sql', 'Remove the test orders', 'DELETE FROM orders WHERE customer_id = 0;', false, true],
      ['sql', 'Start over', 'TRUNCATE audit_log;', false, true],
    ]);
    expect(steps('Queries')[4].destructiveReasons).toEqual(['`TRUNCATE` deletes every row of a table']);
  });

  it('does not take Go and Helm templates in quoted arguments for placeholders, but still a blank outside them', () => {
    expect(steps('Templates in kubectl output formats').map((s) => s.placeholders)).toEqual([[], [], ['{{ service }}']]);
    expect(steps('Templates in kubectl output formats')[0].readOnly).toBe(true);
  });

  it('keeps a command whose last argument is "all" or "any", but still leaves a sentence out', () => {
    const y = importRunbook(['## Restart workers', '', '```bash', 'supervisorctl stop all', 'pm2 restart all', 'kill the stuck process', '```', ''].join('\n'));
    expect(y.procedures.flatMap((p) => p.steps.map((s) => s.command))).toEqual(['supervisorctl stop all', 'pm2 restart all']);
  });
});
