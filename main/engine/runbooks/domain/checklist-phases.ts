import type { ChecklistPhase } from '../../../../preload/contract';
import type { ImportedChecklist } from '../../incidents/domain/checklist-plan';

interface PackList {
  title: string;
  items: string[];
  severities: string[];
  section: string;
}

// Heading words that say when a list is worked. Preparation (access, tools) is gone through at the
// start of a shift, like a handoff; prevention and monitoring set-up come after the incident.
const PHASE_WORDS: readonly [ChecklistPhase, RegExp][] = [
  ['handoff', /\bhand[\s-]?(?:off|over)\b|\bshift\b|\brotation\b|\baccess\b|\btools?\b|\bprerequisites?\b|\bset[\s-]?up\b|\bpreparation\b/i],
  ['post-incident', /\bpost[\s-]?(?:incident|mortem)\b|\bafter\b|\bretro(?:spective)?\b|\bfollow[\s-]?ups?\b|\blessons\b|\bprevent(?:ion)?\b|\bclean[\s-]?up\b|\bclosure\b/i],
  ['response', /\bquick response\b|\bfirst\b|\bimmediate\b|\binitial\b|\btriage\b|\backnowledge?(?:ment)?\b|\bresponse\b/i],
  ['during', /\bduring\b|\bmitigation\b|\binvestigation\b|\bongoing\b|\bactive incident\b/i],
];

/**
 * The phase of an imported list, read from its title, then from its section headings nearest
 * first ("Prevention › Monitoring Checklist" is post-incident). A list no heading places is worked
 * during the incident: that is when it was always shown.
 */
export function checklistPhase(list: Pick<PackList, 'title' | 'section'>): ChecklistPhase {
  const headings = [list.title, ...list.section.split(' › ').reverse()];
  for (const heading of headings) {
    const found = PHASE_WORDS.find(([, words]) => words.test(heading));
    if (found) return found[0];
  }
  return 'during';
}

/** A pack's lists for an incident of `severity`: those naming no severity, or naming this one. */
export function packChecklists(lists: readonly PackList[], severity: string): ImportedChecklist[] {
  const key = severity.toLowerCase();
  return lists
    .filter((c) => c.severities.length === 0 || c.severities.some((s) => s.toLowerCase() === key))
    .map((c) => ({ title: c.title, phase: checklistPhase(c), items: c.items }));
}
