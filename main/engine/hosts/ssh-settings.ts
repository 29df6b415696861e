import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { defaultSshConfigPath } from '../lib/ssh/host-config';
import type { SettingsStore } from '../settings/settings-store';
import type { AppHost } from './host-store';

const KEY = 'ssh.settings';
const SshSettingsSchema = z.object({
  sshConfigPath: z.string().nullable().default(null),
  knownHostsFiles: z.array(z.string()).default([]),
});
export type SshSettings = z.infer<typeof SshSettingsSchema>;

export const GENERATED_CONFIG_NAME = 'ssh_config';

export function readSshSettings(settings: SettingsStore): SshSettings {
  return settings.get(KEY, SshSettingsSchema, { sshConfigPath: null, knownHostsFiles: [] });
}

export function writeSshSettings(settings: SettingsStore, value: SshSettings): void {
  settings.set(KEY, value);
}

export function userSshConfigPath(value: SshSettings): string {
  return value.sshConfigPath ? expandHome(value.sshConfigPath) : defaultSshConfigPath();
}

// Read-only known_hosts files; Trayage adds trusted keys only to its own file.
export function knownHostsFiles(value: SshSettings): string[] {
  return value.knownHostsFiles.length ? value.knownHostsFiles.map(expandHome) : [path.join(os.homedir(), '.ssh', 'known_hosts')];
}

export function trustedKnownHostsFile(dataDir: string): string {
  return path.join(dataDir, 'known_hosts');
}

// The ssh config the runner reads. Without hosts added in the app it is the
// user's own file; with them, a file in the data dir that lists those hosts
// first and then includes the user's file, so both resolve the way OpenSSH
// would (first value wins) and the user's file is never written to.
export function effectiveSshConfig(dataDir: string, value: SshSettings, appHosts: AppHost[]): string {
  const userConfig = userSshConfigPath(value);
  if (appHosts.length === 0) return userConfig;
  const file = path.join(dataDir, GENERATED_CONFIG_NAME);
  const lines = ['# Written by Trayage from the hosts added in the app; changes here are overwritten.', ''];
  for (const host of appHosts) {
    lines.push(`Host ${host.alias}`, `  HostName ${host.hostName}`);
    if (host.user) lines.push(`  User ${host.user}`);
    if (host.port) lines.push(`  Port ${host.port}`);
    if (host.identityFile) lines.push(`  IdentityFile "${host.identityFile}"`);
    if (host.proxyJump) lines.push(`  ProxyJump ${host.proxyJump}`);
    lines.push('');
  }
  // "Host *" closes the last block so the user's global options stay global.
  if (fs.existsSync(userConfig)) lines.push('Host *', `Include "${userConfig}"`, '');
  const text = lines.join('\n');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/') ? os.homedir() + file.slice(1) : file;
}
