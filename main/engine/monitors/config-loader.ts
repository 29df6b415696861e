import path from 'node:path';
import { z } from 'zod';
import { FieldError, type MonitorDefinition, type MonitorKind } from './domain/check-types';
import { parseCondition } from './domain/condition-parser';
import { ConditionError, type Condition } from './domain/condition-types';
import { durationField, positiveInt } from '../lib/config/config-fields';
import { parseSources, type SourceDefinition } from '../alerts/domain/source-config';
import { parseBoundedYaml } from '../lib/config/bounded-yaml';
import { ConfigError, INVISIBLE, PositionFinder, asConfigError, clip, describeZodIssue, show, visible, type ConfigIssue } from '../lib/config/config-errors';
import { closestName } from '../lib/config/suggest';
import { holdsNothing, readConfigText } from '../lib/config/config-text';
import { createDefaultRegistry, type KindRegistry } from './checks/kind-registry';
import { reportedFacts } from './checks/kind-facts';
import { placeholdersFor, unreportedPlaceholder } from './domain/condition-facts';
import { DURATION_LIMITS, FIELD_LIMITS } from './config-limits';
import { formatDuration } from '../lib/config/duration';

export interface MonitorConfig {
  file: string;
  monitors: MonitorDefinition[];
  /** Alert sources (Alertmanager, GitHub Actions). */
  sources: SourceDefinition[];
  /** The file holds only blank lines and comments; `monitors: []` is a file with no monitors, not a blank one. */
  blank?: boolean;
}

export const MONITOR_DEFAULTS = {
  intervalMs: 60_000,
  timeoutMs: 10_000,
  failureThreshold: 2,
  recoveryThreshold: 1,
  forMs: 0,
  reminderEveryMs: 0,
  maxJitterMs: 5_000,
};

const TOP_LEVEL_KEYS = ['monitors', 'sources'];
// As in Docker Compose files: `x-defaults: &defaults {...}` holds anchors for `<<: *defaults`.
const IGNORED_TOP_LEVEL = /^x-/;
const limits = FIELD_LIMITS;

const commonFields = {
  // One line of plain text: names are printed one per line, in lists, logs and notifications.
  name: z
    .string()
    .trim()
    .min(1)
    .max(limits.name)
    .superRefine((name, ctx) => {
      if (INVISIBLE.test(name)) ctx.addIssue({ code: 'custom', message: `contains ${invisibleIn(name)}; a name is one line of plain text, so remove it` });
    }),
  kind: z.string().max(limits.kind).optional(),
  interval: durationField(DURATION_LIMITS.interval).optional(),
  'retry-interval': durationField(DURATION_LIMITS['retry-interval']).optional(),
  timeout: durationField(DURATION_LIMITS.timeout).optional(),
  jitter: durationField(DURATION_LIMITS.jitter).optional(),
  conditions: z.array(z.string().max(limits.condition)).max(limits.conditions).optional(),
  'failure-threshold': positiveInt.max(limits.threshold).optional(),
  'recovery-threshold': positiveInt.max(limits.threshold).optional(),
  for: durationField(DURATION_LIMITS.for).optional(),
  'reminder-every': durationField(DURATION_LIMITS['reminder-every']).optional(),
  severity: z.union([z.string().max(limits.severity), z.number()]).transform(String).optional(),
  service: z.string().max(limits.service).optional(),
  paused: z.boolean().optional(),
};

let defaultRegistry: KindRegistry | undefined;

/** Reads (at most the size limit) and parses a monitors file; throws a ConfigError for any problem. */
export function loadMonitorConfig(file: string, registry?: KindRegistry): MonitorConfig {
  return parseMonitorConfig(readConfigText(file, undefined, 'monitors file'), file, registry);
}

/**
 * Parses and validates a monitors YAML file; throws a ConfigError listing every problem with its
 * position, and nothing else: a file that breaks the parser in a way nobody foresaw is still a
 * problem with the file, reported as one, so the last good version keeps running.
 */
