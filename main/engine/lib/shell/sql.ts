// Reads SQL statement by statement: which ones only read, which change data, and which
// destroy it. The text is split into tokens first (sql-lexer.ts), so `SELECT 'drop table'`
// reads and `DELETE … WHERE note = 'where'` still counts its WHERE correctly. Each client's
// SQL is judged in every way its server may read it, and is read-only only when every
// reading is: when in doubt, it is not read-only.
import { emptyVerdict, type ContentVerdict } from './content-verdict';
import { isNotACall, isSideEffectFree, runsSqlText, type FunctionName } from './sql-functions';
import { lexSql, SQL_READINGS, type ClientCommand, type SqlDialect, type SqlToken } from './sql-lexer';

export type { ClientCommand, SqlDialect } from './sql-lexer';

/** Judges a client command (psql `\dt`, sqlite3 `.tables`), adding to `verdict`. */
export type ClientCommandJudge = (command: ClientCommand, verdict: ContentVerdict) => void;

/** Statements that only read, or only affect the client's own session. */
const READING = new Set([
  'SELECT', 'SHOW', 'VALUES', 'TABLE', 'USE', 'END', 'DEALLOCATE', 'LISTEN', 'UNLISTEN', 'FETCH', 'CLOSE',
  'DECLARE', 'EXISTS', 'CHECK', 'CHECKSUM', 'HELP', 'SAVEPOINT', 'RELEASE',
]);

/** What may follow BEGIN when it only opens a transaction (PostgreSQL, MySQL, SQLite). */
const TRANSACTION_MODES = new Set(['TRANSACTION', 'WORK', 'ISOLATION', 'READ', 'DEFERRABLE', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE']);

/** Built-ins that change the server's state, named in reasons more plainly than other calls. */
const STATE_CHANGING_FUNCTIONS = /^(pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|setval|nextval|set_config|pg_drop_replication_slot|pg_create_(?:physical|logical)_replication_slot|pg_replication_slot_advance|lo_unlink|lo_import|lo_export|pg_file_write|dblink_exec|pg_switch_wal|pg_promote|pg_stat_reset\w*|pg_stat_statements_reset|writefile|load_extension)$/i;

const WHAT_IT_CHANGES: Readonly<Record<string, string>> = {
  INSERT: 'adds rows',
  REPLACE: 'adds or overwrites rows',
  MERGE: 'adds or changes rows',
  UPSERT: 'adds or changes rows',
  CREATE: 'creates database objects',
  ALTER: 'changes the database schema',
  GRANT: 'changes who may do what',
  REVOKE: 'changes who may do what',
  COPY: 'copies data into a table or a file',
  VACUUM: 'rewrites tables',
  ANALYZE: 'updates planner statistics',
  REINDEX: 'rebuilds indexes',
  CLUSTER: 'rewrites a table',
  REFRESH: 'recomputes a materialized view',
  CALL: 'runs a stored procedure',
  DO: 'runs procedural code',
  EXECUTE: 'runs a prepared statement',
  LOCK: 'locks tables',
  RENAME: 'renames database objects',
  LOAD: 'loads data or a library',
  ATTACH: 'attaches a database file',
  DETACH: 'detaches a database',
  OPTIMIZE: 'rewrites tables',
  FLUSH: 'flushes server caches and logs',
  KILL: 'ends a database session or query',
  SYSTEM: 'changes the server',
  NOTIFY: 'sends a notification to listeners',
  CHECKPOINT: 'forces a checkpoint',
  COMMENT: 'changes object comments',
  SECURITY: 'changes security labels',
  IMPORT: 'imports a foreign schema',
  INSTALL: 'installs a plugin',
  UNINSTALL: 'removes a plugin',
  REPAIR: 'rewrites tables',
  CHANGE: 'changes replication settings',
};

/** Statement keywords an EXPLAIN may explain: where the explained statement starts. */
const EXPLAINABLE = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'WITH', 'VALUES', 'TABLE', 'CREATE', 'EXECUTE', 'DECLARE', 'REPLACE']);

