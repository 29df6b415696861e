import { shellQuote } from '../shell/shell-quote';

// The shell text that makes a series of SSH commands behave like one shell
// session: each command runs on its own channel (its own exit status, stdout
// and stderr, timeout and cancel), while the working directory and variables
// it leaves are written to a private directory on the host and restored
// before the next command. Nothing is ever read back from the output
// streams, so no output can pass for a boundary or a status.

// Every variable name bash knows, listed without starting a process: ${!a@}
// holds those beginning with "a". sh would not parse it, hence the eval.
const ALL_NAMES = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_'].map((c) => `\${!${c}@}`).join(' ');

// Arguments: $2 session id, $3 states written by earlier commands (newest
// first), $4 the state this command writes (empty: the session's last
// command, which keeps nothing), $5 the command.
//
// The state directory is $TMPDIR/trayage-<id>: the id is random and unknown
// on the host before the first command runs. The first command that keeps
// state makes it (mode 700) while its command runs, and writes to it only
// once it is certain to be a directory of this user's, not a symlink.
const PRELUDE_LINES = [
  '__trayage_dir=$TMPDIR __trayage_from=$3 __trayage_to=$4 __trayage_step=$5',
  '[ -n "$__trayage_dir" ] || __trayage_dir=/tmp',
  '__trayage_dir=$__trayage_dir/trayage-$2',
  // The command must not see our arguments as its $1, $2, …
  'set --',
  // bash as someone's /bin/sh login shell still runs the steps as bash.
  '[ -z "$BASH_VERSION" ] || set +o posix',
  // bash: shell variables carry too. Those that exist before the state is
  // restored (the environment, bash's own) are not saved; exported ones are.
  `[ -z "$BASH_VERSION" ] || [ -z "$__trayage_to" ] || { eval '__trayage_names() { __trayage_all=" ${ALL_NAMES} "; }'; __trayage_names; __trayage_base=$__trayage_all; }`,
  // Later steps must not start elsewhere than this one ended: a state that
  // cannot be kept fails the step.
  '__trayage_save() {',
  '  [ -n "$__trayage_to" ] || exit "$1"',
  // IFS as the command may have left it would split the names wrongly.
  '  set +eu',
  '  IFS=\' \' __trayage_new=',
  '  [ -z "$BASH_VERSION" ] || { __trayage_names; for __trayage_name in $__trayage_all; do',
  '    case $__trayage_name in __trayage_*) ;; *) case $__trayage_base in *" $__trayage_name "*) ;; *) __trayage_new="$__trayage_new $__trayage_name" ;; esac ;; esac',
  '  done; }',
  '  __trayage_pwd=$PWD',
  '  export __trayage_pwd',
  '  [ -z "$__trayage_making" ] || wait "$__trayage_making" 2>/dev/null',
  '  if [ -d "$__trayage_dir" ] && [ ! -L "$__trayage_dir" ] && [ -O "$__trayage_dir" ] &&',
  '    { export -p; [ -z "$__trayage_new" ] || declare -p $__trayage_new; } > "$__trayage_dir/$__trayage_to"; then exit "$1"; fi',
  '  echo "trayage: cannot keep the working directory and variables for the next steps in $__trayage_dir" >&2',
  '  exit $(($1 ? $1 : 1))',
  '}',
  // The newest state there is: a command that replaced the shell (exec) or
  // never got past the cd below wrote none.
  'for __trayage_state in $__trayage_from; do [ -r "$__trayage_dir/$__trayage_state" ] && break; __trayage_state=; done',
  '[ -z "$__trayage_state" ] || . "$__trayage_dir/$__trayage_state"',
  '[ -z "$__trayage_from" ] || [ -n "$__trayage_state" ] || { echo "trayage: $__trayage_dir is gone: the working directory and variables of the earlier steps are lost" >&2; exit 1; }',
  // In the background, so the command's output does not wait for them. The
  // last command removes the directory as it starts, whatever becomes of it.
  'if [ -z "$__trayage_to" ]; then',
  '  if [ -d "$__trayage_dir" ]; then rm -rf -- "$__trayage_dir" </dev/null >/dev/null 2>&1 & fi',
  'elif [ ! -d "$__trayage_dir" ]; then',
  '  mkdir -m 700 -- "$__trayage_dir" </dev/null >/dev/null 2>&1 & __trayage_making=$!',
  'fi',
  '[ -n "$__trayage_pwd" ] || __trayage_pwd=$PWD',
  // A directory an earlier step moved to and that is gone now fails the step
  // rather than running it somewhere else (git checkout in $HOME).
  'cd -- "$__trayage_pwd" || { echo "trayage: cannot return to $__trayage_pwd, the working directory the earlier steps left" >&2; exit 1; }',
  'unset __trayage_pwd',
  'trap \'__trayage_save "$?"\' EXIT',
  'if [ -n "$BASH_VERSION" ]; then set -o errexit -o pipefail',
  'else',
  '  set -e',
  '  if (set -o pipefail) 2>/dev/null; then set -o pipefail; __trayage_pf=; else __trayage_pf=" without pipefail (a pipeline fails only when its last command fails),"; fi',
  '  [ -n "$__trayage_from" ] || echo "trayage: no bash on this host: steps run in sh -e$__trayage_pf and only exported variables carry to later steps" >&2',
  'fi',
];
const PRELUDE = PRELUDE_LINES.join('\n');

// Runs the prelude, then the command; the explicit save covers a command
// that sets its own EXIT trap.
const MAIN = 'eval "$1"; eval "$__trayage_step"; __trayage_save "$?"';

export interface SessionStep {
  // Random hex naming the state directory.
  sessionId: string;
  // States written by the earlier commands that ran to their exit, newest first.
  from: readonly number[];
  // State this command writes; null for the session's last command, which
  // removes the directory instead.
  to: number | null;
}

// The exec request for one command of a session, read by the login shell,
// which must be a POSIX one (bash, sh, zsh, ksh), as the procedures assume.
// bash runs the session itself, adding no process before the command; any
// other starts bash where there is one (pipefail, bash syntax as in the
// runbooks), or else sh.
export function sessionCommand(step: SessionStep, command: string): string {
  const args = [PRELUDE, step.sessionId, step.from.join(' '), step.to === null ? '' : String(step.to), command];
  return (
    `set -- ${args.map(shellQuote).join(' ')}; ` +
    `if [ -n "$BASH_VERSION" ]; then ${MAIN}; ` +
    `elif command -v bash >/dev/null 2>&1; then exec bash --norc -c ${shellQuote(MAIN)} bash "$@"; ` +
    `else exec sh -c ${shellQuote(MAIN)} sh "$@"; fi`
  );
}

// Removes the session's state directory.
export function sessionCleanupCommand(sessionId: string): string {
  return `rm -rf -- "\${TMPDIR:-/tmp}"/trayage-${sessionId}`;
}