export function parseMonitorConfig(text: string, fileName: string, registry?: KindRegistry): MonitorConfig {
  try {
    return parseValidated(text, fileName, registry);
  } catch (err) {
    throw asConfigError(err, fileName);
  }
}

// YAML reads an unquoted `- [STATUS] == 200` as a list; the parser's own message does not say so.
function conditionHint(lineText: string): string {
  return /^\s*-?\s*\[[A-Za-z_]+\]/.test(lineText) ? '; put conditions in double quotes: - "[STATUS] == 200"' : '';
}

function parseValidated(text: string, fileName: string, registry?: KindRegistry): MonitorConfig {
  const kinds = registry ?? (defaultRegistry ??= createDefaultRegistry());
  const value = parseBoundedYaml(text, fileName, { syntaxHint: conditionHint });
  const at = new PositionFinder(fileName, text);
  const issues: ConfigIssue[] = [];
  const add = (pathTo: PropertyKey[], message: string, monitor?: string) => issues.push({ file: fileName, ...at.at(pathTo), monitor, message });
  const root = (value ?? {}) as unknown;
  if (typeof root !== 'object' || Array.isArray(root)) {
    add([], `the file must be a map with a 'monitors:' list, not ${show(root)}`);
    throw new ConfigError(issues);
  }
  const top = root as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (TOP_LEVEL_KEYS.includes(key) || IGNORED_TOP_LEVEL.test(key)) continue;
    const suggestion = closestName(key, TOP_LEVEL_KEYS);
    const value = top[key];
    const block = value !== null && typeof value === 'object' && !Array.isArray(value);
    const expected = suggestion
      ? `did you mean '${suggestion}'?`
      : `expected monitors: or sources:${block ? `; to keep shared settings for <<: *anchor, name the key x-${key}` : ''}`;
    issues.push({ file: fileName, ...at.at([key]), message: `unknown top-level key ${show(key)} (${expected})` });
  }
  const rawMonitors = listAt(top, 'monitors', add);
  const rawSources = listAt(top, 'sources', add);
  const baseDir = path.dirname(path.resolve(fileName));
  const seen = new Map<string, number>();
  const monitors: MonitorDefinition[] = [];
  rawMonitors.forEach((raw, index) => {
    const name = (raw as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && seen.has(name.trim())) {
      const first = seen.get(name.trim())! + 1;
      issues.push({ file: fileName, ...at.at(['monitors', index, 'name'], true), message: `monitor name ${show(name.trim())} is used twice (first as monitor ${first}); names must be unique` });
      return;
    }
    if (typeof name === 'string') seen.set(name.trim(), index);
    const monitor = buildMonitor(raw, ['monitors', index], kinds, baseDir, at, issues);
    if (monitor) monitors.push(monitor);
  });
  const sources = parseSources(rawSources, at, issues);
  if (issues.length > 0) throw new ConfigError(issues.sort((a, b) => a.line - b.line || a.column - b.column));
  return { file: fileName, monitors, sources, ...(holdsNothing(text) ? { blank: true } : {}) };
}

function listAt(top: Record<string, unknown>, key: string, add: (path: PropertyKey[], message: string) => void): unknown[] {
  const value = top[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    add([key], `${key} must be a list (each entry starting with '- '), not ${show(value)}`);
    return [];
  }
  return value;
}

// Building a zod schema is costly (zod compiles it on first use), so each kind's schema is built once.
const schemas = new WeakMap<MonitorKind, z.ZodType>();
function schemaFor(kind: MonitorKind): z.ZodType {
  let schema = schemas.get(kind);
  if (!schema) {
    schema = z.strictObject({ ...commonFields, ...kind.fields });
    schemas.set(kind, schema);
  }
  return schema;
}

