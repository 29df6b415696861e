import type Database from 'better-sqlite3';
import type { PostmortemAction } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';

interface ActionRow {
  id: number;
  incident_id: number;
  text: string;
  owner: string;
  due: string | null;
  done_at: number | null;
  done_by: string | null;
  created_at: number;
}

const toAction = (r: ActionRow): PostmortemAction => ({
  id: r.id,
  incidentId: r.incident_id,
  text: r.text,
  owner: r.owner,
  due: r.due,
  doneAt: r.done_at,
  doneBy: r.done_by,
  createdAt: r.created_at,
});

export interface ActionChange {
  text?: string;
  owner?: string;
  due?: string | null;
  done?: boolean;
}

// A post-mortem's action items, kept as rows so each can be owned, dated and ticked off after the
// document itself is written.
export class PostmortemActions {
  constructor(private readonly db: Database.Database) {}

  list(incidentId: number): PostmortemAction[] {
    return (this.db.prepare('SELECT * FROM postmortem_actions WHERE incident_id = ? ORDER BY id').all(incidentId) as ActionRow[]).map(toAction);
  }

  get(id: number): PostmortemAction {
    const row = this.db.prepare('SELECT * FROM postmortem_actions WHERE id = ?').get(id) as ActionRow | undefined;
    if (!row) throw new RpcFailure('not_found', `There is no post-mortem action item #${id}.`);
    return toAction(row);
  }

  add(incidentId: number, item: { text: string; owner: string; due: string | null }, actor: string, at: number): PostmortemAction {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO postmortem_actions(incident_id, text, owner, due, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(incidentId, item.text, item.owner, item.due, at, at, actor);
    return this.get(Number(lastInsertRowid));
  }

  update(id: number, change: ActionChange, actor: string, at: number): PostmortemAction {
    const item = this.get(id);
    const done = change.done === undefined ? { at: item.doneAt, by: item.doneBy } : change.done ? { at: item.doneAt ?? at, by: item.doneBy ?? actor } : { at: null, by: null };
    this.db
      .prepare('UPDATE postmortem_actions SET text = ?, owner = ?, due = ?, done_at = ?, done_by = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run(change.text ?? item.text, change.owner ?? item.owner, change.due === undefined ? item.due : change.due, done.at, done.by, at, actor, id);
    return this.get(id);
  }

  delete(id: number): { deleted: boolean; incidentId: number | null } {
    const row = this.db.prepare('SELECT incident_id AS incidentId FROM postmortem_actions WHERE id = ?').get(id) as { incidentId: number } | undefined;
    if (!row) return { deleted: false, incidentId: null };
    this.db.prepare('DELETE FROM postmortem_actions WHERE id = ?').run(id);
    return { deleted: true, incidentId: row.incidentId };
  }
}
