import type { EngineContext } from '../engine-context';
import { SshRunner } from '../lib/ssh/ssh-runner';
import { HostDirectory } from './host-directory';
import { registerHostHandlers } from './host-handlers';
import { HostStore } from './host-store';
import type { HostsPort } from './hosts-port';
import { PassphraseBroker } from './passphrase-broker';
import { RunnerProvider } from './runner-provider';

export interface HostsAreaOptions {
  // ssh-agent socket; undefined: SSH_AUTH_SOCK (Pageant on Windows); null: no agent.
  agentSocket?: string | null;
  connectTimeoutMs?: number;
  passphraseTimeoutMs?: number;
}

// The database keeps the beginning and the end of each stream; a run's output file has all of it.
const STORED_CHARS = { head: 32 * 1024, tail: 32 * 1024 };
// The run relay already limits what windows receive, so the runner's own batching
// only needs to be short enough not to delay the first line.
const RUNNER_BATCH = { intervalMs: 15, maxBytes: 64 * 1024 };

// SSH hosts: the ssh config (with hosts added in the app), known_hosts and trust, key passphrases,
// and the one shared runner every run, host check and SSH monitor connects through.
export function hostsArea(ctx: EngineContext, options: HostsAreaOptions = {}): HostsPort {
  const passphrases = new PassphraseBroker(
    (request) => ctx.emit('runs.passphrase-needed', request),
    (requestId) => ctx.emit('runs.passphrase-settled', { requestId }),
    options.passphraseTimeoutMs,
  );
  // Built on first use, so an engine that never connects never reads the ssh config.
  const runner = (interactive: boolean) =>
    new SshRunner({
      sshConfigPath: hosts.configPath(),
      knownHostsFiles: hosts.knownHostsFiles(),
      trustedKnownHostsFile: hosts.trustedFile(),
      auth: { agentSocket: options.agentSocket, ...(interactive ? { askPassphrase: passphrases.ask } : {}) },
      connectTimeoutMs: options.connectTimeoutMs,
      captureChars: STORED_CHARS,
      batch: RUNNER_BATCH,
    });
  const runners = new RunnerProvider(() => runner(true));
  // Monitors check unattended: a key that needs a passphrase fails the check instead of asking a
  // person every few seconds.
  const checkRunners = new RunnerProvider(() => runner(false));
  const hosts = new HostDirectory(ctx.settings, new HostStore(ctx.db), ctx.dataDir, ctx.actor, ctx.now, () => {
    runners.invalidate();
    checkRunners.invalidate();
  });
  registerHostHandlers(ctx, { hosts, runners, passphrases, agentSocket: options.agentSocket });
  ctx.onClose(() => {
    passphrases.cancelAll();
    runners.close();
    checkRunners.close();
  });
  return { acquire: () => runners.acquire(), acquireForChecks: () => checkRunners.acquire() };
}
