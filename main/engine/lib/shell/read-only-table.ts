// The allow-list of commands that only read. A command counts as read-only only when its
// program (and sub-command, and options) is listed here; everything else needs the typed
// host confirmation outside diagnostics. To add a command, add it to the group it belongs to.
// Commands that never end (`tail -f`) are read-only here and reported by never-ending.ts.
import type { CommandInput } from './command-input';
import type { Invocation } from './invocation';
import * as builtin from './read-only-builtins';
import * as is from './read-only-checks';
import * as cloud from './read-only-cloud';

export interface Conditions {
  /** Options that make the command write, keyed by their names (separated by spaces), with what they do. */
  writes?: Readonly<Record<string, string>>;
  /** What options alone cannot tell; see read-only-checks.ts. */
  check?: is.ReadOnlyCheck;
}

export interface ReadOnlyEntry extends Conditions {
  /** When given, only these sub-commands read, each with conditions of its own. */
  subcommands?: Readonly<Record<string, Conditions>>;
  /** With sub-commands: the program alone (or with options only) shows help, status or a list. */
  bare?: boolean;
}

const ANY: Conditions = {};

/** `iptables-save` prints the rules; `-f` writes them to a file, `-M` runs a modprobe program. */
const SAVE_RULES: Conditions = { check: is.onlyOptions('-c --counters -t --table', '', 'writes a file or runs a program') };

/** Sub-commands that read with no further condition. */
function only(...names: string[]): Record<string, Conditions> {
  return Object.fromEntries(names.map((name) => [name, ANY]));
}

