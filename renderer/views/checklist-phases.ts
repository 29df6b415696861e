import type { Checklist, ChecklistPhase } from '../../preload/contract';

/** The phases in the order an incident goes through them, as the windows name them. */
export const PHASES: readonly { phase: ChecklistPhase; title: string; adjective: string }[] = [
  { phase: 'response', title: 'Respond now', adjective: 'respond-now' },
  { phase: 'during', title: 'During the incident', adjective: 'during-incident' },
  { phase: 'post-incident', title: 'After resolve', adjective: 'after-resolve' },
  { phase: 'handoff', title: 'Handoff', adjective: 'handoff' },
];

export function progress(lists: readonly Checklist[]): { done: number; total: number } {
  const items = lists.flatMap((l) => l.items);
  return { done: items.filter((i) => i.doneAt !== null).length, total: items.length };
}
