// What database clients are asked to run: the SQL given to psql, mysql, sqlite3 and
// clickhouse-client and the commands given to redis-cli, whether on the command line or
// through a here-document or pipe. Each client reads SQL in its own dialect and has its own
// commands (psql `\dt`, mysql `\G`, sqlite3 `.tables`), and some options run SQL too (mysql
// `--init-command`).
import type { CommandInput } from './command-input';
import { emptyVerdict, type ContentVerdict } from './content-verdict';
import type { Invocation } from './invocation';
import { parseArgs, valueSet, type Option } from './options';
import { syntaxOf } from './program-syntax';
import { classifyRedisCommand, classifyRedisScript } from './redis';
import { classifySql, type ClientCommand, type ClientCommandJudge } from './sql';

const DATABASE_CLIENTS = new Set(['psql', 'mysql', 'sqlite3', 'clickhouse-client', 'redis-cli']);

/** psql commands that only show things or set how output looks. */
const PSQL_READING_COMMANDS = /^(d[A-Za-z]*\+?|l\+?|list|conninfo|x|timing|pset|echo|qecho|q|quit|\?|h|help|encoding|a|t|H|C|f|z|sf\+?|sv\+?|g|gx|set|unset|errverbose|copyright|r|p|crosstabview)$/;

/** mysql commands that only send, show or choose (`\G`, `\s`, `\u db`); `\!`, `\.` and `\T` run or write. */
const MYSQL_READING_COMMANDS = new Set(['g', 'G', 'c', 'p', 'q', 's', 'W', 'w', 'u', '?', 'h', '#', 'C', 'R', 't', 'n', 'x']);

/** clickhouse-client's `\G` (vertical output) and its `\l`, `\d`, `\c` shortcuts for SHOW and USE. */
const CLICKHOUSE_READING_COMMANDS = new Set(['G', 'l', 'd', 'c']);

/** sqlite3 dot-commands that only show things or set how output looks. */
const SQLITE_READING_DOT = /^(tables|schema|indexes|indices|databases|dbinfo|dump|mode|headers?|width|show|help|stats|timer|eqp|explain|nullvalue|separator|print|echo|quit|exit|bail|changes|fullschema|lint|timeout)$/;