export const READ_ONLY_TABLE: Readonly<Record<string, ReadOnlyEntry>> = {
  // Shell built-ins and no-ops: they change only the shell, in the forms read-only-builtins.ts allows.
  ':': ANY, true: ANY, false: ANY, echo: ANY, cd: ANY, pwd: ANY, pushd: ANY, popd: ANY, type: ANY, exit: ANY,
  return: ANY, break: ANY, continue: ANY, umask: ANY, sleep: ANY, which: ANY, whereis: ANY,
  printf: { check: builtin.printf }, test: { check: builtin.test }, '[': { check: builtin.test }, set: { check: builtin.set },
  shopt: { check: builtin.shopt }, unset: { check: builtin.unset }, read: { check: builtin.read }, wait: { check: builtin.wait },
  hash: { check: builtin.hash },

  // Reading files and text. Redirections (`> file`) are judged apart from the program.
  cat: ANY, tac: ANY, head: ANY, tail: ANY, wc: ANY, cut: ANY, tr: ANY, column: ANY, nl: ANY, rev: ANY,
  fold: ANY, fmt: ANY, expand: ANY, unexpand: ANY, paste: ANY, join: ANY, comm: ANY, diff: ANY, cmp: ANY,
  grep: ANY, base64: ANY, md5sum: ANY, sha1sum: ANY, sha256sum: ANY, sha512sum: ANY, cksum: ANY, strings: ANY,
  od: ANY, hexdump: ANY, zcat: ANY, bzcat: ANY, xzcat: ANY, stat: ANY, realpath: ANY, readlink: ANY,
  basename: ANY, dirname: ANY, seq: ANY, expr: ANY, numfmt: ANY, ls: ANY, du: ANY, df: ANY, jq: ANY,
  sort: { writes: { '-o --output': 'writes the sorted lines to a file', '--compress-program': 'runs a program' } },
  uniq: { check: is.atMostOperands(1, 'writes its result into the second') },
  xxd: { check: is.atMostOperands(1, 'writes its result into the second') },
  rg: { writes: { '--pre': 'runs a command on every file it searches' } },
  awk: { check: is.awk },
  sed: { writes: { '-i --in-place': 'edits files in place' }, check: is.sed },
  yq: { writes: { '-i --inplace': 'edits the file in place' } },
  file: { writes: { '-C --compile': 'writes a compiled magic file' } },
  tree: { writes: { '-o': 'writes the listing to a file' } },
  find: { writes: { '-delete': 'deletes every file it matches' }, check: is.find },
  tee: { check: is.tee },
  tar: { check: is.tar },
  unzip: { check: is.unzip },

  // The machine: load, memory, disks, hardware, users, time.
  uptime: ANY, free: ANY, vmstat: ANY, iostat: ANY, mpstat: ANY, sar: ANY, pidstat: ANY, nproc: ANY, lscpu: ANY,
  lsmem: ANY, lsblk: ANY, lspci: ANY, lsusb: ANY, lsmod: ANY, blkid: ANY, findmnt: ANY, uname: ANY, arch: ANY,
  whoami: ANY, id: ANY, groups: ANY, who: ANY, w: ANY, users: ANY, last: ANY, lastlog: ANY, getent: ANY,
  locale: ANY, printenv: ANY, tty: ANY, getconf: ANY,
  crontab: { check: (inv) => (inv.has('-l') && !inv.has('-r', '-e', '-i') && inv.operands.length === 0 ? null : '`crontab` without `-l` replaces or edits the crontab') },
  hostname: { writes: { '-F --file -b --boot': 'sets the host name' }, check: is.noOperands('sets the host name') },
  date: { check: is.date },
  sysctl: { check: is.sysctl },
  mount: { check: is.mount },
  fdisk: { check: is.onlyOptions('-l --list -x --list-details -u --units -o --output -b --sector-size -L --color -n --noauto-pt', '-l --list -x --list-details', 'changes partition tables') },
  parted: { check: is.onlyOptions('-l --list -m --machine -s --script', '-l --list', 'changes partition tables') },
  dmesg: {
    writes: {
      '-c --read-clear -C --clear': 'clears the kernel message buffer',
      '-D --console-off -E --console-on -n --console-level': 'changes kernel console logging',
    },
  },
  hostnamectl: { bare: true, subcommands: only('status') },
  timedatectl: { bare: true, subcommands: only('status', 'show', 'list-timezones', 'timesync-status', 'show-timesync') },

  // Processes.
  ps: ANY, pgrep: ANY, pidof: ANY, pstree: ANY, top: ANY, lsof: ANY,
  // Signal 0 only checks that the process exists.
  kill: { check: (inv) => (inv.has('-0', '-l', '-L', '--list') || inv.value('-s', '-n', '--signal') === '0' ? null : '`kill` sends a signal to processes') },
  fuser: { writes: { '-k --kill': 'kills the processes it finds' } },

  // Services and their logs.
  systemctl: {
    bare: true,
    subcommands: only('status', 'is-active', 'is-enabled', 'is-failed', 'is-system-running', 'list-units', 'list-unit-files',
      'list-timers', 'list-sockets', 'list-dependencies', 'list-jobs', 'show', 'cat', 'show-environment', 'get-default'),
  },
  journalctl: {
    writes: {
      '--vacuum-size --vacuum-time --vacuum-files': 'deletes old journal files',
      '--rotate --flush --sync --relinquish-var --smart-relinquish-var --setup-keys --update-catalog': 'changes the journal files',
    },
  },
  service: { check: is.service },
  'systemd-analyze': { bare: true, subcommands: only('blame', 'time', 'critical-chain', 'verify', 'calendar', 'timespan', 'timestamp', 'security', 'dump', 'unit-paths', 'cat-config') },
  supervisorctl: { subcommands: only('status', 'avail', 'tail', 'pid', 'version') },
  pm2: { subcommands: only('list', 'ls', 'l', 'status', 'jlist', 'prettylist', 'show', 'describe', 'info', 'logs', 'version') },

  // Networking.
  ss: { writes: { '-K --kill': 'closes the sockets it lists', '-D --diag': 'writes socket data to a file' } },
  netstat: ANY, dig: ANY, nslookup: ANY, host: ANY, ping: ANY, traceroute: ANY, tracepath: ANY,
  ip: { check: is.ip },
  ifconfig: { check: is.atMostOperands(1, 'changes a network interface') },
  route: { check: is.noOperands('changes the routing table') },
  arp: { writes: { '-d --delete -s --set -f --file': 'changes the ARP table' } },
  curl: { check: is.curl },
  wget: { check: is.wget },
  nc: { check: (inv) => (inv.has('-z') ? null : '`nc` without `-z` can send data to a service') },
  openssl: {
    check: is.openssl,
    subcommands: {
      s_client: ANY, verify: ANY, version: ANY, ciphers: ANY, dgst: ANY, asn1parse: ANY,
      x509: { writes: { '-out': 'writes a certificate file' } },
      crl: { writes: { '-out': 'writes a file' } },
      req: { writes: { '-out -keyout': 'writes files', '-new -newkey -x509': 'creates a key or certificate' } },
    },
  },
  iptables: { check: is.iptables },
  'iptables-save': SAVE_RULES, 'ip6tables-save': SAVE_RULES, 'iptables-legacy-save': SAVE_RULES, 'iptables-nft-save': SAVE_RULES,
  nft: { check: is.nft },
  ufw: { subcommands: only('status', 'app list', 'show') },
  'firewall-cmd': { check: is.firewallCmd },
  tcpdump: { writes: { '-w': 'writes captured packets to a file' } },

  // Containers and clusters.
  kubectl: {
    bare: true,
    subcommands: only('get', 'describe', 'logs', 'top', 'explain', 'version', 'cluster-info', 'api-resources', 'api-versions',
      'auth can-i', 'auth whoami', 'config view', 'config get-contexts', 'config current-context', 'config get-clusters',
      'config get-users', 'rollout status', 'rollout history', 'events'),
  },
  docker: {
    bare: true,
    subcommands: only('ps', 'logs', 'inspect', 'stats', 'images', 'version', 'info', 'top', 'events', 'port', 'diff', 'history',
      'container ls', 'container ps', 'container list', 'container inspect', 'container logs', 'container stats', 'container top',
      'container port', 'container diff', 'image ls', 'image list', 'image inspect', 'image history', 'network ls', 'network inspect',
      'volume ls', 'volume inspect', 'system df', 'system info', 'system events', 'compose ps', 'compose logs', 'compose config',
      'compose top', 'compose images', 'compose ls', 'compose version', 'context ls', 'context inspect', 'node ls', 'node inspect',
      'service ls', 'service ps', 'service logs', 'service inspect', 'stack ls', 'stack ps', 'stack services'),
  },
  'docker-compose': { bare: true, subcommands: only('ps', 'logs', 'config', 'top', 'images', 'version') },
  crictl: { bare: true, subcommands: only('ps', 'pods', 'images', 'logs', 'inspect', 'inspectp', 'inspecti', 'stats', 'statsp', 'info', 'version') },
  helm: {
    bare: true,
    subcommands: {
      ...only('list', 'ls', 'status', 'history', 'version', 'env', 'lint', 'get values', 'get manifest', 'get all',
        'get notes', 'get hooks', 'get metadata', 'show chart', 'show values', 'show readme', 'show all', 'show crds', 'dependency list',
        'repo list', 'plugin list', 'search'),
      template: {
        writes: {
          '--output-dir': 'writes the manifests to files',
          '--post-renderer --post-renderer-args': 'runs a program on the manifests',
          '--dependency-update': 'downloads charts into the chart directory',
        },
      },
    },
  },
  terraform: {
    bare: true,
    subcommands: {
      // `providers lock` and `providers mirror` write files: only the listing and the schema read.
      ...only('show', 'output', 'validate', 'version', 'state list', 'state show', 'providers', 'providers schema', 'graph', 'workspace list', 'workspace show'),
      plan: { writes: { '-out': 'writes a plan file' } },
    },
  },

  // Cloud and hosting command-line tools.
  aws: { check: cloud.aws },
  gcloud: { check: cloud.gcloud },
  az: { check: cloud.az },
  gsutil: { subcommands: only('ls', 'cat', 'stat', 'du', 'hash', 'version', 'iam get', 'acl get', 'defacl get', 'versioning get', 'lifecycle get', 'label get', 'cors get', 'logging get', 'web get') },
  gh: {
    bare: true,
    subcommands: only('status', 'pr list', 'pr view', 'pr status', 'pr diff', 'pr checks', 'issue list', 'issue view', 'issue status',
      'run list', 'run view', 'run watch', 'release list', 'release view', 'repo view', 'repo list', 'workflow list', 'workflow view',
      'auth status', 'cache list', 'secret list', 'variable list', 'label list', 'gist list', 'gist view', 'search repos', 'search issues', 'search prs'),
  },
  heroku: {
    bare: true,
    subcommands: only('logs', 'ps', 'releases', 'releases:info', 'config', 'config:get', 'info', 'apps:info', 'status', 'addons',
      'addons:info', 'pg:info', 'pg:ps', 'pg:diagnose', 'domains', 'regions', 'auth:whoami', 'maintenance', 'redis:info', 'buildpacks', 'stack'),
  },
  fly: {
    bare: true,
    subcommands: only('status', 'logs', 'releases', 'version', 'doctor', 'apps list', 'machines list', 'machine list', 'machines status',
      'machine status', 'config show', 'ips list', 'volumes list', 'secrets list', 'certs list', 'checks'),
  },

  // Version control.
  git: {
    bare: true,
    check: is.gitGlobalOptions,
    subcommands: {
      ...only('status', 'rev-parse', 'describe', 'blame', 'shortlog', 'ls-files', 'ls-tree', 'cat-file',
        'show-ref', 'for-each-ref', 'count-objects', 'reflog', 'reflog show', 'remote', 'remote show', 'remote get-url', 'version',
        'stash list', 'stash show', 'worktree list', 'submodule status', 'name-rev', 'merge-base', 'rev-list',
        'verify-commit', 'verify-tag', 'check-ignore'),
      grep: { writes: { '-O --open-files-in-pager': 'runs a command on the files it finds' } },
      'ls-remote': { check: is.gitLsRemote },
      whatchanged: { writes: { '--output': 'writes to a file' } },
      log: { writes: { '--output': 'writes to a file' } },
      show: { writes: { '--output': 'writes to a file' } },
      diff: { writes: { '--output': 'writes the diff to a file' } },
      branch: { check: is.gitBranch },
      tag: { check: is.gitTag },
      config: { check: is.gitConfig },
    },
  },

  // Databases: what they are asked to run is read by database-clients.ts (SELECT yes, DELETE no).
  psql: { check: is.databaseQuery },
  mysql: { check: is.databaseQuery },
  sqlite3: { check: is.databaseQuery },
  'clickhouse-client': { check: is.databaseQuery },
  'redis-cli': { check: is.databaseQuery },
  mysqladmin: { subcommands: only('status', 'extended-status', 'processlist', 'variables', 'ping', 'version') },
  pg_isready: ANY,
  pg_lsclusters: ANY,
  etcdctl: {
    subcommands: only('get', 'version', 'member list', 'endpoint health', 'endpoint status', 'endpoint hashkv', 'alarm list', 'lease list',
      'lease timetolive', 'user list', 'user get', 'role list', 'role get', 'snapshot status'),
  },
  consul: { subcommands: only('members', 'info', 'version', 'catalog services', 'catalog nodes', 'catalog datacenters', 'kv get', 'kv export') },
  vault: { subcommands: only('status', 'version', 'token lookup', 'kv get', 'kv list', 'secrets list', 'auth list', 'policy list', 'policy read', 'audit list') },

  // Installed packages: queries only.
  dpkg: { check: is.dpkg },
  'dpkg-query': ANY,
  rpm: { check: is.rpm },
  apt: { subcommands: only('list', 'show', 'search', 'policy', 'depends', 'rdepends'), writes: { '-o --option -c --config-file': 'changes apt settings, which can run commands' } },
  'apt-cache': { subcommands: only('show', 'showpkg', 'showsrc', 'search', 'policy', 'depends', 'rdepends', 'madison', 'stats', 'pkgnames', 'dump'), writes: { '-o --option -c --config-file': 'changes apt settings, which can run commands' } },

  // Web servers: configuration tests and status.
  nginx: { check: is.nginx },
  apachectl: { check: is.apachectl },
};

