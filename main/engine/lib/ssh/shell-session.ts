import { randomBytes } from 'node:crypto';
import type { CommandResult, CommandRunner, RunOptions } from './command-types';
import { sessionCleanupCommand, sessionCommand } from './session-script';

// Removing the state directory must not hold up the end of a run: a host
// that just dropped would otherwise keep it waiting for a reconnect.
const CLEANUP_WAIT_MS = 5000;

// Commands on one host that share a shell's working directory and variables,
// as if typed one after the other (see session-script.ts). Each still runs
// on its own channel with its own status, output, timeout and cancel.
export class ShellSession {
  private readonly id = randomBytes(16).toString('hex');
  private commands = 0;
  // Commands that ran to their exit, newest first: their states.
  private readonly exited: number[] = [];
  // A command that keeps state has started, and no last command removed it since.
  private directoryMayExist = false;

  constructor(
    private readonly runner: CommandRunner,
    readonly alias: string,
  ) {}

  // `last`: no later command of this session will come, so this one keeps no
  // state and removes the directory (a session of one command never makes it).
  async run(command: string, options: RunOptions = {}, last = false): Promise<CommandResult> {
    const to = last ? null : ++this.commands;
    if (!last) this.directoryMayExist = true;
    const result = await this.runner.run(this.alias, sessionCommand({ sessionId: this.id, from: this.exited, to }, command), options);
    // Only a command whose shell ran to its exit has written its state in
    // full. One stopped on timeout or cancel may still be running there and
    // write later; the next command must not pick that up.
    if (result.status === 'exited') {
      if (to === null) this.directoryMayExist = false;
      else this.exited.unshift(to);
    }
    return { ...result, command };
  }

  // Best effort: a directory left behind is small, private and in $TMPDIR.
  async close(): Promise<void> {
    if (!this.directoryMayExist) return;
    this.directoryMayExist = false;
    const cleanup = this.runner.run(this.alias, sessionCleanupCommand(this.id), { timeoutMs: CLEANUP_WAIT_MS }).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const wait = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLEANUP_WAIT_MS)));
    await Promise.race([cleanup, wait]);
    clearTimeout(timer);
  }
}

// One session per host a procedure touches.
export class ShellSessions {
  private readonly sessions = new Map<string, ShellSession>();

  constructor(private readonly runner: CommandRunner) {}

  on(alias: string): ShellSession {
    let session = this.sessions.get(alias);
    if (!session) {
      session = new ShellSession(this.runner, alias);
      this.sessions.set(alias, session);
    }
    return session;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    this.sessions.clear();
  }
}
