import { z } from 'zod';

export const StatusDefSchema = z
  .object({
    key: z
      .string()
      .trim()
      .min(1, { message: 'is required' })
      .max(40, { message: 'must be at most 40 characters' })
      .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'must be lower-case letters, digits, - or _ (e.g. "investigating")' }),
    name: z.string().trim().min(1, { message: 'is required' }).max(60, { message: 'must be at most 60 characters' }),
    /** Open statuses keep the incident in the tray and its update timer running. */
    open: z.boolean(),
    /** Entering a watch status starts the post-fix watch (a fix is out, see whether it holds). */
    watch: z.boolean(),
    /** Status keys this status may move to. */
    next: z.array(z.string()),
  })
  .strict();

export type StatusDef = z.infer<typeof StatusDefSchema>;

export const StatusLifecycleSchema = z
  .object({ statuses: z.array(StatusDefSchema).min(2, { message: 'must hold at least two statuses' }) })
  .strict();

/** The statuses an incident moves through; the first is where every incident starts. */
export type StatusLifecycle = z.infer<typeof StatusLifecycleSchema>;

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
  const parsed = StatusLifecycleSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const [, index, field] = issue.path;
        if (typeof index !== 'number') return `Lifecycle ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
        const statuses = (input as { statuses?: { key?: unknown }[] }).statuses;
        const key = statuses?.[index]?.key;
        const who = typeof key === 'string' && key ? `Status ${key} (status ${index + 1})` : `Status ${index + 1}`;
        const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
        return `${who}${field === undefined ? '' : `, field ${String(field)}`}: ${message}`;
      }),
    };
  }
  const errors: string[] = [];
  const keys = new Set<string>();
  parsed.data.statuses.forEach((s, i) => {
    if (keys.has(s.key)) errors.push(`Status ${s.key} (status ${i + 1}), field key: used twice; keys must be unique`);
    keys.add(s.key);
  });
  for (const s of parsed.data.statuses) {
    for (const target of s.next) {
      if (!keys.has(target)) errors.push(`Status ${s.key}, field next: '${target}' is not a status key`);
      if (target === s.key) errors.push(`Status ${s.key}, field next: a status cannot move to itself`);
    }
  }
  const first = parsed.data.statuses[0];
  if (!first.open) errors.push(`Status ${first.key} (status 1), field open: the first status is where incidents start, so it must be open`);
  if (!parsed.data.statuses.some((s) => !s.open)) errors.push('Lifecycle: at least one status must close the incident (open: false)');
  return errors.length ? { ok: false, errors } : { ok: true, lifecycle: parsed.data };
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
