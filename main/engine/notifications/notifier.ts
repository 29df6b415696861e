import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Notice, NoticeRecord, TrayTarget } from '../../../preload/contract';
import type { SettingsStore } from '../settings/settings-store';
import type { Deliver } from './delivery-types';
import type { NotificationRequest, NotificationsPort, NotifyOutcome } from './notifications-port';
import { OutboxDelivery } from './outbox-delivery';
import { noticeRecord } from './notice-record';
import { type BrowserNoticeRow, type NoticeFilter, OutboxStore } from './outbox-store';

const SNOOZES_KEY = 'notifications.snoozes';
const SOUNDS_KEY = 'notifications.sounds';
const Snoozes = z.record(z.string(), z.number());
const Sounds = z.record(z.string(), z.union([z.string(), z.boolean()]));
const DEFAULT_SOUNDS: Record<string, string | boolean> = { default: true };
const DEDUPE_WINDOW_MS = 24 * 3600_000;
// Older browser notices are no news to a page opened now; they stay unsent in the outbox.
const BROWSER_BACKLOG_MS = 24 * 3600_000;
const BROWSER_BACKLOG_LIMIT = 100;
// How long the Notices list goes back; older notices are deleted when delivery starts and every hour.
export const NOTICES_KEPT_MS = 90 * 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;

export interface DeliveryOptions {
  // How soon due retries, expired leases and notices recorded by another process (a CLI command) are picked up.
  sweepEveryMs?: number;
  // Where a failure of the outbox itself goes (a locked database); failed deliveries are kept in the row.
  onError?: (err: unknown) => void;
  // false shows every notice alone, however many are due at once (default: a storm becomes summaries).
  summaries?: boolean;
}

// An outbox: every notification is recorded first; only an engine that runs delivery shows it, once,
// and keeps when it was sent, how often it was tried and why it failed.
export class Notifier implements NotificationsPort {
  private readonly store: OutboxStore;
  private delivery: OutboxDelivery | null = null;
  private readonly browserListeners = new Set<(notice: Notice) => void>();
  private readonly changeListeners = new Set<() => void>();

  constructor(
    db: Database.Database,
    private readonly settings: SettingsStore,
    private readonly deliver: Deliver,
    private readonly now: () => number,
    private readonly onClick: (target: TrayTarget | undefined) => void = () => {},
  ) {
    this.store = new OutboxStore(db);
  }

  notify(request: NotificationRequest): NotifyOutcome {
    if (!this.store.open) return { id: null, suppressed: 'closed' };
    const at = this.now();
    const snoozed = this.snoozedUntil(request.scope, at);
    const id = this.store.recordUnlessSeen(
      {
        key: request.key,
        title: request.title,
        body: request.body,
        severity: request.severity ?? null,
        target: request.target ? JSON.stringify(request.target) : null,
        at,
        snoozed,
      },
      at - DEDUPE_WINDOW_MS,
    );
    if (id === null) return { id: null, suppressed: 'duplicate' };
    this.changed();
    if (snoozed) return { id, suppressed: 'snoozed' };
    this.delivery?.pump();
    return { id, suppressed: null };
  }

  /**
   * Shows recorded notices from now on: new ones at once, plus failed ones after their back-off,
   * ones a crashed engine held and ones another process recorded, found by a sweep.
   * Only the engine doing background work calls this; the returned stop ends all of it.
   */
  startDelivery(options: DeliveryOptions = {}): () => void {
    if (this.delivery) throw new Error('Notification delivery is already running for this engine; stop it before starting it again.');
    const delivery = new OutboxDelivery({
      store: this.store,
      deliver: this.deliver,
      now: this.now,
      soundFor: (severity) => this.soundFor(severity),
      onClick: this.onClick,
      onBrowser: (row) => {
        const notice = this.toNotice(row);
        for (const listener of this.browserListeners) listener(notice);
      },
      onRecorded: () => this.changed(),
      onError: options.onError ?? reportToStderr,
      summaries: options.summaries ?? true,
    });
    this.delivery = delivery;
    const timer = setInterval(() => delivery.pump(), options.sweepEveryMs ?? 1_000);
    timer.unref();
    const prune = () => {
      try {
        if (this.store.open && this.store.prune(this.now() - NOTICES_KEPT_MS, this.now()) > 0) this.changed();
      } catch (err) {
        (options.onError ?? reportToStderr)(err);
      }
    };
    const pruning = setInterval(prune, PRUNE_EVERY_MS);
    pruning.unref();
    prune();
    delivery.pump();
    return () => {
      clearInterval(timer);
      clearInterval(pruning);
      delivery.stop();
      this.deliver.close?.();
      if (this.delivery === delivery) this.delivery = null;
    };
  }

  /** Notices handed to the browser pages as they are handed (no desktop daemon); the returned function stops listening. */
  onBrowserNotice(listener: (notice: Notice) => void): () => void {
    this.browserListeners.add(listener);
    return () => this.browserListeners.delete(listener);
  }

  /** Called whenever a notice is recorded or its delivery moves on; the returned function stops listening. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The newest `limit` notices recorded that pass `filter`, newest first, and whether older ones exist. */
  history(limit: number, filter: NoticeFilter = {}): { notices: NoticeRecord[]; more: boolean } {
    const rows = this.store.history(limit + 1, filter);
    return { notices: rows.slice(0, limit).map(noticeRecord), more: rows.length > limit };
  }

  /** The newest browser notices of the last day that no page has acknowledged, oldest first. */
  browserPending(): Notice[] {
    return this.store.browserPending(this.now() - BROWSER_BACKLOG_MS, BROWSER_BACKLOG_LIMIT).map((row) => this.toNotice(row));
  }

  /** A page showed these: they count as delivered and no page is given them again. */
  acknowledge(ids: readonly number[]): number {
    const acknowledged = this.store.acknowledge(ids, this.now());
    if (acknowledged > 0) this.changed();
    return acknowledged;
  }

  snooze(scope: string, until: number): void {
    const current = this.settings.get(SNOOZES_KEY, Snoozes, {});
    const now = this.now();
    const kept = Object.fromEntries(Object.entries(current).filter(([, t]) => t > now));
    this.settings.set(SNOOZES_KEY, until > now ? { ...kept, [scope]: until } : omit(kept, scope));
  }

  snoozes(): Record<string, number> {
    const now = this.now();
    return Object.fromEntries(Object.entries(this.settings.get(SNOOZES_KEY, Snoozes, {})).filter(([, t]) => t > now));
  }

  setSounds(sounds: Record<string, string | boolean>): void {
    this.settings.set(SOUNDS_KEY, sounds);
  }

  private toNotice(row: BrowserNoticeRow): Notice {
    return {
      id: row.id,
      key: row.key,
      title: row.title,
      body: row.body,
      severity: row.severity,
      target: row.target ? (JSON.parse(row.target) as TrayTarget) : null,
      sound: this.soundFor(row.severity) !== false,
      createdAt: row.created_at,
    };
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  private soundFor(severity: string | null): string | boolean {
    const sounds = this.settings.get(SOUNDS_KEY, Sounds, DEFAULT_SOUNDS);
    return sounds[severity ?? ''] ?? sounds.default ?? true;
  }

  private snoozedUntil(scope: string | undefined, at: number): boolean {
    const snoozes = this.settings.get(SNOOZES_KEY, Snoozes, {});
    return (snoozes.all ?? 0) > at || (scope !== undefined && (snoozes[scope] ?? 0) > at);
  }
}

function reportToStderr(err: unknown): void {
  process.stderr.write(`trayage: notification delivery: ${(err as Error)?.stack ?? err}\n`);
}

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
