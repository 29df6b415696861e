import { type ChecklistPhase, ChecklistPhase as Phases, type Incident } from '../../../preload/contract';
import { type ImportedChecklist, type PlannedChecklist, planChecklists } from './domain/checklist-plan';
import type { ActiveWorkflow } from './active-workflow';
import type { ChecklistStore } from './checklist-store';

export type ChecklistProvider = (incident: Incident) => readonly ImportedChecklist[];

// Which lists an incident gets for a phase: the built-in ones, or those another area (a runbook
// pack for the incident's service) brings in their place.
export class ChecklistPlanner {
  private readonly providers: ChecklistProvider[] = [];

  constructor(
    private readonly checklists: ChecklistStore,
    private readonly workflow: ActiveWorkflow,
    private readonly reportError: (where: string, err: unknown) => void,
  ) {}

  provide(provider: ChecklistProvider): void {
    this.providers.push(provider);
  }

  /** Attaches the lists of `phases` and returns them; an incident always gets at least the built-in ones. */
  attach(incident: Incident, phases: readonly ChecklistPhase[]): PlannedChecklist[] {
    const planned = this.plan(incident, phases);
    this.checklists.attach(incident.id, planned);
    return planned;
  }

  /** What the incident could still be given: every phase it has no list for. */
  offers(incident: Incident): PlannedChecklist[] {
    const have = new Set(this.checklists.phases(incident.id));
    return this.plan(incident, Phases.options.filter((p) => !have.has(p)));
  }

  hasPhase(incidentId: number, phase: ChecklistPhase): boolean {
    return this.checklists.phases(incidentId).includes(phase);
  }

  private plan(incident: Incident, phases: readonly ChecklistPhase[]): PlannedChecklist[] {
    const existing = this.checklists.forIncident(incident.id).flatMap((l) => l.items.map((i) => i.text));
    return planChecklists(incident.severity, this.workflow.scheme(), phases, this.imported(incident), existing);
  }

  // A provider that fails must not keep the incident from its lists: the built-in ones stand in.
  private imported(incident: Incident): ImportedChecklist[] {
    return this.providers.flatMap((provider) => {
      try {
        return [...provider(incident)];
      } catch (err) {
        this.reportError(`checklists for incident #${incident.id}`, err);
        return [];
      }
    });
  }
}
