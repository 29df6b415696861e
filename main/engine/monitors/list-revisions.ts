import { randomBytes } from 'node:crypto';

/**
 * Which monitors changed since a window last listed them. A window open on 10,000 monitors asked
 * for the whole list (3.6 MB) every few seconds, which cost the engine as much CPU as the checks and
 * blocked the page for up to 170 ms each time; with a cursor it gets the few hundred that changed.
 *
 * A cursor names this engine's run, so one from before a restart never passes for a recent one.
 */
export class ListRevisions {
  private readonly run = randomBytes(4).toString('hex');
  private revision = 0;
  /** Revision of the last change that a list of changed monitors cannot carry (added, removed, renamed, snoozed). */
  private wholeFrom = 0;
  private readonly changedAt = new Map<number, number>();

  /** One monitor's row changed. */
  touch(id: number): void {
    this.changedAt.set(id, ++this.revision);
  }

  /** Something only the whole list can show again. */
  reshape(): void {
    this.wholeFrom = ++this.revision;
    this.changedAt.clear();
  }

  get cursor(): string {
    return `${this.run}.${this.revision}`;
  }

  /** Ids changed after `cursor`, or null when the whole list must be sent (unknown, old or another run's cursor). */
  changedSince(cursor: string): number[] | null {
    const [run, text] = cursor.split('.');
    const since = Number(text);
    if (run !== this.run || !Number.isInteger(since) || since < this.wholeFrom || since > this.revision) return null;
    const ids: number[] = [];
    for (const [id, at] of this.changedAt) if (at > since) ids.push(id);
    return ids;
  }
}
