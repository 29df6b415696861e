import type { Incident, TimelineEntry } from '../../../../preload/contract';

/**
 * An incident as the workflow plans read and write it: the stored incident without the store's
 * own bookkeeping (updatedAt, roles), so a plan can describe an incident before it is stored.
 */
export type WorkflowIncident = Omit<Incident, 'updatedAt' | 'roles'>;

/** A timeline entry before the store gives it an id and ties it to an incident. */
export type NewTimelineEntry = Omit<TimelineEntry, 'id' | 'incidentId'>;

/** Fields of an incident a change may set; the store applies them as given. */
export type IncidentUpdates = Partial<Omit<WorkflowIncident, 'id' | 'createdAt'>>;
