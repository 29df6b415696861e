import type { Deliver, Delivery } from './deliver';
import { DaemonProbe } from './daemon-probe';
import { ProgramError, runProgram } from './run-program';

export interface LinuxDeliverOptions {
  appName?: string;
  // Read at each use, so a bus address set after start-up is seen at the next look-up.
  env?: () => NodeJS.ProcessEnv;
  now?: () => number;
  recheckMs?: number;
  probe?: DaemonProbe;
}

/**
 * Linux desktop notices: notify-send started directly with an argument array (no shell), only
 * while a notification daemon is reachable. Without one nothing is started per notice: the
 * notice goes to the browser pages, with the reason.
 */
export function linuxDeliver(options: LinuxDeliverOptions = {}): Deliver {
  const env = options.env ?? (() => process.env);
  const probe = options.probe ?? new DaemonProbe({ env, now: options.now ?? Date.now, recheckMs: options.recheckMs });
  const appName = options.appName ?? 'Trayage';
  return async (delivery) => {
    const status = await probe.status();
    if (!status.reachable) return { route: 'browser', reason: `No desktop notification daemon: ${status.reason}.` };
    try {
      await runProgram('notify-send', notifySendArgs(appName, delivery), env());
    } catch (err) {
      if (err instanceof ProgramError && err.missing) {
        const reason = 'notify-send is not installed (Debian/Ubuntu: apt-get install libnotify-bin)';
        probe.remember({ reachable: false, reason });
        return { route: 'browser', reason: `No desktop notices: ${reason}.` };
      }
      // The daemon may have gone away: the next notice asks again before starting anything.
      probe.forget();
      throw err;
    }
  };
}

function notifySendArgs(appName: string, delivery: Delivery): string[] {
  const args = [`--app-name=${appName}`];
  if (delivery.sound === false) args.push('--hint=boolean:suppress-sound:true');
  else if (typeof delivery.sound === 'string' && delivery.sound !== 'default') args.push(`--hint=string:sound-name:${delivery.sound}`);
  // "--" ends the options, so a title starting with "-" is shown, not parsed.
  return [...args, '--', delivery.title, delivery.body];
}