/** What `ALTER … WORD` deletes (`ALTER TABLE … DROP COLUMN`, ClickHouse `ALTER TABLE … DELETE WHERE`). */
const ALTER_DELETES: Readonly<Record<string, string>> = {
  DROP: '`ALTER … DROP` deletes part of a table and its data',
  DELETE: '`ALTER … DELETE` deletes rows',
  TRUNCATE: '`ALTER … TRUNCATE` deletes every row of a partition',
  DISCARD: '`ALTER … DISCARD` deletes a table\'s data file',
  CLEAR: '`ALTER … CLEAR` deletes the values of a column',
};

/** SQLite PRAGMAs that take an argument in parentheses and still only read. */
const READING_PRAGMA_CALLS = new Set(['table_info', 'table_xinfo', 'index_list', 'index_info', 'index_xinfo', 'foreign_key_list', 'foreign_key_check', 'integrity_check', 'quick_check']);
/** SQLite PRAGMAs that act although they are given no value. */
const ACTING_PRAGMAS = new Set(['optimize', 'incremental_vacuum', 'wal_checkpoint', 'shrink_memory']);

/** One statement's tokens, with the client whose server reads it. */
class Statement {
  constructor(
    readonly tokens: readonly SqlToken[],
    readonly dialect: SqlDialect,
  ) {}

  /** Token `i` as an upper-case keyword, when it is a word. */
  word(i: number): string | undefined {
    const t = this.tokens[i];
    return t?.kind === 'word' ? t.text.toUpperCase() : undefined;
  }

  is(i: number, kind: SqlToken['kind'], text?: string): boolean {
    const t = this.tokens[i];
    return t?.kind === kind && (text === undefined || t.text === text);
  }

  /** Whether any word (not a quoted name or string) is one of these, at any depth. */
  hasWord(...words: string[]): boolean {
    return this.tokens.some((_, i) => words.includes(this.word(i) ?? ''));
  }

  /** The statement from token `start`. */
  from(start: number): Statement {
    return new Statement(this.tokens.slice(start), this.dialect);
  }

  /** The tokens from `start` to the parenthesis that closes around it, or to the end. */
  span(start: number): Statement {
    let depth = 0;
    let end = start;
    for (; end < this.tokens.length; end += 1) {
      if (this.is(end, 'symbol', '(')) depth += 1;
      else if (this.is(end, 'symbol', ')') && --depth < 0) break;
    }
    return new Statement(this.tokens.slice(start, end), this.dialect);
  }

  /** The words outside any parentheses, upper-case. */
  topWords(): string[] {
    const words: string[] = [];
    let depth = 0;
    this.tokens.forEach((t, i) => {
      if (t.kind === 'symbol' && t.text === '(') depth += 1;
      else if (t.kind === 'symbol' && t.text === ')') depth -= 1;
      else if (depth === 0 && t.kind === 'word') words.push(this.word(i) as string);
    });
    return words;
  }
}

type Rule = (s: Statement, verdict: ContentVerdict) => void;

function writes(reason: string): Rule {
  return (_, verdict) => verdict.writes.push(reason);
}

function destroys(reason: string): Rule {
  return (_, verdict) => verdict.destructive.push(reason);
}

