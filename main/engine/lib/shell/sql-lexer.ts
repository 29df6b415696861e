// Splits SQL text into statements of tokens the way a database client reads it. What is a
// comment, where a string ends and what a backslash means differ between clients and even
// between server settings (PostgreSQL `#>>` is an operator, MySQL `#` starts a comment; a
// backslash escapes a quote in MySQL but not in PostgreSQL's standard strings). A client is
// therefore read in every way its server may read it — its "readings" — and the caller judges
// every reading: the SQL is read-only only when it is read-only however the server reads it.

/** The clients whose SQL is read; their dialects and client commands differ. */
export type SqlDialect = 'psql' | 'mysql' | 'sqlite3' | 'clickhouse';

export interface SqlReading {
  dialect: SqlDialect;
  /** `#` starts a comment: always (MySQL), before a space or `!` (ClickHouse), never (PostgreSQL: an operator). */
  hashComments: 'always' | 'before-space' | 'never';
  /** `--` starts a comment only before whitespace (MySQL: `1--1` is arithmetic). */
  dashDashNeedsSpace: boolean;
  // Block comments nest (PostgreSQL, ClickHouse): `/* a /* b */ c */` is one comment.
  nestedComments: boolean;
  // MySQL runs the text of `/*! … */` and MariaDB of `/*M! … */` comments as SQL.
  executableComments: boolean;
  /** Quote characters inside which a backslash escapes the next character. */
  backslashEscapes: string;
  /** Quote characters that delimit strings; `[` and the others in `nameQuotes` delimit names. */
  stringQuotes: string;
  nameQuotes: string;
  /** `$tag$ … $tag$` strings and `E'…'` strings with backslash escapes (PostgreSQL). */
  postgresStrings: boolean;
  /** How client commands start: a backslash anywhere (psql, mysql), a dot at a line's start (sqlite3). */
  clientCommands: 'backslash' | 'dot';
  /** A client command's name is one character (mysql `\G`) or a word (psql `\dt+`). */
  longCommandNames: boolean;
  /** `:name` is replaced by the value of a psql variable before the server sees it. */
  variables: boolean;
}

export type SqlToken =
  /** A keyword, unquoted name or number. */
  | { kind: 'word'; text: string }
  /** A quoted name, without its quotes. */
  | { kind: 'name'; text: string }
  /** A string literal's text as written between its quotes. */
  | { kind: 'string'; text: string }
  /** A psql variable, `:name`, whose value is only known when the command runs. */
  | { kind: 'variable'; text: string }
  /** One character of punctuation or of an operator. */
  | { kind: 'symbol'; text: string };

/** A client command such as psql `\dt` or sqlite3 `.tables`, with the rest of its line. */
export interface ClientCommand {
  /** How the client's commands start: `\\` or `.`. */
  sigil: string;
  name: string;
  argument: string;
  /** The statement before it, which `\g`, `\gexec` and `\G` send. */
  query: SqlToken[];
}

export type SqlPiece = { statement: SqlToken[] } | { command: ClientCommand };

const PSQL: SqlReading = {
  dialect: 'psql',
  hashComments: 'never',
  dashDashNeedsSpace: false,
  nestedComments: true,
  executableComments: false,
  backslashEscapes: '',
  stringQuotes: "'",
  nameQuotes: '"',
  postgresStrings: true,
  clientCommands: 'backslash',
  longCommandNames: true,
  variables: true,
};

const MYSQL: SqlReading = {
  dialect: 'mysql',
  hashComments: 'always',
  dashDashNeedsSpace: true,
  nestedComments: false,
  executableComments: true,
  backslashEscapes: '\'"',
  stringQuotes: '\'"',
  nameQuotes: '`',
  postgresStrings: false,
  clientCommands: 'backslash',
  longCommandNames: false,
  variables: false,
};

const SQLITE: SqlReading = {
  ...PSQL,
  dialect: 'sqlite3',
  nestedComments: false,
  nameQuotes: '"`[',
  postgresStrings: false,
  clientCommands: 'dot',
  variables: false,
};

