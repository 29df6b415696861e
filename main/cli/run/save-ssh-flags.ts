import fs from 'node:fs';
import type { Engine } from '../../engine/engine';
import { UsageError } from '../cli-types';
import { call } from '../engine-call';
import { RUN_USAGE } from './run-flags';

/**
 * --ssh-config and --known-hosts become the data directory's SSH settings, saved through
 * hosts.settings exactly as the SSH window saves them: runs read their files from there, so
 * later runs, host checks and the app keep using them until they are changed again.
 */
export async function saveSshFlags(engine: Engine, sshConfig: string | undefined, knownHosts: string[], report: (line: string) => void): Promise<void> {
  if (sshConfig === undefined && knownHosts.length === 0) return;
  if (sshConfig !== undefined && !fs.existsSync(sshConfig)) {
    throw new UsageError(`--ssh-config ${sshConfig}: no such file; give the path of an ssh config file.`, RUN_USAGE);
  }
  const current = await call(engine, 'hosts.list');
  const patch: { sshConfigPath?: string; knownHostsFiles?: string[] } = {};
  if (sshConfig !== undefined && sshConfig !== current.configuredSshConfigPath) patch.sshConfigPath = sshConfig;
  if (knownHosts.length > 0 && knownHosts.join('\n') !== current.knownHostsFiles.join('\n')) patch.knownHostsFiles = knownHosts;
  if (!patch.sshConfigPath && !patch.knownHostsFiles) return;
  await call(engine, 'hosts.settings', patch);
  const saved = [patch.sshConfigPath && `ssh config ${patch.sshConfigPath}`, patch.knownHostsFiles && `known_hosts ${patch.knownHostsFiles.join(', ')}`];
  report(`Saved as the SSH settings of ${engine.info.dataDir} (as the SSH window does): ${saved.filter(Boolean).join('; ')}.`);
}
