// One command as the tables see it: program, options, operands and sub-command.
import { parseArgs, valueSet, type Option } from './options';
import { syntaxOf, type ProgramSyntax } from './program-syntax';
import type { Arg } from './word-values';

/** Programs that behave like another one the tables know. */
const SAME_AS: Readonly<Record<string, string>> = {
  egrep: 'grep', fgrep: 'grep', zgrep: 'grep', gawk: 'awk', mawk: 'awk', nawk: 'awk', ping6: 'ping',
  ip6tables: 'iptables', 'iptables-legacy': 'iptables', 'iptables-nft': 'iptables', apache2ctl: 'apachectl',
  flyctl: 'fly', mariadb: 'mysql', oc: 'kubectl', podman: 'docker',
};

/**
 * Options that take a value before the sub-command, besides those the program's syntax lists,
 * so that the sub-command is found after them: `docker -c prod rm` is `docker rm`, and
 * `docker -c ps rm` is not `docker ps`. They count only there: after the sub-command the same
 * letters can mean something else (`docker logs -f` follows, `docker ps -l` shows the latest).
 */
const LEADING_VALUES: Readonly<Record<string, ReadonlySet<string>>> = {
  // docker, and podman read as docker.
  docker: valueSet(`-c --context -H --host --config -l --log-level --tlscacert --tlscert --tlskey --connection --url
    --identity --root --runroot --storage-driver --storage-opt --cgroup-manager --tmpdir --events-backend --hooks-dir
    --module --network-cmd-path --network-config-dir --runtime --runtime-flag --ssh --volumepath --imagestore --conmon
    --db-backend --cdi-spec-dir`),
  kubectl: valueSet(`-n --namespace --context --cluster --user -s --server --kubeconfig -v --v --vmodule --cache-dir
    --certificate-authority --client-certificate --client-key --token --as --as-group --as-uid --request-timeout
    --tls-server-name --username --password --profile --profile-output --log-dir --log-file --log-file-max-size
    --log-flush-frequency --stderrthreshold --log-backtrace-at --config`),
  helm: valueSet(`--kube-context --kubeconfig -n --namespace --registry-config --repository-config --repository-cache
    --kube-apiserver --kube-as-user --kube-as-group --kube-ca-file --kube-token --kube-tls-server-name --burst-limit
    --qps --content-cache`),
  'docker compose': valueSet('-f --file -p --project-name --profile --env-file --project-directory --parallel --ansi --progress'),
  'docker-compose': valueSet('-f --file -p --project-name --profile --env-file --project-directory --parallel --ansi --progress -H --host --context'),
  'redis-cli': valueSet('-t'),
};

/** Sub-command groups the program syntax does not list: `oc adm drain`. */
const MORE_GROUPS: Readonly<Record<string, ReadonlySet<string>>> = {
  kubectl: valueSet('adm'),
};

/** The syntax for the options before a sub-command word; `keys` name the program and any group before. */
function leadingSyntax(syntax: ProgramSyntax, keys: readonly string[]): ProgramSyntax {
  const more = keys.flatMap((key) => [...(LEADING_VALUES[key] ?? [])]);
  return more.length > 0 ? { ...syntax, values: new Set([...(syntax.values ?? []), ...more]) } : syntax;
}

/** `kubectl delete` as program and sub-command, split once for the rules that name it. */
const COMMAND_NAMES = new Map<string, [string, string | undefined]>();

export class Invocation {
  /** The program the tables file this one under (`egrep` is `grep`). */
  readonly kind: string;
  readonly options: readonly Option[];
  readonly operands: readonly string[];
  /** E.g. `get`, `rollout status`, `system prune`, `ps:scale`; undefined for programs without. */
  readonly subcommand?: string;
  /** Operands after the sub-command. */
  readonly rest: readonly string[];
  /** Index in `words` of the first word after the sub-command (0 when there is none). */
  readonly afterSubcommand: number = 0;

  constructor(
    /** The program's name without its directory, e.g. `rm` for `/bin/rm`. */
    readonly program: string,
    /** The words after the program. */
    readonly words: readonly Arg[],
    /** The program's own word, as written. */
    readonly programWord: Arg,
  ) {
    this.kind = SAME_AS[program] ?? program;
    const syntax = syntaxOf(this.kind);
    const args = this.args;
    if (!syntax.subcommand) {
      const parsed = parseArgs(args, syntax);
      this.options = parsed.options;
      this.operands = parsed.operands;
      this.rest = parsed.operands;
      return;
    }
    // The sub-command's words are the first operands, each after the options before it (read
    // with the global options' values); the remaining words are read with the program's syntax.
    const sub = syntax.subcommand;
    const groups = MORE_GROUPS[this.kind] ? new Set([...(sub.groups ?? []), ...MORE_GROUPS[this.kind]]) : sub.groups;
    const options: Option[] = [];
    /** As written, and as matched (lower case for programs that take either). */
    const written: string[] = [];
    const names: string[] = [];
    let at = 0;
    let wanted = sub.words ?? 1;
    while (names.length < wanted && at < args.length) {
      const keys = names.length === 0 ? [this.kind] : [this.kind, `${this.kind} ${names.join(' ')}`];
      const leading = parseArgs(args.slice(at), leadingSyntax(syntax, keys), true);
      options.push(...leading.options.map((o) => ({ ...o, index: o.index + at })));
      if (leading.firstOperand >= args.length - at) {
        at = args.length;
        break;
      }
      const word = args[at + leading.firstOperand];
      written.push(word);
      names.push(sub.anyCase ? word.toLowerCase() : word);
      at += leading.firstOperand + 1;
      if (names.length === 1 && sub.words === undefined && groups?.has(names[0]) && at < args.length) wanted = 2;
    }
    const parsed = parseArgs(args.slice(at), syntax);
    this.options = [...options, ...parsed.options.map((o) => ({ ...o, index: o.index + at }))];
    this.operands = [...written, ...parsed.operands];
    if (names.length > 0) this.subcommand = names.join(' ');
    this.rest = parsed.operands;
    this.afterSubcommand = names.length > 0 ? at : 0;
  }

  /** The words' values. */
  get args(): string[] {
    return this.words.map((w) => w.value);
  }

  /** Whether any of these options is given, e.g. `has('-f', '--follow')`. */
  has(...names: string[]): boolean {
    return this.options.some((o) => names.includes(o.name));
  }

  /** The value of the last of these options given. */
  value(...names: string[]): string | undefined {
    let found: string | undefined;
    for (const o of this.options) if (names.includes(o.name) && o.value !== undefined) found = o.value;
    return found;
  }

  /** Every value given to these options. */
  values(...names: string[]): string[] {
    return this.options.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as string);
  }

  /** Whether this is one of these commands: a program (`rm`) or a program and sub-command (`kubectl delete`). */
  is(commands: string | readonly string[]): boolean {
    if (typeof commands === 'string') return this.isOne(commands);
    return commands.some((command) => this.isOne(command));
  }

  private isOne(command: string): boolean {
    let split = COMMAND_NAMES.get(command);
    if (!split) {
      const space = command.indexOf(' ');
      split = space < 0 ? [command, undefined] : [command.slice(0, space), command.slice(space + 1)];
      COMMAND_NAMES.set(command, split);
    }
    return split[0] === this.kind && (split[1] === undefined || split[1] === this.subcommand);
  }

  /** `kubectl get` for people. */
  get label(): string {
    return this.subcommand ? `${this.program} ${this.subcommand}` : this.program;
  }
}
