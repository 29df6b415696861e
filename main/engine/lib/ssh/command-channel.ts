import type { ClientChannel } from 'ssh2';
import type { CommandResult, CommandStatus, RunOptions } from './command-types';
import { OutputBatcher, type BatchLimits } from './output-batcher';
import { OutputCapture } from './output-capture';
import type { SshConnection } from './ssh-connection';
import { SshConnectError } from './ssh-errors';

export interface StreamSettings {
  batch: BatchLimits;
  captureChars: { head: number; tail: number };
  now: () => number;
}

// How long a stopped command may take to confirm the channel close. OpenSSH
// refuses signal requests for root logins (no privilege separation after
// auth) and keeps the channel until the remote process ends on its own; the
// result does not wait for that.
const CANCEL_GRACE_MS = 500;

// Streams one command's output to the batch listener while keeping a bounded
// copy for the result; stops it on timeout or abort.
export function streamCommand(
  { channel, exit }: OpenedChannel,
  connection: SshConnection,
  request: { alias: string; command: string; startedAt: number; options: RunOptions },
  settings: StreamSettings,
): Promise<CommandResult> {
  const { alias, command, startedAt, options } = request;
  const head = settings.captureChars.head;
  const tail = settings.captureChars.tail;
  const stdout = new OutputCapture(head, tail);
  const stderr = new OutputCapture(head, tail);
  let firstByteMs: number | null = null;
  let stoppedBy: 'timeout' | 'cancelled' | null = null;

  const batcher = new OutputBatcher((batch) => {
    if (batch.stdout) stdout.append(batch.stdout);
    if (batch.stderr) stderr.append(batch.stderr);
    options.onOutput?.(batch);
  }, settings.batch);

  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      stopWatchingConnection();
      clearTimeout(timer);
      clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      batcher.end();
      let status: CommandStatus;
      if (stoppedBy) status = stoppedBy;
      else if (exit.code !== null) status = 'exited';
      else if (exit.signal !== null) status = 'signalled';
      else status = 'lost';
      resolve({
        alias,
        command,
        status,
        exitCode: exit.code,
        signal: exit.signal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        stdoutBytes: stdout.bytes,
        stderrBytes: stderr.bytes,
        truncated: stdout.truncated || stderr.truncated,
        startedAt,
        durationMs: settings.now() - startedAt,
        firstByteMs,
      });
    };
    const stop = (reason: 'timeout' | 'cancelled') => {
      if (done || stoppedBy) return;
      stoppedBy = reason;
      // OpenSSH delivers the signal to the remote command; closing the
      // channel covers servers that refuse signal requests.
      try {
        channel.signal('KILL');
      } catch {
        // The channel may already be closing; close() below is what matters.
      }
      channel.close();
      graceTimer = setTimeout(finish, CANCEL_GRACE_MS);
    };
    const onAbort = () => stop('cancelled');
    const onData = (which: 'stdout' | 'stderr') => (chunk: Buffer) => {
      firstByteMs ??= settings.now() - startedAt;
      (which === 'stdout' ? stdout : stderr).bytes += chunk.length;
      batcher.push(which, chunk);
    };

    channel.on('data', onData('stdout'));
    channel.stderr.on('data', onData('stderr'));
    channel.on('close', finish);
    const stopWatchingConnection = connection.onClose(finish);
    if (options.timeoutMs && options.timeoutMs > 0) timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
  });
}

export class ChannelOpenError extends Error {
  constructor(
    readonly alias: string,
    readonly reason: Error,
  ) {
    super(reason.message);
  }
  toPublic(): SshConnectError {
    return new SshConnectError(this.alias, `Could not start a command on "${this.alias}": ${this.reason.message}.`);
  }
}

export interface OpenedChannel {
  channel: ClientChannel;
  // Filled by a listener attached inside the exec callback: a fast command's
  // exit-status can arrive in the same socket read as the exec reply, before
  // any later listener would exist.
  exit: { code: number | null; signal: string | null };
}

export function openChannel(connection: SshConnection, command: string): Promise<OpenedChannel> {
  return new Promise((resolve, reject) => {
    const alias = connection.host.alias;
    if (!connection.isOpen()) {
      reject(new ChannelOpenError(alias, new Error('connection closed')));
      return;
    }
    try {
      connection.client.exec(command, (err, channel) => {
        if (err) return reject(new ChannelOpenError(alias, err));
        const exit: OpenedChannel['exit'] = { code: null, signal: null };
        channel.on('exit', (code: number | null, signalName?: string) => {
          if (typeof code === 'number') exit.code = code;
          else if (signalName) exit.signal = signalName;
        });
        resolve({ channel, exit });
      });
    } catch (err) {
      reject(new ChannelOpenError(alias, err as Error));
    }
  });
}
