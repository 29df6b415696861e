import type Database from 'better-sqlite3';

export interface NewNotice {
  key: string;
  title: string;
  body: string;
  severity: string | null;
  target: string | null;
  at: number;
  snoozed: boolean;
}

export interface ClaimedNotice {
  title: string;
  body: string;
  severity: string | null;
  target: string | null;
  // Including the attempt just claimed.
  attempts: number;
}

/**
 * The notifications table as an outbox. Whoever holds a row's lease is the only one delivering it:
 * a claim is a single conditional UPDATE, so two engines on one file, or a sweep racing a prompt
 * delivery, can never both win, and the lease of a crashed engine simply runs out.
 */
export class OutboxStore {
  private readonly seenStatement;
  private readonly insertStatement;
  private readonly dueStatement;
  private readonly claimStatement;
  private readonly renewStatement;
  private readonly sentStatement;
  private readonly failedStatement;

  constructor(private readonly db: Database.Database) {
    this.seenStatement = db.prepare('SELECT 1 FROM notifications WHERE key = ? AND created_at > ? AND suppressed IS NULL');
    this.insertStatement = db.prepare(
      'INSERT INTO notifications(key, title, body, severity, target, created_at, next_attempt_at, suppressed) VALUES (@key, @title, @body, @severity, @target, @at, @at, @suppressed)',
    );
    this.dueStatement = db.prepare(
      `SELECT id FROM notifications
       WHERE sent_at IS NULL AND suppressed IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
       ORDER BY next_attempt_at, id LIMIT @limit`,
    );
    // A row given up on has no next_attempt_at, so the comparison keeps it unclaimable.
    this.claimStatement = db.prepare(
      `UPDATE notifications SET claimed_by = @owner, lease_until = @leaseUntil, attempts = attempts + 1
       WHERE id = @id AND sent_at IS NULL AND suppressed IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
       RETURNING title, body, severity, target, attempts`,
    );
    this.renewStatement = db.prepare('UPDATE notifications SET lease_until = ? WHERE claimed_by = ? AND sent_at IS NULL AND lease_until IS NOT NULL');
    // claimed_by stays as a record of which engine showed it.
    this.sentStatement = db.prepare('UPDATE notifications SET sent_at = coalesce(sent_at, ?), last_error = NULL, lease_until = NULL WHERE id = ?');
    // Only while the lease is still ours: after a takeover the new holder's lease must stand.
    this.failedStatement = db.prepare(
      'UPDATE notifications SET last_error = ?, next_attempt_at = ?, lease_until = NULL WHERE id = ? AND claimed_by = ? AND sent_at IS NULL',
    );
  }

  get open(): boolean {
    return this.db.open;
  }

  /**
   * Records a notice unless the same key was recorded since `dedupeSince`; null for a duplicate.
   * IMMEDIATE takes the write lock before the look-up, so two processes cannot both pass it.
   */
  recordUnlessSeen(notice: NewNotice, dedupeSince: number): number | null {
    return this.db
      .transaction(() => {
        if (this.seenStatement.get(notice.key, dedupeSince)) return null;
        const { snoozed, ...row } = notice;
        return Number(this.insertStatement.run({ ...row, suppressed: snoozed ? 'snoozed' : null }).lastInsertRowid);
      })
      .immediate();
  }

  due(now: number, limit: number): number[] {
    return (this.dueStatement.all({ now, limit }) as { id: number }[]).map((row) => row.id);
  }

  claim(id: number, owner: string, now: number, leaseUntil: number): ClaimedNotice | undefined {
    return this.claimStatement.get({ id, owner, now, leaseUntil }) as ClaimedNotice | undefined;
  }

  renew(owner: string, leaseUntil: number): void {
    this.renewStatement.run(leaseUntil, owner);
  }

  markSent(id: number, at: number): void {
    this.sentStatement.run(at, id);
  }

  markFailed(id: number, owner: string, error: string, retryAt: number | null): void {
    this.failedStatement.run(error, retryAt, id, owner);
  }
}
