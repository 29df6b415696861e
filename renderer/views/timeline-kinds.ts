// The timeline filters, by the entry kinds the engine writes. A kind not listed here counts as a change,
// so a new kind is never hidden behind a filter nobody can find.
export const TIMELINE_FILTERS = [
  { key: 'notes', label: 'Notes', tag: 'Note', kinds: ['note'] },
  { key: 'status', label: 'Status and changes', tag: 'Status', kinds: ['declared', 'status', 'ack', 'severity', 'commander', 'eta', 'roles', 'escalated', 'snooze'] },
  { key: 'checklists', label: 'Checklists', tag: 'Checklist', kinds: ['checklist'] },
  { key: 'runs', label: 'Runs', tag: 'Run', kinds: ['run'] },
  { key: 'alerts', label: 'Alerts', tag: 'Alert', kinds: ['alert', 'monitor', 'relapse'] },
  { key: 'updates', label: 'Updates', tag: 'Update', kinds: ['update', 'update-failed', 'channel'] },
] as const;

export type TimelineFilter = (typeof TIMELINE_FILTERS)[number]['key'];

// Looked up for every entry of a timeline that may hold tens of thousands.
const FILTER_OF_KIND = new Map<string, TimelineFilter>(TIMELINE_FILTERS.flatMap((f) => f.kinds.map((kind) => [kind, f.key] as const)));

export function filterOf(kind: string): TimelineFilter {
  return FILTER_OF_KIND.get(kind) ?? 'status';
}
