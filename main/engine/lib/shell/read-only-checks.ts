// The conditions of the read-only table that options alone cannot express: what an awk or
// sed program does, where curl writes, which `ip` and `git branch` forms only show. Each
// returns why the command is not read-only, or null when it only reads.
import type { CommandInput } from './command-input';
import { classifyDatabaseClient } from './database-clients';
import { parseArgs } from './options';
import type { Invocation } from './invocation';
import { syntaxOf } from './program-syntax';
import { sedScriptProblem } from './read-only-sed';
import type { Arg } from './word-values';

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

/**
 * A URL curl or wget fetch over HTTP: `http://`, `https://`, or no scheme (curl guesses FTP,
 * IMAP, LDAP, … from host names such as `ftp.x`). `gopher://host:6379/_FLUSHALL`, `telnet://`
 * and `dict://` send what the URL says to any service. A URL only known when it runs
 * (`$URL`) could be any of them.
 */
function webUrlProblem(program: string, url: string): string | null {
  if (/^[$`]/.test(url)) return `\`${program} ${url}\` fetches a URL only known when it runs`;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined ? !/^(ftp|dict|ldap|imap|pop3|smtp)\./i.test(url) : scheme === 'http' || scheme === 'https') return null;
  return `\`${program} ${url}\` uses a protocol other than HTTP (\`gopher://\`, \`telnet://\` and others send what the URL says to a service)`;
}

/** Headers that make servers treat a GET as another method. */
const METHOD_OVERRIDE = /^\s*x-(http-)?method(-override)?\s*:/i;

export const curl: ReadOnlyCheck = (inv, input) => {
  const method = inv.value('-X', '--request')?.toUpperCase();
  if (method && !['GET', 'HEAD', 'OPTIONS'].includes(method)) return `\`curl -X ${method}\` sends a request that can change data`;
  if (inv.values('-H', '--header').some((h) => METHOD_OVERRIDE.test(h))) return '`curl -H X-HTTP-Method-Override` asks the server for another method than GET';
  const proto = inv.value('--proto-default');
  if (proto !== undefined && !/^https?$/i.test(proto)) return `\`curl --proto-default ${proto}\` uses a protocol other than HTTP`;
  for (const url of [...inv.values('--url'), ...inv.operands]) {
    const problem = webUrlProblem('curl', url);
    if (problem) return problem;
  }
  // With -G the data goes into the query string of a GET.
  if (inv.has(...CURL_SENDS) && !inv.has('-G', '--get')) return '`curl -d`/`-F` sends data in a POST request';
  if (inv.has('-T', '--upload-file')) return '`curl -T` uploads a file';
  if (inv.has('-O', '--remote-name', '--remote-name-all', '-J', '--remote-header-name')) return '`curl -O` saves the download to a file';
  if (inv.has('-K', '--config')) return '`curl -K` takes further options from a file the command does not show';
  if (inv.has('-Q', '--quote')) return '`curl -Q` sends commands to the server';
  return CURL_OUTPUT(inv, input);
};

const WGET_LOGS = outputOptions('-o --output-file -a --append-output --save-cookies --warc-file --rejected-log --hsts-file');
/** Recursive fetching saves (or, with `--spider`, briefly saves) every page it follows. */
const WGET_RECURSIVE = '-r --recursive -m --mirror -p --page-requisites -x --force-directories -k --convert-links'.split(' ');

export const wget: ReadOnlyCheck = (inv, input) => {
  const method = inv.value('--method')?.toUpperCase();
  if (method && !['GET', 'HEAD', 'OPTIONS'].includes(method)) return `\`wget --method=${method}\` sends a request that can change data`;
  if (inv.has('--post-data', '--post-file', '--body-data', '--body-file')) return '`wget --post-data` sends data in a POST request';
  if (inv.has('-e', '--execute', '--config')) return '`wget -e`/`--config` runs settings that can write files';
  if (inv.has('--use-askpass')) return '`wget --use-askpass` runs a program';
  if (inv.has('-i', '--input-file')) return '`wget -i` fetches URLs from a file the command does not show';
  if (inv.has(...WGET_RECURSIVE)) return '`wget -r` saves every page it follows';
  for (const url of inv.operands) {
    const problem = webUrlProblem('wget', url);
    if (problem) return problem;
  }
  const logs = WGET_LOGS(inv, input);
  if (logs) return logs;
  const target = inv.value('-O', '--output-document');
  if (inv.has('--spider') || (target !== undefined && isNotAFile(target))) return null;
  return target === undefined ? '`wget` saves the download to a file' : `\`wget -O ${target}\` writes to a file`;
};

/**
 * The words holding the program of awk or sed: the values of these options, or else the first
 * operand. A program with `$VAR` or `$(…)` in it is only known when it runs.
 */
function programWords(inv: Invocation, ...names: string[]): Arg[] {
  const words: Arg[] = [];
  for (const o of inv.options) {
    if (!names.includes(o.name) || o.value === undefined) continue;
    const own = inv.words[o.index];
    words.push(own.value === o.name ? inv.words[o.index + 1] : own);
  }
  if (words.length > 0) return words;
  const first = parseArgs(inv.args, syntaxOf(inv.kind)).firstOperand;
  return first < inv.words.length ? [inv.words[first]] : [];
}

/** Blanks awk string literals so that `print "a > b"` is not taken for a redirection. */
function awkCode(program: string): string {
  return program.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}

/**
 * Whether a `print` or `printf` sends its output to a file or a command: a `>` or `|` after it
 * and outside parentheses, within the statement. `print ($1 > 5)` compares.
 */
function printRedirects(code: string): boolean {
  for (const found of code.matchAll(/\bprintf?\b/g)) {
    let depth = 0;
    for (let i = (found.index ?? 0) + found[0].length; i < code.length; i += 1) {
      const c = code[i];
      if (c === '(') depth += 1;
      else if (c === ')' && depth === 0) break;
      else if (c === ')') depth -= 1;
      else if (depth === 0 && /[;{}\n]/.test(c)) break;
      else if (depth === 0 && (c === '>' || c === '|')) return true;
    }
  }
  return false;
}

/** awk options that neither read a program from a file nor load, dump or profile anything. */
const AWK_OPTIONS = new Set(
  `-F --field-separator -v --assign -e --source -b --characters-as-bytes -c --traditional -P --posix -r --re-interval -S
  --sandbox -n --non-decimal-data -N --use-lc-numeric -M --bignum -O --optimize -s --no-optimize -C --copyright -V --version
  -h --usage --`.split(/\s+/),
);

export const awk: ReadOnlyCheck = (inv) => {
  if (inv.has('-f', '--file', '-E', '--exec')) return '`awk -f` runs a program from a file the command does not show';
  if (inv.values('-i', '--include').includes('inplace')) return '`awk -i inplace` edits files in place';
  const other = inv.options.find((o) => !AWK_OPTIONS.has(o.name));
  if (other) return `\`awk ${other.name}\` includes, loads or writes files (\`-i\`, \`-l\`, \`-o\`, \`-p\`, \`-d\`)`;
  const programs = programWords(inv, '-e', '--source');
  if (programs.some((w) => !w.literal)) return 'the awk program is only known when the command runs';
  for (const code of programs.map((w) => awkCode(w.value))) {
    if (/\bsystem\s*\(/.test(code)) return 'the awk program calls `system()`, which runs commands';
    if (/\|\s*&?\s*getline/.test(code)) return 'the awk program runs a command through `| getline`';
    if (/@\s*(include|load)\b/.test(code)) return 'the awk program includes or loads code with `@include`/`@load` (`@include "inplace"` edits files)';
    // gawk's `@f(…)` calls the function named by f's value, which may be system().
    if (/@\s*[A-Za-z_][\w:]*\s*\(/.test(code)) return 'the awk program calls a function by name (`@f()`), which may be `system()`';
    if (printRedirects(code)) return 'the awk program writes to a file or a command with `print >`/`print |`';
  }
  return null;
};

/** sed options besides the script: none writes or runs anything (`-i` is refused by the table). */
const SED_OPTIONS = new Set(
  `-n --quiet --silent -e --expression -E -r --regexp-extended -s --separate -u --unbuffered -z --null-data -l --line-length
  --posix --debug --sandbox -b --binary --follow-symlinks --`.split(/\s+/),
);

export const sed: ReadOnlyCheck = (inv) => {
  if (inv.has('-f', '--file')) return '`sed -f` runs a script from a file the command does not show';
  const other = inv.options.find((o) => !SED_OPTIONS.has(o.name) && !/^(-i|--in-place)$/.test(o.name));
  if (other) return `\`sed ${other.name}\` is not an option this check knows`;
  const scripts = programWords(inv, '-e', '--expression');
  if (scripts.some((w) => !w.literal)) return 'the sed script is only known when the command runs';
  // sed joins the -e scripts with newlines and reads them as one.
  return sedScriptProblem(scripts.map((w) => w.value).join('\n'));
};

export const find: ReadOnlyCheck = (inv) => {
  const writer = inv.options.find((o) => /^-(fprint|fprint0|fprintf|fls)$/.test(o.name));
  return writer ? `\`find ${writer.name}\` writes its results to a file` : null;
};

export const tee: ReadOnlyCheck = (inv) => {
  const file = inv.operands.find((f) => !isNotAFile(f));
  return file === undefined ? null : `\`tee ${file}\` writes to ${file}`;
};

/**
 * ip options that only change how it shows things. ip takes any prefix of an option, so `-b`,
 * `-ba`, `--batch` all run the commands of a file; options are matched exactly here.
 */
const IP_OPTIONS = new Set(
  `-4 -6 -0 -B -M -s -stats -statistics -d -details -r -resolve -o -oneline -t -timestamp -ts -tshort -V -Version -c -color
  -h -human -j -json -p -pretty -br -brief -N -Numeric -f -family -n -netns -l -loops -rc -rcvbuf`.split(/\s+/),
);

/** `ip addr`, `ip -br link show`, `ip route get 1.1.1.1`: an object with no verb or a showing one. */
export const ip: ReadOnlyCheck = (inv) => {
  const other = inv.options.find((o) => !IP_OPTIONS.has(o.name.replace(/^--/, '-').replace(/=.*/, '')));
  if (other) return `\`ip ${other.name}\` is not known to only show (\`-batch\` runs the commands of a file)`;
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

/** git's options before the sub-command that only choose the repository or how output looks. */
const GIT_GLOBAL_OPTIONS = new Set(
  `-C -c --git-dir --work-tree --namespace --bare --no-pager -P -p --paginate --no-replace-objects --literal-pathspecs
  --glob-pathspecs --noglob-pathspecs --icase-pathspecs --no-optional-locks --version --help -h --html-path --man-path
  --info-path --no-advice`.split(/\s+/),
);
/** `-c` settings of colours, quoting and hints: almost any other can make git run a command (core.pager, gpg.program, include.path, alias.*). */
const GIT_HARMLESS_SETTING = /^(color\.[\w.-]+|core\.quotepath|advice\.[\w-]+)(=|$)/i;

/** Options before the sub-command: `git -c …`, `--exec-path`, `--config-env` make even `git log` run a command. */
export const gitGlobalOptions: ReadOnlyCheck = (inv) => {
  for (const o of parseArgs(inv.args, syntaxOf('git'), true).options) {
    if (!GIT_GLOBAL_OPTIONS.has(o.name)) return `\`git ${o.name}\` can make git run other programs or is not an option this check knows`;
    if (o.name === '-c' && !GIT_HARMLESS_SETTING.test(o.value ?? '')) return `\`git -c ${o.value ?? ''}\` can make git run a command`;
  }
  return null;
};

/** `git ls-remote URL`: `ext::cmd` and other `transport::` URLs run a helper program; `--upload-pack` runs a command. */
export const gitLsRemote: ReadOnlyCheck = (inv) => {
  if (inv.has('--upload-pack', '--exec')) return '`git ls-remote --upload-pack` runs a command';
  const helper = inv.rest.find((r) => r.includes('::'));
  return helper ? `\`git ls-remote ${helper}\` runs a remote helper program` : null;
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

/** `mount` alone or with `-l`/`-t TYPE` lists mounts; `-a`, `--bind`, `-o remount` and operands mount. */
export const mount: ReadOnlyCheck = (inv) => {
  const other = inv.options.find((o) => !/^(-l|--show-labels|-t|--types|-h|--help|-V|--version)$/.test(o.name));
  if (other) return `\`mount ${other.name}\` mounts or changes filesystems`;
  return inv.operands.length > 0 ? `\`mount ${inv.operands.join(' ')}\` mounts a filesystem` : null;
};

/** openssl options that write files, unless to the terminal, and those that load code. */
const OPENSSL_WRITES = new Set(['-out', '-keyout', '-sess_out', '-keylogfile', '-msgfile', '-writerand', '-CAcreateserial', '-CAserial']);
const OPENSSL_LOADS = new Set(['-engine', '-keygen_engine', '-provider', '-provider-path', '-config', '-ssl_config']);

export const openssl: ReadOnlyCheck = (inv) => {
  const loads = inv.options.find((o) => OPENSSL_LOADS.has(o.name));
  if (loads) return `\`openssl ${loads.name}\` loads code or settings from a file`;
  const writes = inv.options.find((o) => OPENSSL_WRITES.has(o.name) && !(/^-(out|keyout)$/.test(o.name) && o.value !== undefined && isNotAFile(o.value)));
  if (!writes) return null;
  return `\`openssl ${writes.value === undefined ? writes.name : `${writes.name} ${writes.value}`}\` writes a file`;
};

/** `nft list …`, also as one word (`nft 'list ruleset'`) or several commands split by `;`. */
const NFT_OPTIONS = new Set('-a --handle -n --numeric -s --stateless -j --json -t --terse -N --reversedns -S --service -u --guid -y --numeric-priority -p --numeric-protocol -T --numeric-time -c --check'.split(' '));

export const nft: ReadOnlyCheck = (inv) => {
  const other = inv.options.find((o) => !NFT_OPTIONS.has(o.name));
  if (other) return `\`nft ${other.name}\` reads rules from a file or is not known to only list`;
  const commands = inv.operands.join(' ').split(/[;\n]/).map((c) => c.trim()).filter(Boolean);
  const changing = commands.find((c) => !/^list(\s|$)/.test(c));
  return changing === undefined ? null : `\`nft ${changing}\` is not a listing`;
};

/** dpkg's query actions; any other action installs, removes or configures packages. */
const DPKG_QUERIES = new Set('-l --list -L --listfiles -s --status -S --search -p --print-avail -c --contents -I --info -f --field --get-selections --print-architecture --print-foreign-architectures --version --help --no-pager --audit -C'.split(' '));

export const dpkg: ReadOnlyCheck = (inv) => {
  const other = inv.options.find((o) => !DPKG_QUERIES.has(o.name));
  if (other) return `\`dpkg ${other.name}\` installs, removes or configures packages`;
  return inv.options.length === 0 ? '`dpkg` without a query option installs or configures packages' : null;
};

/** rpm in query mode (`-q`), with query options only: in that mode `-i` is `--info`, not install. */
const RPM_QUERY_LETTERS = new Set([...'qafglicdsRpv']);
const RPM_QUERY_LONG = /^--(query|all|file|group|package|list|info|configfiles|docfiles|state|requires|provides|conflicts|obsoletes|changelog|scripts|triggers|triggerscripts|whatprovides|whatrequires|last|queryformat|qf|dump|nosignature|nodigest|nofiles|verbose|quiet|dbpath|root)$/;

export const rpm: ReadOnlyCheck = (inv) => {
  if (!inv.has('-q', '--query')) return '`rpm` without `-q` installs, removes or changes packages';
  const other = inv.options.find((o) => (o.name.startsWith('--') ? !RPM_QUERY_LONG.test(o.name) : !RPM_QUERY_LETTERS.has(o.name.slice(1))));
  return other ? `\`rpm ${other.name}\` is not a query option` : null;
};

/** A check that accepts only these options, and one of `required` (if any) among them: `fdisk -l`. */
export function onlyOptions(allowed: string, required: string, what: string): ReadOnlyCheck {
  const names = new Set(allowed.split(' '));
  const needed = required ? required.split(' ') : [];
  return (inv) => {
    const other = inv.options.find((o) => !names.has(o.name));
    if (other) return `\`${inv.program} ${other.name}\` ${what}`;
    return needed.length === 0 || inv.has(...needed) ? null : `\`${inv.program}\` without \`${needed[0]}\` ${what}`;
  };
}