/** The function a call at token `i` names, or null when the token does not start a call. */
function calledFunction(s: Statement, i: number): FunctionName | null {
  const t = s.tokens[i];
  if (!s.is(i + 1, 'symbol', '(') || (t.kind !== 'word' && t.kind !== 'name')) return null;
  if (t.kind === 'word' && (/^\d/.test(t.text) || isNotACall(t.text))) return null;
  // `… ) alias(col)`, `AS alias(col)` and `WITH [RECURSIVE] name(col)` name columns; `x::numeric(10,2)` is a type.
  if (s.is(i - 1, 'symbol', ')') || ['AS', 'WITH', 'RECURSIVE'].includes(s.word(i - 1) ?? '')) return null;
  if (s.is(i - 1, 'symbol', ':') && s.is(i - 2, 'symbol', ':')) return null;
  const fn: FunctionName = { name: t.text, quoted: t.kind === 'name' };
  if (s.is(i - 1, 'symbol', '.')) {
    const schema = s.tokens[i - 2];
    // `db.schema.fn` is nobody's built-in either.
    fn.schema = s.is(i - 3, 'symbol', '.') ? `${s.tokens[i - 4]?.text}.${schema?.text}` : (schema?.text ?? '');
  }
  return fn;
}

/** Calls to functions not known to only read: they can change anything. */
function judgeCalls(s: Statement, verdict: ContentVerdict): void {
  s.tokens.forEach((_, i) => {
    const fn = calledFunction(s, i);
    if (!fn || isSideEffectFree(fn)) return;
    verdict.writes.push(
      STATE_CHANGING_FUNCTIONS.test(fn.name) ? `\`${fn.name}()\` changes the server's state` : `\`${fn.name}()\` is not a function known to only read`,
    );
    if (!runsSqlText(fn)) return;
    for (const arg of s.span(i + 2).tokens) {
      if (arg.kind !== 'string') continue;
      for (const reason of classifySql(arg.text, s.dialect).destructive) verdict.destructive.push(`\`${fn.name}()\` runs SQL: ${reason}`);
    }
  });
}

const reading: Rule = (s, verdict) => judgeCalls(s, verdict);

const select: Rule = (s, verdict) => {
  if (s.hasWord('INTO')) verdict.writes.push('`SELECT … INTO` writes its result into a table or a file');
  judgeCalls(s, verdict);
};

/** EXPLAIN only plans, but EXPLAIN ANALYZE (and MySQL's DESCRIBE ANALYZE) runs the statement. */
const explain: Rule = (s, verdict) => {
  const start = s.tokens.findIndex((_, i) => i > 0 && EXPLAINABLE.has(s.word(i) ?? ''));
  const options = s.tokens.slice(1, start < 0 ? undefined : start);
  if (!options.some((t) => t.kind === 'word' && /^analy[sz]e$/i.test(t.text))) return;
  if (start < 0) verdict.writes.push('`EXPLAIN ANALYZE` runs a statement this check cannot find');
  else judge(s.from(start), verdict);
};

