import type { TrayTarget } from '../../../preload/contract';

export interface NotificationRequest {
  // One per event and stable for it (e.g. "monitor:7:down:<outage start>"), never the time of
  // asking: the same key is shown at most once, even when two engines raise the same event.
  key: string;
  title: string;
  body: string;
  severity?: string;
  target?: TrayTarget;
  // What a snooze may silence, e.g. "monitor:7"; global snoozes silence everything.
  scope?: string;
}

export interface NotifyOutcome {
  id: number | null;
  // 'closed': raised after the engine closed (a check finishing during shutdown), so not recorded.
  suppressed: 'duplicate' | 'snoozed' | 'closed' | null;
}

/** What areas use to tell a person something; whether and when it is shown is the outbox's business. */
export interface NotificationsPort {
  /** Records the notice; an engine that delivers shows it at once, otherwise the one running does. */
  notify(request: NotificationRequest): NotifyOutcome;
  snooze(scope: string, until: number): void;
  /** Snoozes still running, by scope ("all" for everything). */
  snoozes(): Record<string, number>;
  /** Sound per severity, "default" for the rest; true is the platform's sound, false none. */
  setSounds(sounds: Record<string, string | boolean>): void;
}