const CLICKHOUSE: SqlReading = {
  ...MYSQL,
  dialect: 'clickhouse',
  hashComments: 'before-space',
  dashDashNeedsSpace: false,
  nestedComments: true,
  executableComments: false,
  stringQuotes: "'",
  nameQuotes: '"`',
  backslashEscapes: '\'"`',
};

/** Every way each client's server may read the same text. */
export const SQL_READINGS: Readonly<Record<SqlDialect, readonly SqlReading[]>> = {
  // With standard_conforming_strings off (older servers, some configurations) a backslash
  // escapes a quote in '…' too.
  psql: [PSQL, { ...PSQL, backslashEscapes: "'" }],
  // sql_mode ANSI_QUOTES makes "…" a name; NO_BACKSLASH_ESCAPES makes backslash plain text.
  mysql: [MYSQL, { ...MYSQL, stringQuotes: "'", nameQuotes: '`"', backslashEscapes: "'" }, { ...MYSQL, backslashEscapes: '' }],
  sqlite3: [SQLITE],
  clickhouse: [CLICKHOUSE],
};

const WORD_START = /[A-Za-z0-9_\u0080-\uffff]/;
const WORD_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
/** A psql command's or sqlite3 dot-command's name (`dt+`, `gexec`, `tables`), else one character (`!`). */
const COMMAND_NAME = /[A-Za-z_][A-Za-z0-9_]*\+?/y;
/** mysql client commands that take no argument: the rest of the line is SQL again. */
const MYSQL_BARE_COMMANDS = new Set(['g', 'G', 'c', 'p']);

class Lexer {
  private i = 0;
  private tokens: SqlToken[] = [];
  private last: SqlToken[] = [];
  private inExecutableComment = false;
  readonly pieces: SqlPiece[] = [];

  constructor(
    private readonly text: string,
    private readonly r: SqlReading,
  ) {}

  run(): SqlPiece[] {
    const { text } = this;
    while (this.i < text.length) {
      const c = text[this.i];
      if (/\s/.test(c)) this.i += 1;
      else if (this.comment()) continue;
      else if (this.inExecutableComment && text.startsWith('*/', this.i)) {
        this.inExecutableComment = false;
        this.i += 2;
      } else if (c === ';') {
        this.endStatement();
        this.i += 1;
      } else if (this.clientCommandStarts()) this.clientCommand();
      else if (this.r.stringQuotes.includes(c)) this.push('string', this.quoted(c, c));
      else if (this.r.nameQuotes.includes(c)) this.push('name', this.quoted(c, c === '[' ? ']' : c));
      else if (this.r.postgresStrings && c === '$' && this.dollarQuote()) continue;
      else if (this.r.variables && c === ':' && this.variable()) continue;
      else if (WORD_START.test(c)) this.word();
      else {
        this.push('symbol', c);
        this.i += 1;
      }
    }
    this.endStatement();
    return this.pieces;
  }

  private push(kind: SqlToken['kind'], text: string): void {
    this.tokens.push({ kind, text });
  }

  private endStatement(): void {
    if (this.tokens.length === 0) return;
    this.pieces.push({ statement: this.tokens });
    this.last = this.tokens;
    this.tokens = [];
  }

  /** Skips a comment at the current position; false when there is none. */
  private comment(): boolean {
    const { text, i, r } = this;
    const next = text[i + 1];
    const lineComment =
      (text.startsWith('--', i) && (!r.dashDashNeedsSpace || !/[^\s\x00-\x1f]/.test(text[i + 2] ?? ' '))) ||
      (text[i] === '#' && (r.hashComments === 'always' || (r.hashComments === 'before-space' && /[\s!]/.test(next ?? ' '))));
    if (lineComment) {
      const end = text.indexOf('\n', i);
      this.i = end < 0 ? text.length : end;
      return true;
    }
    if (text[i] !== '/' || next !== '*') return false;
    // MySQL runs `/*!50000 … */` and MariaDB `/*M!… */`: their text is read as SQL.
    const executable = r.executableComments ? /^\/\*M?!\d*/.exec(text.slice(i, i + 12)) : null;
    if (executable) {
      this.inExecutableComment = true;
      this.i += executable[0].length;
      return true;
    }
    this.i = this.blockCommentEnd(i + 2);
    return true;
  }