/** A WITH query may hold INSERT, UPDATE, DELETE or MERGE in its parts. */
const withQuery: Rule = (s, verdict) => {
  let changes = false;
  s.tokens.forEach((_, i) => {
    const word = s.word(i);
    if (!word || !['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(word)) return;
    // `FOR [NO KEY] UPDATE` locks rows and `DO UPDATE` is part of an INSERT: no UPDATE statements.
    if (word === 'UPDATE' && ['FOR', 'KEY', 'DO'].includes(s.word(i - 1) ?? '')) return;
    changes = true;
    judge(s.span(i), verdict);
  });
  if (!changes) select(s, verdict);
};

/** Only session settings are read-only: not server-wide ones, passwords or other users' roles. */
const set: Rule = (s, verdict) => {
  const second = s.word(1);
  if (s.hasWord('GLOBAL', 'PERSIST', 'PERSIST_ONLY')) verdict.writes.push('`SET GLOBAL` changes a server setting');
  else if (second === 'PASSWORD') verdict.writes.push('`SET PASSWORD` changes a password');
  else if (second === 'DEFAULT' || second === 'RESOURCE') verdict.writes.push(`\`SET ${second}\` changes settings beyond this session`);
  else judgeCalls(s, verdict);
};

const pragma: Rule = (s, verdict) => {
  const argument = s.tokens.findIndex((t) => t.kind === 'symbol' && (t.text === '=' || t.text === '('));
  const name = (s.tokens[(argument < 0 ? s.tokens.length : argument) - 1]?.text ?? '').toLowerCase();
  if (argument >= 0 && s.tokens[argument].text === '=') verdict.writes.push('`PRAGMA … =` changes a database setting');
  else if (argument >= 0 && !READING_PRAGMA_CALLS.has(name)) verdict.writes.push(`\`PRAGMA ${name}(…)\` changes a database setting`);
  else if (ACTING_PRAGMAS.has(name)) verdict.writes.push(`\`PRAGMA ${name}\` changes the database`);
};

/** `COPY … TO STDOUT` only reads, but its query may be a DELETE … RETURNING. */
const copy: Rule = (s, verdict) => {
  if (s.is(1, 'symbol', '(')) judge(s.span(2), verdict);
  const words = s.topWords();
  const toStdout = words.some((w, i) => w === 'TO' && words[i + 1] === 'STDOUT');
  if (!toStdout) verdict.writes.push(`\`COPY\` ${WHAT_IT_CHANGES.COPY}`);
};

const drop: Rule = (s, verdict) => {
  const object = s.word(1) === 'MATERIALIZED' ? `MATERIALIZED ${s.word(2) ?? ''}` : (s.word(1) ?? '');
  verdict.destructive.push(`\`DROP ${object}\` deletes database objects and their data`);
};

const alter: Rule = (s, verdict) => {
  const word = Object.keys(ALTER_DELETES).find((w) => s.hasWord(w));
  if (word) verdict.destructive.push(ALTER_DELETES[word]);
  else verdict.writes.push('`ALTER` changes the database schema');
};

/** A rule that reads unless the second word is one of `words`. */
function unless(words: readonly string[], otherwise: Rule): Rule {
  return (s, verdict) => (words.includes(s.word(1) ?? '') ? otherwise(s, verdict) : reading(s, verdict));
}

const RULES: Readonly<Record<string, Rule>> = {
  SELECT: select,
  EXPLAIN: explain,
  DESCRIBE: explain,
  DESC: explain,
  WITH: withQuery,
  SET: set,
  PRAGMA: pragma,
  COPY: copy,
  DROP: drop,
  ALTER: alter,
  TRUNCATE: destroys('`TRUNCATE` deletes every row of a table'),
  DELETE: (s, verdict) =>
    verdict.destructive.push(s.hasWord('WHERE') ? '`DELETE` deletes rows' : '`DELETE` without `WHERE` deletes every row of the table'),
  UPDATE: (s, verdict) => {
    if (s.hasWord('WHERE')) verdict.writes.push('`UPDATE` changes rows');
    else verdict.destructive.push('`UPDATE` without `WHERE` changes every row of the table');
  },
  // START TRANSACTION only opens a transaction; MySQL START SLAVE/REPLICA starts replication.
  START: (s, verdict) => {
    if (s.word(1) !== 'TRANSACTION') verdict.writes.push(`\`START ${s.word(1) ?? ''}\` starts replication or a server task`);
  },
  // BEGIN opens a transaction, but MariaDB `BEGIN NOT ATOMIC …` runs a block of procedural code.
  BEGIN: (s, verdict) => {
    if (s.word(1) === 'NOT' && s.word(2) === 'ATOMIC') {
      verdict.writes.push('`BEGIN NOT ATOMIC` runs procedural code');
      judge(s.from(3), verdict);
    } else if (s.word(1) && !TRANSACTION_MODES.has(s.word(1) as string) && s.word(2) !== 'DEFERRABLE') {
      verdict.writes.push(`\`BEGIN ${s.word(1)}\` is not a transaction known to only read`);
    }
  },
  STOP: (s, verdict) => verdict.destructive.push(`\`STOP ${s.word(1) ?? ''}\` stops replication or a server task`),
  // COMMIT/ROLLBACK PREPARED finish a transaction another session prepared.
  COMMIT: unless(['PREPARED'], writes('`COMMIT PREPARED` commits a transaction prepared by another session')),
  ROLLBACK: unless(['PREPARED'], destroys('`ROLLBACK PREPARED` discards the changes of a prepared transaction')),
  ABORT: reading,
  XA: (s, verdict) => {
    if (s.word(1) === 'ROLLBACK') verdict.destructive.push('`XA ROLLBACK` discards the changes of a prepared transaction');
    else if (s.word(1) !== 'RECOVER') verdict.writes.push(`\`XA ${s.word(1) ?? ''}\` changes a distributed transaction`);
  },
  // PostgreSQL RESET restores a session setting; MySQL RESET deletes logs or replication state.
  RESET: (s, verdict) => {
    if (['MASTER', 'BINARY', 'SLAVE', 'REPLICA'].includes(s.word(1) ?? '')) verdict.destructive.push(`\`RESET ${s.word(1)}\` deletes binary logs or replication settings`);
    else if (s.dialect !== 'psql') verdict.writes.push(`\`RESET ${s.word(1) ?? ''}\` resets server state`);
  },
  PURGE: destroys('`PURGE` deletes server logs'),
  SHUTDOWN: destroys('`SHUTDOWN` stops the database server'),
  RESTART: destroys('`RESTART` restarts the database server'),
  SYSTEM: (s, verdict) => {
    if (['SHUTDOWN', 'KILL'].includes(s.word(1) ?? '')) verdict.destructive.push(`\`SYSTEM ${s.word(1)}\` stops the database server`);
    else verdict.writes.push(`\`SYSTEM\` ${WHAT_IT_CHANGES.SYSTEM}`);
  },
};

/** The reasons one statement is not read-only, into `verdict`. */
function judge(statement: Statement, verdict: ContentVerdict): void {
  let lead = 0;
  while (statement.is(lead, 'symbol', '(')) lead += 1;
  const s = statement.from(lead);
  const first = s.tokens[0];
  if (!first) return;
  const variable = s.tokens.find((t) => t.kind === 'variable');
  if (variable) verdict.writes.push(`the psql variable \`:${variable.text}\` is only known when the command runs`);
  if (first.kind !== 'word') {
    const shown = s.tokens.slice(0, 2).map((t) => t.text).join('');
    const placeholder = first.kind === 'symbol' && (first.text === '$' || first.text === '`');
    verdict.writes.push(placeholder ? `the SQL \`${shown}\` is only known when the command runs` : `\`${shown}\` is not a statement known to only read`);
    return;
  }
  const keyword = first.text.toUpperCase();
  const rule = RULES[keyword];
  if (rule) rule(s, verdict);
  else if (READING.has(keyword)) reading(s, verdict);
  else {
    const what = WHAT_IT_CHANGES[keyword];
    verdict.writes.push(what ? `\`${keyword}\` ${what}` : `\`${keyword}\` is not a statement known to only read`);
  }
}

const refuseClientCommands: ClientCommandJudge = (command, verdict) => {
  verdict.writes.push(`the client command \`${command.sigil}${command.name}\` can write files or run commands`);
};

/**
 * Classifies SQL text with any number of statements, as `dialect`'s client reads it, or as
 * any of them may when the client is not known. `judgeCommand` judges the client's own
 * commands (psql `\dt`); without it, they are not read-only.
 */
export function classifySql(sql: string, dialect?: SqlDialect, judgeCommand: ClientCommandJudge = refuseClientCommands): ContentVerdict {
  const verdict = emptyVerdict();
  const readings = dialect ? SQL_READINGS[dialect] : Object.values(SQL_READINGS).flat();
  for (const reading of readings) {
    for (const piece of lexSql(sql, reading)) {
      if ('command' in piece) judgeCommand(piece.command, verdict);
      else judge(new Statement(piece.statement, reading.dialect), verdict);
    }
  }
  verdict.destructive = [...new Set(verdict.destructive)];
  verdict.writes = [...new Set([...verdict.writes, ...verdict.destructive])];
  return verdict;
}
