// What database clients are asked to run: the SQL given to psql, mysql, sqlite3 and
// clickhouse-client, and the commands given to redis-cli, whether on the command line or
// through a here-document or pipe.
import type { CommandInput } from './command-input';
import { emptyVerdict, type ContentVerdict } from './content-verdict';
import type { Invocation } from './invocation';
import { classifyRedisCommand, classifyRedisScript } from './redis';
import { classifySql } from './sql';

const DATABASE_CLIENTS = new Set(['psql', 'mysql', 'sqlite3', 'clickhouse-client', 'redis-cli']);

/** psql meta-commands that only show things or set how output looks. */
const PSQL_READING_META = /^(d[A-Za-z]*\+?|l\+?|list|conninfo|x|timing|pset|echo|qecho|q|quit|\?|h|help|encoding|a|t|H|C|f|z|sf\+?|sv\+?|g|gx|set|unset|errverbose|copyright)$/;

/** sqlite3 dot-commands that only show things or set how output looks. */
const SQLITE_READING_DOT = /^(tables|schema|indexes|indices|databases|dbinfo|dump|mode|headers?|width|show|help|stats|timer|eqp|explain|nullvalue|separator|print|echo|quit|exit|bail|changes|fullschema|lint|timeout)$/;

function merge(into: ContentVerdict, from: ContentVerdict): ContentVerdict {
  into.writes.push(...from.writes);
  into.destructive.push(...from.destructive);
  into.never ??= from.never;
  return into;
}

function classifyPsqlText(text: string): ContentVerdict {
  const verdict = emptyVerdict();
  const sql = text.replace(/\\([A-Za-z!?]+\+?)([^\n\\]*)/g, (_, name: string, argument: string) => {
    if (name === 'watch') verdict.never ??= 'psql `\\watch` repeats the query until it is stopped';
    else if (!PSQL_READING_META.test(name)) verdict.writes.push(`psql \`\\${name}\` can write files or run commands`);
    else if (/^gx?$/.test(name) && argument.trim()) verdict.writes.push(`psql \`\\${name} ${argument.trim()}\` writes the result to a file`);
    return ';';
  });
  return merge(verdict, classifySql(sql));
}

function classifySqliteText(text: string): ContentVerdict {
  const verdict = emptyVerdict();
  const sql = text
    .split('\n')
    .map((line) => {
      const dot = /^\s*\.(\w+)/.exec(line);
      if (!dot) return line;
      if (dot[1] === 'restore') verdict.destructive.push('sqlite3 `.restore` overwrites the database with a backup');
      if (!SQLITE_READING_DOT.test(dot[1])) verdict.writes.push(`sqlite3 \`.${dot[1]}\` can write files or run commands`);
      return ';';
    })
    .join('\n');
  return merge(verdict, classifySql(sql));
}

/** The SQL or commands from standard input, or why they cannot be read here. */
function fromInput(inv: Invocation, input: CommandInput, read: (text: string) => ContentVerdict): ContentVerdict {
  if (input.text !== null) return read(input.text);
  const verdict = emptyVerdict();
  const what = inv.kind === 'redis-cli' ? 'commands' : 'SQL';
  verdict.writes.push(
    input.kind === 'none'
      ? `\`${inv.program}\` without a query opens an interactive prompt`
      : `\`${inv.program}\` runs ${what} from ${input.from}, which the command does not show`,
  );
  return verdict;
}

function writesOutputFile(inv: Invocation, names: string[], verdict: ContentVerdict): void {
  for (const file of inv.values(...names)) {
    if (file !== '/dev/null') verdict.writes.push(`\`${inv.program} ${names[0]} ${file}\` writes to a file`);
  }
}

