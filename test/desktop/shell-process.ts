import { fork } from 'node:child_process';
import path from 'node:path';
import { BRIDGE_KEY } from '../../preload/contract/api';

export const DIST = path.resolve(import.meta.dirname, '../../dist');
const STAND_IN = path.resolve(import.meta.dirname, 'fake-electron/register.cjs');
const WAIT_MS = 30_000;

// One call the shell made on the electron stand-in, numbered in the order the test received it.
export interface ShellRecord {
  kind: string;
  seq: number;
  t: number;
  [detail: string]: any;
}

export interface ShellProcess {
  records: ShellRecord[];
  // The first record of this kind after `after` (and matching `where`), now or when it arrives.
  next(kind: string, options?: { after?: ShellRecord; where?: (record: ShellRecord) => boolean }): Promise<ShellRecord>;
  // A user action played on the stand-in: a tray click, a menu item, a window's call.
  command(name: string, detail?: Record<string, unknown>): void;
  // A call as the renderer makes it: through what the preload exposed, to the engine and back.
  bridgeCall(request: { id: number; method: string; params: unknown }): Promise<any>;
  // Listens to the engine's events as the renderer does; each arrives as a bridge.event record.
  bridgeSubscribe(): void;
  exited: Promise<number | null>;
  kill(): Promise<void>;
}

interface Wait {
  matches(record: ShellRecord): boolean;
  resolve(record: ShellRecord): void;
  fail(reason: string): void;
}

// Runs the built shell in its own Node process with `electron` resolved to the recording stand-in,
// so the single-instance lock and process exits are as real as the forked engine.
export function startShell(userData: string): ShellProcess {
  const proc = fork(path.join(DIST, 'desktop.cjs'), [], {
    execArgv: ['--require', STAND_IN],
    env: { ...process.env, FAKE_ELECTRON_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const records: ShellRecord[] = [];
  const waits = new Set<Wait>();
  let output = '';
  proc.stdout!.on('data', (chunk) => (output += chunk));
  proc.stderr!.on('data', (chunk) => (output += chunk));
  const failAll = (reason: string) => {
    for (const wait of waits) wait.fail(reason);
  };

  proc.on('message', (message: { record?: { kind: string; t: number; [detail: string]: any } }) => {
    if (!message.record) return;
    const record: ShellRecord = { ...message.record, seq: records.length };
    records.push(record);
    for (const wait of waits) if (wait.matches(record)) wait.resolve(record);
    if (record.kind === 'command.failed') failAll(`command ${record.command} failed: ${record.message}`);
  });
  // A command sent after the shell has gone.
  proc.on('error', (err) => failAll(err.message));
  // Only once the channel is closed too has every record arrived.
  const exited = Promise.all([
    new Promise<number | null>((resolve) => proc.once('close', resolve)),
    new Promise((resolve) => proc.once('disconnect', resolve)),
  ]).then(([code]) => {
    failAll(`the shell exited with code ${code}`);
    return code;
  });

  const next: ShellProcess['next'] = (kind, { after, where = () => true } = {}) => {
    const matches = (record: ShellRecord) => record.kind === kind && record.seq > (after?.seq ?? -1) && where(record);
    const found = records.find(matches);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const wait: Wait = {
        matches,
        resolve(record) {
          settle();
          resolve(record);
        },
        fail(reason) {
          settle();
          const seen = records.map((r) => r.kind).join(', ');
          reject(new Error(`no ${kind} record: ${reason}\nrecords: ${seen}\nshell output:\n${output}`));
        },
      };
      const timer = setTimeout(() => wait.fail(`none in ${WAIT_MS / 1000} s`), WAIT_MS);
      const settle = () => {
        clearTimeout(timer);
        waits.delete(wait);
      };
      waits.add(wait);
    });
  };

  const command: ShellProcess['command'] = (name, detail = {}) => proc.send({ command: name, ...detail });

  return {
    records,
    next,
    command,
    async bridgeCall(request) {
      const after = records.at(-1);
      command('bridge-invoke', { key: BRIDGE_KEY, id: request.id, request });
      return (await next('bridge.reply', { after, where: (r) => r.id === request.id })).reply;
    },
    bridgeSubscribe: () => command('bridge-subscribe', { key: BRIDGE_KEY }),
    exited,
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}
