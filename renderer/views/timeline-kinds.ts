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

export function filterOf(kind: string): TimelineFilter {
  return TIMELINE_FILTERS.find((f) => (f.kinds as readonly string[]).includes(kind))?.key ?? 'status';
}
