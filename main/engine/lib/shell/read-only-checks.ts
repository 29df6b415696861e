// The conditions of the read-only table that options alone cannot express: what an awk or
// sed program does, where curl writes, which `ip` and `git branch` forms only show. Each
// returns why the command is not read-only, or null when it only reads.
import type { CommandInput } from './command-input';
import { classifyDatabaseClient } from './database-clients';
import type { Invocation } from './invocation';

export type ReadOnlyCheck = (inv: Invocation, input: CommandInput) => string | null;

/** Output "files" that are the terminal or nowhere. */
const NOT_A_FILE = new Set(['-', '/dev/null', '/dev/stdout', '/dev/stderr', '/dev/fd/1', '/dev/fd/2']);

export function isNotAFile(path: string): boolean {
  return NOT_A_FILE.has(path);
}

/** A check that refuses any operand: `hostname NAME` sets the name, `mount DEV DIR` mounts. */
export function noOperands(what: string): ReadOnlyCheck {
  return (inv) => (inv.operands.length > 0 ? `\`${inv.program} ${inv.operands.join(' ')}\` ${what}` : null);
}

/** A check that refuses more than `max` operands: `uniq IN OUT` writes OUT. */
export function atMostOperands(max: number, what: string): ReadOnlyCheck {
  return (inv) => (inv.operands.length > max ? `\`${inv.program}\` with ${max + 1} files ${what}` : null);
}

/** A check that refuses these options unless they name the terminal or /dev/null. */
function outputOptions(names: string): ReadOnlyCheck {
  const list = names.split(' ');
  return (inv) => {
    const o = inv.options.find((opt) => list.includes(opt.name) && opt.value !== undefined && !isNotAFile(opt.value));
    return o ? `\`${inv.program} ${o.name} ${o.value}\` writes to a file` : null;
  };
}

export const databaseQuery: ReadOnlyCheck = (inv, input) => classifyDatabaseClient(inv, input)?.writes[0] ?? null;

const CURL_SENDS = '-d --data --data-raw --data-binary --data-urlencode --data-ascii --json -F --form --form-string'.split(' ');

const CURL_OUTPUT = outputOptions('-o --output -D --dump-header -c --cookie-jar --trace --trace-ascii --stderr --libcurl --etag-save --hsts --alt-svc');

export const curl: ReadOnlyCheck = (inv, input) => {
  const method = inv.value('-X', '--request')?.toUpperCase();
  if (method && !['GET', 'HEAD', 'OPTIONS'].includes(method)) return `\`curl -X ${method}\` sends a request that can change data`;
  // With -G the data goes into the query string of a GET.
  if (inv.has(...CURL_SENDS) && !inv.has('-G', '--get')) return '`curl -d`/`-F` sends data in a POST request';
  if (inv.has('-T', '--upload-file')) return '`curl -T` uploads a file';
  if (inv.has('-O', '--remote-name', '--remote-name-all', '-J', '--remote-header-name')) return '`curl -O` saves the download to a file';
  if (inv.has('-K', '--config')) return '`curl -K` takes further options from a file the command does not show';
  if (inv.has('-Q', '--quote')) return '`curl -Q` sends commands to the server';
  return CURL_OUTPUT(inv, input);
};

const WGET_LOGS = outputOptions('-o --output-file -a --append-output');

export const wget: ReadOnlyCheck = (inv, input) => {
  const method = inv.value('--method')?.toUpperCase();
  if (method && !['GET', 'HEAD', 'OPTIONS'].includes(method)) return `\`wget --method=${method}\` sends a request that can change data`;
  if (inv.has('--post-data', '--post-file', '--body-data', '--body-file')) return '`wget --post-data` sends data in a POST request';
  if (inv.has('-e', '--execute')) return '`wget -e` runs settings that can write files';
  const logs = WGET_LOGS(inv, input);
  if (logs) return logs;
  const target = inv.value('-O', '--output-document');
  if (inv.has('--spider') || (target !== undefined && isNotAFile(target))) return null;
  return target === undefined ? '`wget` saves the download to a file' : `\`wget -O ${target}\` writes to a file`;
};

/** Blanks awk string literals so that `print "a > b"` is not taken for a redirection. */
function awkCode(program: string): string {
  return program.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}

