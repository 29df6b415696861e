import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { asConfigError, clip, ConfigError, isMergeKey, type ConfigIssue } from './config-errors';
import { checkConfigSize, MAX_CONFIG_BYTES } from './config-text';
import { readPlainYaml } from './plain-yaml';

interface YamlLimits {
  maxBytes: number;
  /**
   * Most values (list items, keys, lines) the text may hold, counted before parsing. Parsing costs
   * about the same per value whatever its size, so 5 MB of one-character items costs many times
   * what 5 MB of monitors does; 100,000 short monitors hold about 800,000.
   */
  maxValues: number;
  /**
   * How much aliases (`*name`) may repeat in all, counted as one per value plus one per character
   * of text. Reusing a small anchor hundreds of times costs a few thousand; an alias bomb, where
   * each level repeats the one before, passes any bound within a few lines. As much as the file
   * itself may hold: an expanded file then costs at most what two files at the size limit would.
   */
  maxRepeated: number;
  /** Deepest nesting of lists and maps, aliases expanded; configs are a handful of levels deep. */
  maxDepth: number;
}

const LIMITS: YamlLimits = { maxBytes: MAX_CONFIG_BYTES, maxValues: 1_000_000, maxRepeated: MAX_CONFIG_BYTES, maxDepth: 64 };

export interface ParseOptions {
  /** Extra advice for a syntax error, from the text of its line. */
  syntaxHint?: (lineText: string) => string;
}

/**
 * The YAML document as plain values, aliases expanded, parsed with its time and memory bounded by
 * the text's size: size, nesting and alias expansion are limited, and duplicate keys are found in
 * one pass (the parser's own check compares each key with every earlier one: minutes for a map of
 * 40,000 keys). Every failure, expected or not, is a ConfigError with file:line:column.
 */
export function parseBoundedYaml(text: string, file: string, options: ParseOptions = {}): unknown {
  const cached = lastParse?.deref();
  if (cached && cached.file === file && cached.text === text) return cached.value;
  checkConfigSize(text, file, LIMITS.maxBytes);
  checkValueCount(text, file, LIMITS.maxValues);
  const plain = readPlainYaml(text, LIMITS);
  const value = plain ? plain.value : parseDocumentValue(text, file, options);
  lastParse = new WeakRef({ file, text, value });
  return value;
}

/** The slower reader, which knows where every value is: it finds and places what is wrong. */
function parseDocumentValue(text: string, file: string, options: ParseOptions): unknown {
  const lines = new LineCounter();
  let doc: Document;
  try {
    // `merge`: `<<: *defaults` merges a map, as in Docker Compose files; plain-yaml.ts reads it alike.
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, merge: true });
  } catch (err) {
    throw unreadable(file, err);
  }
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((err) => {
        const pos = lines.linePos(err.pos[0]);
        const lineText = text.slice(lines.lineStarts[pos.line - 1] ?? 0, lines.lineStarts[pos.line] ?? text.length);
        const message = /call stack/i.test(err.message) ? `values nest too deeply (at most ${LIMITS.maxDepth} levels)` : err.message.split('\n')[0];
        return { file, line: pos.line, column: pos.col, message: `YAML syntax error: ${message}${options.syntaxHint?.(lineText) ?? ''}` };
      }),
    );
  }
  let value: unknown;
  try {
    new AliasExpansion(doc, file, lines).check();
    value = doc.toJS();
  } catch (err) {
    throw unreadable(file, err);
  }
  return value;
}

/**
 * The last parse. The monitors and the alerts areas both read the file when the engine starts, in
 * the same turn, and parsing a big file takes seconds: the second reuses the first (both only read
 * the value). A WeakRef keeps it through the current turn and then leaves it to the garbage
 * collector, so a big file's values do not stay in memory after loading.
 */
let lastParse: WeakRef<{ file: string; text: string; value: unknown }> | undefined;

/**
 * Refuses text with more than `max` values without parsing it. Every value after the first follows
 * a line break, a comma, `[`, `{`, `- ` or `: `, so counting those bounds the values from above.
 */
function checkValueCount(text: string, file: string, max: number): void {
  let count = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      lineStart = i + 1;
    } else if (c !== COMMA && c !== OPEN_BRACKET && c !== OPEN_BRACE) {
      if ((c !== DASH && c !== COLON) || !isBlankAt(text, i + 1)) continue;
    }
    if (++count > max) {
      const message = `the file holds more than ${max.toLocaleString('en-US')} values (list items, keys and lines), the most Trayage reads from a config file; remove entries`;
      throw new ConfigError([{ file, line, column: i - lineStart + 1, message }]);
    }
  }
}

const NEWLINE = 10;
const COMMA = 44;
const OPEN_BRACKET = 91;
const OPEN_BRACE = 123;
const DASH = 45;
const COLON = 58;

function isBlankAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return i >= text.length || c === 32 || c === NEWLINE || c === 9 || c === 13;
}

