import type { Incident, TimelineEntry } from '../../../preload/contract';
import type { ChecklistTemplate } from './domain/checklist-templates';
import type { SeverityScheme } from './domain/severity-schemes';

export interface AttachedChecklist {
  title: string;
  phase: ChecklistTemplate['phase'] | 'runbook';
  items: readonly string[];
}

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
  addNote(id: number, text: string, actor?: string): TimelineEntry;
  setStatus(id: number, status: string, note?: string, actor?: string): Incident;
  /** Stamps the acknowledgement (stopping the ack timer); an incident already acknowledged is left as it is. */
  acknowledge(id: number, actor?: string): Incident;
  /** Stamps a relapse when the incident is inside its post-fix watch, and notifies once per failure (`at`: when it failed). */
  relapse(id: number, what: string, at: number): { insideWatch: boolean };
  /** An entry written by another area's own work (a run's steps), under its own kind. */
  record(id: number, kind: string, text: string, data: Record<string, unknown>, actor?: string): void;
  attachChecklists(id: number, lists: readonly AttachedChecklist[]): void;
  /** A ready-made scheme by id, or a full scheme (e.g. a runbook's); checked before it applies. */
  setScheme(scheme: SeverityScheme | { id: string }): SeverityScheme;
  /** Called after every declaration, whoever declared. */
  onDeclared(listener: (incident: Incident) => void): void;
}
