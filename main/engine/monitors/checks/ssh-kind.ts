import { z } from 'zod';
import { FieldError, type CheckContext, type ErrorKind, type MonitorDefinition, type MonitorKind, type Probe } from '../domain/check-types';
import { parseCondition } from '../domain/condition-parser';
import { formatDuration } from '../../lib/config/duration';
import { FIELD_LIMITS as limits } from '../config-limits';
import type { ReportsFacts } from './kind-facts';
import type { CommandRunner } from '../../lib/ssh/command-types';
import { runSshCommandCheck, type SshCheckErrorKind } from '../../lib/ssh/ssh-command-check';

export interface SshSettings {
  /** An alias resolved through the same ssh config as runs. */
  host: string;
  command: string;
}

/**
 * Where SSH monitors get their connections: in the engine, the hosts' runner provider, so monitors
 * resolve hosts, check host keys and reuse connections exactly like runs; in `trayage check`, a
 * runner built from the data dir's SSH settings.
 */
export interface SshSource {
  acquire(): { runner: CommandRunner; release(): void };
}

const ERROR_KINDS: Record<SshCheckErrorKind, ErrorKind> = {
  'host-key-unknown': 'host-key',
  'host-key-changed': 'host-key',
  auth: 'auth',
  timeout: 'timeout',
  connect: 'ssh',
};

// A monitor runs unattended, so it can only report an unknown key; trusting it is a person's decision.
const UNKNOWN_KEY_ADVICE =
  ' Monitors never trust a host key themselves: once you have checked it, trust it in the SSH window ' +
  '(or with trayage run --trust) or add it to a known_hosts file Trayage reads, and the next check connects.';

const EXIT_OK = parseCondition('[EXIT_CODE] == 0');

/** Runs the command once; the whole run, connecting included, is bounded by the monitor's timeout. */
export async function sshProbe(monitor: MonitorDefinition<SshSettings>, ctx: CheckContext, source: SshSource | undefined): Promise<Probe> {
  const { host, command } = monitor.settings;
  const checkedAt = ctx.now();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (!source) {
    return {
      checkedAt,
      responseTimeMs: 0,
      errorKind: 'internal',
      error: `SSH monitors cannot run in this process: it was started without access to the SSH hosts, so "${host}" was not contacted`,
    };
  }
  const lease = source.acquire();
  const controller = new AbortController();
  // The lease is held until the command really ends, even when the deadline answered first.
  const run = runSshCommandCheck({ host, command, timeoutMs: monitor.timeoutMs, signal: controller.signal }, lease.runner).finally(() => lease.release());
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(null);
    }, monitor.timeoutMs);
  });
  const result = await Promise.race([run, deadline]);
  clearTimeout(timer);
  if (!result) {
    return { checkedAt, responseTimeMs: elapsed(), errorKind: 'timeout', error: `"${command}" on ${host} did not finish within ${formatDuration(monitor.timeoutMs)} (connecting included)` };
  }
  if (result.error !== undefined) {
    const advice = result.errorKind === 'host-key-unknown' ? UNKNOWN_KEY_ADVICE : '';
    return { checkedAt, responseTimeMs: elapsed(), errorKind: ERROR_KINDS[result.errorKind ?? 'connect'], error: result.error + advice };
  }
  return { checkedAt, responseTimeMs: elapsed(), exitCode: result.exitCode ?? undefined, stdout: result.stdout.trimEnd(), value: result.value };
}

/** SSH-command monitors: `kind: ssh`, `host:` and `command:`; without conditions the command must exit 0. */
export function sshKind(source?: SshSource): MonitorKind<SshSettings> & ReportsFacts<SshSettings> {
  return {
    kind: 'ssh',
    fields: { host: z.string().trim().min(1).max(limits.host), command: z.string().trim().min(1).max(limits.command) },
    build(values) {
      const host = values.host as string;
      const command = values.command as string;
      if (/\s/.test(host) || host.startsWith('-')) {
        throw new FieldError('host', `'${host}' is not an SSH host; write a Host alias from your ssh config or the SSH window, e.g. web-1`);
      }
      return { settings: { host, command }, target: `${host}: ${command}`, defaultConditions: [EXIT_OK] };
    },
    reports: () => ({ facts: ['exitCode', 'stdout', 'value'] }),
    probe: (monitor, ctx) => sshProbe(monitor, ctx, source),
  };
}
