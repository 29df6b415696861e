import type { Checklist, ChecklistOffer, ChecklistPhase, SeverityScheme } from '../../../../preload/contract';
import { checklistsFor, DECLARE_PHASES, RESOLVE_PHASE } from './checklist-templates';

/** A list another area brings for an incident, already sorted into its phase (a runbook's). */
export interface ImportedChecklist {
  title: string;
  phase: ChecklistPhase;
  items: readonly string[];
}

export type PlannedChecklist = ChecklistOffer;

const sameText = (text: string) => text.toLowerCase().replace(/[\s.:;!]+$/, '').replace(/\s+/g, ' ').trim();

/**
 * The lists to attach for `phases`, in that order. A phase the team's runbook covers gets the
 * runbook's lists instead of the built-in ones: the runbook is what the team works from, and
 * both together repeat the same steps. An item already on the incident, or on a list planned
 * before it, is not repeated; a list left with no items is dropped.
 */
export function planChecklists(
  severityKey: string,
  scheme: SeverityScheme,
  phases: readonly ChecklistPhase[],
  imported: readonly ImportedChecklist[],
  existingItems: readonly string[] = [],
): PlannedChecklist[] {
  const seen = new Set(existingItems.map(sameText));
  const planned: PlannedChecklist[] = [];
  for (const phase of phases) {
    const own = imported.filter((c) => c.phase === phase);
    const lists = own.length
      ? own.map((c) => ({ phase, title: c.title, source: 'runbook' as const, items: [...c.items] }))
      : checklistsFor(severityKey, phase, scheme).map((t) => ({ phase, title: t.title, source: 'built-in' as const, items: [...t.items] }));
    for (const list of lists) {
      const items = list.items.filter((item) => {
        const key = sameText(item);
        if (!key || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (items.length) planned.push({ ...list, items });
    }
  }
  return planned;
}

/**
 * The phase a window should open: post-incident once the incident is resolved (when it has that
 * list), otherwise the first declared phase with something left to do, else the last one there is.
 */
export function checklistPhase(lists: readonly Checklist[], open: boolean): ChecklistPhase | null {
  if (!open && lists.some((l) => l.phase === RESOLVE_PHASE)) return RESOLVE_PHASE;
  const working = DECLARE_PHASES.filter((phase) => lists.some((l) => l.phase === phase));
  const unfinished = working.find((phase) => lists.some((l) => l.phase === phase && l.items.some((i) => i.doneAt === null)));
  return unfinished ?? working.at(-1) ?? lists[0]?.phase ?? null;
}
