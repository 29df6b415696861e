import type Database from 'better-sqlite3';

export interface FiredStep {
  step: number;
  at: number;
  to: string;
  people: string[];
  channel: string | null;
  skipped: string | null;
}

interface StepRow {
  step: number;
  at: number;
  target: string;
  people: string;
  channel: string | null;
  skipped: string | null;
}

// SQL only: incidents followed, steps claimed, handoffs announced.
export class EscalationStore {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      follow: db.prepare('INSERT INTO escalation_chains(incident_id, ended_at) VALUES (?, NULL) ON CONFLICT(incident_id) DO UPDATE SET ended_at = NULL'),
      end: db.prepare('UPDATE escalation_chains SET ended_at = ? WHERE incident_id = ? AND ended_at IS NULL'),
      following: db.prepare('SELECT incident_id AS id FROM escalation_chains WHERE ended_at IS NULL ORDER BY incident_id'),
      isFollowed: db.prepare('SELECT 1 FROM escalation_chains WHERE incident_id = ?'),
      claim: db.prepare('INSERT OR IGNORE INTO escalation_steps(incident_id, step, at, target, people, channel, skipped) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      steps: db.prepare('SELECT step, at, target, people, channel, skipped FROM escalation_steps WHERE incident_id = ? ORDER BY step'),
      anyHandoff: db.prepare('SELECT 1 FROM oncall_handoffs LIMIT 1'),
      claimHandoff: db.prepare('INSERT OR IGNORE INTO oncall_handoffs(at, from_person, to_person, announced_at) VALUES (?, ?, ?, ?)'),
    };
  }

  /** Follows an incident's chain (again, when it re-opens). */
  follow(incidentId: number): void {
    this.q.follow.run(incidentId);
  }

  end(incidentId: number, at: number): void {
    this.q.end.run(at, incidentId);
  }

  following(): number[] {
    return (this.q.following.all() as { id: number }[]).map((r) => r.id);
  }

  isFollowed(incidentId: number): boolean {
    return this.q.isFollowed.get(incidentId) !== undefined;
  }

  /** True when this call took the step; false when it had fired (or been passed over) already. */
  claim(incidentId: number, step: FiredStep): boolean {
    return this.q.claim.run(incidentId, step.step, step.at, step.to, JSON.stringify(step.people), step.channel, step.skipped).changes === 1;
  }

  fired(incidentId: number): FiredStep[] {
    return (this.q.steps.all(incidentId) as StepRow[]).map((r) => ({
      step: r.step,
      at: r.at,
      to: r.target,
      people: JSON.parse(r.people) as string[],
      channel: r.channel,
      skipped: r.skipped,
    }));
  }

  hasHandoffs(): boolean {
    return this.q.anyHandoff.get() !== undefined;
  }

  /** True when this call took the handoff at `at`; false when it was recorded already. */
  claimHandoff(at: number, from: string | null, to: string, now: number): boolean {
    return this.q.claimHandoff.run(at, from, to, now).changes === 1;
  }
}
