// Reads a sed script command by command, as GNU sed does, to find those that write files or
// run programs: `w`/`W` (write), `e` (run) and `s///` with the `w` or `e` flag. `r`/`R` only
// read a file into the output. Addresses may carry the `I` and `M` modifiers
// (`/error/I e cmd`), so looking for the letters alone is not enough; a script this reader
// does not follow is not read-only, since sed may read it otherwise.

/** Commands with no argument, and those with an optional number (`l 5`, `q 1`). */
const PLAIN = new Set([...'=dDgGhHnNpPxzF{}']);
const NUMBERED = new Set([...'lLqQ']);

class SedReader {
  private i = 0;

  constructor(private readonly s: string) {}

  private get c(): string {
    return this.s[this.i] ?? '';
  }

  private skip(chars: RegExp): void {
    while (this.i < this.s.length && chars.test(this.s[this.i])) this.i += 1;
  }

  /** To the end of the line, where `a text`, `r file`, `w file` and comments end. */
  private restOfLine(): string {
    const end = this.s.indexOf('\n', this.i);
    const rest = this.s.slice(this.i, end < 0 ? undefined : end);
    this.i = end < 0 ? this.s.length : end;
    return rest;
  }

  /** `a`, `i`, `c` text: to an unescaped newline, a backslash joining lines. */
  private text(): void {
    while (this.i < this.s.length && this.c !== '\n') this.i += this.c === '\\' ? 2 : 1;
  }

  /** The body of a regex or replacement up to the closing `delim`; false when it never closes. */
  private delimited(delim: string): boolean {
    while (this.i < this.s.length) {
      const ch = this.c;
      if (ch === '\n') return false;
      this.i += ch === '\\' ? 2 : 1;
      if (ch === delim) return true;
    }
    return false;
  }

  /** `5`, `$`, `0~4`, `/re/I`, `\%re%M`; on `addr2` also `+3` and `~4`. */
  private address(second: boolean): boolean {
    if (/\d/.test(this.c) || (second && /[+~]/.test(this.c))) {
      this.i += 1;
      this.skip(/\d/);
      if (this.c === '~') {
        this.i += 1;
        this.skip(/\d/);
      }
      return true;
    }
    if (this.c === '$') {
      this.i += 1;
      return true;
    }
    if (this.c === '/' || this.c === '\\') {
      if (this.c === '\\') this.i += 1;
      const delim = this.s[this.i] ?? '';
      this.i += 1;
      if (!delim || delim === '\n' || !this.delimited(delim)) return false;
      this.skip(/[IM]/);
      return true;
    }
    return !second;
  }

  /** After a command: blanks, then `;`, a newline, `}`, `#` or the end. */
  private ends(): boolean {
    this.skip(/[ \t]/);
    return this.i >= this.s.length || /[;\n}#]/.test(this.c);
  }

  /** Why the script writes or runs something, or cannot be followed; null when it only reads. */
  problem(): string | null {
    const unknown = 'the sed script is not one this check can follow, so it may write files or run commands';
    const writes = 'the sed script writes a file or runs a command (`w`, `W`, `e`, `s///w`, `s///e`)';
    for (;;) {
      this.skip(/[\s;]/);
      if (this.i >= this.s.length) return null;
      if (this.c === '#') {
        this.restOfLine();
        continue;
      }
      const start = this.i;
      if (!this.address(false)) return unknown;
      if (this.i > start) {
        this.skip(/[ \t]/);
        if (this.c === ',') {
          this.i += 1;
          this.skip(/[ \t]/);
          if (!this.address(true)) return unknown;
        }
      }
      this.skip(/[ \t!]/);
      const command = this.c;
      this.i += 1;
      if (PLAIN.has(command)) {
        if (command === '{' || command === '}') continue;
      } else if (NUMBERED.has(command)) {
        this.skip(/[ \t]/);
        this.skip(/\d/);
      } else if (/[aic]/.test(command)) {
        this.text();
        continue;
      } else if (/[rR]/.test(command)) {
        this.restOfLine();
        continue;
      } else if (/[btT:v]/.test(command)) {
        this.skip(/[ \t]/);
        this.skip(/[^;\n\s}]/);
      } else if (command === 's' || command === 'y') {
        const delim = this.c;
        this.i += 1;
        if (!delim || delim === '\n' || delim === '\\' || !this.delimited(delim) || !this.delimited(delim)) return unknown;
        if (command === 's') {
          const flags = /^[gpiImM0-9ew]*/.exec(this.s.slice(this.i))?.[0] ?? '';
          if (/[ew]/.test(flags)) return writes;
          this.i += flags.length;
        }
      } else if (/[wWe]/.test(command)) {
        return writes;
      } else {
        return unknown;
      }
      if (!this.ends()) return unknown;
    }
  }
}

/** Why the sed script is not read-only, or null when every command in it only reads. */
export function sedScriptProblem(script: string): string | null {
  return new SedReader(script).problem();
}