function buildMonitor(
  raw: unknown,
  where: PropertyKey[],
  kinds: KindRegistry,
  baseDir: string,
  at: PositionFinder,
  issues: ConfigIssue[],
): MonitorDefinition | undefined {
  const before = issues.length;
  const record = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  const name = typeof record?.name === 'string' && record.name.trim() !== '' ? clip(visible(record.name.trim()), limits.name) : undefined;
  const add = (field: PropertyKey[], message: string, pos = at.at([...where, ...field])) =>
    issues.push({ file: at.file, ...pos, monitor: name, field: fieldName(field), message });
  if (!record) {
    add([], `each monitor must be a map with at least name: and url:, not ${show(raw)}`);
    return undefined;
  }
  const kind = selectKind(record, kinds);
  if (typeof kind === 'string') {
    // `urll:` leaves no way to tell the kind; the misspelt field is the thing to fix.
    const misspelt = record.kind === undefined && record.url === undefined ? misspeltFields(record, kinds) : [];
    for (const { key, suggestion } of misspelt) add([key], `unknown field ${show(key)} (did you mean '${suggestion}'?)`);
    if (misspelt.length === 0) add(record.kind !== undefined ? ['kind'] : record.url !== undefined ? ['url'] : [], kind);
    return undefined;
  }
  const conditions: Condition[] = [];
  // Over-long lists and texts are reported by the schema below, and not parsed at all.
  const rawConditions = Array.isArray(record.conditions) && record.conditions.length <= limits.conditions ? record.conditions : [];
  rawConditions.forEach((text, i) => {
    if (typeof text !== 'string' || text.length > limits.condition) return;
    try {
      conditions.push(parseCondition(text));
    } catch (err) {
      if (!(err instanceof ConditionError)) throw err;
      add(['conditions', i], err.message, at.insideString([...where, 'conditions', i], err.column));
    }
  });
  const parsed = schemaFor(kind).safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) add([...issue.path, key], unknownField(key, kind), at.at([...where, ...issue.path, key]));
      } else {
        add(issue.path, describeZodIssue(issue, fieldName(issue.path), valueAt(record, issue.path), () => at.sourceText([...where, ...issue.path])));
      }
    }
    return undefined;
  }
  const values = parsed.data as Record<string, unknown>;
  const intervalMs = (values.interval as number | undefined) ?? MONITOR_DEFAULTS.intervalMs;
  const timeoutMs = (values.timeout as number | undefined) ?? Math.min(MONITOR_DEFAULTS.timeoutMs, intervalMs);
  const retryIntervalMs = values['retry-interval'] as number | undefined;
  if (retryIntervalMs !== undefined && retryIntervalMs > intervalMs) {
    add(['retry-interval'], `retry-interval ${formatDuration(retryIntervalMs)} is longer than the interval ${formatDuration(intervalMs)}; a retry confirms a failure sooner than the next regular check, so use at most ${formatDuration(intervalMs)}`);
  }
  let built: ReturnType<MonitorKind['build']> | undefined;
  if (issues.length === before) {
    try {
      built = kind.build(values, conditions, baseDir);
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      add([err.field], `${err.field} ${err.message}`);
    }
  }
  if (built) checkPlaceholders(kind, built.settings, conditions, (i, column, message) => add(['conditions', i], message, at.insideString([...where, 'conditions', i], column)));
  if (!built || issues.length > before) return undefined;
  return {
    name: values.name as string,
    kind: kind.kind,
    target: built.target,
    intervalMs,
    ...(retryIntervalMs !== undefined ? { retryIntervalMs } : {}),
    timeoutMs,
    jitterMs: (values.jitter as number | undefined) ?? Math.min(Math.round(intervalMs / 10), MONITOR_DEFAULTS.maxJitterMs),
    conditions: conditions.length > 0 ? conditions : (built.defaultConditions ?? []),
    failureThreshold: (values['failure-threshold'] as number | undefined) ?? MONITOR_DEFAULTS.failureThreshold,
    recoveryThreshold: (values['recovery-threshold'] as number | undefined) ?? MONITOR_DEFAULTS.recoveryThreshold,
    forMs: (values.for as number | undefined) ?? MONITOR_DEFAULTS.forMs,
    reminderEveryMs: (values['reminder-every'] as number | undefined) ?? MONITOR_DEFAULTS.reminderEveryMs,
    severity: values.severity as string | undefined,
    service: values.service as string | undefined,
    paused: (values.paused as boolean | undefined) ?? false,
    settings: built.settings,
    fingerprint: JSON.stringify([kind.kind, record]),
  };
}

