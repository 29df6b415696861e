// A procedure while it is read: its steps in order and the choices among them. Steps arrive in
// units at three levels — the section they are under, the block or list item that holds them,
// and the comment group inside the block — and a unit marked as a way, an `or`, a case or an
// optional step joins a choice with the units next to it at the same level.
import type { ChoiceMarker } from './choice-markers';
import type { ProcedurePlace } from './procedure-place';
import type { RunbookStep } from './types';

export interface Membership {
  group: number;
  option: number;
}

export interface ChoiceGroup {
  /** `alternatives`: do one of the options. `optional`: do the one option or not. */
  kind: 'alternatives' | 'optional';
  /** What started it: ways ("Heroku") or cases ("if container stopped"); a lone case is an optional step. */
  from: 'option' | 'case' | 'or' | 'optional';
  options: string[];
  /** For optional steps: when to do it ("if needed"). */
  condition: string | null;
}

export interface DraftStep {
  step: RunbookStep;
  /** It only logs into another machine (`ssh host`): the steps after it run there. */
  login: boolean;
  memberships: Membership[];
}

export interface Unit {
  id: string;
  marker: ChoiceMarker | null;
  title: string;
}

interface LevelState {
  unitId: string | null;
  title: string;
  membership: Membership | null;
  steps: number[];
  previous: { title: string; membership: Membership | null; steps: number[] } | null;
  open: { group: number; kind: 'option' | 'case' } | null;
}

const LEVELS = 3;

function fresh(): LevelState {
  return { unitId: null, title: '', membership: null, steps: [], previous: null, open: null };
}

export class ProcedureDraft {
  readonly steps: DraftStep[] = [];
  readonly groups: ChoiceGroup[] = [];
  private readonly levels: LevelState[] = Array.from({ length: LEVELS }, fresh);

  constructor(
    readonly place: ProcedurePlace,
    readonly line: number,
  ) {}

  /** Adds steps that share a section, a block (or list item) and a comment group: `units` outermost first. */
  add(units: readonly Unit[], steps: readonly Omit<DraftStep, 'memberships'>[]): void {
    const memberships: Membership[] = [];
    units.forEach((unit, level) => {
      const state = this.levels[level];
      if (state.unitId !== unit.id) {
        for (let lower = level + 1; lower < LEVELS; lower += 1) this.levels[lower] = fresh();
        state.previous = state.unitId === null ? null : { title: state.title, membership: state.membership, steps: state.steps };
        state.unitId = unit.id;
        state.title = unit.title;
        state.steps = [];
        state.membership = this.enter(state, unit);
      }
      if (state.membership) memberships.push(state.membership);
    });
    for (const step of steps) {
      const index = this.steps.push({ ...step, memberships: [...memberships] }) - 1;
      for (let level = 0; level < units.length; level += 1) this.levels[level].steps.push(index);
    }
  }

  private group(kind: ChoiceGroup['kind'], from: ChoiceGroup['from'], first: string, condition: string | null = null): number {
    return this.groups.push({ kind, from, options: [first], condition }) - 1;
  }

  private option(group: number, label: string): Membership {
    return { group, option: this.groups[group].options.push(label) - 1 };
  }

  private enter(state: LevelState, unit: Unit): Membership | null {
    const marker = unit.marker;
    if (!marker) {
      state.open = null;
      return null;
    }
    if (marker.kind === 'optional') return { group: this.group('optional', 'optional', marker.label ?? unit.title, marker.condition), option: 0 };
    if (marker.kind === 'or') {
      const label = marker.label ?? unit.title;
      if (state.open) return this.option(state.open.group, label);
      const previous = state.previous;
      if (!previous || previous.membership || previous.steps.length === 0) return null;
      // "…, or …": what came just before is the first way.
      const group = this.group('alternatives', 'or', previous.title);
      for (const index of previous.steps) this.steps[index].memberships.push({ group, option: 0 });
      state.open = { group, kind: 'option' };
      return this.option(group, label);
    }
    if (state.open?.kind === marker.kind) return this.option(state.open.group, marker.label);
    const group = this.group('alternatives', marker.kind, marker.label);
    state.open = { group, kind: marker.kind };
    return { group, option: 0 };
  }
}
