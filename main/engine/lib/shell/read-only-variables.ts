// Which variables a read-only step may set. Programs take settings from their environment as
// they take options (`GIT_EXTERNAL_DIFF`, `LD_PRELOAD`, `PAGER`, `PATH` all make them run other
// code), and what a step sets stays for the steps after it, which share one shell session
// (ssh/session-script.ts). So a variable that reaches programs must be on a short list of
// harmless ones; a shell variable that is not exported is judged by its name.

/** Locale, time zone, terminal type and size: they change how output looks, nothing else. */
const HARMLESS = /^(LC_[A-Z]+|LANG|LANGUAGE|TZ|COLUMNS|LINES|TERM|NO_COLOR)$/;

/**
 * What the command line could give as an option the read-only list accepts: kubectl
 * `--kubeconfig`, aws `--profile` and `--region`, psql `-h -p -U -d`, the etcdctl API version.
 */
const LIKE_AN_OPTION = /^(KUBECONFIG|AWS_PROFILE|AWS_REGION|AWS_DEFAULT_REGION|PGHOST|PGPORT|PGUSER|PGDATABASE|PGPASSWORD|ETCDCTL_API)$/;

/** A pager runs the program it names: only an empty one or `cat` runs nothing more. */
const PAGER = /^(PAGER|GIT_PAGER|SYSTEMD_PAGER|AWS_PAGER|PSQL_PAGER|MANPAGER|DPKG_PAGER)$/;
const NO_PAGER = new Set(['', 'cat']);

/**
 * Names the shell acts on (PATH, IFS, PS4, BASH_ENV, …) and the families of names programs
 * read that a session may already export (LD_*, GIT_*, pagers, editors, config and home
 * locations, interpreter options): setting one changes later commands even without `export`.
 * Other names not exported, such as `NS` or `host`, reach no program.
 */
const ACTED_ON = new RegExp(
  [
    '^(PATH|IFS|CDPATH|HOME|ENV|SHELL|PS[0-4]|PROMPT_COMMAND|SHELLOPTS|BASHOPTS|GLOBIGNORE|EXECIGNORE|FIGNORE|INPUTRC',
    'HOSTFILE|TMPDIR|TMOUT|TIMEFORMAT|FUNCNEST|POSIXLY_CORRECT|OPTIND|OPTERR|PWD|OLDPWD|NETRC|BROWSER|EDITOR|VISUAL)$',
    '^(BASH|HIST|MAIL|COMP|READLINE_|LD_|DYLD_|GCONV_|NLSPATH|LOCPATH|MALLOC|GLIBC_|HOSTALIASES|RES_OPTIONS|LOCALDOMAIN)',
    '^(GIT_|SSH_|GNUPG|GPG_|XDG_|PYTHON|PERL|RUBY|NODE_|JAVA|_JAVA|OPENSSL|SSL_|CURL|WGET|PG|PSQL|MYSQL|KUBE|AWS_|CLOUDSDK_)',
    '^(AZURE_|DOCKER_|SYSTEMD_|TERMINFO|TERMCAP|SUDO_|DISPLAY|LESS|MANOPT)',
    'PATH$|RC$|HOME$|CONFIG|_OPTIONS$|_OPTS$|PAGER',
  ].join('|'),
);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function allowedForPrograms(name: string, value: string | null): boolean {
  if (HARMLESS.test(name) || LIKE_AN_OPTION.test(name)) return true;
  return PAGER.test(name) && value !== null && NO_PAGER.has(value.trim());
}

/**
 * Why handing NAME=VALUE to programs (`NAME=v cmd`, `export NAME=v`, `env NAME=v cmd`) is not
 * read-only, or null. `value` is null when only known at run time.
 */
export function environmentProblem(name: string, value: string | null): string | null {
  if (allowedForPrograms(name, value)) return null;
  return `\`${name}=…\` sets a variable that programs read, which can make them run or load other code`;
}

/** Why setting the shell variable NAME without exporting it is not read-only, or null. */
export function shellVariableProblem(name: string, value: string | null): string | null {
  if (!NAME.test(name)) return `\`${name}\` is not a plain variable name`;
  if (allowedForPrograms(name, value) || !ACTED_ON.test(name)) return null;
  return `\`${name}=…\` sets a variable that the shell or programs act on, for this step and the steps after it`;
}

/**
 * Why the text a variable holds is not harmless: `$(…)` or backquotes kept as text run when the
 * variable is later evaluated as arithmetic (`x='a[$(cmd)]'; echo $((x))`), in this step or a later one.
 */
export function heldCodeProblem(name: string, fixed: string): string | null {
  return /\$\(|`/.test(fixed) ? `\`${name}\` holds a command as text, which runs if a later step evaluates it as a number` : null;
}

/** A plain variable name, e.g. for `read NAME` and `printf -v NAME`: subscripts (`a[$(cmd)]`) are evaluated. */
export function isPlainName(name: string): boolean {
  return NAME.test(name);
}
