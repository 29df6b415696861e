import { ProgramError, runProgram } from './run-program';

export type DaemonStatus = { reachable: true } | { reachable: false; reason: string };

const SERVICE = 'org.freedesktop.Notifications';
// Unreachable is asked again after this long, so a daemon started later is found without a restart.
export const RECHECK_MS = 5 * 60_000;

export interface ProbeOptions {
  env: () => NodeJS.ProcessEnv;
  now: () => number;
  recheckMs?: number;
}

/**
 * Whether a desktop notification daemon can be reached, asked once and remembered: a reachable one
 * until a delivery fails, an unreachable one for a few minutes. Concurrent askers share one look-up.
 */
export class DaemonProbe {
  private known: { status: DaemonStatus; at: number } | null = null;
  private asking: Promise<DaemonStatus> | null = null;

  constructor(private readonly options: ProbeOptions) {}

  status(): Promise<DaemonStatus> {
    const known = this.known;
    const stale = known && !known.status.reachable && this.options.now() - known.at >= (this.options.recheckMs ?? RECHECK_MS);
    if (known && !stale) return Promise.resolve(known.status);
    this.asking ??= this.lookUp().finally(() => (this.asking = null));
    return this.asking;
  }

  /** Forgets what is known: the next delivery asks again (after a failure, the daemon may be gone). */
  forget(): void {
    this.known = null;
  }

  /** Records a finding made while delivering (notify-send missing), so it is not tried per notice. */
  remember(status: DaemonStatus): void {
    this.known = { status, at: this.options.now() };
  }

  private async lookUp(): Promise<DaemonStatus> {
    const status = await lookUpDaemon(this.options.env());
    this.remember(status);
    return status;
  }
}

async function lookUpDaemon(env: NodeJS.ProcessEnv): Promise<DaemonStatus> {
  const address = env.DBUS_SESSION_BUS_ADDRESS;
  if (!address) return { reachable: false, reason: 'DBUS_SESSION_BUS_ADDRESS is not set, so there is no desktop session bus to reach a notification daemon on' };
  const ask = (member: string, ...args: string[]) =>
    runProgram('dbus-send', ['--session', '--print-reply', '--reply-timeout=2000', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', `org.freedesktop.DBus.${member}`, ...args], env, 5_000);
  let owned: string;
  try {
    owned = await ask('NameHasOwner', `string:${SERVICE}`);
  } catch (err) {
    // Without dbus-send nothing can be told in advance; notify-send itself will say.
    if (err instanceof ProgramError && err.missing) return { reachable: true };
    return { reachable: false, reason: `the session bus ${address} did not answer (${(err as Error).message})` };
  }
  if (/boolean true/.test(owned)) return { reachable: true };
  // A daemon the bus starts on demand owns the name only once started; headless, starting it fails
  // (dunst without a display), and that failure is what every notify-send would run into.
  try {
    await ask('StartServiceByName', `string:${SERVICE}`, 'uint32:0');
    return { reachable: true };
  } catch (err) {
    return {
      reachable: false,
      reason: `nothing owns ${SERVICE} on the session bus ${address} and the bus could not start a daemon for it (${(err as Error).message}); start a notification daemon (e.g. dunst) for desktop notices`,
    };
  }
}
