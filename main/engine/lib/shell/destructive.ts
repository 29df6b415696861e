import { programName, simpleCommands } from './shell-words';

export interface CommandClassification {
  destructive: boolean;
  /** Why the command is destructive, one sentence per finding, for the confirmation prompt. */
  reasons: string[];
}

type WordRule = (program: string, args: string[]) => string | null;

const DATABASE_FILE = /\.(db|sqlite|sqlite3)$/i;

function hasFlag(args: string[], short: string, long: string[] = []): boolean {
  return args.some(
    (a) => long.includes(a) || (/^-[A-Za-z]+$/.test(a) && !a.startsWith('--') && a.slice(1).includes(short)),
  );
}

/** Options that come before a subcommand and take a value, e.g. `git -C dir push`. */
const GLOBAL_VALUE_OPTIONS = new Set(['-C', '-c', '--git-dir', '--work-tree', '-n', '--namespace', '--context']);

function firstOperand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    if (GLOBAL_VALUE_OPTIONS.has(args[i])) i += 1;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return undefined;
}

const WORD_RULES: WordRule[] = [
  (p, a) => {
    if (p !== 'rm') return null;
    const forced = hasFlag(a, 'r', ['--recursive']) || hasFlag(a, 'R') || hasFlag(a, 'f', ['--force']);
    return forced ? '`rm -r`/`rm -f` deletes files and directories without asking' : '`rm` deletes files';
  },
  (p, a) => {
    if (p !== 'docker' && p !== 'podman' && p !== 'docker-compose') return null;
    const sub = a.filter((w) => !w.startsWith('-'));
    if (sub.includes('prune')) return `\`${p} … prune\` deletes unused containers, images, networks or volumes`;
    if (sub[0] === 'volume' && (sub[1] === 'rm' || sub[1] === 'remove')) return `\`${p} volume rm\` deletes the volume and its data`;
    if (sub[0] === 'rm' || sub[0] === 'rmi' || ((sub[0] === 'container' || sub[0] === 'image') && sub[1] === 'rm')) {
      return `\`${p} ${sub[0]}\` removes containers or images`;
    }
    const composeDown = (p === 'docker-compose' && sub[0] === 'down') || (sub[0] === 'compose' && sub.includes('down'));
    if (composeDown && (a.includes('-v') || a.includes('--volumes'))) return '`compose down -v` deletes the volumes and their data';
    return null;
  },
  (p) => (p === 'truncate' ? '`truncate` empties or shortens files' : null),
  (p) => (p === 'mkfs' || p.startsWith('mkfs.') ? '`mkfs` formats a filesystem, erasing it' : null),
  (p, a) => (p === 'dd' && a.some((w) => w.startsWith('of=')) ? '`dd of=` overwrites its target' : null),
  (p) => (p === 'wipefs' || p === 'shred' ? `\`${p}\` destroys data on purpose` : null),
  (p) => (['shutdown', 'reboot', 'poweroff', 'halt'].includes(p) ? `\`${p}\` stops or restarts the machine` : null),
  (p) => (p === 'dropdb' || p === 'dropuser' ? `\`${p}\` deletes a database or role` : null),
  (p) => (p === 'pg_restore' ? '`pg_restore` writes into an existing database' : null),
  (p, a) => {
    if (p !== 'git') return null;
    const sub = firstOperand(a);
    if (sub === 'push' && (hasFlag(a, 'f', ['--force', '--force-with-lease']) || a.some((w) => w.startsWith('+') || w.startsWith('--force-with-lease=')))) {
      return '`git push --force` rewrites history on the remote';
    }
    if (sub === 'reset' && a.includes('--hard')) return '`git reset --hard` discards uncommitted changes';
    if (sub === 'clean' && hasFlag(a, 'f', ['--force'])) return '`git clean -f` deletes untracked files';
    if (sub === 'branch' && (a.includes('-D') || (a.includes('--delete') && a.includes('--force')))) return '`git branch -D` deletes a branch';
    return null;
  },
  (p, a) => {
    if (p !== 'kubectl' && p !== 'oc') return null;
    if (a.includes('delete')) return `\`${p} delete\` deletes cluster resources`;
    if (a.includes('drain')) return `\`${p} drain\` evicts every pod from a node`;
    return null;
  },
  (p, a) => (p === 'helm' && (a.includes('uninstall') || a.includes('delete')) ? '`helm uninstall` removes a release' : null),
  (p, a) => (p === 'terraform' && a.includes('destroy') ? '`terraform destroy` deletes infrastructure' : null),
  (p, a) => {
    if (p !== 'aws') return null;
    if (a[0] === 's3' && (a[1] === 'rm' || a[1] === 'rb')) return `\`aws s3 ${a[1]}\` deletes objects or buckets`;
    const action = a.find((w) => /^(delete|terminate|remove)-/.test(w));
    return action ? `\`aws … ${action}\` deletes cloud resources` : null;
  },
  (p, a) => (p === 'gcloud' && a.includes('delete') ? '`gcloud … delete` deletes cloud resources' : null),
  (p, a) => (p === 'heroku' && (a.includes('apps:destroy') || a.includes('pg:reset')) ? '`heroku apps:destroy`/`pg:reset` deletes an app or its data' : null),
  (p, a) => {
    if (p !== 'fly' && p !== 'flyctl') return null;
    const destroying = a.includes('destroy') || (a.includes('volumes') && a.includes('delete'));
    return destroying ? `\`${p} … destroy\` deletes apps, machines or volumes` : null;
  },
  (p, a) => (p === 'find' && (a.includes('-delete') || (a.includes('-exec') && a.includes('rm'))) ? '`find -delete` deletes every file it matches' : null),
  (p, a) => (p === 'redis-cli' && a.some((w) => /^flush(all|db)$/i.test(w)) ? '`FLUSHALL`/`FLUSHDB` deletes every key' : null),
  (p, a) => {
    if (p !== 'curl') return null;
    const i = a.findIndex((w) => w === '-X' || w === '--request');
    const method = i >= 0 ? a[i + 1] : a.find((w) => w.startsWith('-X'))?.slice(2);
    return method?.toUpperCase() === 'DELETE' ? '`curl -X DELETE` deletes a remote resource' : null;
  },
  (p, a) => {
    if (p !== 'cp' && p !== 'mv') return null;
    const operands = a.filter((w) => !w.startsWith('-'));
    const target = operands[operands.length - 1];
    return operands.length >= 2 && DATABASE_FILE.test(target) ? `\`${p}\` overwrites the database file ${target}` : null;
  },
];

