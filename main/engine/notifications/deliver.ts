import notifier from 'node-notifier';
import type { Deliver } from './delivery-types';
import { linuxDeliver } from './linux-deliver';

export type { Deliver, Delivery, ToBrowser } from './delivery-types';

/** The desktop route for this platform: the D-Bus notification service on Linux, node-notifier elsewhere. */
export function nativeDeliver(appName = 'Trayage'): Deliver {
  return process.platform === 'linux' ? linuxDeliver({ appName }) : notifierDeliver(appName);
}

// Notification Center or Windows toasts; clicks come back where the platform reports them.
function notifierDeliver(appName: string): Deliver {
  const clickable = process.platform === 'darwin' || process.platform === 'win32';
  return (delivery, onClick) =>
    new Promise((resolve, reject) => {
      notifier.notify(
        { title: delivery.title, message: delivery.body, sound: delivery.sound, appID: appName, wait: clickable },
        (err: Error | null, response: string) => {
          if (err) return reject(err);
          if (clickable && (response === 'activate' || response === 'clicked')) onClick();
          resolve();
        },
      );
    });
}
