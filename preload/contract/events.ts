import { z } from 'zod';
import { alertEvents } from './alert-methods';
import { monitorEvents } from './monitor-events';
import { noticeEvents } from './notices';
import { runEvents } from './run-events';
import { TrayState, TrayTarget } from './tray';

// Every event the engine pushes to windows.
export const events = {
  // id is null when the change came from outside (another process wrote the database).
  'incidents.changed': z.object({ id: z.number().int().nullable() }),
  'tray.changed': TrayState,
  // A native notification was clicked where the platform reports clicks: open what it was about.
  'notification.clicked': TrayTarget,
  ...alertEvents,
  ...monitorEvents,
  ...noticeEvents,
  ...runEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