/** `$VAR`, `${…}` and `$(…)`, which the shell fills into an unquoted here-document; not PostgreSQL's `$1` or `$tag$`. */
const SHELL_EXPANSION = /\$(?:\{|\(|[A-Za-z_]\w*\b(?!\$))/;

function merge(into: ContentVerdict, from: ContentVerdict): ContentVerdict {
  into.writes.push(...from.writes);
  into.destructive.push(...from.destructive);
  into.never ??= from.never;
  return into;
}

/** Options read by the client's own rules rather than the shared table's. */
class Options {
  constructor(private readonly list: readonly Option[]) {}

  has(...names: string[]): boolean {
    return this.list.some((o) => names.includes(o.name));
  }

  values(...names: string[]): string[] {
    return this.list.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as string);
  }

  value(...names: string[]): string | undefined {
    return this.values(...names).pop();
  }
}

const judgePsqlCommand: ClientCommandJudge = (command, verdict) => {
  const { name, argument } = command;
  // psql runs text in backquotes in any command's arguments as a shell command.
  if (argument.includes('`')) verdict.writes.push(`psql \`\\${name}\` runs the shell command in backquotes`);
  if (name === 'watch') verdict.never ??= 'psql `\\watch` repeats the query until it is stopped';
  else if (name === 'gexec') gexec(command, verdict);
  else if (!PSQL_READING_COMMANDS.test(name)) verdict.writes.push(`psql \`\\${name}\` can write files or run commands`);
  else if (/^gx?$/.test(name) && argument) verdict.writes.push(`psql \`\\${name} ${argument}\` writes the result to a file`);
};

/** `\gexec` runs every value its query returns as SQL: the query's strings show what that SQL does. */
function gexec(command: ClientCommand, verdict: ContentVerdict): void {
  verdict.writes.push('psql `\\gexec` runs each value the query returns as SQL');
  for (const token of command.query) {
    if (token.kind !== 'string') continue;
    for (const reason of classifySql(token.text, 'psql').destructive) verdict.destructive.push(`psql \`\\gexec\` runs SQL built from text: ${reason}`);
  }
}

function judgeByList(program: string, reading: ReadonlySet<string>): ClientCommandJudge {
  return ({ sigil, name }, verdict) => {
    if (!reading.has(name)) verdict.writes.push(`${program} \`${sigil}${name}\` can write files or run commands`);
  };
}

const judgeSqliteCommand: ClientCommandJudge = ({ name }, verdict) => {
  if (name === 'restore') verdict.destructive.push('sqlite3 `.restore` overwrites the database with a backup');
  if (!SQLITE_READING_DOT.test(name)) verdict.writes.push(`sqlite3 \`.${name}\` can write files or run commands`);
};

type Reader = (text: string) => ContentVerdict;

const readPsql: Reader = (text) => classifySql(text, 'psql', judgePsqlCommand);
const readMysql: Reader = (text) => classifySql(text, 'mysql', judgeByList('mysql', MYSQL_READING_COMMANDS));
const readSqlite: Reader = (text) => classifySql(text, 'sqlite3', judgeSqliteCommand);
const readClickhouse: Reader = (text) => classifySql(text, 'clickhouse', judgeByList('clickhouse-client', CLICKHOUSE_READING_COMMANDS));

/** Reads text from the command line; what the shell fills in (`"$QUERY"`, `"… $(cat x)"`) is not known. */
function fromArgument(inv: Invocation, text: string, read: Reader): ContentVerdict {
  const verdict = read(text);
  const fixed = inv.words.some((w) => w.literal && w.value.endsWith(text));
  if (!fixed) verdict.writes.push(`the shell fills in part of \`${text}\` when the command runs`);
  return verdict;
}

/** What the client reads from standard input, or why it cannot be read here. */
function fromInput(inv: Invocation, input: CommandInput, read: Reader): ContentVerdict {
  if (input.text !== null) {
    const verdict = read(input.text);
    const expansion = input.kind === 'heredoc' ? SHELL_EXPANSION.exec(input.text) : null;
    if (expansion) verdict.writes.push(`the shell may fill in \`${expansion[0]}\` in ${input.from}, so what \`${inv.program}\` runs is only known then`);
    return verdict;
  }
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
  for (const text of commands) merge(verdict, fromArgument(inv, text, readPsql));
  for (const file of files) {
    if (file === '-') merge(verdict, fromInput(inv, input, readPsql));
    else verdict.writes.push(`\`psql -f ${file}\` runs the SQL in that file, which the command does not show`);
  }
  if (commands.length === 0 && files.length === 0 && !inv.has('-l', '--list', '-V', '--version', '--help')) {
    merge(verdict, fromInput(inv, input, readPsql));
  }
  return verdict;
}

/** mysql options that take a value, beyond those the shared table knows. */
const MYSQL_VALUES: ReadonlySet<string> = new Set([...(syntaxOf('mysql').values ?? []), '--init-command-add', '--tee', '--pager']);

function mysqlOptions(inv: Invocation): Options {
  // `-pSECRET` is the password: its letters are no options (`-psecret` holds no `-e`).
  const args = inv.args.filter((a) => !a.startsWith('-p'));
  return new Options(parseArgs(args, { values: MYSQL_VALUES }).options);
}

function mysql(inv: Invocation, input: CommandInput): ContentVerdict {
  const options = mysqlOptions(inv);
  const verdict = emptyVerdict();
  // `--init-command` runs its SQL on connecting, before anything else.
  for (const text of options.values('--init-command', '--init-command-add')) merge(verdict, fromArgument(inv, text, readMysql));
  for (const file of options.values('--tee')) verdict.writes.push(`\`${inv.program} --tee ${file}\` writes everything to a file`);
  const statements = options.values('-e', '--execute');
  for (const text of statements) merge(verdict, fromArgument(inv, text, readMysql));
  if (statements.length === 0 && !options.has('-V', '--version', '--help', '-?')) merge(verdict, fromInput(inv, input, readMysql));
  return verdict;
}

function clickhouse(inv: Invocation, input: CommandInput): ContentVerdict {
  const queries = inv.values('-q', '--query');
  const verdict = emptyVerdict();
  for (const file of inv.values('--queries-file')) verdict.writes.push(`\`clickhouse-client --queries-file ${file}\` runs SQL the command does not show`);
  for (const text of queries) merge(verdict, fromArgument(inv, text, readClickhouse));
  if (queries.length === 0 && verdict.writes.length === 0) merge(verdict, fromInput(inv, input, readClickhouse));
  return verdict;
}

function sqlite(inv: Invocation, input: CommandInput): ContentVerdict {
  const verdict = emptyVerdict();
  for (const file of inv.values('-init')) verdict.writes.push(`\`sqlite3 -init ${file}\` runs the SQL in that file, which the command does not show`);
  // `-A` works on an SQLite archive: c(reate), u(pdate), i(nsert), r(emove) change it, x extracts files.
  if (inv.options.some((o) => /^-A\w*[cuirx]/.test(o.name))) verdict.writes.push('`sqlite3 -A` changes an archive or extracts files from it');
  // sqlite3 [options] DATABASE [SQL…]
  const texts = [...inv.values('-cmd'), ...inv.operands.slice(1)];
  for (const text of texts) merge(verdict, fromArgument(inv, text, readSqlite));
  if (texts.length === 0 && inv.has('-version', '-help')) return verdict;
  if (inv.operands.length <= 1) merge(verdict, fromInput(inv, input, readSqlite));
  return verdict;
}

/** redis-cli options that take a value. */
const REDIS_CLI_VALUES = valueSet(`-h -p -s -a -u -r -i -n -d -D -t -X --user --pass --rdb --functions-rdb --eval --cluster
  --pattern --quoted-pattern --count --memkeys-samples --keystats-samples --cursor --top --intrinsic-latency --lru-test
  --pipe-timeout --show-pushes --cacert --cacertdir --cert --key --sni --tls-ciphers --tls-ciphersuites`);

/** redis-cli options without a value. */
const REDIS_CLI_FLAGS = valueSet(`-c -e -x -v -2 -3 -4 -6 --raw --no-raw --quoted-input --csv --json --quoted-json
  --no-auth-warning --askpass --tls --insecure --verbose --help --version --stat --latency --latency-history
  --latency-dist --scan --bigkeys --memkeys --hotkeys --keystats --pipe --replica --slave --ldb --ldb-sync-mode`);

function redis(inv: Invocation, input: CommandInput): ContentVerdict {
  // redis-cli reads options up to the first operand, the command; `-t 5 FLUSHALL` runs FLUSHALL.
  const parsed = parseArgs(inv.args, { values: REDIS_CLI_VALUES }, true);
  const options = new Options(parsed.options);
  const verdict = emptyVerdict();
  const unknown = parsed.options.filter(({ name }) => !REDIS_CLI_VALUES.has(name) && !REDIS_CLI_FLAGS.has(name));
  for (const { name } of unknown) verdict.writes.push(`\`redis-cli ${name}\` is an option this check does not know`);
  for (const file of options.values('--rdb', '--functions-rdb')) verdict.writes.push(`\`redis-cli --rdb ${file}\` writes a dump file`);
  for (const file of options.values('--eval')) verdict.writes.push(`\`redis-cli --eval ${file}\` runs a Lua script`);
  if (options.has('--lru-test')) verdict.writes.push('`redis-cli --lru-test` writes test keys');
  const cluster = options.value('--cluster');
  // `--cluster call HOST:PORT COMMAND…` runs the command on every node.
  if (cluster === 'call') return classifyRedisCommand(parsed.operands.slice(1), verdict);
  if (cluster && !/^(check|info|help)$/.test(cluster)) verdict.writes.push(`\`redis-cli --cluster ${cluster}\` changes the cluster`);
  if (options.has('--stat', '--latency', '--latency-history', '--latency-dist')) {
    verdict.never = '`redis-cli --stat`/`--latency` reports until it is stopped';
  } else if (Number(options.value('-r')) < 0) {
    verdict.never = '`redis-cli -r -1` repeats the command until it is stopped';
  }
  // An option this check does not know may take the next word as its value: the command may follow it.
  if (unknown.length > 0 && parsed.operands.length > 1) classifyRedisCommand(parsed.operands.slice(1), verdict);
  if (parsed.operands.length > 0) return classifyRedisCommand(parsed.operands, verdict);
  if (options.has('--pipe')) return merge(verdict, fromInput(inv, input, classifyRedisScript));
  const mode = options.has('--scan', '--bigkeys', '--memkeys', '--hotkeys', '--keystats', '--stat', '--latency', '--latency-history', '--latency-dist', '--version', '-v', '--help');
  if (mode || options.has('--rdb', '--functions-rdb', '--eval', '--cluster', '--lru-test')) return verdict;
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
  const verdict = READERS[inv.kind](inv, input);
  verdict.destructive = [...new Set(verdict.destructive)];
  verdict.writes = [...new Set(verdict.writes)];
  return verdict;
}
