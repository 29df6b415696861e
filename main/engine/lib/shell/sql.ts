// Reads SQL statement by statement: which ones only read, which change data, and which
// destroy it. Strings, quoted names and comments are blanked first, so `SELECT 'drop table'`
// reads and `DELETE … WHERE note = 'where'` still counts its WHERE correctly.
import { emptyVerdict, type ContentVerdict } from './content-verdict';

/** Statements that only read, or only affect the client's own session. */
const READING = new Set([
  'SELECT', 'SHOW', 'DESCRIBE', 'DESC', 'VALUES', 'TABLE', 'USE', 'BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK',
  'RESET', 'DEALLOCATE', 'LISTEN', 'UNLISTEN', 'FETCH', 'CLOSE', 'DECLARE', 'EXISTS', 'CHECK',
]);

/** Functions that change server state although they are called from a SELECT. */
const STATE_CHANGING_FUNCTIONS = /\b(pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|setval|nextval|pg_drop_replication_slot|pg_create_(?:physical|logical)_replication_slot|lo_unlink|lo_import|lo_export|pg_file_write|dblink_exec|pg_switch_wal|pg_promote|pg_stat_reset\w*|pg_stat_statements_reset)\s*\(/i;

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
  PURGE: 'deletes server logs',
};

/** Blanks string literals, quoted names and comments, keeping statement separators. */
function blankLiterals(sql: string): string {
  return sql
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "''")
    .replace(/'(?:[^'\\]|''|\\.)*'?/g, "''")
    .replace(/"(?:[^"]|"")*"?/g, '""')
    .replace(/`[^`]*`?/g, '``')
    .replace(/--[^\n]*|#[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
}

function statements(sql: string): string[] {
  return blankLiterals(sql)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

function hasWord(statement: string, word: string): boolean {
  return new RegExp(`\\b${word}\\b`, 'i').test(statement);
}

/** The reasons one statement is not read-only, into `verdict`. */
function judge(statement: string, verdict: ContentVerdict): void {
  const words = statement.replace(/^[(\s]+/, '').split(/\s+/);
  const keyword = words[0].toUpperCase();
  if (/^[$`]/.test(keyword)) {
    verdict.writes.push(`the SQL \`${words[0]}\` is only known when the command runs`);
    return;
  }
  if (keyword === 'EXPLAIN') {
    // EXPLAIN ANALYZE runs the statement it explains.
    if (/^EXPLAIN\s+(\([^)]*\banalyze\b[^)]*\)|ANALY[SZ]E\b)/i.test(statement)) {
      judge(statement.replace(/^EXPLAIN\s+(\([^)]*\)|ANALY[SZ]E(\s+VERBOSE)?)\s*/i, ''), verdict);
    }
    return;
  }
  if (keyword === 'WITH') {
    const inner = /\b(INSERT|UPDATE|DELETE|MERGE)\b/i.exec(statement);
    if (inner) judge(statement.slice(inner.index), verdict);
    else judge(statement.replace(/^WITH\b/i, 'SELECT'), verdict);
    return;
  }
  if (keyword === 'SET' || keyword === 'PRAGMA') {
    if (keyword === 'PRAGMA' && statement.includes('=')) verdict.writes.push('`PRAGMA … =` changes a database setting');
    if (keyword === 'SET' && /^SET\s+(GLOBAL|PERSIST|PERSIST_ONLY)\b/i.test(statement)) verdict.writes.push('`SET GLOBAL` changes a server setting');
    return;
  }
  if (READING.has(keyword)) {
    if (keyword === 'SELECT' && hasWord(statement, 'INTO')) verdict.writes.push('`SELECT … INTO` writes its result into a table or a file');
    const fn = STATE_CHANGING_FUNCTIONS.exec(statement);
    if (fn) verdict.writes.push(`\`${fn[1]}()\` changes the server's state`);
    return;
  }
  switch (keyword) {
    case 'DROP': {
      const object = /^DROP\s+((?:MATERIALIZED\s+)?\w+)/i.exec(statement)?.[1].toUpperCase() ?? '';
      verdict.destructive.push(`\`DROP ${object}\` deletes database objects and their data`);
      return;
    }
    case 'TRUNCATE':
      verdict.destructive.push('`TRUNCATE` deletes every row of a table');
      return;
    case 'DELETE':
      verdict.destructive.push(hasWord(statement, 'WHERE') ? '`DELETE` deletes rows' : '`DELETE` without `WHERE` deletes every row of the table');
      return;
    case 'UPDATE':
      if (hasWord(statement, 'WHERE')) verdict.writes.push('`UPDATE` changes rows');
      else verdict.destructive.push('`UPDATE` without `WHERE` changes every row of the table');
      return;
    case 'ALTER':
      if (hasWord(statement, 'DROP')) verdict.destructive.push('`ALTER … DROP` deletes part of a table and its data');
      else verdict.writes.push('`ALTER` changes the database schema');
      return;
    case 'COPY':
      if (/\bTO\s+STDOUT\b/i.test(statement)) return;
      break;
    case 'SHUTDOWN':
      verdict.destructive.push('`SHUTDOWN` stops the database server');
      return;
  }
  const what = WHAT_IT_CHANGES[keyword];
  verdict.writes.push(what ? `\`${keyword}\` ${what}` : `\`${keyword}\` is not a statement known to only read`);
}

/** Classifies SQL text with any number of statements. */
export function classifySql(sql: string): ContentVerdict {
  const verdict = emptyVerdict();
  for (const statement of statements(sql)) judge(statement, verdict);
  verdict.writes.push(...verdict.destructive);
  return verdict;
}
