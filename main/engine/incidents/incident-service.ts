import type { Checklist, ChecklistPhase, Incident, IncidentDetail, IncidentSummary, TimelineEntry, Timer, TimerKind } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';
import { checklistPhase } from './domain/checklist-plan';
import { DECLARE_PHASES, RESOLVE_PHASE } from './domain/checklist-templates';
import { contactLinks, escalationTargets } from './domain/contacts';
import { planChecklistsAttached, planDeclaration, planEscalation, planSnooze, snoozesFromTimeline } from './domain/incident-events';
import { isOpenStatus, isWatchStatus, openStatusKeys } from './domain/lifecycle';
import { type IncidentChange, planChange } from './domain/plan-change';
import { computeTimers, isInsidePostFixWatch } from './domain/timers';
import type { ActiveWorkflow } from './active-workflow';
import type { ChecklistPlanner } from './checklist-planner';
import type { ChecklistStore } from './checklist-store';
import type { IncidentStore } from './incident-store';

export interface DeclareInput {
  title: string;
  severity: string;
  impact: string;
  commander: string;
  service: string;
}

// Timers only read these timeline kinds, so lists load just them.
// A window gets the newest entries at once and pages back through older ones on request.
const DETAIL_TIMELINE_ENTRIES = 1000;

export const TIMER_TIMELINE_KINDS = ['status', 'snooze', 'escalated', 'update', 'declared'] as const;

/** `note` is what the person wrote with the change ("rolled back to v1.4.1"), when anything. */
export type IncidentChangeListener = (after: Incident, before: Incident, note?: string) => void;

// Incident operations: the workflow plans decide, the stores write, all in one transaction.
export class IncidentService {
  private readonly changeListeners: IncidentChangeListener[] = [];
  private dedupeKeys: (incidentIds: number[]) => Map<number, string[]> = () => new Map();

  constructor(
    private readonly store: IncidentStore,
    private readonly checklists: ChecklistStore,
    private readonly planner: ChecklistPlanner,
    private readonly workflow: ActiveWorkflow,
    private readonly now: () => number,
  ) {}

  declare(input: DeclareInput, actor: string): Incident {
    const now = this.now();
    const plan = planDeclaration(input, actor, now, { scheme: this.workflow.scheme(), lifecycle: this.workflow.lifecycle() });
    if (!plan.ok) {
      const path = plan.error.startsWith('Severity') ? 'severity' : 'title';
      throw new RpcFailure('bad_request', plan.error, [{ path, message: plan.error }]);
    }
    return this.store.transaction(() => {
      const id = this.store.insert(plan.incident);
      this.store.append(id, plan.entries);
      const incident = this.store.get(id);
      this.planner.attach(incident, DECLARE_PHASES);
      return incident;
    });
  }

  /** Called after every committed change (status, acknowledgement, level, fields), whoever made it. */
  onChange(listener: IncidentChangeListener): void {
    this.changeListeners.push(listener);
  }

  change(id: number, change: IncidentChange & { roles?: Record<string, string> }, actor: string): Incident {
    const before = this.store.get(id);
    const after = this.applyChange(id, change, actor);
    // After the commit, so a listener that queues work (a page, a status-page update) never sees a rolled-back change.
    // Listeners must not throw: the change is already committed.
    for (const listener of this.changeListeners) listener(after, before, change.note?.trim() || undefined);
    return after;
  }

  private applyChange(id: number, change: IncidentChange & { roles?: Record<string, string> }, actor: string): Incident {
    return this.store.transaction(() => {
      const incident = this.store.get(id);
      const now = this.now();
      const { roles, ...rest } = change;
      const plan = planChange(incident, rest, actor, now, { scheme: this.workflow.scheme(), lifecycle: this.workflow.lifecycle() });
      if (!plan.ok) throw new RpcFailure('bad_request', plan.error);
      this.store.apply(id, plan.updates, now);
      this.store.append(id, plan.entries);
      if (roles) this.changeRoles(incident, roles, actor, now);
      if (plan.entries.length === 0 && !roles) throw new RpcFailure('conflict', `Nothing to change on incident #${id}: it already is as asked.`);
      const changed = this.store.get(id);
      // The after-the-incident list comes with the resolution, once: a relapse and a second resolve do not add it again.
      if (typeof plan.updates.resolvedAt === 'number' && !this.planner.hasPhase(id, RESOLVE_PHASE)) this.attachLists(changed, RESOLVE_PHASE, actor, now);
      return changed;
    });
  }

  /** Attaches a phase's lists on request (the handoff list, or post-incident ahead of resolving). */
  attachPhase(id: number, phase: ChecklistPhase, actor: string): Checklist[] {
    return this.store.transaction(() => {
      const incident = this.store.get(id);
      if (this.planner.hasPhase(id, phase)) throw new RpcFailure('conflict', `Incident #${id} already has its ${phase} checklists.`);
      if (this.attachLists(incident, phase, actor, this.now()) === 0) {
        throw new RpcFailure('conflict', `Incident #${id} has every item of the ${phase} checklists already.`);
      }
      return this.checklists.forIncident(id);
    });
  }

  /** `data` marks a note written by another area's work (see AUTOMATIC_NOTE). */
  addNote(id: number, text: string, actor: string, data?: Record<string, unknown>): TimelineEntry {
    this.store.get(id);
    return this.store.append(id, [{ at: this.now(), kind: 'note', actor, text, ...(data ? { data } : {}) }])[0];
  }