// The parser reports stack exhaustion as a RangeError whose message would mean nothing to people.
function unreadable(file: string, err: unknown): ConfigError {
  if (!(err instanceof RangeError)) return asConfigError(err, file);
  return new ConfigError([{ file, line: 1, column: 1, message: 'cannot read this file: it nests too deeply' }]);
}

interface Size {
  /** One per value plus one per character of text. */
  weight: number;
  depth: number;
}

class LimitExceeded {
  constructor(readonly issue: ConfigIssue) {}
}

/**
 * Measures the document as it will be once aliases are expanded, without expanding anything, and
 * replaces each alias by the node it names: converting to plain values then costs what the checked
 * size says (the `yaml` package looks up each alias among all anchors and aliases, which is
 * quadratic in their number). Aliases refer to the last anchor of that name before them, in
 * document order, as in the `yaml` package.
 */
class AliasExpansion {
  private readonly anchors = new Map<string, Node>();
  private readonly sizes = new Map<Node, Size>();
  private readonly problems: ConfigIssue[] = [];
  private repeated = 0;

  constructor(
    private readonly doc: Document,
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  check(): void {
    try {
      this.visit(this.doc.contents, 1, (node) => (this.doc.contents = node));
    } catch (err) {
      throw err instanceof LimitExceeded ? new ConfigError([err.issue]) : err;
    }
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }

  private visit(node: unknown, depth: number, replace: (node: Node) => void): Size {
    if (node === null || node === undefined) return { weight: 0, depth: 0 };
    const { maxDepth, maxRepeated } = LIMITS;
    if (depth > maxDepth) this.fail(node as Node, `values nest more than ${maxDepth} levels deep`);
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (!target) this.fail(node, `alias *${node.source} has no anchor &${node.source} before it`);
      const size = this.sizes.get(target);
      if (!size) this.fail(node, `alias *${node.source} is inside the value it repeats`);
      if (depth + size.depth - 1 > maxDepth) this.fail(node, `alias *${node.source} makes values nest more than ${maxDepth} levels deep`);
      this.repeated += size.weight;
      if (this.repeated > maxRepeated) {
        this.fail(
          node,
          `aliases repeat more than ${maxRepeated.toLocaleString('en-US')} values and characters in all, ` +
            `which is how an alias bomb looks; use fewer aliases or smaller anchors`,
        );
      }
      replace(target);
      return size;
    }
    const anchor = (node as Node).anchor;
    // Registered before the children: an alias inside its own anchor names it (and is refused).
    if (anchor) this.anchors.set(anchor, node as Node);
    const size = this.measure(node, depth);
    if (anchor) this.sizes.set(node as Node, size);
    return size;
  }

  private measure(node: unknown, depth: number): Size {
    if (isScalar(node)) return { weight: 1 + (typeof node.value === 'string' ? node.value.length : 0), depth: 1 };
    const size = { weight: 1, depth: 1 };
    const add = (child: Size) => {
      size.weight += child.weight;
      size.depth = Math.max(size.depth, child.depth + 1);
    };
    if (isSeq(node)) {
      node.items.forEach((item, i) => add(this.visit(item, depth + 1, (n) => (node.items[i] = n))));
    } else if (isMap(node)) {
      const seen = new Map<string, Node>();
      for (const pair of node.items) {
        add(this.visit(pair.key, depth + 1, (n) => (pair.key = n)));
        add(this.visit(pair.value, depth + 1, (n) => (pair.value = n)));
        if (isScalar(pair.key)) this.noteKey(seen, pair.key);
        if (isMergeKey(pair.key)) this.checkMerge(pair.value);
      }
    }
    return size;
  }

  private noteKey(seen: Map<string, Node>, key: Node & { value: unknown }): void {
    // 1 and '1' are one key once converted to plain values, so they count as the same.
    const merge = isMergeKey(key);
    const id = merge ? '<<' : String(key.value);
    const first = seen.get(id);
    if (!first) {
      seen.set(id, key);
      return;
    }
    const firstLine = this.position(first).line;
    const advice = merge ? 'merge several maps with one key: <<: [*a, *b]' : 'keep one';
    this.problems.push({ file: this.file, ...this.position(key), message: `key '${clip(id)}' appears twice in this map (first on line ${firstLine}); ${advice}` });
  }

  // Checked here, where it has a position: the parser's own error has none.
  private checkMerge(value: unknown): void {
    if (isMap(value) || (isSeq(value) && value.items.every((item) => isMap(item)))) return;
    const at = (value as Node | null)?.range ? this.position(value as Node) : { line: 1, column: 1 };
    this.problems.push({ file: this.file, ...at, message: `'<<' merges maps into this one: write <<: *name, or <<: [*a, *b], where each anchor (&name) is on a map` });
  }

  private fail(node: Node, message: string): never {
    throw new LimitExceeded({ file: this.file, ...this.position(node), message });
  }

  private position(node: Node): { line: number; column: number } {
    if (!node.range) return { line: 1, column: 1 };
    const pos = this.lines.linePos(node.range[0]);
    return { line: pos.line, column: pos.col };
  }
}
