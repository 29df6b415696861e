// One command as the tables see it: program, options, operands and sub-command.
import { parseArgs, type Option } from './options';
import { syntaxOf } from './program-syntax';
import type { Arg } from './word-values';

/** Programs that behave like another one the tables know. */
const SAME_AS: Readonly<Record<string, string>> = {
  egrep: 'grep', fgrep: 'grep', zgrep: 'grep', gawk: 'awk', mawk: 'awk', nawk: 'awk', ping6: 'ping',
  ip6tables: 'iptables', 'iptables-legacy': 'iptables', 'iptables-nft': 'iptables', apache2ctl: 'apachectl',
  flyctl: 'fly', mariadb: 'mysql', oc: 'kubectl', podman: 'docker',
};

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
    const parsed = parseArgs(this.args, syntax);
    this.options = parsed.options;
    this.operands = parsed.operands;
    const sub = syntax.subcommand;
    let taken = 0;
    if (sub && parsed.operands.length > 0) {
      const first = sub.anyCase ? parsed.operands[0].toLowerCase() : parsed.operands[0];
      taken = sub.words ?? (sub.groups?.has(first) && parsed.operands.length > 1 ? 2 : 1);
      const words = parsed.operands.slice(0, taken);
      this.subcommand = (sub.anyCase ? words.map((w) => w.toLowerCase()) : words).join(' ');
    }
    this.rest = parsed.operands.slice(taken);
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
