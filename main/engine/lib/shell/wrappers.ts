// Commands that run other commands: `sudo rm`, `sh -c "…"`, `ssh host …`, `kubectl exec pod
// -- …`, `xargs rm`, `find -exec`. Each rule says what runs inside, so that the inner command
// is judged like any other, and whether the wrapper itself changes anything.
import type { CommandInput } from './command-input';
import type { Invocation } from './invocation';
import { valueSet } from './options';
import { PROGRAM_SYNTAX } from './program-syntax';
import { afterDashes, fromInput, joined, lead, Leading, runsCommand, type Inner, type WrapperRule } from './wrapper-args';
import { REMOTE_WRAPPERS } from './wrapper-remote';
import { TOOL_WRAPPERS } from './wrapper-tools';

export type { Inner, WrapperRule } from './wrapper-args';

function shell(inv: Invocation, input: CommandInput): Inner[] {
  const own = lead(inv, '-o -O --rcfile --init-file');
  if (own.has('-c')) {
    const script = own.rest[0];
    if (!script) return [{ kind: 'unknown', reason: `\`${inv.program} -c\` is missing the command to run` }];
    return [{ kind: 'script', text: script.literal ? script.value : null, what: `\`${inv.program} -c\`` }];
  }
  if (own.rest.length > 0 && !own.has('-s')) {
    return [{ kind: 'unknown', reason: `\`${inv.program} ${own.rest[0].value}\` runs a script the command does not show` }];
  }
  return [fromInput(input, inv.program, `the script given to \`${inv.program}\``)];
}

function ssh(inv: Invocation, input: CommandInput): Inner[] {
  const own = new Leading(inv.words, PROGRAM_SYNTAX.ssh);
  const host = own.rest[0]?.value ?? 'host';
  // ssh also reads options given after the host: `ssh host -t 'cmd'`.
  const remote = new Leading(own.rest.slice(1), PROGRAM_SYNTAX.ssh).rest;
  if (remote.length > 0) return [{ kind: 'script', text: joined(remote), what: `the command run on \`${host}\``, input }];
  if (own.has('-N')) return [{ kind: 'unknown', reason: '`ssh -N` only forwards ports and runs no command' }];
  if (input.kind === 'none') return [{ kind: 'unknown', reason: `\`ssh ${host}\` without a command opens an interactive login` }];
  return [fromInput(input, `ssh ${host}`, `the commands sent to \`${host}\``)];
}

function su(inv: Invocation): Inner[] {
  // su takes its options after the user name too: `su - postgres -c '…'`.
  const own = new Leading(inv.words, { values: valueSet('-c --command -s --shell -g --group -G --supp-group -w --whitelist-environment -u --user') }, false);
  const script = own.value('-c', '--command');
  if (script) return [{ kind: 'script', text: script.literal ? script.text : null, what: `\`${inv.program} -c\`` }];
  const words = inv.program === 'runuser' ? afterDashes(inv) : null;
  if (words?.length) return [{ kind: 'command', words }];
  return [{ kind: 'unknown', reason: `\`${inv.program}\` without a command opens a shell as another user` }];
}

/** `docker exec [options] CONTAINER COMMAND…`, also `docker run IMAGE …` and after `compose`. */
function containerCommand(values: string): WrapperRule['inner'] {
  return (inv) => {
    const words = lead(inv, values, inv.afterSubcommand).rest.slice(1);
    return words.length > 0 ? [{ kind: 'command', words }] : [];
  };
}

const DOCKER_EXEC_VALUES = '-e --env --env-file -u --user -w --workdir --detach-keys --index';
const DOCKER_RUN_VALUES = [...(PROGRAM_SYNTAX.docker.values ?? [])].join(' ');

function kubectl(inv: Invocation): Inner[] {
  const words = afterDashes(inv);
  if (words?.length) return [{ kind: 'command', words }];
  if (inv.subcommand === 'exec') return [{ kind: 'unknown', reason: '`kubectl exec` without `--` does not show which command it runs' }];
  return [];
}

