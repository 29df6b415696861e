import type { EngineContext } from '../engine-context';
import type { HostDirectory } from '../hosts/host-directory';
import { checkHost, trustHost } from '../hosts/host-trust';
import type { PassphraseBroker } from '../hosts/passphrase-broker';
import type { ProcedureStore } from './procedure-store';
import type { RunManager } from './run-manager';
import type { RunStore } from './run-store';
import type { RunnerProvider } from '../hosts/runner-provider';

export interface RunParts {
  hosts: HostDirectory;
  procedures: ProcedureStore;
  runs: RunStore;
  manager: RunManager;
  runners: RunnerProvider;
  passphrases: PassphraseBroker;
  agentSocket: string | null | undefined;
}

export function registerRunHandlers(ctx: EngineContext, parts: RunParts): void {
  const { registry } = ctx;
  const { hosts, procedures, runs, manager, runners, passphrases } = parts;

  registry.handle('procedures.list', () => procedures.list());
  registry.handle('procedures.save', (p) => procedures.save(p.text, ctx.actor, ctx.now()));
  registry.handle('procedures.delete', (p) => ({ deleted: procedures.delete(p.id) }));

  registry.handle('hosts.list', () => hosts.overview());
  registry.handle('hosts.add', (p) =>
    hosts.add({
      alias: p.alias,
      hostName: p.hostName,
      user: p.user ?? null,
      port: p.port ?? null,
      identityFile: p.identityFile ?? null,
      proxyJump: p.proxyJump ?? null,
    }),
  );
  registry.handle('hosts.remove', (p) => hosts.remove(p.alias));
  registry.handle('hosts.settings', (p) => hosts.updateSettings(p));
  registry.handle('hosts.check', async (p) => {
    const lease = runners.acquire();
    try {
      return await checkHost(lease.runner, p.alias);
    } finally {
      lease.release();
    }
  });
  registry.handle('hosts.trust', (p) =>
    trustHost(
      {
        sshConfigPath: hosts.configPath(),
        knownHostsFiles: hosts.knownHostsFiles(),
        trustedKnownHostsFile: hosts.trustedFile(),
        auth: { agentSocket: parts.agentSocket, askPassphrase: passphrases.ask },
      },
      p.alias,
      p.fingerprint,
    ),
  );

  registry.handle('runs.dryRun', (p) => {
    const { procedure, hosts: planned } = manager.plan(p.procedureId, p.hosts, p.params);
    return { procedureId: procedure.id, hosts: planned.map(({ host, steps }) => ({ host, steps: steps.map(publicStep) })) };
  });
  registry.handle('runs.start', (p) => manager.start(p));
  registry.handle('runs.cancel', (p) => ({ cancelled: manager.cancel(p.runId) }));
  registry.handle('runs.get', (p) => manager.get(p.runId));
  registry.handle('runs.list', (p) => runs.list(p.incidentId, p.limit));
  registry.handle('runs.stepOutput', (p) => {
    runs.row(p.runId);
    return runs.stepOutput(p.runId, p.host, p.stepIndex);
  });
  registry.handle('runs.respond', (p) => ({ accepted: manager.respond(p.runId, p.promptId, p.value) }));
  registry.handle('runs.answerPassphrase', (p) => ({ accepted: passphrases.answer(p.requestId, p.passphrase) }));
}

// The contract's planned step: what a window shows before anything runs.
function publicStep(step: ReturnType<RunManager['plan']>['hosts'][number]['steps'][number]) {
  const { index, title, kind, host, command, awaiting, destructive, reasons, needsConfirmation, timeoutMs, continueOnFailure } = step;
  return { index, title, kind, host, command, awaiting, destructive, reasons, needsConfirmation, timeoutMs, continueOnFailure };
}