export const awk: ReadOnlyCheck = (inv) => {
  if (inv.has('-f', '--file')) return '`awk -f` runs a program from a file the command does not show';
  if (inv.values('-i', '--include').includes('inplace')) return '`awk -i inplace` edits files in place';
  const programs = inv.values('-e', '--source');
  if (programs.length === 0 && inv.operands[0] !== undefined) programs.push(inv.operands[0]);
  for (const code of programs.map(awkCode)) {
    if (/\bsystem\s*\(/.test(code)) return 'the awk program calls `system()`, which runs commands';
    if (/\|\s*&?\s*getline/.test(code)) return 'the awk program runs a command through `| getline`';
    if (/\bprintf?\b[^;{}\n]*?(>|\|)/.test(code)) return 'the awk program writes to a file or a command with `print >`/`print |`';
  }
  return null;
};

/** `s/a/b/FLAGS` with any delimiter: the flags `w` (write file) and `e` (run) matter. */
const SED_SUBSTITUTE_FLAGS = /s([^\s\\\n])(?:(?!\1)[^\\\n]|\\.)*\1(?:(?!\1)[^\\\n]|\\.)*\1([A-Za-z0-9]*)/g;
/** The commands `w file`, `W file` and `e command`, after an address or separator. */
const SED_WRITE_COMMAND = /(?:^|[;\n{}0-9$/!,])\s*[wWe](?:\s|$)/;

export const sed: ReadOnlyCheck = (inv) => {
  if (inv.has('-f', '--file')) return '`sed -f` runs a script from a file the command does not show';
  const scripts = inv.values('-e', '--expression');
  if (scripts.length === 0 && inv.operands[0] !== undefined) scripts.push(inv.operands[0]);
  for (const script of scripts) {
    for (const m of script.matchAll(SED_SUBSTITUTE_FLAGS)) {
      if (/[we]/.test(m[2])) return 'the sed script writes a file or runs a command (`s///w`, `s///e`)';
    }
    if (SED_WRITE_COMMAND.test(script)) return 'the sed script writes a file or runs a command (`w`, `e`)';
  }
  return null;
};

export const find: ReadOnlyCheck = (inv) => {
  const writer = inv.options.find((o) => /^-(fprint|fprint0|fprintf|fls)$/.test(o.name));
  return writer ? `\`find ${writer.name}\` writes its results to a file` : null;
};

export const tee: ReadOnlyCheck = (inv) => {
  const file = inv.operands.find((f) => !isNotAFile(f));
  return file === undefined ? null : `\`tee ${file}\` writes to ${file}`;
};

/** `ip addr`, `ip -br link show`, `ip route get 1.1.1.1`: an object with no verb or a showing one. */
export const ip: ReadOnlyCheck = (inv) => {
  const [object, verb] = inv.operands;
  if (verb === undefined || /^(show|list|ls|lst|sh|get|s)$/.test(verb)) return null;
  return `\`ip ${object} ${verb}\` changes network settings`;
};

const IPTABLES_READING = new Set(['-L', '--list', '-S', '--list-rules', '-n', '--numeric', '-v', '--verbose', '-x', '--exact', '--line-numbers', '-t', '--table', '-C', '--check', '-w', '--wait']);

export const iptables: ReadOnlyCheck = (inv) => {
  const other = inv.options.find((o) => !IPTABLES_READING.has(o.name));
  if (other) return `\`${inv.program} ${other.name}\` changes firewall rules`;
  return inv.has('-L', '--list', '-S', '--list-rules', '-C', '--check') ? null : `\`${inv.program}\` without \`-L\` changes firewall rules`;
};

export const aws: ReadOnlyCheck = (inv) => {
  if (!inv.subcommand) return null;
  const [service, operation = ''] = inv.subcommand.split(' ');
  if (service === 's3') return operation === 'ls' || operation === 'presign' ? null : `\`aws s3 ${operation}\` copies, moves or deletes objects`;
  if (inv.subcommand === 's3api get-object') return '`aws s3api get-object` writes the object to a local file';
  if (/^(describe|list|get)(-|$)/.test(operation) || /^(logs tail|logs filter-log-events|cloudtrail lookup-events|configure list)$/.test(inv.subcommand)) return null;
  return `\`aws ${inv.subcommand}\` is not known to only read (describe-*, list-* and get-* are)`;
};

const CLOUD_WRITING_VERBS = /^(create|delete|update|set|add|remove|reset|stop|start|restart|ssh|scp|deploy|patch|resize|import|export|submit|cancel|move|attach|detach|enable|disable|apply|run|login|logout|activate|suspend|resume|rollback|scale|upgrade|purge)(-|$)/;
const CLOUD_READING_VERBS = /^(list|describe|show|get-iam-policy|get-value|read|info|version|tail|get)(-|$)/;

/** gcloud and az: a reading verb somewhere in the command path and no writing one. */
export const cloudCli: ReadOnlyCheck = (inv) => {
  const writing = inv.operands.find((w) => CLOUD_WRITING_VERBS.test(w));
  if (writing) return `\`${inv.program} … ${writing}\` changes cloud resources`;
  if (inv.operands.some((w) => CLOUD_READING_VERBS.test(w)) || inv.operands.length === 0) return null;
  return `\`${inv.program} ${inv.operands.join(' ')}\` is not known to only read (list, describe and show are)`;
};

export const gitBranch: ReadOnlyCheck = (inv) => {
  const change = inv.options.find((o) => /^(-d|-D|-m|-M|-c|-C|-f|-u|--delete|--move|--copy|--force|--set-upstream-to|--unset-upstream|--edit-description)$/.test(o.name));
  if (change) return `\`git branch ${change.name}\` changes branches`;
  const listing = inv.has('-l', '--list', '-a', '--all', '-r', '--remotes', '--contains', '--merged', '--no-merged', '--points-at', '--show-current');
  return inv.rest.length > 0 && !listing ? `\`git branch ${inv.rest[0]}\` creates a branch` : null;
};

export const gitTag: ReadOnlyCheck = (inv) => {
  const change = inv.options.find((o) => /^(-d|-a|-s|-f|-m|-F|-u|--delete|--annotate|--sign|--force|--message|--file)$/.test(o.name));
  if (change) return `\`git tag ${change.name}\` changes tags`;
  const listing = inv.has('-l', '--list', '-n', '--contains', '--no-contains', '--points-at', '--merged', '--no-merged', '--verify');
  return inv.rest.length > 0 && !listing ? `\`git tag ${inv.rest[0]}\` creates a tag` : null;
};

/** `git -c core.pager=…` and friends make even `git log` run a command. */
export const gitOverrides: ReadOnlyCheck = (inv) => {
  const runs = inv.values('-c').find((v) => /^(core\.(pager|sshcommand|editor|fsmonitor|hookspath)|alias\.|diff\.external|pager\.|.*\.(textconv|command))/i.test(v));
  return runs ? `\`git -c ${runs}\` can make git run a command` : null;
};

export const gitConfig: ReadOnlyCheck = (inv) =>
  inv.has('--get', '--get-all', '--get-regexp', '--get-urlmatch', '-l', '--list') || inv.rest[0] === 'get' || inv.rest[0] === 'list'
    ? null
    : '`git config` without `--get`/`--list` changes settings';

export const date: ReadOnlyCheck = (inv) => {
  if (inv.has('-s', '--set')) return '`date -s` sets the system clock';
  const setting = inv.operands.find((o) => !o.startsWith('+'));
  return setting ? `\`date ${setting}\` sets the system clock` : null;
};

export const sysctl: ReadOnlyCheck = (inv) => {
  if (inv.has('-w', '--write', '-p', '--load', '--system')) return '`sysctl -w`/`-p` changes kernel settings';
  return inv.operands.some((o) => o.includes('=')) ? '`sysctl NAME=VALUE` changes a kernel setting' : null;
};

export const tar: ReadOnlyCheck = (inv) => {
  // `tar tzf x.tgz`: the first word may be letters without a dash.
  const first = inv.args[0] ?? '';
  const letters = (first.startsWith('-') ? '' : first) + inv.options.filter((o) => /^-\w$/.test(o.name)).map((o) => o.name[1]).join('');
  const runs = inv.options.find((o) => /^(-I|-F|--to-command|--use-compress-program|--checkpoint-action|--info-script|--new-volume-script|--rsh-command)$/.test(o.name));
  if (runs) return `\`tar ${runs.name}\` runs a command`;
  const lists = letters.includes('t') || inv.has('--list');
  const changes = /[cxruA]/.test(letters) || inv.has('--create', '--extract', '--get', '--append', '--update', '--delete', '--concatenate');
  return lists && !changes ? null : '`tar` without `-t` creates or extracts files';
};

export const unzip: ReadOnlyCheck = (inv) => (inv.has('-l', '-t', '-Z', '-v', '-p') ? null : '`unzip` without `-l` extracts files');

export const nginx: ReadOnlyCheck = (inv) => {
  if (inv.has('-s')) return `\`nginx -s ${inv.value('-s') ?? ''}\` signals the running server`;
  return inv.has('-t', '-T', '-v', '-V', '-h', '-?') ? null : '`nginx` without `-t` starts the server';
};

export const apachectl: ReadOnlyCheck = (inv) => {
  const reading = /^(-t|-S|-M|-v|-V|-l|-L|-D|configtest|status|fullstatus|DUMP_\w+)$/;
  if (inv.args.length === 0) return `\`${inv.program}\` without arguments starts the server`;
  const other = inv.args.find((a) => !reading.test(a));
  return other === undefined ? null : `\`${inv.program} ${other}\` starts, stops or signals the server`;
};

export const firewallCmd: ReadOnlyCheck = (inv) => {
  const other = inv.options.find((o) => !/^--(list|get|query|state|info|zone|permanent)/.test(o.name));
  return other ? `\`firewall-cmd ${other.name}\` changes firewall settings` : null;
};

export const service: ReadOnlyCheck = (inv) =>
  inv.has('--status-all') || inv.operands[1] === 'status' ? null : `\`service ${inv.operands.join(' ')}\` controls a service`;