/** `find … -exec CMD {} ;` and friends: every command between the action and `;` or `+`. */
function findActions(inv: Invocation): Inner[] {
  const inner: Inner[] = [];
  for (let i = 0; i < inv.words.length; i += 1) {
    if (!/^-(exec|execdir|ok|okdir)$/.test(inv.words[i].value)) continue;
    const end = inv.words.findIndex((w, j) => j > i && (w.value === ';' || w.value === '+'));
    const words = inv.words.slice(i + 1, end < 0 ? undefined : end);
    if (words.length > 0) inner.push({ kind: 'command', words });
    if (end < 0) break;
    i = end;
  }
  return inner;
}

function watch(inv: Invocation): Inner[] {
  const own = new Leading(inv.words, PROGRAM_SYNTAX.watch);
  if (own.rest.length === 0) return [];
  if (own.has('-x', '--exec')) return [{ kind: 'command', words: own.rest }];
  return [{ kind: 'script', text: joined(own.rest), what: '`watch`' }];
}

function env(inv: Invocation): Inner[] {
  const own = lead(inv, '-u --unset -C --chdir -S --split-string');
  const split = own.value('-S', '--split-string');
  if (split) return [{ kind: 'script', text: split.literal ? split.text : null, what: '`env -S`' }];
  const command = own.rest.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value));
  return command >= 0 ? [{ kind: 'command', words: own.rest.slice(command) }] : [];
}

function sudo(inv: Invocation): Inner[] {
  const own = lead(inv, '-u --user -g --group -C --close-from -D --chdir -h --host -p --prompt -r --role -t --type -U --other-user -T --command-timeout');
  if (own.has('-e', '--edit')) return [{ kind: 'unknown', reason: `\`${inv.program} -e\` edits files` }];
  if (own.rest.length > 0) return [{ kind: 'command', words: own.rest }];
  if (own.has('-i', '--login', '-s', '--shell')) return [{ kind: 'unknown', reason: `\`${inv.program} -i\`/\`-s\` opens a root shell` }];
  return [];
}

function chroot(inv: Invocation): Inner[] {
  const rest = lead(inv, '--userspec --groups').rest;
  if (rest.length > 1) return [{ kind: 'command', words: rest.slice(1) }];
  return [{ kind: 'unknown', reason: `\`chroot ${rest[0]?.value ?? ''}\` without a command opens a shell` }];
}

function notShown(inv: Invocation): Inner[] {
  return [{ kind: 'unknown', reason: `\`${inv.program} ${inv.args[0] ?? ''}\` runs a script the command does not show` }];
}

const SHELL: WrapperRule = { inner: shell };

