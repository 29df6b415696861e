import { z } from 'zod';

const minutes = z
  .int({ message: 'must be a whole number of minutes' })
  .min(0, { message: 'must be 0 or more minutes' })
  .max(60 * 24 * 30, { message: 'must be at most 30 days (43200 minutes)' })
  .nullable();

export const SeverityLevelSchema = z
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
  })
  .strict();

export type SeverityLevel = z.infer<typeof SeverityLevelSchema>;

export const SeveritySchemeSchema = z
  .object({
    id: z.string().trim().min(1, { message: 'is required' }),
    name: z.string().trim().min(1, { message: 'is required' }),
    /** Where the numbers come from, shown to the team choosing a scheme. */
    source: z.string(),
    /** Most severe first. */
    levels: z.array(SeverityLevelSchema).min(1, { message: 'must hold at least one level' }),
  })
  .strict();

export type SeverityScheme = z.infer<typeof SeveritySchemeSchema>;

export type SchemeCheck = { ok: true; scheme: SeverityScheme } | { ok: false; errors: string[] };

function describeLevel(input: unknown, index: number): string {
  const levels = (input as { levels?: unknown })?.levels;
  const level = Array.isArray(levels) ? (levels[index] as { key?: unknown }) : undefined;
  const key = typeof level?.key === 'string' && level.key.trim() ? level.key.trim() : undefined;
  return key ? `Level ${key} (level ${index + 1})` : `Level ${index + 1}`;
}

/**
 * Checks a scheme a team edited. Each error names the level (by key when it has one) and the field,
 * so the settings window can point at the exact input.
 */
export function validateSeverityScheme(input: unknown): SchemeCheck {
  const parsed = SeveritySchemeSchema.safeParse(input);
  const errors: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, index, field, item] = issue.path;
      if (top === 'levels' && typeof index === 'number') {
        const where = field === undefined ? '' : `, field ${String(field)}${item === undefined ? '' : ` item ${Number(item) + 1}`}`;
        const message =
          issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
        errors.push(`${describeLevel(input, index)}${where}: ${message}`);
      } else if (issue.code === 'unrecognized_keys') {
        errors.push(`Scheme: unknown field(s) ${issue.keys.join(', ')}`);
      } else {
        errors.push(`Scheme field ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
      }
    }
    return { ok: false, errors };
  }
  const seen = new Map<string, number>();
  parsed.data.levels.forEach((level, i) => {
    const earlier = seen.get(level.key.toLowerCase());
    if (earlier !== undefined) {
      errors.push(`Level ${level.key} (level ${i + 1}), field key: repeats the key of level ${earlier + 1}; keys must be unique`);
    } else {
      seen.set(level.key.toLowerCase(), i);
    }
    if (level.escalateAfterMinutes !== null && level.escalateTo.length === 0) {
      errors.push(`Level ${level.key} (level ${i + 1}), field escalateTo: name who to escalate to, or clear escalateAfterMinutes`);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, scheme: parsed.data };
}

/** The level for a key, matched without regard to case; undefined when the scheme has no such level. */
export function findLevel(scheme: SeverityScheme, key: string): SeverityLevel | undefined {
  const wanted = key.trim().toLowerCase();
  return scheme.levels.find((l) => l.key.toLowerCase() === wanted);
}

/** Like findLevel but throws an error that lists the keys the scheme knows. */
export function requireLevel(scheme: SeverityScheme, key: string): SeverityLevel {
  const level = findLevel(scheme, key);
  if (level) return level;
  const known = scheme.levels.map((l) => l.key).join(', ');
  throw new Error(`Severity '${key}' is not in the scheme '${scheme.name}'; use one of ${known}.`);
}

/** 0 for the most severe level; -1 when the key is unknown. */
export function severityRank(scheme: SeverityScheme, key: string): number {
  const wanted = key.trim().toLowerCase();
  return scheme.levels.findIndex((l) => l.key.toLowerCase() === wanted);
}
