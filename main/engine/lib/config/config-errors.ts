import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';
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
  const who = issue.monitor !== undefined ? `monitor '${issue.monitor}': ` : '';
  return `${issue.file}:${issue.line}:${issue.column}: ${who}${issue.message}`;
}

/** Every problem found in one config file, one `file:line:col: ...` line each. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Finds source positions of YAML paths so messages can point at the exact line and column. */
export class PositionFinder {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly source: string,
  ) {}

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
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
    return pair && isScalar(pair.key) && pair.key.range ? pair.key.range[0] : undefined;
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
    const pos = this.lines.linePos(offset);
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

export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a map';
  return String(value);
}
