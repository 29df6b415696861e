import os from 'node:os';
import path from 'node:path';
import { ChannelOpenError, openChannel, streamCommand, type StreamSettings } from './command-channel';
import type { CommandResult, CommandRunner, CommandStatus, RunOptions } from './command-types';
import { ConnectionPool } from './connection-pool';
import { resolveHost, type ResolvedHost } from './host-config';
import type { HostKeyPolicy } from './host-key';
import { DEFAULT_BATCH_LIMITS, type BatchLimits } from './output-batcher';
import type { AuthOptions } from './ssh-auth';
import { openConnection, type SshConnection } from './ssh-connection';

export type { CommandResult, CommandRunner, CommandStatus, RunOptions } from './command-types';

export interface SshRunnerOptions {
  // Defaults to ~/.ssh/config.
  sshConfigPath?: string;
  // Read-only known_hosts files; defaults to ~/.ssh/known_hosts.
  knownHostsFiles?: string[];
  // The application's own known_hosts, where trusted keys are added.
  trustedKnownHostsFile: string;
  trustFingerprints?: string[];
  auth?: AuthOptions;
  connectTimeoutMs?: number;
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  idleCloseMs?: number;
  batch?: BatchLimits;
  // Characters of each stream kept in the result (beginning and end).
  captureChars?: { head: number; tail: number };
  now?: () => number;
}

export class SshRunner implements CommandRunner {
  private readonly pool: ConnectionPool;
  private readonly now: () => number;
  private readonly hostKeys: HostKeyPolicy;
  private readonly stream: StreamSettings;
  // Gives up connections still being opened when the runner closes.
  private readonly closing = new AbortController();

  constructor(private readonly options: SshRunnerOptions) {
    this.now = options.now ?? Date.now;
    this.stream = {
      batch: options.batch ?? DEFAULT_BATCH_LIMITS,
      captureChars: options.captureChars ?? { head: 256 * 1024, tail: 256 * 1024 },
      now: this.now,
    };
    this.hostKeys = {
      knownHostsFiles: options.knownHostsFiles ?? [path.join(os.homedir(), '.ssh', 'known_hosts')],
      trustedFile: options.trustedKnownHostsFile,
      trustFingerprints: options.trustFingerprints ?? [],
    };
    this.pool = new ConnectionPool((alias) => this.open(alias), options.idleCloseMs ?? 5 * 60_000);
  }

  resolve(alias: string): ResolvedHost {
    return resolveHost(alias, this.options.sshConfigPath);
  }

  // Connects (or reuses the connection) without running anything: the place
  // where host key and authentication errors surface before a procedure starts.
  async connect(alias: string): Promise<{ authenticatedWith: string; via: string[] }> {
    const lease = await this.pool.acquire(alias);
    try {
      return { authenticatedWith: lease.connection.authenticatedWith, via: lease.connection.via };
    } finally {
      lease.release();
    }
  }

  async run(alias: string, command: string, options: RunOptions = {}): Promise<CommandResult> {
    const startedAt = this.now();
    if (options.signal?.aborted) return this.emptyResult(alias, command, startedAt, 'cancelled');
    for (let attempt = 0; ; attempt++) {
      const lease = await this.pool.acquire(alias);
      try {
        // A caller that gave up while the connection was being made (a monitor's
        // deadline) must not have its command started afterwards.
        if (options.signal?.aborted) return this.emptyResult(alias, command, startedAt, 'cancelled');
        const opened = await openChannel(lease.connection, command);
        return await streamCommand(opened, lease.connection, { alias, command, startedAt, options }, this.stream);
      } catch (err) {
        // A reused connection may have died quietly while idle; open a fresh one once.
        if (attempt === 0 && lease.reused && err instanceof ChannelOpenError) {
          this.pool.discard(lease.connection);
          continue;
        }
        throw err instanceof ChannelOpenError ? err.toPublic() : err;
      } finally {
        lease.release();
      }
    }
  }

  close(): void {
    this.closing.abort();
    this.pool.closeAll();
  }

  private open(alias: string): Promise<SshConnection> {
    const target = this.resolve(alias);
    return openConnection(target, {
      hostKeys: this.hostKeys,
      auth: this.options.auth ?? {},
      connectTimeoutMs: this.options.connectTimeoutMs ?? 15_000,
      keepaliveIntervalMs: this.options.keepaliveIntervalMs ?? 15_000,
      keepaliveCountMax: this.options.keepaliveCountMax ?? 3,
      signal: this.closing.signal,
      resolveJump: (host, user, port) => {
        const resolved = resolveHost(host, this.options.sshConfigPath);
        return { ...resolved, user: user ?? resolved.user, port: port ?? resolved.port, proxyJump: [] };
      },
    });
  }

  private emptyResult(alias: string, command: string, startedAt: number, status: CommandStatus): CommandResult {
    return {
      alias,
      command,
      status,
      exitCode: null,
      signal: null,
      stdout: '',
      stderr: '',
      stdoutBytes: 0,
      stderrBytes: 0,
      truncated: false,
      startedAt,
      durationMs: 0,
      firstByteMs: null,
    };
  }
}