  snoozeTimer(id: number, kind: TimerKind, minutes: number, actor: string): Incident {
    const now = this.now();
    this.store.get(id);
    this.store.append(id, [planSnooze(kind, now + minutes * 60_000, actor, now)]);
    return this.store.get(id);
  }

  escalate(id: number, to: string[], note: string | undefined, actor: string): TimelineEntry {
    this.store.get(id);
    return this.store.append(id, [planEscalation(to, actor, this.now(), note)])[0];
  }

  // True when `at` falls in the post-fix watch; then the relapse is stamped so the window offers to re-open.
  relapse(id: number, what: string): { insideWatch: boolean; incident: Incident; entryId: number | null } {
    const incident = this.store.get(id);
    const now = this.now();
    const lifecycle = this.workflow.lifecycle();
    const timeline = this.store.timelineOfKinds(id, TIMER_TIMELINE_KINDS);
    const insideWatch = isWatchStatus(lifecycle, incident.status) && isInsidePostFixWatch(incident, incident.level ?? undefined, timeline, now, lifecycle, this.workflow.businessHours());
    if (!insideWatch) return { insideWatch, incident, entryId: null };
    const [entry] = this.store.append(id, [{ at: now, kind: 'relapse', actor: 'trayage', text: `${what} failed again during the post-fix watch: re-open?` }]);
    return { insideWatch, incident, entryId: entry.id };
  }

  detail(id: number): IncidentDetail {
    const incident = this.store.get(id);
    const timeline = this.store.timelineTail(id, DETAIL_TIMELINE_ENTRIES);
    const { level } = incident;
    const contacts = this.workflow.contacts();
    const checklists = this.checklists.forIncident(id);
    return {
      incident,
      timeline,
      timelineTotal: this.store.timelineCount(id),
      checklists,
      checklistPhase: checklistPhase(checklists, isOpenStatus(this.workflow.lifecycle(), incident.status)),
      timers: this.timers(incident).map(publicTimer),
      level,
      escalation: level
        ? escalationTargets(level, contacts).map((t) => ({
            role: t.role,
            contacts: t.contacts.map((c) => ({ name: c.name, links: contactLinks(c).map((l) => ({ label: l.label, href: l.href })) })),
          }))
        : [],
      durationMs: (incident.resolvedAt ?? this.now()) - incident.createdAt,
    };
  }

  /** Where the dedupe keys listed with incidents come from (an intake's received alerts). */
  provideDedupeKeys(provider: (incidentIds: number[]) => Map<number, string[]>): void {
    this.dedupeKeys = provider;
  }

  summaries(filter: string, limit: number): IncidentSummary[] {
    const lifecycle = this.workflow.lifecycle();
    const statuses = filter === 'all' ? null : filter === 'open' ? openStatusKeys(lifecycle) : [this.requireStatus(filter)];
    const list = this.store.list(statuses, limit);
    const keys = this.dedupeKeys(list.map((i) => i.id));
    return list.map((incident) => ({
      ...incident,
      checklist: this.checklists.progress(incident.id),
      timers: this.timers(incident).map(({ kind, label, dueAt, overdue }) => ({ kind, label, dueAt, overdue })),
      dedupeKeys: keys.get(incident.id) ?? [],
    }));
  }

  timers(incident: Incident, timeline?: TimelineEntry[]): Timer[] {
    const lifecycle = this.workflow.lifecycle();
    if (!isOpenStatus(lifecycle, incident.status) && incident.resolvedAt !== null && this.now() - incident.resolvedAt > 7 * 86_400_000) return [];
    const entries = timeline ?? this.store.timelineOfKinds(incident.id, TIMER_TIMELINE_KINDS);
    return computeTimers(incident, incident.level ?? undefined, entries, this.now(), snoozesFromTimeline(entries), lifecycle, this.workflow.businessHours());
  }

  private attachLists(incident: Incident, phase: ChecklistPhase, actor: string, now: number): number {
    const lists = this.planner.attach(incident, [phase]);
    if (lists.length) this.store.append(incident.id, [planChecklistsAttached(phase, lists, actor, now)]);
    return lists.length;
  }

  private changeRoles(incident: Incident, roles: Record<string, string>, actor: string, now: number): void {
    const merged = { ...incident.roles };
    const lines: string[] = [];
    for (const [role, person] of Object.entries(roles)) {
      if ((merged[role] ?? '') === person) continue;
      if (person) merged[role] = person;
      else delete merged[role];
      lines.push(person ? `${role}: ${person}` : `${role} cleared`);
    }
    if (lines.length === 0) return;
    this.store.setRoles(incident.id, merged, now);
    this.store.append(incident.id, [{ at: now, kind: 'roles', actor, text: `Roles — ${lines.join(', ')}`, data: { roles: merged } }]);
  }

  private requireStatus(key: string): string {
    const statuses = this.workflow.lifecycle().statuses;
    if (statuses.some((s) => s.key === key)) return key;
    throw new RpcFailure('bad_request', `Unknown status '${key}'; use one of ${statuses.map((s) => s.key).join(', ')}.`, [
      { path: 'status', message: `must be one of ${statuses.map((s) => s.key).join(', ')}` },
    ]);
  }
}

function publicTimer(t: Timer) {
  return { kind: t.kind, label: t.label, dueAt: t.dueAt, overdue: t.overdue, snoozed: t.snoozed };
}