function hasOwn(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

function optionProblem(inv: Invocation, writes: Conditions['writes']): string | null {
  for (const [names, what] of Object.entries(writes ?? {})) {
    const found = inv.options.find((o) => names.split(' ').includes(o.name));
    if (found) return `\`${inv.program} ${found.name}\` ${what}`;
  }
  return null;
}

function conditionProblem(inv: Invocation, input: CommandInput, conditions: Conditions): string | null {
  return optionProblem(inv, conditions.writes) ?? conditions.check?.(inv, input) ?? null;
}

/** Why this command is not read-only, or null when the table lists it as reading. */
export function readOnlyProblem(inv: Invocation, input: CommandInput): string | null {
  const entry = hasOwn(READ_ONLY_TABLE, inv.kind) ? READ_ONLY_TABLE[inv.kind] : undefined;
  if (!entry) return `\`${inv.program}\` is not on the list of read-only commands`;
  const own = conditionProblem(inv, input, entry);
  if (own || !entry.subcommands) return own;
  if (inv.subcommand === undefined) return entry.bare ? null : `\`${inv.program}\` needs a sub-command that only reads`;
  if (!hasOwn(entry.subcommands, inv.subcommand)) return `\`${inv.label}\` is not on the list of read-only commands`;
  return conditionProblem(inv, input, entry.subcommands[inv.subcommand]);
}
