// A procedure draft with choices becomes one procedure per way to go through it ("Rollback —
// Heroku", "Rollback — AWS ECS", "Quick Rollback — with Rebuild frontend"), so that a person
// picks the one that fits and Trayage runs each straight through. Its kind is read from the way
// it takes first, then from its section; a diagnostic must only read, so one that changes
// something is imported as a resolution, whose steps run one at a time and ask before anything
// destructive.
import type { ChoiceGroup, DraftStep, ProcedureDraft } from './procedure-draft';
import { kindOf, procedureKind } from './section-kinds';
import type { RunbookProcedure, RunbookProcedureKind } from './types';

/** More ways than this and the list stops being a choice a person can make at a glance. */
const MAX_VARIANTS = 8;
const WITHOUT = -1;

interface Variant {
  picks: number[];
  steps: DraftStep[];
  /** The groups that let a step in or keep one out of this way. */
  relevant: boolean[];
}

/** What a way picks, naming only the choices on which the ways differ. */
interface Naming {
  labels: string[];
  withs: string[];
  withouts: string[];
}

function combinations(groups: readonly ChoiceGroup[], limit: number): number[][] | null {
  let combos: number[][] = [[]];
  for (const group of groups) {
    // Without the optional step first: the procedure as written comes before its additions.
    const picks = group.kind === 'optional' ? [WITHOUT, 0] : group.options.map((_, i) => i);
    combos = combos.flatMap((combo) => picks.map((pick) => [...combo, pick]));
    if (combos.length > limit * 4) return null;
  }
  return combos;
}

function satisfied(step: DraftStep, picks: readonly number[], except = -1): boolean {
  return step.memberships.every((m) => m.group === except || picks[m.group] === m.option);
}

function variantOf(draft: ProcedureDraft, groups: readonly ChoiceGroup[], picks: number[]): Variant {
  const steps = draft.steps.filter((s) => satisfied(s, picks));
  // A choice counts for this way when one of its options has a step the other picks let in.
  const relevant = groups.map((_, g) => draft.steps.some((s) => s.memberships.some((m) => m.group === g) && satisfied(s, picks, g)));
  return { picks, steps, relevant };
}

function naming(variant: Variant, groups: readonly ChoiceGroup[], varies: readonly boolean[]): Naming {
  const named: Naming = { labels: [], withs: [], withouts: [] };
  groups.forEach((group, g) => {
    if (!variant.relevant[g] || !varies[g]) return;
    if (group.kind === 'alternatives') named.labels.push(group.options[variant.picks[g]]);
    else if (variant.picks[g] === WITHOUT) named.withouts.push(group.options[0]);
    else named.withs.push(group.options[0]);
  });
  return named;
}

function optionText(n: Naming): string {
  const withText = n.withs.length > 0 ? `with ${n.withs.join(' and ')}` : '';
  return [...n.labels, withText].filter(Boolean).join(', ') || `without ${n.withouts.join(' and ')}`;
}

interface Way {
  steps: DraftStep[];
  /** What this way picks, empty when the procedure offers no choice. */
  option: string;
  labels: string[];
  count: number;
}

function build(draft: ProcedureDraft, way: Way, baseKind: RunbookProcedureKind, warnings: string[]): RunbookProcedure {
  const base = draft.place.title;
  const steps = way.steps.map((s) => s.step);
  let kind = kindOf(way.labels.join(' ')) ?? baseKind;
  const title = way.count > 1 && way.option && !way.option.startsWith('without ') ? `${base} — ${way.option}` : base;
  if (kind === 'diagnostic') {
    const changing = steps.find((s) => !s.readOnly);
    if (changing) {
      kind = 'resolution';
      const why = changing.reasons[0] ?? 'it is not on the list of read-only commands';
      warnings.push(
        `line ${changing.line}: "${title}" reads as a diagnostic, but its step "${changing.title}" is not read-only (${why}); it is imported as a resolution, run one step at a time with destructive steps confirmed`,
      );
    }
  }
  return {
    title,
    kind,
    section: draft.place.section,
    host: way.steps.find((s) => s.login)?.step.host ?? null,
    steps,
    choice: way.count > 1 ? { of: base, option: way.option, count: way.count } : null,
    line: draft.line,
  };
}

/** A lone way is no choice, and a lone case ("If the deploy broke it:") is a step done only then. */
function settleGroups(draft: ProcedureDraft): ChoiceGroup[] {
  return draft.groups.map((group, g) => {
    if (group.kind !== 'alternatives' || group.options.length > 1) return group;
    if (group.from === 'case') return { kind: 'optional', from: 'case', options: group.options, condition: group.options[0] };
    for (const s of draft.steps) s.memberships = s.memberships.filter((m) => m.group !== g);
    return group;
  });
}

function variants(draft: ProcedureDraft, groups: readonly ChoiceGroup[]): Variant[] | null {
  const combos = combinations(groups, MAX_VARIANTS);
  if (!combos) return null;
  const seen = new Set<string>();
  const found: Variant[] = [];
  const indexOf = new Map(draft.steps.map((s, i) => [s, i]));
  for (const picks of combos) {
    const variant = variantOf(draft, groups, picks);
    const key = variant.steps.map((s) => indexOf.get(s)).join(',');
    if (variant.steps.length === 0 || seen.has(key)) continue;
    seen.add(key);
    found.push(variant);
  }
  return found;
}

function dropGroups(draft: ProcedureDraft, drop: (group: number) => boolean): void {
  for (const s of draft.steps) s.memberships = s.memberships.filter((m) => !drop(m.group));
}

/** The procedures a draft makes: one, or one per way through its choices. */
export function expandDraft(draft: ProcedureDraft, warnings: string[]): RunbookProcedure[] {
  const baseKind = procedureKind(draft.place.kindContext).kind;
  const groups = settleGroups(draft);
  let found = variants(draft, groups);
  if (!found || found.length > MAX_VARIANTS) {
    // Too many ways: optional steps stay in, marked with when to do them, to be decided on the way.
    for (const s of draft.steps) {
      const optional = s.memberships.find((m) => groups[m.group].kind === 'optional');
      if (optional && !s.step.condition) s.step = { ...s.step, condition: groups[optional.group].condition };
    }
    dropGroups(draft, (g) => groups[g].kind === 'optional');
    found = variants(draft, groups);
  }
  if (!found || found.length > MAX_VARIANTS) {
    warnings.push(`line ${draft.line}: "${draft.place.title}" offers more than ${MAX_VARIANTS} ways through its choices; the first ${MAX_VARIANTS} ways of its first choice are imported`);
    const first = draft.steps.flatMap((s) => s.memberships.map((m) => m.group)).sort((a, b) => a - b)[0];
    dropGroups(draft, (g) => g !== first);
    found = (variants(draft, groups) ?? []).slice(0, MAX_VARIANTS);
  }
  const ways = found;
  // A choice on which every way agrees (a lead "If the deploy broke it:" over all the steps) names nothing.
  const varies = groups.map((_, g) => new Set(ways.filter((v) => v.relevant[g]).map((v) => v.picks[g])).size > 1);
  if (ways.length <= 1) {
    return [build(draft, { steps: ways[0]?.steps ?? draft.steps, option: '', labels: [], count: 1 }, baseKind, warnings)];
  }
  return ways.map((v) => {
    const named = naming(v, groups, varies);
    return build(draft, { steps: v.steps, option: optionText(named), labels: named.labels, count: ways.length }, baseKind, warnings);
  });
}
