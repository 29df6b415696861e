import { z } from 'zod';
import { type ConfigIssue, describeZodIssue, type PositionFinder, show } from '../../lib/config/config-errors';
import { durationField } from '../../lib/config/config-fields';
import { SOURCE_KINDS, type SourceDefinition } from '../kinds';
import type { SourceKind } from '../kinds/source-kind';

// Other areas read source definitions through this domain module, not the kinds folder.
export type { SourceDefinition };

const KINDS: SourceKind<SourceDefinition>[] = Object.values(SOURCE_KINDS);

// Polling at 0 would spin; a week matches the longest monitor interval and stays within what a timer can wait.
const pollField = (defaultMs: number) => durationField({ max: 7 * 24 * 3_600_000, positive: true }).default(defaultMs);

// As in the Sources window (SourceInput in the contract).
const SOURCE_NAME_MAX = 80;

// zod compiles a schema on first use, so each kind's schema is built once.
const schemas = new Map<SourceKind<SourceDefinition>, z.ZodType<Record<string, unknown>>>();
function schemaFor(kind: SourceKind<SourceDefinition>): z.ZodType<Record<string, unknown>> {
  let schema = schemas.get(kind);
  if (!schema) {
    schema = z.strictObject({ name: z.string().trim().min(1).max(SOURCE_NAME_MAX), poll: pollField(kind.defaultPollMs), ...kind.config.fields });
    schemas.set(kind, schema);
  }
  return schema;
}

// Validates the `sources:` list of the monitors file; problems land in `issues` with file:line like monitor errors.
export function parseSources(raw: unknown[], at: PositionFinder, issues: ConfigIssue[]): SourceDefinition[] {
  const out: SourceDefinition[] = [];
  const names = new Set<string>();
  raw.forEach((entry, index) => {
    const path = ['sources', index];
    const add = (field: PropertyKey[], message: string) => issues.push({ file: at.file, ...at.at([...path, ...field]), message: `source ${index + 1}: ${message}` });
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return add([], `must be a map with a name and ${KINDS.map((k) => `${k.config.key}:`).join(' or ')}`);
    const record = entry as Record<string, unknown>;
    const kind = KINDS.find((k) => k.config.key in record);
    if (!kind) return add([], `needs ${KINDS.map((k) => `'${k.config.key}: ${k.config.example}'`).join(' or ')}`);
    const parsed = schemaFor(kind).safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) add([key], `unknown field ${show(key)} for ${kind.kind} (known: name, poll, ${Object.keys(kind.config.fields).join(', ')})`);
          continue;
        }
        const field = String(issue.path[0] ?? '');
        add(issue.path, `${field || 'entry'}: ${describeZodIssue(issue, field, field ? record[field] : record)}`);
      }
      return;
    }
    const { name, poll, ...values } = parsed.data as { name: string; poll: number } & Record<string, unknown>;
    if (names.has(name)) return add(['name'], `the name ${show(name)} is used twice; source names must be unique`);
    names.add(name);
    out.push(kind.config.build(values, { kind: kind.kind, name, pollMs: poll }));
  });
  return out;
}
