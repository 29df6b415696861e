import fs from 'node:fs';
import path from 'node:path';
import { type HostsOverview, isErrorEnvelope, type ProcedureInfo } from '../../../preload/contract';
import type { Engine } from '../../engine/engine';
import { builtinProcedures } from '../../engine/runs/domain/builtin-procedures';
import type { Procedure } from '../../engine/runs/domain/procedure-types';
import { parseProcedureText } from '../../engine/runs/procedure-store';
import { GENERATED_CONFIG_NAME } from '../../engine/hosts/ssh-settings';

export interface CliRunContext {
  procedures: Procedure[];
  // What the app uses when the command line names none: its ssh config
  // (including hosts added in the app) and known_hosts files.
  sshConfigPath: string | null;
  knownHostsFiles: string[];
}

// Reads, through the engine's own methods, the procedures and SSH settings
// kept in a data dir, so `trayage run` sees the same hosts and procedures as the app.
export async function readCliRunContext(engine: Engine): Promise<CliRunContext> {
  const procedures = await ask<ProcedureInfo[]>(engine, 'procedures.list');
  const hosts = await ask<HostsOverview>(engine, 'hosts.list');
  const team = procedures.filter((p) => p.source === 'team' && p.text !== null).map((p) => parseProcedureText(p.text!, `stored procedure "${p.id}"`));
  const generated = path.join(engine.info.dataDir, GENERATED_CONFIG_NAME);
  const sshConfigPath = hosts.hosts.some((h) => h.source === 'app') ? generated : hosts.sshConfigExists ? hosts.sshConfigPath : null;
  return { procedures: [...builtinProcedures(), ...team], sshConfigPath, knownHostsFiles: hosts.knownHostsFiles.filter((f) => fs.existsSync(f)) };
}

async function ask<T>(engine: Engine, method: 'procedures.list' | 'hosts.list'): Promise<T> {
  const reply = await engine.dispatch({ id: 1, method, params: {} });
  if (isErrorEnvelope(reply)) throw new Error(reply.error.message);
  return reply.result as T;
}
