import notifier from 'node-notifier';

export interface Delivery {
  title: string;
  body: string;
  sound: string | boolean;
}

export type Deliver = (delivery: Delivery, onClick: () => void) => Promise<void>;

// node-notifier picks the native route: Notification Center, Windows toasts, or notify-send → D-Bus on Linux.
// Clicks come back only where the platform reports them (not through notify-send).
export function nativeDeliver(appName = 'Trayage'): Deliver {
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
