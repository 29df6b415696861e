import type Database from 'better-sqlite3';
import type { Incident, IncidentDetail, Lifecycle, TimelineEntry } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';
import { type IncidentRow, type TimelineRow, toIncident, toTimelineEntry } from './incident-rows';
import { openStatusKeys } from './lifecycle-defaults';

export interface DeclareInput {
  title: string;
  severity: string;
  impact: string;
  commander: string;
  service: string;
}

export interface IncidentPatch {
  title?: string;
  severity?: string;
  impact?: string;
  commander?: string;
  service?: string;
}

const PATCH_FIELDS = ['title', 'severity', 'impact', 'commander', 'service'] as const;

export class IncidentStore {
  private readonly insertIncident;
  private readonly insertEntry;
  private readonly selectIncident;
  private readonly selectTimeline;

  constructor(
    private readonly db: Database.Database,
    private readonly lifecycle: Lifecycle,
    private readonly now: () => number = Date.now,
  ) {
    this.insertIncident = db.prepare(
      `INSERT INTO incidents(title, severity, status, impact, commander, service, created_at, updated_at, status_changed_at)
       VALUES (@title, @severity, @status, @impact, @commander, @service, @at, @at, @at)`,
    );
    this.insertEntry = db.prepare('INSERT INTO timeline(incident_id, at, kind, actor, text) VALUES (?, ?, ?, ?, ?)');
    this.selectIncident = db.prepare('SELECT * FROM incidents WHERE id = ?');
    this.selectTimeline = db.prepare('SELECT * FROM timeline WHERE incident_id = ? ORDER BY at, id');
  }

  declare(input: DeclareInput, actor: string): Incident {
    this.requireSeverity(input.severity);
    const status = this.lifecycle.statuses[0].key;
    return this.db.transaction(() => {
      const at = this.now();
      const { lastInsertRowid } = this.insertIncident.run({ ...input, status, at });
      const id = Number(lastInsertRowid);
      const what = [`Declared ${input.severity}: ${input.title}`, input.service && `service ${input.service}`]
        .filter(Boolean)
        .join(' — ');
      this.insertEntry.run(id, at, 'declared', actor, what);
      return this.mustGet(id);
    })();
  }

  list(filter: string, limit: number): Incident[] {
    let rows: IncidentRow[];
    if (filter === 'all') {
      rows = this.db.prepare('SELECT * FROM incidents ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as IncidentRow[];
    } else {
      const keys = filter === 'open' ? openStatusKeys(this.lifecycle) : [this.requireStatus(filter)];
      const marks = keys.map(() => '?').join(',');
      rows = this.db
        .prepare(`SELECT * FROM incidents WHERE status IN (${marks}) ORDER BY created_at DESC, id DESC LIMIT ?`)
        .all(...keys, limit) as IncidentRow[];
    }
    return rows.map(toIncident);
  }

  get(id: number): IncidentDetail {
    const incident = this.mustGet(id);
    const timeline = (this.selectTimeline.all(id) as TimelineRow[]).map(toTimelineEntry);
    return { incident, timeline };
  }

  setStatus(id: number, status: string, note: string | undefined, actor: string): Incident {
    const target = this.requireStatus(status);
    return this.db.transaction(() => {
      const current = this.mustGet(id);
      if (current.status === target) {
        throw new RpcFailure('conflict', `Incident #${id} is already ${this.statusName(target)}.`);
      }
      const at = this.now();
      const resolved = !this.isOpen(target);
      this.db
        .prepare('UPDATE incidents SET status = ?, status_changed_at = ?, updated_at = ?, resolved_at = ? WHERE id = ?')
        .run(target, at, at, resolved ? at : null, id);
      const text = `Status ${this.statusName(current.status)} → ${this.statusName(target)}${note ? `: ${note}` : ''}`;
      this.insertEntry.run(id, at, 'status', actor, text);
      return this.mustGet(id);
    })();
  }

  addNote(id: number, text: string, actor: string): TimelineEntry {
    this.mustGet(id);
    const at = this.now();
    const { lastInsertRowid } = this.insertEntry.run(id, at, 'note', actor, text);
    return { id: Number(lastInsertRowid), incidentId: id, at, kind: 'note', actor, text };
  }

  update(id: number, patch: IncidentPatch, actor: string): Incident {
    if (patch.severity !== undefined) this.requireSeverity(patch.severity);
    return this.db.transaction(() => {
      const current = this.mustGet(id);
      const at = this.now();
      for (const field of PATCH_FIELDS) {
        const value = patch[field];
        if (value === undefined || value === current[field]) continue;
        this.db.prepare(`UPDATE incidents SET ${field} = ?, updated_at = ? WHERE id = ?`).run(value, at, id);
        const shown = value === '' ? '(cleared)' : value;
        this.insertEntry.run(id, at, field, actor, `${capitalise(field)} changed to ${shown}`);
      }
      return this.mustGet(id);
    })();
  }

  private mustGet(id: number): Incident {
    const row = this.selectIncident.get(id) as IncidentRow | undefined;
    if (!row) throw new RpcFailure('not_found', `There is no incident #${id}.`);
    return toIncident(row);
  }

  private requireSeverity(key: string): string {
    if (this.lifecycle.severities.some((s) => s.key === key)) return key;
    const known = this.lifecycle.severities.map((s) => s.key).join(', ');
    throw new RpcFailure('bad_request', `Unknown severity '${key}'; use one of ${known}.`, [
      { path: 'severity', message: `must be one of ${known}` },
    ]);
  }

  private requireStatus(key: string): string {
    if (this.lifecycle.statuses.some((s) => s.key === key)) return key;
    const known = this.lifecycle.statuses.map((s) => s.key).join(', ');
    throw new RpcFailure('bad_request', `Unknown status '${key}'; use one of ${known}.`, [
      { path: 'status', message: `must be one of ${known}` },
    ]);
  }

  private isOpen(status: string): boolean {
    return this.lifecycle.statuses.find((s) => s.key === status)?.open ?? true;
  }

  private statusName(key: string): string {
    return this.lifecycle.statuses.find((s) => s.key === key)?.name ?? key;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
