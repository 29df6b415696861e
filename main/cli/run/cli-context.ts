import fs from 'node:fs';
import path from 'node:path';
import type { Engine } from '../../engine/engine';
import { GENERATED_CONFIG_NAME } from '../../engine/hosts/ssh-settings';
import { call } from '../engine-call';

export interface CliRunContext {
  // What the app connects with when the command line names nothing else: its ssh config
  // (including hosts added in the app) and known_hosts files.
  sshConfigPath: string | null;
  knownHostsFiles: string[];
}

// The SSH files a data dir's runs use, read through the engine's own methods, for commands
// that connect outside a run (`trayage check`).
export async function readCliRunContext(engine: Engine): Promise<CliRunContext> {
  const hosts = await call(engine, 'hosts.list');
  const generated = path.join(engine.info.dataDir, GENERATED_CONFIG_NAME);
  const sshConfigPath = hosts.hosts.some((h) => h.source === 'app') ? generated : hosts.sshConfigExists ? hosts.sshConfigPath : null;
  return { sshConfigPath, knownHostsFiles: hosts.knownHostsFiles.filter((f) => fs.existsSync(f)) };
}
