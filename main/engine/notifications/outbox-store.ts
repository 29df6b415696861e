import type Database from 'better-sqlite3';
import type { Claim, GroupLeasedQueue } from '../lib/outbox/leased-pump';

export interface NewNotice {
  key: string;
  title: string;
  body: string;
  severity: string | null;
  target: string | null;
  at: number;
  snoozed: boolean;
}

/** A notice whose target is the browser pages, as they are given it. */
export interface BrowserNoticeRow {
  id: number;
  key: string;
  title: string;
  body: string;
  severity: string | null;
  target: string | null;
  created_at: number;
}

/** A notice as recorded, with how far its delivery got. */
/** Which notices a history read keeps: `notShown`, those no one has seen yet; `search`, text in the title or body (ASCII letters in either case). */
export interface NoticeFilter {
  notShown?: boolean;
  search?: string;
}

export interface NoticeHistoryRow {
  id: number;
  title: string;
  body: string;
  severity: string | null;
  target: string | null;
  created_at: number;
  sent_at: number | null;
  claimed_by: string | null;
  next_attempt_at: number | null;
  last_error: string | null;
  suppressed: string | null;
  summary_size: number | null;
}

// claimed_by of a row whose target is the browser pages instead of the desktop.
export const BROWSER_TARGET = 'browser';

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
export class OutboxStore implements GroupLeasedQueue<ClaimedNotice> {
  private readonly seenStatement;
  private readonly insertStatement;
  private readonly dueStatement;
  private readonly claimStatement;
  private readonly oldestDueStatement;
  private readonly renewStatement;
  private readonly sentStatement;
  private readonly failedStatement;
  private readonly toBrowserStatement;
  private readonly browserPendingStatement;
  private readonly acknowledgeStatement;
  private readonly historyStatement;
  private readonly pruneStatement;

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
    this.oldestDueStatement = db
      .prepare(
        `SELECT min(next_attempt_at) FROM notifications
         WHERE sent_at IS NULL AND suppressed IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)`,
      )
      .pluck();
    // A row given up on has no next_attempt_at, so the comparison keeps it unclaimable.
    this.claimStatement = db.prepare(
      `UPDATE notifications SET claimed_by = @owner, lease_until = @leaseUntil, attempts = attempts + 1
       WHERE id = @id AND sent_at IS NULL AND suppressed IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
       RETURNING title, body, severity, target, attempts`,
    );
    this.renewStatement = db.prepare('UPDATE notifications SET lease_until = ? WHERE claimed_by = ? AND sent_at IS NULL AND lease_until IS NOT NULL');
    // claimed_by stays as a record of which engine showed it.
    this.sentStatement = db.prepare(
      'UPDATE notifications SET sent_at = coalesce(sent_at, @at), summary_size = @summarySize, last_error = NULL, lease_until = NULL WHERE id = @id',
    );
    // Only while the lease is still ours: after a takeover the new holder's lease must stand.
    this.failedStatement = db.prepare(
      'UPDATE notifications SET last_error = ?, next_attempt_at = ?, lease_until = NULL WHERE id = ? AND claimed_by = ? AND sent_at IS NULL',
    );
    // Not a failure: no retry is due (next_attempt_at NULL keeps it out of every claim), and last_error
    // keeps why the desktop was skipped. It stays unsent until a page says it showed it.
    this.toBrowserStatement = db.prepare(
      `UPDATE notifications SET claimed_by = '${BROWSER_TARGET}', last_error = @reason, next_attempt_at = NULL, lease_until = NULL
       WHERE id = @id AND claimed_by = @owner AND sent_at IS NULL
       RETURNING id, key, title, body, severity, target, created_at`,
    );
    this.browserPendingStatement = db.prepare(
      `SELECT id, key, title, body, severity, target, created_at FROM notifications
       WHERE claimed_by = '${BROWSER_TARGET}' AND sent_at IS NULL AND suppressed IS NULL AND created_at > @since
       ORDER BY id DESC LIMIT @limit`,
    );
    this.acknowledgeStatement = db.prepare(`UPDATE notifications SET sent_at = @at WHERE id = @id AND claimed_by = '${BROWSER_TARGET}' AND sent_at IS NULL`);
    const history = 'SELECT id, title, body, severity, target, created_at, sent_at, claimed_by, next_attempt_at, last_error, suppressed, summary_size FROM notifications';
    // Read newest first by id and filtered on the way, so a page of 100 reads about 100 rows unless
    // the filter is rare; the table holds 90 days at most.
    this.historyStatement = db.prepare(
      `${history} WHERE (@notShown = 0 OR sent_at IS NULL)
         AND (@pattern IS NULL OR title LIKE @pattern ESCAPE '\\' OR body LIKE @pattern ESCAPE '\\')
       ORDER BY id DESC LIMIT @limit`,
    );
    // Ids grow with created_at, so the expired rows are among the oldest: each pass reads one batch
    // by id instead of the whole table (start-up included). A row still leased waits for a later pass.
    this.pruneStatement = db.prepare(
      `DELETE FROM notifications WHERE id IN (
         SELECT id FROM (SELECT id, created_at, lease_until FROM notifications ORDER BY id LIMIT @batch)
         WHERE created_at < @before AND (lease_until IS NULL OR lease_until < @now))`,
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

  /** One write for a whole group, so a storm of notices costs one transaction to claim. */
  claimAll(ids: readonly number[], owner: string, now: number, leaseUntil: number): Claim<ClaimedNotice>[] {
    return this.db.transaction(() =>
      ids.flatMap((id) => {
        const row = this.claim(id, owner, now, leaseUntil);
        return row ? [{ id, row }] : [];
      }),
    )();
  }

  oldestDue(now: number): number | null {
    return this.oldestDueStatement.get({ now }) as number | null;
  }

  renew(owner: string, leaseUntil: number): void {
    this.renewStatement.run(leaseUntil, owner);
  }

  /** `summarySize`: how many notices the summary it was shown in stood for; null when shown alone. */
  markSent(id: number, at: number, summarySize: number | null = null): void {
    this.sentStatement.run({ id, at, summarySize });
  }

  markFailed(id: number, owner: string, error: string, retryAt: number | null): void {
    this.failedStatement.run(error, retryAt, id, owner);
  }

  /** Runs the outcomes of a group's rows as one write. */
  inOneWrite(record: () => void): void {
    this.db.transaction(record)();
  }

  /** Hands a claimed row to the browser pages; undefined when the claim was lost meanwhile. */
  toBrowser(id: number, owner: string, reason: string): BrowserNoticeRow | undefined {
    return this.toBrowserStatement.get({ id, owner, reason }) as BrowserNoticeRow | undefined;
  }

  /** The newest `limit` browser notices no page has shown yet, oldest first. */
  browserPending(since: number, limit: number): BrowserNoticeRow[] {
    return (this.browserPendingStatement.all({ since, limit }) as BrowserNoticeRow[]).reverse();
  }

  /** Marks browser notices as shown; the count of those not already marked. */
  acknowledge(ids: readonly number[], at: number): number {
    return this.db.transaction(() => ids.reduce((count, id) => count + this.acknowledgeStatement.run({ id, at }).changes, 0))();
  }

  /** The newest `limit` notices recorded that pass `filter`, newest first. */
  history(limit: number, filter: NoticeFilter = {}): NoticeHistoryRow[] {
    const search = filter.search?.trim();
    const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    return this.historyStatement.all({ limit, notShown: filter.notShown ? 1 : 0, pattern }) as NoticeHistoryRow[];
  }

  /** Deletes notices recorded before `before`, a batch per write so delivery is never held up long; how many. */
  prune(before: number, now: number, batch = 1000): number {
    let deleted = 0;
    for (;;) {
      const { changes } = this.pruneStatement.run({ before, now, batch });
      deleted += changes;
      if (changes < batch) return deleted;
    }
  }
}
