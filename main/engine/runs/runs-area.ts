import type { EngineArea } from '../engine-context';
import { IncidentStore } from '../incidents/incident-store';
import { SshRunner } from '../lib/ssh/ssh-runner';
import { HostDirectory } from '../hosts/host-directory';
import { HostStore } from '../hosts/host-store';
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from './output-relay';
import { PassphraseBroker } from '../hosts/passphrase-broker';
import { ProcedureStore } from './procedure-store';
import { registerRunHandlers } from './run-handlers';
import { RunManager } from './run-manager';
import { RunStore } from './run-store';
import { RunTimeline } from './run-timeline';
import { RunnerProvider } from '../hosts/runner-provider';

export interface RunsAreaOptions {
  // ssh-agent socket; undefined: SSH_AUTH_SOCK (Pageant on Windows); null: no agent.
  agentSocket?: string | null;
  relay?: RelayLimits;
  connectTimeoutMs?: number;
  passphraseTimeoutMs?: number;
}

// The database keeps the beginning and the end of each stream; the output file has all of it.
const STORED_CHARS = { head: 32 * 1024, tail: 32 * 1024 };
// The relay already limits what windows receive, so the runner's own batching
// only needs to be short enough not to delay the first line.
const RUNNER_BATCH = { intervalMs: 15, maxBytes: 64 * 1024 };

// SSH diagnostics and guarded procedures: hosts, host keys, procedures, runs and their audit trail.
export function runsArea(options: RunsAreaOptions = {}): EngineArea {
  return (ctx) => {
    const report = ctx.reportError;
    const runs = new RunStore(ctx.db);
    runs.markOrphans(processAlive, ctx.now());
    const passphrases = new PassphraseBroker(
      (request) => ctx.emit('runs.passphrase-needed', request),
      (requestId) => ctx.emit('runs.passphrase-settled', { requestId }),
      options.passphraseTimeoutMs,
    );
    // Built on first use, so an engine that never runs a command never reads the ssh config.
    const runners = new RunnerProvider(
      () =>
        new SshRunner({
          sshConfigPath: hosts.configPath(),
          knownHostsFiles: hosts.knownHostsFiles(),
          trustedKnownHostsFile: hosts.trustedFile(),
          auth: { agentSocket: options.agentSocket, askPassphrase: passphrases.ask },
          connectTimeoutMs: options.connectTimeoutMs,
          captureChars: STORED_CHARS,
          batch: RUNNER_BATCH,
        }),
    );
    const hosts = new HostDirectory(ctx.settings, new HostStore(ctx.db), ctx.dataDir, ctx.actor, ctx.now, () => runners.invalidate());
    const procedures = new ProcedureStore(ctx.db);
    const incidents = new IncidentStore(ctx.db);
    const manager = new RunManager({
      ctx,
      runs,
      procedures,
      incidents,
      timeline: new RunTimeline(ctx, incidents),
      runners,
      relayLimits: options.relay ?? DEFAULT_RELAY_LIMITS,
      report,
    });
    registerRunHandlers(ctx, { hosts, procedures, runs, manager, runners, passphrases, agentSocket: options.agentSocket });
    ctx.onClose(() => {
      manager.close();
      passphrases.cancelAll();
      runners.close();
    });
  };
}

// A run marked "running" by another live process (the app while the CLI
// opens the same database) is left alone.
function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
