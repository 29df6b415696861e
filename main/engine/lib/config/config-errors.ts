import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';

export interface ConfigIssue {
  file: string;
  line: number;
  column: number;
  monitor?: string;
  field?: string;
  message: string;
}

export function formatIssue(issue: ConfigIssue): string {
  const who = issue.monitor !== undefined ? `monitor '${clip(issue.monitor)}': ` : '';
  return `${issue.file}:${issue.line}:${issue.column}: ${who}${issue.message}`;
}

// A broken file can have a problem per line; past this many, people fix the first ones and look again.
const MAX_ISSUES = 100;

/** Every problem found in one config file, one `file:line:col: ...` line each (the first hundred). */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];

  constructor(issues: ConfigIssue[]) {
    const kept = issues.length > MAX_ISSUES ? [...issues.slice(0, MAX_ISSUES), { ...issues[MAX_ISSUES], message: `and ${issues.length - MAX_ISSUES} more problems; fix these first` }] : issues;
    super(kept.map(formatIssue).join('\n'));
    this.issues = kept;
    this.name = 'ConfigError';
  }
}

/**
 * `err` as a problem with the file: a ConfigError as it is, anything else (a failure nobody
 * foresaw) as one problem at its start, without a stack trace, so callers keep the last good
 * version running and show it like any other.
 */
export function asConfigError(err: unknown, file: string): ConfigError {
  if (err instanceof ConfigError) return err;
  return new ConfigError([{ file, line: 1, column: 1, message: `cannot read this file: ${clip(String((err as Error)?.message ?? err), 200)}` }]);
}

/**
 * Finds source positions of YAML paths so messages can point at the exact line and column. The
 * text is parsed again on the first question: only a file with problems needs positions, and a
 * valid file's document need not stay in memory (hundreds of MB for 100,000 monitors) while it is
 * validated. The text must already have passed `parseBoundedYaml`.
 */
export class PositionFinder {
  private readonly keyIndex = new WeakMap<YAMLMap, Map<string, number>>();
  private parsed: { doc: Document; lines: LineCounter } | undefined;

  constructor(
    readonly file: string,
    private readonly source: string,
  ) {}

  private get doc(): Document {
    return this.parse().doc;
  }

  private parse(): { doc: Document; lines: LineCounter } {
    if (!this.parsed) {
      const lines = new LineCounter();
      this.parsed = { doc: parseDocument(this.source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false }), lines };
    }
    return this.parsed;
  }

  /**
   * Position of the deepest existing node on `path`: the key for a map field (where people look for
   * it), the item for a list entry; a missing field points at its parent.
   */
  at(path: readonly PropertyKey[]): { line: number; column: number } {
    for (let depth = path.length; depth >= 0; depth--) {
      const last = path[depth - 1];
      if (typeof last === 'string') {
        const key = this.keyNode(path.slice(0, depth - 1), last);
        if (key) return this.offset(key);
        continue;
      }
      const node = this.doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
      if (node && typeof node === 'object' && node.range) return this.offset(node.range[0]);
    }
    return { line: 1, column: 1 };
  }

  private keyNode(parentPath: readonly PropertyKey[], key: string): number | undefined {
    const parent = parentPath.length === 0 ? this.doc.contents : this.doc.getIn(parentPath as unknown[], true);
    if (!isMap(parent)) return undefined;
    return this.keyOffsets(parent).get(key);
  }

  // Indexed once per map: a map with a problem on each of its thousands of keys stays linear.
  private keyOffsets(map: YAMLMap): Map<string, number> {
    let offsets = this.keyIndex.get(map);
    if (!offsets) {
      offsets = new Map();
      for (const { key } of map.items) {
        if (isScalar(key) && typeof key.value === 'string' && key.range && !offsets.has(key.value)) offsets.set(key.value, key.range[0]);
      }
      this.keyIndex.set(map, offsets);
    }
    return offsets;
  }

  /**
   * Position of a column inside a string value. Exact for plain and simply quoted scalars; for
   * block or escaped strings it falls back to the start of the value.
   */
  insideString(path: readonly PropertyKey[], column: number): { line: number; column: number } {
    const node = this.doc.getIn(path as unknown[], true);
    if (isScalar(node) && node.range && typeof node.value === 'string') {
      const source = this.source.slice(node.range[0], node.range[1]);
      const quoted = source.length >= 2 && (source[0] === '"' || source[0] === "'");
      const inner = quoted ? source.slice(1, -1) : source;
      if (inner === node.value) return this.offset(node.range[0] + (quoted ? 1 : 0) + column - 1);
    }
    return this.at(path);
  }

  offset(offset: number): { line: number; column: number } {
    const pos = this.parse().lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

const FIELD_HINTS: Record<string, string> = {
  interval: 'a duration like 30s',
  timeout: 'a duration like 5s',
  jitter: 'a duration like 2s',
  for: 'a duration like 2m',
  'reminder-every': 'a duration like 30m',
  'max-body': 'a size like 1mb',
  conditions: 'a list of conditions such as "[STATUS] == 200"',
  headers: 'a map of header names to values',
  'accepted-statuses': 'a list such as [200, 204] or ["200-299"]',
};

/** Rewrites a zod issue as a sentence about the named field. */
export function describeZodIssue(issue: z.core.$ZodIssue, field: string, actual: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return `${field} is missing`;
      return `${field} must be ${FIELD_HINTS[field] ?? article(issue.expected)}, not ${show(actual)}`;
    case 'invalid_union':
      return `${field} must be ${FIELD_HINTS[field] ?? 'a different kind of value'}, not ${show(actual)}`;
    case 'too_small':
      if (issue.origin === 'array') return `${field} must not be empty`;
      if (issue.origin === 'string') return `${field} must not be empty`;
      return `${field} must be at least ${issue.minimum}, not ${show(actual)}`;
    case 'too_big':
      if (issue.origin === 'string') return `${field} must be at most ${issue.maximum} characters long, not ${lengthOf(actual)}`;
      if (issue.origin === 'array') return `${field} may list at most ${issue.maximum} entries, not ${lengthOf(actual)}`;
      return `${field} must be at most ${issue.maximum}, not ${show(actual)}`;
    case 'custom':
      return `${field} ${issue.message}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'record' || expected === 'object') return 'a map of keys to values';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function lengthOf(value: unknown): string {
  return typeof value === 'string' || Array.isArray(value) ? value.length.toLocaleString('en-US') : show(value);
}

/** A value quoted in a message, long text cut short: a message must stay readable whatever the file holds. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${clip(value)}'`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a map';
  return String(value);
}

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