function psql(inv: Invocation, input: CommandInput): ContentVerdict {
  const verdict = emptyVerdict();
  writesOutputFile(inv, ['-o', '--output'], verdict);
  writesOutputFile(inv, ['-L', '--log-file'], verdict);
  const commands = inv.values('-c', '--command');
  const files = inv.values('-f', '--file');
  for (const text of commands) merge(verdict, classifyPsqlText(text));
  for (const file of files) {
    if (file === '-') merge(verdict, fromInput(inv, input, classifyPsqlText));
    else verdict.writes.push(`\`psql -f ${file}\` runs the SQL in that file, which the command does not show`);
  }
  if (commands.length === 0 && files.length === 0 && !inv.has('-l', '--list', '-V', '--version', '--help')) {
    merge(verdict, fromInput(inv, input, classifyPsqlText));
  }
  return verdict;
}

function mysql(inv: Invocation, input: CommandInput): ContentVerdict {
  const statements = inv.values('-e', '--execute');
  if (statements.length === 0 && inv.has('-V', '--version', '--help', '-?')) return emptyVerdict();
  if (statements.length === 0) return fromInput(inv, input, classifySql);
  return statements.map(classifySql).reduce(merge, emptyVerdict());
}

function clickhouse(inv: Invocation, input: CommandInput): ContentVerdict {
  const queries = inv.values('-q', '--query');
  const verdict = emptyVerdict();
  for (const file of inv.values('--queries-file')) verdict.writes.push(`\`clickhouse-client --queries-file ${file}\` runs SQL the command does not show`);
  if (queries.length === 0 && verdict.writes.length === 0) return fromInput(inv, input, classifySql);
  return queries.map(classifySql).reduce(merge, verdict);
}

function sqlite(inv: Invocation, input: CommandInput): ContentVerdict {
  // sqlite3 [options] DATABASE [SQL…]
  const texts = [...inv.values('-cmd'), ...inv.operands.slice(1)];
  if (texts.length === 0 && inv.has('-version', '-help')) return emptyVerdict();
  if (inv.operands.length <= 1) {
    const verdict = texts.map(classifySqliteText).reduce(merge, emptyVerdict());
    return merge(verdict, fromInput(inv, input, classifySqliteText));
  }
  return texts.map(classifySqliteText).reduce(merge, emptyVerdict());
}

function redis(inv: Invocation, input: CommandInput): ContentVerdict {
  const verdict = emptyVerdict();
  for (const file of inv.values('--rdb', '--functions-rdb')) verdict.writes.push(`\`redis-cli --rdb ${file}\` writes a dump file`);
  for (const file of inv.values('--eval')) verdict.writes.push(`\`redis-cli --eval ${file}\` runs a Lua script`);
  if (inv.value('--cluster') && !/^(check|info|help)$/.test(inv.value('--cluster') ?? '')) {
    verdict.writes.push(`\`redis-cli --cluster ${inv.value('--cluster')}\` changes the cluster`);
  }
  if (inv.has('--stat', '--latency', '--latency-history', '--latency-dist')) {
    verdict.never = '`redis-cli --stat`/`--latency` reports until it is stopped';
  } else if (Number(inv.value('-r')) < 0) {
    verdict.never = '`redis-cli -r -1` repeats the command until it is stopped';
  }
  if (inv.operands.length > 0) return classifyRedisCommand(inv.operands, verdict);
  if (inv.has('--pipe')) return merge(verdict, fromInput(inv, input, classifyRedisScript));
  const mode = inv.has('--scan', '--bigkeys', '--memkeys', '--hotkeys', '--stat', '--latency', '--latency-history', '--latency-dist', '--version', '-v', '--help');
  if (mode || inv.has('--rdb', '--functions-rdb', '--eval', '--cluster')) return verdict;
  return merge(verdict, fromInput(inv, input, classifyRedisScript));
}

const READERS: Readonly<Record<string, (inv: Invocation, input: CommandInput) => ContentVerdict>> = {
  psql,
  mysql,
  sqlite3: sqlite,
  'clickhouse-client': clickhouse,
  'redis-cli': redis,
};

/** What a database client is asked to do, or null when `inv` is not a database client. */
export function classifyDatabaseClient(inv: Invocation, input: CommandInput): ContentVerdict | null {
  if (!DATABASE_CLIENTS.has(inv.kind)) return null;
  return READERS[inv.kind](inv, input);
}