const SQL_DROP = /\bdrop\s+(table|database|schema|index|view|user|role|column|constraint|trigger|function|procedure|sequence|extension|type|owned|materialized\s+view)\b/i;
// Upper case or `TABLE` tells SQL apart from the shell's `truncate -s 0 file`.
const SQL_TRUNCATE = /\bTRUNCATE\s+(?:TABLE\s+)?[A-Za-z_"`]|\btruncate\s+table\s/;
const SQL_FLUSH = /\bflush(all|db)\b/i;
const REDIRECT_TO_DATABASE = /(?:^|[^>&\d])>\s*([^\s;&|<>]+\.(?:db|sqlite|sqlite3))(?=$|[\s;&|)])/i;
const RAW_DISK_WRITE = />\s*\/dev\/(?:sd|hd|vd|xvd|nvme|mmcblk)\w*/;
/** Longest stretch read after `DELETE FROM`/`UPDATE … SET` when looking for its WHERE clause. */
const STATEMENT_SCAN_LIMIT = 2000;

function statementWithoutWhere(command: string, start: RegExp): boolean {
  const re = new RegExp(start.source, 'gi');
  for (let m = re.exec(command); m; m = re.exec(command)) {
    const from = m.index + m[0].length;
    const rest = command.slice(from, from + STATEMENT_SCAN_LIMIT);
    const end = rest.search(/[;"'\n]/);
    const statement = end >= 0 ? rest.slice(0, end) : rest;
    if (!/\bwhere\b/i.test(statement)) return true;
  }
  return false;
}

function sqlReasons(command: string): string[] {
  const reasons: string[] = [];
  const drop = SQL_DROP.exec(command);
  if (drop) reasons.push(`\`DROP ${drop[1].toUpperCase()}\` deletes database objects and their data`);
  if (SQL_TRUNCATE.test(command)) reasons.push('`TRUNCATE` deletes every row of a table');
  if (statementWithoutWhere(command, /\bdelete\s+from\s+[^\s;"']+/)) reasons.push('`DELETE FROM` without `WHERE` deletes every row');
  if (statementWithoutWhere(command, /\bupdate\s+[A-Za-z_."`]+\s+set\b/)) reasons.push('`UPDATE … SET` without `WHERE` changes every row');
  if (SQL_FLUSH.test(command)) reasons.push('`FLUSHALL`/`FLUSHDB` deletes every key');
  return reasons;
}

/**
 * Whether running `command` can destroy data or take a system down irreversibly, and why.
 * Reads shell commands (also inside `docker exec`/`kubectl exec`, pipes and substitutions)
 * and SQL passed to database clients. Runs in time linear in the command's length.
 */
export function classifyCommand(command: string): CommandClassification {
  const reasons = new Set<string>();
  for (const words of simpleCommands(command)) {
    const program = programName(words[0]);
    const args = words.slice(1);
    for (const rule of WORD_RULES) {
      const reason = rule(program, args);
      if (reason) reasons.add(reason);
    }
  }
  for (const reason of sqlReasons(command)) reasons.add(reason);
  const redirect = REDIRECT_TO_DATABASE.exec(command);
  if (redirect) reasons.add(`the \`>\` redirection overwrites the database file ${redirect[1]}`);
  if (RAW_DISK_WRITE.test(command)) reasons.add('writes raw data to a disk device');
  return { destructive: reasons.size > 0, reasons: [...reasons] };
}
