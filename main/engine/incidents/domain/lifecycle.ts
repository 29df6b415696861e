import { checkLifecycle, type StatusDef, type StatusLifecycle } from '../../../../preload/contract';

export const DEFAULT_LIFECYCLE: StatusLifecycle = {
  statuses: [
    { key: 'investigating', name: 'Investigating', open: true, watch: false, next: ['identified', 'monitoring', 'resolved'] },
    { key: 'identified', name: 'Identified', open: true, watch: false, next: ['investigating', 'monitoring', 'resolved'] },
    { key: 'monitoring', name: 'Monitoring', open: true, watch: true, next: ['investigating', 'identified', 'resolved'] },
    // Re-opening goes back to Investigating: a relapse means the cause is not known after all.
    { key: 'resolved', name: 'Resolved', open: false, watch: true, next: ['investigating'] },
  ],
};

export type LifecycleCheck = { ok: true; lifecycle: StatusLifecycle } | { ok: false; errors: string[] };

/** Checks an edited lifecycle; each error names the status and the field at fault. */
export function validateLifecycle(input: unknown): LifecycleCheck {
  const check = checkLifecycle(input);
  return check.ok ? { ok: true, lifecycle: check.value } : { ok: false, errors: check.problems };
}

/** Finds a status by key or by name, ignoring case, so "Resolved" typed in a terminal works. */
export function findStatus(lifecycle: StatusLifecycle, keyOrName: string): StatusDef | undefined {
  const wanted = keyOrName.trim().toLowerCase();
  return lifecycle.statuses.find((s) => s.key === wanted || s.name.toLowerCase() === wanted);
}

export function initialStatus(lifecycle: StatusLifecycle): StatusDef {
  return lifecycle.statuses[0];
}

/** Unknown keys (a status removed from the configuration) count as open so nothing is silently dropped. */
export function isOpenStatus(lifecycle: StatusLifecycle, key: string): boolean {
  return findStatus(lifecycle, key)?.open ?? true;
}

export function isWatchStatus(lifecycle: StatusLifecycle, key: string): boolean {
  return findStatus(lifecycle, key)?.watch ?? false;
}

export function openStatusKeys(lifecycle: StatusLifecycle): string[] {
  return lifecycle.statuses.filter((s) => s.open).map((s) => s.key);
}

export function resolvedStatusKeys(lifecycle: StatusLifecycle): string[] {
  return lifecycle.statuses.filter((s) => !s.open).map((s) => s.key);
}

export function statusName(lifecycle: StatusLifecycle, key: string): string {
  return findStatus(lifecycle, key)?.name ?? key;
}

/** Whether `from` may move to `to`; a status no longer configured may move anywhere. */
export function canTransition(lifecycle: StatusLifecycle, from: string, to: string): boolean {
  const source = findStatus(lifecycle, from);
  const target = findStatus(lifecycle, to);
  if (!target) return false;
  if (!source) return true;
  return source.next.includes(target.key);
}
