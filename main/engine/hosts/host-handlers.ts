import type { EngineContext } from '../engine-context';
import type { HostDirectory } from './host-directory';
import { checkHost, trustHost } from './host-trust';
import type { PassphraseBroker } from './passphrase-broker';
import type { RunnerProvider } from './runner-provider';

export interface HostParts {
  hosts: HostDirectory;
  runners: RunnerProvider;
  passphrases: PassphraseBroker;
  agentSocket: string | null | undefined;
}

export function registerHostHandlers(ctx: EngineContext, parts: HostParts): void {
  const { registry } = ctx;
  const { hosts, runners, passphrases } = parts;

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
  registry.handle('runs.answerPassphrase', (p) => ({ accepted: passphrases.answer(p.requestId, p.passphrase) }));
}
