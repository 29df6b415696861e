import { z } from 'zod';
import { type Checked, checkedBy, issueText } from './checked-input';

const minutes = z
  .int({ message: 'must be a whole number of minutes' })
  .min(0, { message: 'must be 0 or more minutes' })
  .max(60 * 24 * 30, { message: 'must be at most 30 days (43200 minutes)' })
  .nullable();

/**
 * One step of a level's escalation chain: fires once per incident, `afterMinutes` after declaration,
 * while the incident is unresolved. `to` is a role, a contact's name, or "on-call" (whoever the
 * rotation or calendar names then); `channel` names a channel (id or name) to page through, and
 * without it the step is a desktop notice only.
 */
export const EscalationStep = z
  .object({
    afterMinutes: minutes.unwrap(),
    to: z.string().trim().min(1, { message: 'is required: a role, a contact name or "on-call"' }).max(120, { message: 'must be at most 120 characters' }),
    channel: z.string().trim().min(1, { message: 'must not be empty; leave it out for a desktop notice only' }).max(80).optional(),
  })
  .strict();
export type EscalationStep = z.infer<typeof EscalationStep>;

/** 'business': responseMinutes count only business hours; 'next-business-day': due when the next business day starts (plus responseMinutes of business time). */
export const ResponseClock = z.enum(['always', 'business', 'next-business-day'], { message: "must be 'always', 'business' or 'next-business-day'" });
export type ResponseClock = z.infer<typeof ResponseClock>;

export const SeverityLevel = z
  .object({
    key: z
      .string()
      .trim()
      .min(1, { message: 'is required' })
      .max(16, { message: 'must be at most 16 characters' }),
    name: z.string().trim().min(1, { message: 'is required' }).max(80, { message: 'must be at most 80 characters' }),
    definition: z.string().max(2000, { message: 'must be at most 2000 characters' }),
    examples: z.array(z.string().trim().min(1, { message: 'must not be empty' })),
    /** Acknowledge within this long; null when the runbook gives no clock time ("next business day"). */
    responseMinutes: minutes,
    /** Send a status update this often while the incident is open; null for none. */
    updateCadenceMinutes: minutes.refine((v) => v !== 0, { message: 'must be at least 1 minute, or empty for none' }),
    /** Escalate when still unresolved this long after declaration; 0 means at once; null means never. */
    escalateAfterMinutes: minutes,
    /** Roles or people to escalate to, in order. */
    escalateTo: z.array(z.string().trim().min(1, { message: 'must not be empty' })),
    /** Keep watching this long after the fix; null for no watch. */
    postFixWatchMinutes: minutes,
    /** An ordered escalation chain; when absent, escalateAfterMinutes/escalateTo read as a one-step chain. */
    escalation: z.array(EscalationStep).max(20, { message: 'must hold at most 20 steps' }).optional(),
    /** How the response time is counted; 'always' (wall clock) when absent. */
    responseClock: ResponseClock.optional(),
  })
  .strict();
export type SeverityLevel = z.infer<typeof SeverityLevel>;

export const SeverityScheme = z
  .object({
    id: z.string().trim().min(1, { message: 'is required' }),
    name: z.string().trim().min(1, { message: 'is required' }),
    /** Where the numbers come from, shown to the team choosing a scheme. */
    source: z.string(),
    /** Most severe first. */
    levels: z.array(SeverityLevel).min(1, { message: 'must hold at least one level' }),
  })
  .strict();
export type SeverityScheme = z.infer<typeof SeverityScheme>;

/** A ready-made scheme, named by its id alone. */
const ReadyMadeScheme = z.object({ id: z.string() }).strict();

function describeLevel(input: unknown, index: number): string {
  const levels = (input as { levels?: unknown })?.levels;
  const level = Array.isArray(levels) ? (levels[index] as { key?: unknown }) : undefined;
  const key = typeof level?.key === 'string' && level.key.trim() ? level.key.trim() : undefined;
  return key ? `Level ${key} (level ${index + 1})` : `Level ${index + 1}`;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [top, index, field, item, sub] = issue.path;
  if (top === 'levels' && typeof index === 'number') {
    const where =
      field === undefined ? '' : `, field ${String(field)}${item === undefined ? '' : ` item ${Number(item) + 1}`}${sub === undefined ? '' : ` ${String(sub)}`}`;
    return `${describeLevel(input, index)}${where}: ${issueText(issue)}`;
  }
  if (issue.code === 'unrecognized_keys') return `Scheme: ${issueText(issue)}`;
  return `Scheme field ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
}

/** What a single level's fields cannot show: keys repeated across levels, escalations to nobody. */
function levelConflicts(scheme: SeverityScheme): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  scheme.levels.forEach((level, i) => {
    const earlier = seen.get(level.key.toLowerCase());
    if (earlier !== undefined) {
      problems.push(`Level ${level.key} (level ${i + 1}), field key: repeats the key of level ${earlier + 1}; keys must be unique`);
    } else {
      seen.set(level.key.toLowerCase(), i);
    }
    if (level.escalateAfterMinutes !== null && level.escalateTo.length === 0) {
      problems.push(`Level ${level.key} (level ${i + 1}), field escalateTo: name who to escalate to, or clear escalateAfterMinutes`);
    }
    level.escalation?.forEach((step, s) => {
      const before = level.escalation?.[s - 1];
      if (before && step.afterMinutes < before.afterMinutes) {
        problems.push(
          `Level ${level.key} (level ${i + 1}), field escalation item ${s + 1} afterMinutes: ${step.afterMinutes} comes before step ${s}'s ${before.afterMinutes}; list the steps in the order they fire`,
        );
      }
    });
    if (level.responseClock === 'business' && level.responseMinutes === null) {
      problems.push(`Level ${level.key} (level ${i + 1}), field responseClock: 'business' counts responseMinutes, which is empty; set it or use 'next-business-day'`);
    }
  });
  return problems;
}

/**
 * Checks a scheme a team edited. Each problem names the level (by key when it has one) and the
 * field, so the settings window can point at the exact input.
 */
export function checkScheme(input: unknown): Checked<SeverityScheme> {
  const parsed = SeverityScheme.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(issue, input)) };
  const problems = levelConflicts(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

// A team sets either a ready-made scheme by its bare id, or a whole scheme of its own. Anything
// more than a bare id is checked as a whole scheme, so its problems name the level and field
// instead of saying that neither shape fits.
export const SchemeChoice = checkedBy<z.infer<typeof ReadyMadeScheme> | SeverityScheme>((input) => {
  const readyMade = ReadyMadeScheme.safeParse(input);
  return readyMade.success ? { ok: true, value: readyMade.data } : checkScheme(input);
});
export type SchemeChoice = z.infer<typeof SchemeChoice>;
