import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';

export interface ConfigIssue {
  file: string;
  line: number;
  column: number;
  monitor?: string;
  field?: string;
  message: string;
  /**
   * The problem is with the file as a whole (it cannot be read), so there is no line to point at;
   * `line` and `column` stay 1 for readers that expect a position.
   */
  wholeFile?: boolean;
}

export function formatIssue(issue: ConfigIssue): string {
  const who = issue.monitor !== undefined ? `monitor '${clip(visible(issue.monitor))}': ` : '';
  const where = issue.wholeFile ? issue.file : `${issue.file}:${issue.line}:${issue.column}`;
  return `${where}: ${who}${issue.message}`;
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
 *
 * Paths follow the values, not the text: through aliases to what they repeat, and into the maps a
 * `<<` merge key brings in, so a problem with a merged value points where that value is written.
 */
export class PositionFinder {
  private readonly keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  private parsed: { doc: Document; lines: LineCounter } | undefined;
  private anchors: Map<string, Node[]> | undefined;

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
      this.parsed = { doc: parseDocument(this.source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, merge: true }), lines };
    }
    return this.parsed;
  }

  /**
   * Position of the deepest existing node on `path`: the key for a map field (where people look for
   * it), the item for a list entry; a missing field points at its parent. `inPlace` stops at an
   * alias or merge instead, for a problem with the entry itself (a name used twice).
   */
  at(path: readonly PropertyKey[], inPlace = false): { line: number; column: number } {
    for (let depth = path.length; depth >= 0; depth--) {
      const last = path[depth - 1];
      if (typeof last === 'string') {
        const parent = this.nodeAt(path.slice(0, depth - 1), inPlace);
        const pair = isMap(parent) ? (inPlace ? this.keyPairs(parent).get(last) : this.pairFor(parent, last)) : undefined;
        const key = pair?.key as Node | undefined;
        if (key?.range) return this.offset(key.range[0]);
        continue;
      }
      const node = this.nodeAt(path.slice(0, depth), inPlace);
      if (node?.range) return this.offset(node.range[0]);
    }
    return { line: 1, column: 1 };
  }

  /** The value at `path` exactly as written, e.g. `1.10` for a value YAML read as the number 1.1. */
  sourceText(path: readonly PropertyKey[]): string | undefined {
    const node = this.nodeAt(path);
    return isScalar(node) && node.range ? this.source.slice(node.range[0], node.range[1]) : undefined;
  }

  private nodeAt(path: readonly PropertyKey[], inPlace = false): Node | undefined {
    const resolve = (n: unknown) => (inPlace ? ((n ?? undefined) as Node | undefined) : this.resolve(n));
    let node = resolve(this.doc.contents);
    for (const step of path) {
      if (isMap(node)) node = resolve((inPlace ? this.keyPairs(node).get(String(step)) : this.pairFor(node, String(step)))?.value);
      else if (isSeq(node) && typeof step === 'number') node = resolve(node.items[step]);
      else return undefined;
    }
    return node;
  }

  /** The pair holding `key`: the map's own, else the first merged map's, as the value is built. */
  private pairFor(map: YAMLMap, key: string, depth = 0): Pair | undefined {
    const own = this.keyPairs(map).get(key);
    if (own || depth > 64) return own;
    for (const pair of map.items) {
      if (!isMergeKey(pair.key)) continue;
      const value = this.resolve(pair.value);
      const sources = isSeq(value) ? value.items.map((item) => this.resolve(item)) : [value];
      for (const merged of sources) {
        const found = isMap(merged) ? this.pairFor(merged, key, depth + 1) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }

  // Indexed once per map: a map with a problem on each of its thousands of keys stays linear.
  private keyPairs(map: YAMLMap): Map<string, Pair> {
    let pairs = this.keyIndex.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const pair of map.items) {
        const { key } = pair;
        if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number') && !pairs.has(String(key.value))) pairs.set(String(key.value), pair as Pair);
      }
      this.keyIndex.set(map, pairs);
    }
    return pairs;
  }

  /** What an alias repeats: the last anchor of its name before it, as the parser reads it. */
  private resolve(node: unknown): Node | undefined {
    if (!isAlias(node)) return (node ?? undefined) as Node | undefined;
    if (!this.anchors) {
      // Visited in document order, so each name's nodes are sorted by where they start.
      const anchors = new Map<string, Node[]>();
      visit(this.doc, (_key, n) => {
        if (!(isMap(n) || isSeq(n) || isScalar(n)) || !n.anchor) return;
        const named = anchors.get(n.anchor);
        if (named) named.push(n);
        else anchors.set(n.anchor, [n]);
      });
      this.anchors = anchors;
    }
    const at = node.range?.[0] ?? 0;
    const named = this.anchors.get(node.source) ?? [];
    let lo = 0;
    let hi = named.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((named[mid].range?.[0] ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    return named[lo - 1];
  }

  /**
   * Position of a column inside a string value. Exact for plain and simply quoted scalars; for
   * block or escaped strings it falls back to the start of the value.
   */
  insideString(path: readonly PropertyKey[], column: number): { line: number; column: number } {
    const node = this.nodeAt(path);
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

/** A `<<` key that merges maps: plain, not quoted (the `yaml` package then reads it as a symbol). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
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

/**
 * Rewrites a zod issue as a sentence about the named field. `written` gives the value as it is
 * written in the file, for advice about a value YAML read as something else.
 */
export function describeZodIssue(issue: z.core.$ZodIssue, field: string, actual: unknown, written?: () => string | undefined): string {
  switch (issue.code) {
    case 'invalid_type':
      if (actual === undefined) return `${field} is missing`;
      if (issue.expected === 'string') return notText(field, actual, written);
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

/**
 * Text was expected: an unquoted `1.10`, `0x10` or `true` is read by YAML as a number or a
 * boolean, and its text is lost (1.1, 16), so the value is refused with the quoting that keeps it.
 */
function notText(field: string, actual: unknown, written?: () => string | undefined): string {
  if (actual === null) return `${field} must be text, not empty`;
  if (typeof actual === 'number' || typeof actual === 'boolean') {
    const text = clip(visible(written?.() ?? String(actual)), 40);
    return `${field}: quote the value ("${text}"): unquoted, YAML reads it as ${typeof actual === 'number' ? 'a number' : 'true or false'}`;
  }
  return `${field} must be ${FIELD_HINTS[field] ?? 'text'}, not ${show(actual)}`;
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
  if (typeof value === 'string') return `'${clip(visible(value))}'`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a map';
  return String(value);
}

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Control characters (line breaks, tabs, terminal escapes) and the invisible marks that reorder
 * text, which would break or disguise one-line output.
 */
export const INVISIBLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with those characters written as escapes (`\n`, `\u001b`), so it stays one visible line. */
export function visible(text: string): string {
  return text.replace(INVISIBLE_ALL, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
