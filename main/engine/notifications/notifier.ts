import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { TrayTarget } from '../../../preload/contract';
import type { SettingsStore } from '../settings/settings-store';
import type { Deliver } from './deliver';

export interface NotificationRequest {
  // Unique per event (e.g. "monitor:7:down:1732330000000"): the same key is never shown twice.
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
  suppressed: 'duplicate' | 'snoozed' | null;
}

const SNOOZES_KEY = 'notifications.snoozes';
const SOUNDS_KEY = 'notifications.sounds';
const Snoozes = z.record(z.string(), z.number());
const Sounds = z.record(z.string(), z.union([z.string(), z.boolean()]));
const DEFAULT_SOUNDS: Record<string, string | boolean> = { default: true };
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 300_000];
const DEDUPE_WINDOW_MS = 24 * 3600_000;

// An outbox: every notification is recorded before delivery, retried when delivery fails,
// and kept with when it was sent — or why it was not.
export class Notifier {
  constructor(
    private readonly db: Database.Database,
    private readonly settings: SettingsStore,
    private readonly deliver: Deliver,
    private readonly now: () => number,
    private readonly onClick: (target: TrayTarget | undefined) => void = () => {},
  ) {}

  notify(request: NotificationRequest): NotifyOutcome {
    const at = this.now();
    const seen = this.db.prepare('SELECT 1 FROM notifications WHERE key = ? AND created_at > ? AND suppressed IS NULL').get(request.key, at - DEDUPE_WINDOW_MS);
    if (seen) return { id: null, suppressed: 'duplicate' };
    const snoozed = this.snoozedUntil(request.scope, at);
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO notifications(key, title, body, severity, target, created_at, next_attempt_at, suppressed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(request.key, request.title, request.body, request.severity ?? null, request.target ? JSON.stringify(request.target) : null, at, at, snoozed ? 'snoozed' : null);
    const id = Number(lastInsertRowid);
    if (snoozed) return { id, suppressed: 'snoozed' };
    void this.attempt(id);
    return { id, suppressed: null };
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

  async retryDue(): Promise<void> {
    if (!this.db.open) return;
    const due = this.db
      .prepare('SELECT id FROM notifications WHERE sent_at IS NULL AND suppressed IS NULL AND attempts > 0 AND next_attempt_at <= ?')
      .all(this.now()) as { id: number }[];
    for (const { id } of due) {
      if (!this.db.open) return;
      await this.attempt(id);
    }
  }

  private snoozedUntil(scope: string | undefined, at: number): boolean {
    const snoozes = this.settings.get(SNOOZES_KEY, Snoozes, {});
    return (snoozes.all ?? 0) > at || (scope !== undefined && (snoozes[scope] ?? 0) > at);
  }

  private async attempt(id: number): Promise<void> {
    if (!this.db.open) return;
    const row = this.db.prepare('SELECT title, body, severity, target, attempts FROM notifications WHERE id = ?').get(id) as
      | { title: string; body: string; severity: string | null; target: string | null; attempts: number }
      | undefined;
    if (!row) return;
    const sounds = this.settings.get(SOUNDS_KEY, Sounds, DEFAULT_SOUNDS);
    const sound = sounds[row.severity ?? ''] ?? sounds.default ?? true;
    const target = row.target ? (JSON.parse(row.target) as TrayTarget) : undefined;
    this.db.prepare('UPDATE notifications SET attempts = attempts + 1 WHERE id = ?').run(id);
    try {
      await this.deliver({ title: row.title, body: row.body, sound }, () => this.onClick(target));
      if (this.db.open) this.db.prepare('UPDATE notifications SET sent_at = ?, last_error = NULL WHERE id = ?').run(this.now(), id);
    } catch (err) {
      if (!this.db.open) return;
      const delay = RETRY_DELAYS_MS[Math.min(row.attempts, RETRY_DELAYS_MS.length - 1)];
      this.db
        .prepare('UPDATE notifications SET last_error = ?, next_attempt_at = ? WHERE id = ?')
        .run((err as Error).message ?? String(err), row.attempts + 1 >= 8 ? null : this.now() + delay, id);
    }
  }
}

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
