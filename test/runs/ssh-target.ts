import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeKeyPair, makeTempDir, type KeyPair } from '../fixtures/sshd/keys';
import { type Sshd, startSshd } from '../fixtures/sshd/sshd-fixture';

export interface SshTarget {
  dir: string;
  sshd: Sshd;
  clientKey: KeyPair;
  // ssh config with "Host web" for the sshd, and a known_hosts file with its key.
  configPath: string;
  knownHostsPath: string;
  stop(): Promise<void>;
}

// The sshd fixture without the engine's runner: Playwright loads test files as
// ES modules, where ssh2's CommonJS exports cannot be imported by name.
export async function startSshTarget(options: { env?: Record<string, string>; extraAuthorized?: string[] } = {}): Promise<SshTarget> {
  const dir = makeTempDir('e2e-ssh');
  const clientKey = makeKeyPair(dir, 'id_client');
  const sshd = await startSshd({ authorizedKeys: [clientKey.publicLine, ...(options.extraAuthorized ?? [])], env: options.env });
  const configPath = path.join(dir, 'ssh_config');
  fs.writeFileSync(
    configPath,
    ['Host web', '  HostName 127.0.0.1', `  Port ${sshd.port}`, `  User ${os.userInfo().username}`, `  IdentityFile ${clientKey.privatePath}`, ''].join('\n'),
  );
  const knownHostsPath = path.join(dir, 'known_hosts');
  fs.writeFileSync(knownHostsPath, `${sshd.knownHostsLine}\n`);
  return {
    dir,
    sshd,
    clientKey,
    configPath,
    knownHostsPath,
    async stop() {
      await sshd.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