/** Keyed by program, or by program and sub-command (`kubectl exec`). */
export const WRAPPERS: Readonly<Record<string, WrapperRule>> = {
  // Run the command that follows with other privileges, limits or environment.
  trap: {
    // `trap 'ACTION' SIGNAL…` runs ACTION later; `trap -p`, `trap -l` and `trap - SIG` only list or reset.
    inner: (inv) => {
      const action = lead(inv).rest[0];
      return action && action.value !== '-' && lead(inv).rest.length > 1 ? [{ kind: 'script', text: action.literal ? action.value : null, what: '`trap`' }] : [];
    },
  },
  sudo: { inner: sudo },
  doas: { inner: sudo },
  pkexec: { inner: runsCommand('--user') },
  env: { inner: env },
  nice: { inner: runsCommand('-n --adjustment') },
  nohup: { inner: runsCommand() },
  setsid: { inner: runsCommand() },
  time: { inner: runsCommand('-f --format -o --output'), own: (inv) => (lead(inv, '-f --format -o --output').has('-o', '--output') ? '`time -o` writes its report to a file' : null) },
  timeout: { inner: runsCommand('-s --signal -k --kill-after', 1), bounds: true },
  stdbuf: { inner: runsCommand('-i --input -o --output -e --error') },
  ionice: {
    inner: runsCommand('-c --class -n --classdata -p --pid -P --pgid -u --uid'),
    own: (inv) => (lead(inv, '-c --class -n --classdata').has('-p', '--pid', '-P', '--pgid', '-u', '--uid') ? '`ionice -p` changes the I/O priority of running processes' : null),
  },
  command: { inner: (inv, input) => (lead(inv).has('-v', '-V') ? [] : runsCommand()(inv, input)) },
  builtin: { inner: runsCommand() },
  exec: { inner: runsCommand('-a') },
  xargs: { inner: runsCommand('-I -L -n --max-args -P --max-procs -s --max-chars -d --delimiter -E -a --arg-file --process-slot-var --replace') },
  flock: {
    inner: (inv, input) => {
      const own = new Leading(inv.words, { values: valueSet('-w --timeout -E --conflict-exit-code -c --command') }, false);
      const script = own.value('-c', '--command');
      if (script) return [{ kind: 'script', text: script.literal ? script.text : null, what: '`flock -c`' }];
      return runsCommand('-w --timeout -E --conflict-exit-code', 1)(inv, input);
    },
  },
  chroot: { inner: chroot },
  nsenter: { inner: runsCommand('-t --target -S --setuid -G --setgid') },
  busybox: { inner: runsCommand() },
  su: { inner: su },
  runuser: { inner: su },
  // Run text as shell commands.
  sh: SHELL,
  bash: SHELL,
  zsh: SHELL,
  dash: SHELL,
  ksh: SHELL,
  ash: SHELL,
  eval: { inner: (inv) => [{ kind: 'script', text: joined(inv.words), what: '`eval`' }] },
  source: { inner: notShown },
  '.': { inner: notShown },
  watch: { inner: watch },
  // Run commands on another machine or in a container.
  ssh: {
    inner: ssh,
    own: (inv) => {
      const runsLocally = inv.options.find((o) => o.name === '-o' && /^\s*(ProxyCommand|LocalCommand|PermitLocalCommand|KnownHostsCommand)\b/i.test(o.value ?? ''));
      return runsLocally ? `\`ssh -o ${runsLocally.value}\` runs a command on this machine` : null;
    },
  },
  'kubectl exec': { inner: kubectl },
  'kubectl debug': { inner: kubectl, own: () => '`kubectl debug` starts a debugging container' },
  'kubectl run': { inner: kubectl, own: () => '`kubectl run` creates a pod' },
  'docker exec': { inner: containerCommand(DOCKER_EXEC_VALUES) },
  'docker container exec': { inner: containerCommand(DOCKER_EXEC_VALUES) },
  // compose's `-T` turns the terminal off and takes no value.
  'docker compose exec': { inner: containerCommand(DOCKER_EXEC_VALUES) },
  'docker-compose exec': { inner: containerCommand(DOCKER_EXEC_VALUES) },
  'docker run': { inner: containerCommand(DOCKER_RUN_VALUES), own: () => '`docker run` starts a new container' },
  'docker container run': { inner: containerCommand(DOCKER_RUN_VALUES), own: () => '`docker run` starts a new container' },
  'docker compose run': { inner: containerCommand(DOCKER_RUN_VALUES), own: () => '`compose run` starts a new container' },
  'docker-compose run': { inner: containerCommand(DOCKER_RUN_VALUES), own: () => '`compose run` starts a new container' },
  'heroku run': {
    inner: (inv) => {
      const words = lead(inv, '-a --app -r --remote -s --size -e --env --type', inv.afterSubcommand).rest;
      return words.length > 0 ? [{ kind: 'command', words }] : [];
    },
    own: () => '`heroku run` starts a one-off dyno',
  },
  // Run a command for each file or input line, besides doing their own work.
  find: { inner: findActions, judgedByTable: true },
  ...TOOL_WRAPPERS,
  ...REMOTE_WRAPPERS,
};

export function wrapperFor(inv: Invocation): WrapperRule | undefined {
  const byLabel = WRAPPERS[`${inv.kind} ${inv.subcommand ?? ''}`.trim()];
  if (byLabel && inv.subcommand) return byLabel;
  return Object.prototype.hasOwnProperty.call(WRAPPERS, inv.kind) ? WRAPPERS[inv.kind] : undefined;
}
