import type { BusinessHours, CommTemplate, Contact, Incident, PostmortemTemplate, SchemeChoice, SeverityScheme, StatusLifecycle, TimelineEntry } from '../../../preload/contract';
import type { ImportedChecklist } from './domain/checklist-plan';

export interface DeclareRequest {
  title: string;
  severity: string;
  impact?: string;
  commander?: string;
  service?: string;
}

/**
 * What other areas may ask of the incidents area. Windows reach the same operations through the
 * incidents handlers, so an incident declared from a monitor or an alert is planned, stored,
 * announced and extended (runbook checklists) exactly like one declared by hand.
 */
export interface IncidentsPort {
  declare(request: DeclareRequest, actor?: string): Incident;
  get(id: number): Incident;
  /**
   * A note from another area's own work (a monitor's failures, an alert's details): kept in the
   * timeline, marked automatic so status updates and post-mortems tell it from what people wrote.
   */
  addNote(id: number, text: string, actor?: string): TimelineEntry;
  setStatus(id: number, status: string, note?: string, actor?: string): Incident;
  /** Stamps the acknowledgement (stopping the ack timer); an incident already acknowledged is left as it is. */
  acknowledge(id: number, actor?: string): Incident;
  /** Stamps a relapse when the incident is inside its post-fix watch, and notifies once for it. */
  relapse(id: number, what: string): { insideWatch: boolean };
  /** An entry written by another area's own work (a run's steps), under its own kind. */
  record(id: number, kind: string, text: string, data: Record<string, unknown>, actor?: string): void;
  /**
   * Lists another area brings for an incident (a runbook pack's), asked for whenever a phase's
   * lists are attached: on declaration, on resolving, on request. A phase they cover gets them
   * instead of the built-in lists.
   */
  provideChecklists(provider: (incident: Incident) => readonly ImportedChecklist[]): void;
  /**
   * Templates another area brings for an incident (a runbook pack's): communication ones are
   * offered after the built-in ones, post-mortem ones (`kind: 'postmortem'`) beside the built-in draft.
   */
  provideTemplates(provider: (incident: Incident) => readonly (CommTemplate | PostmortemTemplate)[]): void;
  /** A ready-made scheme by id, or a full scheme (e.g. a runbook's); checked before it applies, then announced. Open incidents keep their level. */
  setScheme(scheme: SchemeChoice): SeverityScheme;
  /** The severity scheme in force: new incidents are rated on its levels. */
  scheme(): SeverityScheme;
  /** The team's statuses: which are open, which are a watch. */
  lifecycle(): StatusLifecycle;
  /** The team's contacts, by role (an escalation step names a role). */
  contacts(): Contact[];
  /** When business hours are; a business-hours level's timers count only them. */
  businessHours(): BusinessHours;
  setBusinessHours(hours: BusinessHours): BusinessHours;
  /** The dedupe keys another area (an intake) holds for incidents, listed with them. */
  provideDedupeKeys(provider: (incidentIds: number[]) => Map<number, string[]>): void;
  /** Called after every declaration, whoever declared. */
  onDeclared(listener: (incident: Incident) => void): void;
  /**
   * Called after every committed change to an incident (status, acknowledgement, level, fields),
   * whoever made it, with the incident before and after (compare them to see what changed) and the
   * note written with it.
   */
  onChanged(listener: (after: Incident, before: Incident, note?: string) => void): void;
}
