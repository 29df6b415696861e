import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { FieldError, type MonitorDefinition, type MonitorKind } from './domain/check-types';
import { parseCondition } from './domain/condition-parser';
import { ConditionError, type Condition } from './domain/condition-types';
import { durationField, positiveInt } from '../lib/config/config-fields';
import { parseSources, type SourceDefinition } from '../alerts/domain/source-config';
import { ConfigError, PositionFinder, describeZodIssue, show, type ConfigIssue } from '../lib/config/config-errors';
import { createDefaultRegistry, type KindRegistry } from './checks/kind-registry';

export interface MonitorConfig {
  file: string;
  monitors: MonitorDefinition[];
  /** Alert sources (Alertmanager, GitHub Actions). */
  sources: SourceDefinition[];
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

const MIN_INTERVAL_MS = 1000;
const TOP_LEVEL_KEYS = new Set(['monitors', 'sources']);

const commonFields = {
  name: z.string().trim().min(1),
  kind: z.string().optional(),
  interval: durationField.optional(),
  timeout: durationField.optional(),
  jitter: durationField.optional(),
  conditions: z.array(z.string()).optional(),
  'failure-threshold': positiveInt.optional(),
  'recovery-threshold': positiveInt.optional(),
  for: durationField.optional(),
  'reminder-every': durationField.optional(),
  severity: z.union([z.string(), z.number()]).transform(String).optional(),
  service: z.string().optional(),
  paused: z.boolean().optional(),
};

let defaultRegistry: KindRegistry | undefined;

export function loadMonitorConfig(file: string, registry?: KindRegistry): MonitorConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([{ file, line: 1, column: 1, message: `cannot read the config file: ${(err as Error).message}` }]);
  }
  return parseMonitorConfig(text, file, registry);
}

/** Parses and validates a monitors YAML file; throws a ConfigError listing every problem with its position. */
export function parseMonitorConfig(text: string, fileName: string, registry?: KindRegistry): MonitorConfig {
  const kinds = registry ?? (defaultRegistry ??= createDefaultRegistry());
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((err) => {
        const pos = lines.linePos(err.pos[0]);
        const lineText = text.split('\n')[pos.line - 1] ?? '';
        // YAML reads an unquoted `- [STATUS] == 200` as a list; the parser's own message does not say so.
        const hint = /^\s*-?\s*\[[A-Za-z_]+\]/.test(lineText) ? '; put conditions in double quotes: - "[STATUS] == 200"' : '';
        return { file: fileName, line: pos.line, column: pos.col, message: `YAML syntax error: ${err.message.split('\n')[0]}${hint}` };
      }),
    );
  }
  const at = new PositionFinder(fileName, doc, lines, text);
  const issues: ConfigIssue[] = [];
  const add = (pathTo: PropertyKey[], message: string, monitor?: string) => issues.push({ file: fileName, ...at.at(pathTo), monitor, message });
  const root = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  if (typeof root !== 'object' || Array.isArray(root)) {
    add([], `the file must be a map with a 'monitors:' list, not ${show(root)}`);
    throw new ConfigError(issues);
  }
  const top = root as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!TOP_LEVEL_KEYS.has(key)) issues.push({ file: fileName, ...at.at([key]), message: `unknown top-level key '${key}' (expected monitors: or sources:)` });
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
      issues.push({ file: fileName, ...at.at(['monitors', index, 'name']), message: `monitor name '${name.trim()}' is used twice (first as monitor ${first}); names must be unique` });
      return;
    }
    if (typeof name === 'string') seen.set(name.trim(), index);
    const monitor = buildMonitor(raw, ['monitors', index], kinds, baseDir, at, issues);
    if (monitor) monitors.push(monitor);
  });
  const sources = parseSources(rawSources, at, issues);
  if (issues.length > 0) throw new ConfigError(issues.sort((a, b) => a.line - b.line || a.column - b.column));
  return { file: fileName, monitors, sources };
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
  const name = typeof record?.name === 'string' && record.name.trim() !== '' ? record.name.trim() : undefined;
  const add = (field: PropertyKey[], message: string, pos = at.at([...where, ...field])) =>
    issues.push({ file: at.file, ...pos, monitor: name, field: fieldName(field), message });
  if (!record) {
    add([], `each monitor must be a map with at least name: and url:, not ${show(raw)}`);
    return undefined;
  }
  const kind = selectKind(record, kinds);
  if (typeof kind === 'string') {
    add(record.kind !== undefined ? ['kind'] : record.url !== undefined ? ['url'] : [], kind);
    return undefined;
  }
  const conditions: Condition[] = [];
  const rawConditions = Array.isArray(record.conditions) ? record.conditions : [];
  rawConditions.forEach((text, i) => {
    if (typeof text !== 'string') return;
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
        add(issue.path, describeZodIssue(issue, fieldName(issue.path), valueAt(record, issue.path)));
      }
    }
    return undefined;
  }
  const values = parsed.data as Record<string, unknown>;
  const intervalMs = (values.interval as number | undefined) ?? MONITOR_DEFAULTS.intervalMs;
  if (intervalMs < MIN_INTERVAL_MS) add(['interval'], `interval must be at least 1s, not '${record.interval}'`);
  const timeoutMs = (values.timeout as number | undefined) ?? Math.min(MONITOR_DEFAULTS.timeoutMs, intervalMs);
  if (timeoutMs <= 0) add(['timeout'], `timeout must be more than 0`);
  let built: ReturnType<MonitorKind['build']> | undefined;
  if (issues.length === before) {
    try {
      built = kind.build(values, conditions, baseDir);
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      add([err.field], `${err.field} ${err.message}`);
    }
  }
  if (!built || issues.length > before) return undefined;
  return {
    name: values.name as string,
    kind: kind.kind,
    target: built.target,
    intervalMs,
    timeoutMs,
    jitterMs: (values.jitter as number | undefined) ?? Math.min(Math.round(intervalMs / 10), MONITOR_DEFAULTS.maxJitterMs),
    conditions,
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
    return `url '${record.url}' has no known scheme (use ${schemes.join(', ')})`;
  }
  return kinds.all().find((k) => k.selects?.(record)) ?? `cannot tell what to check: give a url: (https://host/health, tcp://host:port or tls://host:port) or a kind:`;
}

function unknownField(key: string, kind: MonitorKind): string {
  const known = [...Object.keys(commonFields), ...Object.keys(kind.fields)];
  const normalised = key.toLowerCase().replace(/_/g, '-');
  const suggestion = known.find((k) => k === normalised);
  return suggestion ? `unknown field '${key}' (did you mean '${suggestion}'?)` : `unknown field '${key}' for a ${kind.kind} monitor`;
}

function fieldName(pathTo: readonly PropertyKey[]): string {
  return pathTo.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function valueAt(record: Record<string, unknown>, pathTo: readonly PropertyKey[]): unknown {
  let node: unknown = record;
  for (const key of pathTo) node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}
