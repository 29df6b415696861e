import fs from 'node:fs';
import type { HostsOverview, SshHost } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';
import type { SettingsStore } from '../settings/settings-store';
import { resolveHost } from '../lib/ssh/host-config';
import type { AppHost, HostStore } from './host-store';
import { sshConfigAliases } from './ssh-config-hosts';
import {
  effectiveSshConfig,
  knownHostsFiles,
  readSshSettings,
  type SshSettings,
  trustedKnownHostsFile,
  userSshConfigPath,
  writeSshSettings,
} from './ssh-settings';

// Hosts from the user's ssh config plus those added in the app, and the
// files that decide how they resolve and which host keys are known.
export class HostDirectory {
  constructor(
    private readonly settings: SettingsStore,
    private readonly store: HostStore,
    private readonly dataDir: string,
    private readonly actor: string,
    private readonly now: () => number,
    // Called after anything that changes how hosts resolve.
    private readonly changed: () => void,
  ) {}

  sshSettings(): SshSettings {
    return readSshSettings(this.settings);
  }

  configPath(): string {
    return effectiveSshConfig(this.dataDir, this.sshSettings(), this.store.list());
  }

  knownHostsFiles(): string[] {
    return knownHostsFiles(this.sshSettings());
  }

  trustedFile(): string {
    return trustedKnownHostsFile(this.dataDir);
  }

  overview(): HostsOverview {
    const value = this.sshSettings();
    const userConfig = userSshConfigPath(value);
    const base = {
      sshConfigPath: userConfig,
      sshConfigExists: fs.existsSync(userConfig),
      configuredSshConfigPath: value.sshConfigPath,
      knownHostsFiles: knownHostsFiles(value),
      trustedKnownHostsFile: this.trustedFile(),
    };
    const appHosts = this.store.list();
    let fromConfig: string[] = [];
    let problem: string | null = null;
    try {
      fromConfig = sshConfigAliases(userConfig);
    } catch (err) {
      problem = (err as Error).message;
    }
    const effective = appHosts.length ? this.configPath() : userConfig;
    const hosts = [
      ...appHosts.map((h) => describe(h.alias, effective, 'app')),
      ...fromConfig.filter((alias) => !appHosts.some((h) => h.alias === alias)).map((alias) => describe(alias, userConfig, 'ssh-config')),
    ];
    return { ...base, hosts, problem };
  }

  add(host: AppHost): HostsOverview {
    const userConfig = userSshConfigPath(this.sshSettings());
    if (this.store.has(host.alias)) throw new RpcFailure('conflict', `A host "${host.alias}" was already added in Trayage; remove it first to change it.`, [{ path: 'alias', message: 'already added' }]);
    let inConfig: string[] = [];
    try {
      inConfig = sshConfigAliases(userConfig);
    } catch {
      // An unreadable config is reported by the overview; it cannot clash with the new alias.
    }
    if (inConfig.includes(host.alias)) {
      throw new RpcFailure('conflict', `"${host.alias}" is already a Host in ${userConfig}; pick another alias or edit that file.`, [
        { path: 'alias', message: `already in ${userConfig}` },
      ]);
    }
    if (host.identityFile && !fs.existsSync(host.identityFile)) {
      throw new RpcFailure('bad_request', `Identity file ${host.identityFile} does not exist; give the path of a private key (e.g. ~/.ssh/id_ed25519).`, [
        { path: 'identityFile', message: 'file not found' },
      ]);
    }
    this.store.add(host, this.actor, this.now());
    this.changed();
    return this.overview();
  }

  remove(alias: string): HostsOverview {
    if (!this.store.remove(alias)) {
      throw new RpcFailure('not_found', `"${alias}" was not added in Trayage; hosts from the ssh config are changed in that file.`);
    }
    this.changed();
    return this.overview();
  }

  updateSettings(patch: { sshConfigPath?: string | null; knownHostsFiles?: string[] }): HostsOverview {
    const current = this.sshSettings();
    const next: SshSettings = {
      sshConfigPath: patch.sshConfigPath === undefined ? current.sshConfigPath : patch.sshConfigPath,
      knownHostsFiles: patch.knownHostsFiles ?? current.knownHostsFiles,
    };
    if (next.sshConfigPath && !fs.existsSync(userSshConfigPath(next))) {
      throw new RpcFailure('bad_request', `SSH config file ${next.sshConfigPath} does not exist; give an existing file, or clear the field to use ~/.ssh/config.`, [
        { path: 'sshConfigPath', message: 'file not found' },
      ]);
    }
    writeSshSettings(this.settings, next);
    this.changed();
    return this.overview();
  }
}

function describe(alias: string, configPath: string, source: SshHost['source']): SshHost {
  try {
    const resolved = resolveHost(alias, configPath);
    return {
      alias,
      hostName: resolved.hostName,
      user: resolved.user,
      port: resolved.port,
      proxyJump: resolved.proxyJump.map((j) => `${j.user ? `${j.user}@` : ''}${j.host}${j.port ? `:${j.port}` : ''}`),
      identityFiles: resolved.identitiesFromConfig ? resolved.identityFiles : [],
      source,
      problem: null,
    };
  } catch (err) {
    return { alias, hostName: '', user: '', port: 22, proxyJump: [], identityFiles: [], source, problem: (err as Error).message };
  }
}