/** The kind named by `kind:`, else the one owning the URL scheme, else one that recognises a key. */
function selectKind(record: Record<string, unknown>, kinds: KindRegistry): MonitorKind | string {
  if (record.kind !== undefined) {
    const named = typeof record.kind === 'string' ? kinds.get(record.kind) : undefined;
    return named ?? `kind ${show(record.kind)} is not known (known kinds: ${kinds.names().join(', ')})`;
  }
  if (typeof record.url === 'string') {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(record.url)?.[1]?.toLowerCase();
    const byScheme = kinds.all().find((k) => scheme && k.schemes?.includes(scheme));
    if (byScheme) return byScheme;
    const schemes = kinds.all().flatMap((k) => k.schemes ?? []).map((s) => `${s}://`);
    return `url ${show(record.url)} has no known scheme (use ${schemes.join(', ')})`;
  }
  return kinds.all().find((k) => k.selects?.(record)) ?? `cannot tell what to check: give a url: (https://host/health, tcp://host:port or tls://host:port) or a kind:`;
}

function unknownField(key: string, kind: MonitorKind): string {
  if (key === '<<') return `unknown field '<<': a quoted '<<' is an ordinary key; write <<: *anchor without quotes to merge a map`;
  const suggestion = closestName(key, [...Object.keys(commonFields), ...Object.keys(kind.fields)]);
  return suggestion ? `unknown field ${show(key)} (did you mean '${suggestion}'?)` : `unknown field ${show(key)} for a ${kind.kind} monitor`;
}

/** Keys no kind knows that are close to a field some kind knows. */
function misspeltFields(record: Record<string, unknown>, kinds: KindRegistry): { key: string; suggestion: string }[] {
  const known = [...new Set([...Object.keys(commonFields), ...kinds.all().flatMap((k) => Object.keys(k.fields))])];
  return Object.keys(record)
    .filter((key) => !known.includes(key))
    .flatMap((key) => {
      const suggestion = closestName(key, known);
      return suggestion ? [{ key, suggestion }] : [];
    });
}

/** Refuses conditions on what the monitor's checks never report: they could never pass. */
function checkPlaceholders(kind: MonitorKind, settings: unknown, conditions: Condition[], report: (index: number, column: number, message: string) => void): void {
  const reported = reportedFacts(kind, settings);
  if (!reported) return;
  const monitor = reported.as ?? `${/^(?:[aeiou]|http|ssh)/i.test(kind.kind) ? 'an' : 'a'} ${kind.kind} monitor`;
  const offered = placeholdersFor(reported.facts).map((p) => `[${p}]`).join(', ');
  conditions.forEach((condition, i) => {
    const placeholder = unreportedPlaceholder(condition, reported.facts);
    if (!placeholder) return;
    const column = condition.source.indexOf(`[${placeholder}]`) + 1;
    report(i, column, `condition "${visible(condition.source)}" can never pass: ${monitor} does not report [${placeholder}] (it offers ${offered})`);
  });
}

function invisibleIn(name: string): string {
  const found = INVISIBLE.exec(name)![0];
  const what = found === '\n' || found === '\r' ? 'a line break' : found === '\t' ? 'a tab' : /\p{Cc}/u.test(found) ? 'a control character' : 'an invisible direction mark';
  return `${what} (${visible(found)})`;
}

function fieldName(pathTo: readonly PropertyKey[]): string {
  return pathTo.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function valueAt(record: Record<string, unknown>, pathTo: readonly PropertyKey[]): unknown {
  let node: unknown = record;
  for (const key of pathTo) node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}
