import type { Lifecycle } from '../../../preload/contract';

// The statuses and severities an incident can take until a team configures its own scheme.
export const DEFAULT_LIFECYCLE: Lifecycle = {
  statuses: [
    { key: 'investigating', name: 'Investigating', open: true },
    { key: 'identified', name: 'Identified', open: true },
    { key: 'monitoring', name: 'Monitoring', open: true },
    { key: 'resolved', name: 'Resolved', open: false },
  ],
  severities: [
    { key: 'P1', name: 'P1 – Critical', description: 'Service down or data at risk for all users' },
    { key: 'P2', name: 'P2 – High', description: 'Major feature broken or severe degradation' },
    { key: 'P3', name: 'P3 – Medium', description: 'Partial degradation with a workaround' },
    { key: 'P4', name: 'P4 – Low', description: 'Minor issue, no user impact' },
  ],
};

export function openStatusKeys(lifecycle: Lifecycle): string[] {
  return lifecycle.statuses.filter((s) => s.open).map((s) => s.key);
}
