import {
  ConditionError,
  PLACEHOLDERS,
  TIME_PLACEHOLDERS,
  type Condition,
  type ConditionExpected,
  type ConditionLiteral,
  type ConditionOperator,
  type ConditionSubject,
  type PathSegment,
  type PlaceholderName,
} from './condition-types';
import { parseDuration } from '../../lib/config/duration';

const OPERATORS: ConditionOperator[] = ['==', '!=', '<=', '>=', '<', '>'];
const KNOWN_PLACEHOLDERS = PLACEHOLDERS.map((p) => `[${p}]`).join(', ');
const BARE_WORD = /[^\s,()"]+/y;
const PATH_KEY = /[^\s.[\]()",]+/y;

/**
 * Parses one condition in the Gatus-like language, e.g. `[BODY].checks.database == up`.
 * Throws a ConditionError with the 1-based column of the first problem.
 */
export function parseCondition(text: string): Condition {
  return new ConditionParser(text).parse();
}

class ConditionParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): Condition {
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail('the condition is empty; write e.g. [STATUS] == 200');
    const subject = this.parseSubject();
    this.skipSpace();
    const operator = this.parseOperator(subject);
    this.skipSpace();
    const expected = this.parseExpected(subject, operator);
    this.skipSpace();
    if (this.pos < this.text.length) {
      BARE_WORD.lastIndex = this.pos;
      const extra = BARE_WORD.exec(this.text)?.[0] ?? this.text[this.pos];
      this.fail(`unexpected '${extra}' after the value; put values containing spaces in double quotes`);
    }
    return { source: this.text, subject, operator, expected };
  }

  private parseSubject(): ConditionSubject {
    for (const fn of ['len', 'has'] as const) {
      if (this.text.startsWith(`${fn}(`, this.pos)) {
        const open = this.pos;
        this.pos += fn.length + 1;
        this.skipSpace();
        const inner = this.parsePlaceholder();
        if (inner.placeholder !== 'BODY') this.fail(`${fn}() only works on [BODY]`, open);
        this.skipSpace();
        this.expect(')', `missing ')' to close ${fn}(`);
        return { ...inner, fn, text: `${fn}(${inner.text})` };
      }
    }
    if (this.text[this.pos] !== '[') {
      this.fail(`a condition starts with a placeholder (${KNOWN_PLACEHOLDERS}) or len(...)/has(...)`);
    }
    return this.parsePlaceholder();
  }

  private parsePlaceholder(): ConditionSubject {
    const start = this.pos;
    if (this.text[this.pos] !== '[') this.fail(`expected a placeholder such as [BODY]`);
    const close = this.text.indexOf(']', start);
    if (close < 0) this.fail(`missing ']' to close the placeholder`, start);
    const name = this.text.slice(start + 1, close);
    const placeholder = PLACEHOLDERS.find((p) => p === name);
    if (!placeholder) {
      const upper = PLACEHOLDERS.find((p) => p === name.toUpperCase());
      const hint = upper ? `placeholders are upper case: [${upper}]` : `use one of ${KNOWN_PLACEHOLDERS}`;
      this.fail(`unknown placeholder [${name}]; ${hint}`, start);
    }
    this.pos = close + 1;
    const path = this.parsePath(placeholder);
    return { fn: 'value', placeholder, path, text: this.text.slice(start, this.pos) };
  }

  private parsePath(placeholder: PlaceholderName): PathSegment[] {
    const path: PathSegment[] = [];
    while (this.text[this.pos] === '.' || this.text[this.pos] === '[') {
      if (placeholder !== 'BODY') this.fail(`only [BODY] can be followed by a path like .status or [0]`);
      if (this.text[this.pos] === '.') {
        this.pos++;
        PATH_KEY.lastIndex = this.pos;
        const key = PATH_KEY.exec(this.text)?.[0];
        if (!key) this.fail(`expected a field name after '.'`);
        path.push(key);
        this.pos += key.length;
      } else {
        const match = /\[(\d+)\]/y;
        match.lastIndex = this.pos;
        const index = match.exec(this.text);
        if (!index) this.fail(`expected an array index such as [0]`);
        path.push(Number(index[1]));
        this.pos += index[0].length;
      }
    }
    return path;
  }

  private parseOperator(subject: ConditionSubject): ConditionOperator {
    if (this.pos >= this.text.length) this.fail(`missing operator after ${subject.text}; use ==, !=, <, <=, >, >= or contains`);
    const symbol = OPERATORS.find((op) => this.text.startsWith(op, this.pos));
    if (symbol) {
      this.pos += symbol.length;
      return symbol;
    }
    if (/^contains(\s|$)/.test(this.text.slice(this.pos, this.pos + 9))) {
      this.pos += 'contains'.length;
      return 'contains';
    }
    BARE_WORD.lastIndex = this.pos;
    const found = BARE_WORD.exec(this.text)?.[0] ?? this.text[this.pos];
    this.fail(`unknown operator '${found}'; use ==, !=, <, <=, >, >= or contains`);
  }

  private parseExpected(subject: ConditionSubject, operator: ConditionOperator): ConditionExpected {
    const start = this.pos;
    if (this.pos >= this.text.length) this.fail(`missing value after '${operator}'`);
    if (this.text.startsWith('any(', this.pos)) {
      if (operator !== '==' && operator !== '!=') this.fail(`any(...) only works with == or !=`);
      this.pos += 4;
      const values: ConditionLiteral[] = [];
      for (;;) {
        this.skipSpace();
        values.push(this.parseLiteral(subject));
        this.skipSpace();
        if (this.text[this.pos] !== ',') break;
        this.pos++;
      }
      this.expect(')', `missing ')' to close any(`);
      return { kind: 'any', values };
    }
    if (this.text.startsWith('pat(', this.pos)) {
      if (operator !== '==' && operator !== '!=') this.fail(`pat(...) only works with == or !=`);
      this.pos += 4;
      this.skipSpace();
      const source = this.text[this.pos] === '"' ? this.parseQuoted() : this.readUntilClose(start);
      this.skipSpace();
      this.expect(')', `missing ')' to close pat(`);
      return { kind: 'pattern', source, regex: globToRegex(source) };
    }
    if (this.text[this.pos] === '[') this.fail(`the right-hand side must be a value, not a placeholder`);
    return { kind: 'literal', literal: this.parseLiteral(subject) };
  }

  private parseLiteral(subject: ConditionSubject): ConditionLiteral {
    const start = this.pos;
    let text: string;
    if (this.text[this.pos] === '"') {
      text = this.parseQuoted();
    } else {
      BARE_WORD.lastIndex = this.pos;
      const word = BARE_WORD.exec(this.text)?.[0];
      if (!word) this.fail(`expected a value`);
      text = word;
      this.pos += word.length;
    }
    return { text, number: this.readNumber(subject, text, start) };
  }

  private readNumber(subject: ConditionSubject, text: string, at: number): number | null {
    const numeric = text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : null;
    if (subject.fn !== 'value') {
      if (subject.fn === 'len' && numeric === null) this.fail(`len(...) compares with a number, not '${text}'`, at);
      return numeric;
    }
    const p = subject.placeholder;
    if (TIME_PLACEHOLDERS.has(p)) {
      const ms = numeric ?? parseDuration(text);
      if (ms === null) this.fail(`'${text}' is not a number of milliseconds or a duration (500ms, 2s, 14d)`, at);
      return ms;
    }
    if ((p === 'STATUS' || p === 'VALUE' || p === 'EXIT_CODE') && numeric === null) this.fail(`[${p}] compares with a number, not '${text}'`, at);
    if (p === 'CONNECTED' && text !== 'true' && text !== 'false') this.fail(`[CONNECTED] compares with true or false, not '${text}'`, at);
    return numeric;
  }

  private parseQuoted(): string {
    const start = this.pos;
    let out = '';
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos++];
      if (ch === '"') return out;
      if (ch === '\\' && this.pos < this.text.length) out += this.text[this.pos++];
      else out += ch;
    }
    this.fail(`unterminated string; add the closing "`, start);
  }

  private readUntilClose(openAt: number): string {
    const close = this.text.indexOf(')', this.pos);
    if (close < 0) this.fail(`missing ')' to close pat(`, openAt);
    const source = this.text.slice(this.pos, close).trim();
    this.pos = close;
    return source;
  }

  private expect(ch: string, message: string): void {
    if (this.text[this.pos] !== ch) this.fail(message);
    this.pos++;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private fail(reason: string, at = this.pos): never {
    throw new ConditionError(this.text, at + 1, reason);
  }
}

/** Gatus-style pattern: `*` matches any run of characters, everything else is literal. */
function globToRegex(glob: string): RegExp {
  const escaped = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 's');
}
