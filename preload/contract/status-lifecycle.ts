import { z } from 'zod';
import { type Checked, checkedBy, issueText } from './checked-input';

export const StatusDef = z
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
export type StatusDef = z.infer<typeof StatusDef>;

/** The statuses an incident moves through; the first is where every incident starts. */
export const StatusLifecycle = z
  .object({ statuses: z.array(StatusDef).min(2, { message: 'must hold at least two statuses' }) })
  .strict();
export type StatusLifecycle = z.infer<typeof StatusLifecycle>;

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [, index, field] = issue.path;
  if (typeof index !== 'number') return `Lifecycle ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
  const key = (input as { statuses?: { key?: unknown }[] }).statuses?.[index]?.key;
  const who = typeof key === 'string' && key ? `Status ${key} (status ${index + 1})` : `Status ${index + 1}`;
  return `${who}${field === undefined ? '' : `, field ${String(field)}`}: ${issueText(issue)}`;
}

/** What a single status cannot show: repeated keys, moves to nowhere, no way in or out. */
function flowProblems({ statuses }: StatusLifecycle): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  statuses.forEach((s, i) => {
    if (keys.has(s.key)) problems.push(`Status ${s.key} (status ${i + 1}), field key: used twice; keys must be unique`);
    keys.add(s.key);
  });
  for (const s of statuses) {
    for (const target of s.next) {
      if (!keys.has(target)) problems.push(`Status ${s.key}, field next: '${target}' is not a status key`);
      if (target === s.key) problems.push(`Status ${s.key}, field next: a status cannot move to itself`);
    }
  }
  const first = statuses[0];
  if (!first.open) problems.push(`Status ${first.key} (status 1), field open: the first status is where incidents start, so it must be open`);
  if (!statuses.some((s) => !s.open)) problems.push('Lifecycle: at least one status must close the incident (open: false)');
  return problems;
}

/** Checks an edited lifecycle; each problem names the status and the field at fault. */
export function checkLifecycle(input: unknown): Checked<StatusLifecycle> {
  const parsed = StatusLifecycle.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(issue, input)) };
  const problems = flowProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

export const LifecycleInput = checkedBy(checkLifecycle);
