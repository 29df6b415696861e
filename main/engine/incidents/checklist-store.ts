import type Database from 'better-sqlite3';
import type { Checklist, ChecklistPhase, ChecklistSource } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';
import type { PlannedChecklist } from './domain/checklist-plan';

interface ItemRow {
  id: number;
  checklist_id: number;
  text: string;
  done_at: number | null;
  done_by: string | null;
}

interface ListRow {
  id: number;
  title: string;
  phase: ChecklistPhase;
  source: ChecklistSource;
}

export class ChecklistStore {
  // Asked once per incident of every list and tray refresh: compiled once.
  private readonly progressStatement: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.progressStatement = db.prepare(
      'SELECT count(*) AS total, count(i.done_at) AS done FROM checklist_items i JOIN checklists c ON c.id = i.checklist_id WHERE c.incident_id = ?',
    );
  }

  attach(incidentId: number, lists: readonly PlannedChecklist[]): void {
    const start = (this.db.prepare('SELECT count(*) AS n FROM checklists WHERE incident_id = ?').get(incidentId) as { n: number }).n;
    const insertList = this.db.prepare('INSERT INTO checklists(incident_id, title, phase, source, position) VALUES (?, ?, ?, ?, ?)');
    const insertItem = this.db.prepare('INSERT INTO checklist_items(checklist_id, text, position) VALUES (?, ?, ?)');
    lists.forEach((l, i) => {
      const listId = Number(insertList.run(incidentId, l.title, l.phase, l.source, start + i).lastInsertRowid);
      l.items.forEach((text, position) => insertItem.run(listId, text, position));
    });
  }

  forIncident(incidentId: number): Checklist[] {
    const lists = this.db.prepare('SELECT id, title, phase, source FROM checklists WHERE incident_id = ? ORDER BY position').all(incidentId) as ListRow[];
    return lists.map((l) => ({ ...l, items: this.items(l.id) }));
  }

  one(checklistId: number): Checklist & { incidentId: number } {
    const list = this.db.prepare('SELECT id, incident_id AS incidentId, title, phase, source FROM checklists WHERE id = ?').get(checklistId) as
      | (ListRow & { incidentId: number })
      | undefined;
    if (!list) throw new RpcFailure('not_found', `There is no checklist #${checklistId}.`);
    return { ...list, items: this.items(list.id) };
  }

  phases(incidentId: number): ChecklistPhase[] {
    return (this.db.prepare('SELECT DISTINCT phase FROM checklists WHERE incident_id = ?').all(incidentId) as { phase: ChecklistPhase }[]).map((r) => r.phase);
  }

  progress(incidentId: number): { done: number; total: number } {
    const row = this.progressStatement.get(incidentId) as { total: number; done: number };
    return { done: row.done, total: row.total };
  }

  item(itemId: number): ItemRow {
    const row = this.db.prepare('SELECT * FROM checklist_items WHERE id = ?').get(itemId) as ItemRow | undefined;
    if (!row) throw new RpcFailure('not_found', `There is no checklist item #${itemId}.`);
    return row;
  }

  setDone(itemId: number, done: boolean, actor: string, at: number): void {
    this.db.prepare('UPDATE checklist_items SET done_at = ?, done_by = ? WHERE id = ?').run(done ? at : null, done ? actor : null, itemId);
  }

  addItem(checklistId: number, text: string): void {
    const next = (this.db.prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM checklist_items WHERE checklist_id = ?').get(checklistId) as { p: number }).p;
    this.db.prepare('INSERT INTO checklist_items(checklist_id, text, position) VALUES (?, ?, ?)').run(checklistId, text, next);
  }

  private items(checklistId: number) {
    return (this.db.prepare('SELECT * FROM checklist_items WHERE checklist_id = ? ORDER BY position').all(checklistId) as ItemRow[]).map((r) => ({
      id: r.id,
      text: r.text,
      doneAt: r.done_at,
      doneBy: r.done_by,
    }));
  }
}
