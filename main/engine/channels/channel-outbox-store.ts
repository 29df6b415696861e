import type Database from 'better-sqlite3';
import type { ChannelEvent, ChannelRecipient } from './channels-port';

export interface NewDelivery {
  channelId: number;
  incidentId: number;
  event: ChannelEvent;
  text: string;
  subject: string | null;
  recipient: ChannelRecipient | null;
  actor: string;
  templateId: string | null;
  at: number;
}

/** A queued message as its sender gets it: what was queued, without the queueing time. */
export interface ClaimedDelivery extends Omit<NewDelivery, 'at'> {
  id: number;
  // Including the attempt just claimed.
  attempts: number;
}

interface ClaimedRow extends Omit<ClaimedDelivery, 'recipient'> {
  recipient: string | null;
}

export interface DeliveryState {
  sentAt: number | null;
  gaveUpAt: number | null;
  attempts: number;
  lastError: string | null;
  summary: string | null;
}

// Whether an earlier message for the same channel and incident is still open: then this one waits,
// so a status page's "create" is never overtaken by its "update".
const NO_EARLIER_OPEN = `NOT EXISTS (
  SELECT 1 FROM channel_outbox AS earlier
  WHERE earlier.channel_id = channel_outbox.channel_id AND earlier.incident_id = channel_outbox.incident_id
    AND earlier.id < channel_outbox.id AND earlier.sent_at IS NULL AND earlier.gave_up_at IS NULL)`;
const CLAIMABLE = `sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)`;

/**
 * The channel outbox. Like the notification outbox, a claim is one conditional UPDATE, so two
 * engines on one file never both deliver a row, and a crashed engine's lease simply runs out.
 */
export class ChannelOutboxStore {
  private readonly insertStatement;
  private readonly dueStatement;
  private readonly claimStatement;
  private readonly renewStatement;
  private readonly sentStatement;
  private readonly failedStatement;
  private readonly memoryStatement;
  private readonly keepMemoryStatement;

  constructor(private readonly db: Database.Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO channel_outbox(channel_id, incident_id, event, text, subject, recipient, actor, template_id, created_at, next_attempt_at)
       VALUES (@channelId, @incidentId, @event, @text, @subject, @recipient, @actor, @templateId, @at, @at)`,
    );
    this.dueStatement = db.prepare(`SELECT id FROM channel_outbox WHERE ${CLAIMABLE} AND ${NO_EARLIER_OPEN} ORDER BY next_attempt_at, id LIMIT @limit`);
    this.claimStatement = db.prepare(
      `UPDATE channel_outbox SET claimed_by = @owner, lease_until = @leaseUntil, attempts = attempts + 1
       WHERE id = @id AND ${CLAIMABLE} AND ${NO_EARLIER_OPEN}
       RETURNING id, channel_id AS channelId, incident_id AS incidentId, event, text, subject, recipient, actor, template_id AS templateId, attempts`,
    );
    this.renewStatement = db.prepare('UPDATE channel_outbox SET lease_until = ? WHERE claimed_by = ? AND sent_at IS NULL AND gave_up_at IS NULL AND lease_until IS NOT NULL');
    // Only while the lease is ours: after a takeover the new holder's outcome must stand.
    this.sentStatement = db.prepare(
      'UPDATE channel_outbox SET sent_at = @at, summary = @summary, last_error = NULL, lease_until = NULL WHERE id = @id AND claimed_by = @owner AND sent_at IS NULL',
    );
    this.failedStatement = db.prepare(
      `UPDATE channel_outbox SET last_error = @error, next_attempt_at = @retryAt, gave_up_at = CASE WHEN @retryAt IS NULL THEN @at END, lease_until = NULL
       WHERE id = @id AND claimed_by = @owner AND sent_at IS NULL`,
    );
    this.memoryStatement = db.prepare('SELECT memory FROM channel_memory WHERE channel_id = ? AND incident_id = ?');
    this.keepMemoryStatement = db.prepare(
      `INSERT INTO channel_memory(channel_id, incident_id, memory, link, updated_at) VALUES (@channelId, @incidentId, @memory, @link, @at)
       ON CONFLICT(channel_id, incident_id) DO UPDATE SET memory = excluded.memory, link = coalesce(excluded.link, channel_memory.link), updated_at = excluded.updated_at`,
    );
  }

  get open(): boolean {
    return this.db.open;
  }

  record(delivery: NewDelivery): number {
    const { recipient, ...row } = delivery;
    return Number(this.insertStatement.run({ ...row, recipient: recipient ? JSON.stringify(recipient) : null }).lastInsertRowid);
  }

  due(now: number, limit: number): number[] {
    return (this.dueStatement.all({ now, limit }) as { id: number }[]).map((row) => row.id);
  }

  claim(id: number, owner: string, now: number, leaseUntil: number): ClaimedDelivery | undefined {
    const row = this.claimStatement.get({ id, owner, now, leaseUntil }) as ClaimedRow | undefined;
    return row && { ...row, recipient: row.recipient ? (JSON.parse(row.recipient) as ChannelRecipient) : null };
  }

  renew(owner: string, leaseUntil: number): void {
    this.renewStatement.run(leaseUntil, owner);
  }

  memory(channelId: number, incidentId: number): Record<string, unknown> | null {
    const row = this.memoryStatement.get(channelId, incidentId) as { memory: string } | undefined;
    return row ? (JSON.parse(row.memory) as Record<string, unknown>) : null;
  }

  /** Records success with what the kind keeps for the next send, in one transaction; false when the lease was lost. */
  markSent(id: number, owner: string, at: number, summary: string, kept: { channelId: number; incidentId: number; memory?: Record<string, unknown>; link?: string }): boolean {
    return this.db.transaction(() => {
      if (this.sentStatement.run({ id, owner, at, summary }).changes === 0) return false;
      if (kept.memory !== undefined || kept.link !== undefined) {
        const memory = kept.memory ?? this.memory(kept.channelId, kept.incidentId) ?? {};
        this.keepMemoryStatement.run({ channelId: kept.channelId, incidentId: kept.incidentId, memory: JSON.stringify(memory), link: kept.link ?? null, at });
      }
      return true;
    })();
  }

  /** A failed attempt; without `retryAt` the row is given up on. False when the lease was lost. */
  markFailed(id: number, owner: string, at: number, error: string, retryAt: number | null): boolean {
    return this.failedStatement.run({ id, owner, at, error, retryAt }).changes > 0;
  }

  state(id: number): DeliveryState | undefined {
    return this.db
      .prepare('SELECT sent_at AS sentAt, gave_up_at AS gaveUpAt, attempts, last_error AS lastError, summary FROM channel_outbox WHERE id = ?')
      .get(id) as DeliveryState | undefined;
  }

  /** Whether the channel was told of the incident before (so a resolve has something to close). */
  toldBefore(channelId: number, incidentId: number): boolean {
    return !!this.db.prepare('SELECT 1 FROM channel_outbox WHERE channel_id = ? AND incident_id = ? AND gave_up_at IS NULL LIMIT 1').get(channelId, incidentId);
  }

  links(incidentId: number): { channelId: number; channel: string; link: string }[] {
    return this.db
      .prepare(
        `SELECT m.channel_id AS channelId, c.name AS channel, m.link FROM channel_memory AS m JOIN channels AS c ON c.id = m.channel_id
         WHERE m.incident_id = ? AND m.link IS NOT NULL ORDER BY c.name`,
      )
      .all(incidentId) as { channelId: number; channel: string; link: string }[];
  }
}
