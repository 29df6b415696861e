import notifier from 'node-notifier';
import { linuxDeliver } from './linux-deliver';

export interface Delivery {
  title: string;
  body: string;
  sound: string | boolean;
}

/**
 * A notice that could not go to the desktop for a reason that retrying will not fix (no
 * notification daemon): the browser pages are its target instead, and the reason is kept.
 */
export interface ToBrowser {
  route: 'browser';
  reason: string;
}

// Resolves (with nothing) once the desktop showed it; rejects when it failed and is worth retrying.
export type Deliver = (delivery: Delivery, onClick: () => void) => Promise<void | ToBrowser>;

/** The desktop route for this platform: D-Bus through notify-send on Linux, node-notifier elsewhere. */
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