  private blockCommentEnd(from: number): number {
    const { text } = this;
    let depth = 1;
    let j = from;
    while (j < text.length && depth > 0) {
      if (text.startsWith('*/', j)) {
        depth -= 1;
        j += 2;
      } else if (this.r.nestedComments && text.startsWith('/*', j)) {
        depth += 1;
        j += 2;
      } else j += 1;
    }
    return j;
  }

  /** The text between `open` and `close`, moving past it; a doubled `close` stands for itself. */
  private quoted(open: string, close: string, escapes = this.r.backslashEscapes.includes(open)): string {
    const { text } = this;
    const start = this.i + 1;
    let j = start;
    while (j < text.length) {
      if (escapes && text[j] === '\\') j += 2;
      else if (text[j] === close && text[j + 1] === close && open !== '[') j += 2;
      else if (text[j] === close) break;
      else j += 1;
    }
    this.i = Math.min(j + 1, text.length);
    return text.slice(start, Math.min(j, text.length));
  }

  /** PostgreSQL `$tag$ … $tag$`; false when the `$` starts none (`$1`). */
  private dollarQuote(): boolean {
    const { text, i } = this;
    if (i > 0 && WORD_CHAR.test(text[i - 1])) return false;
    const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 64))?.[0];
    if (!tag) return false;
    const end = text.indexOf(tag, i + tag.length);
    this.push('string', text.slice(i + tag.length, end < 0 ? text.length : end));
    this.i = end < 0 ? text.length : end + tag.length;
    return true;
  }

  /** psql `:name` (not `::type`, not `:'name'` or `:"name"`, which psql quotes). */
  private variable(): boolean {
    const { text, i } = this;
    const name = /^:([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i, i + 80));
    if (!name || text[i - 1] === ':') return false;
    this.push('variable', name[1]);
    this.i += name[0].length;
    return true;
  }

  private word(): void {
    const { text } = this;
    let j = this.i + 1;
    while (j < text.length && WORD_CHAR.test(text[j])) j += 1;
    const word = text.slice(this.i, j);
    this.i = j;
    // PostgreSQL E'…' strings escape with backslash whatever the server's settings.
    if (this.r.postgresStrings && /^e$/i.test(word) && text[j] === "'") {
      this.push('string', this.quoted("'", "'", true));
      return;
    }
    this.push('word', word);
  }

  private clientCommandStarts(): boolean {
    const { text, i } = this;
    if (this.r.clientCommands === 'backslash') return text[i] === '\\';
    // sqlite3 reads a dot-command only at the start of a line, between statements.
    return text[i] === '.' && (i === 0 || text[i - 1] === '\n') && this.tokens.length === 0;
  }

  private clientCommand(): void {
    const { text } = this;
    const start = this.i + 1;
    let name = text.slice(start, start + 1);
    if (this.r.longCommandNames || this.r.clientCommands === 'dot') {
      COMMAND_NAME.lastIndex = start;
      name = COMMAND_NAME.exec(text)?.[0] ?? name;
    }
    this.i = start + name.length;
    // psql: `\\` ends a command's arguments and `\;` separates statements; neither is a command.
    if (name === '\\') return;
    if (name === ';') {
      this.endStatement();
      return;
    }
    const argument = this.commandArgument(name);
    this.endStatement();
    this.pieces.push({ command: { sigil: text[start - 1], name, argument, query: this.last } });
  }

  /** A client command's argument: to the end of the line (psql: or to the next unquoted backslash). */
  private commandArgument(name: string): string {
    const { text } = this;
    if (this.r.clientCommands === 'backslash' && !this.r.longCommandNames && MYSQL_BARE_COMMANDS.has(name)) return '';
    const start = this.i;
    let j = start;
    while (j < text.length && text[j] !== '\n') {
      if (this.r.longCommandNames && text[j] === '\\') break;
      if (this.r.longCommandNames && /['"`]/.test(text[j])) {
        const close = text.indexOf(text[j], j + 1);
        j = close < 0 ? text.length : close + 1;
      } else j += 1;
    }
    this.i = j;
    return text.slice(start, j).trim();
  }
}

/** The statements and client commands in `text`, as one reading sees them. */
export function lexSql(text: string, reading: SqlReading): SqlPiece[] {
  return new Lexer(text, reading).run();
}
