import { z } from 'zod';

/** Settings a person edited, checked: the value, or every problem as a sentence they can act on. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Params checked by `check`, whose problems name the item and the field at fault ("Level P1
 * (level 2), field responseMinutes: …"). Zod paths cannot name an item by its key, so the check
 * words them; each problem then leaves the RPC door as one issue, exactly as worded.
 */
export function checkedBy<T>(check: (input: unknown) => Checked<T>) {
  return z.custom<T>().transform((input, ctx) => {
    const result = check(input);
    if (result.ok) return result.value;
    for (const message of result.problems) ctx.addIssue({ code: 'custom', message, input });
    return z.NEVER;
  });
}

/** What went wrong with one field; keys that do not belong are named. */
export function issueText(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
}
