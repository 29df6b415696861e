import { DaemonProbe } from './daemon-probe';
import { NotificationsBus } from './dbus-notifications';
import type { Deliver } from './delivery-types';

export interface LinuxDeliverOptions {
  appName?: string;
  // Read at each connection, so a bus address set after start-up is seen when the bus is next opened.
  env?: () => NodeJS.ProcessEnv;
  now?: () => number;
  recheckMs?: number;
}

/**
 * Linux desktop notices: Notify calls on one kept-open session-bus connection, in-process (no
 * program is started per notice), only while a notification daemon is reachable. Without one the
 * notice goes to the browser pages, with the reason. A click on a notice calls its onClick.
 */
export function linuxDeliver(options: LinuxDeliverOptions = {}): Deliver {
  const bus = new NotificationsBus({ env: options.env ?? (() => process.env), appName: options.appName ?? 'Trayage' });
  const probe = new DaemonProbe({ lookUp: () => bus.daemonStatus(), now: options.now ?? Date.now, recheckMs: options.recheckMs });
  const deliver = async (...[delivery, onClick]: Parameters<Deliver>) => {
    const status = await probe.status();
    if (!status.reachable) return { route: 'browser' as const, reason: `No desktop notification daemon: ${status.reason}.` };
    try {
      await bus.show(delivery, onClick);
    } catch (err) {
      // The daemon or the bus may have gone away: the retry asks again before showing anything.
      probe.forget();
      throw err;
    }
  };
  return Object.assign(deliver, { close: () => bus.close() });
}
