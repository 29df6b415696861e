// Commands that destroy data, stop services or machines, or roll back: the stronger flag,
// asked about by name before they run. Rules are tried in order and the first that matches
// a command gives its reason, so a specific rule (`rm -r`) comes before a general one (`rm`).
// The rules are tables, one file per domain; this file matches a command against them.
import type { CommandInput } from './command-input';
import { CLOUD_RULES } from './destructive-cloud';
import { CLUSTER_RULES } from './destructive-clusters';
import { DATA_RULES } from './destructive-data';
import { FILE_RULES } from './destructive-files';
import type { DestructiveRule } from './destructive-rule';
import { SERVICE_RULES } from './destructive-services';
import type { Invocation } from './invocation';
import { syntaxOf } from './program-syntax';

export type { DestructiveRule } from './destructive-rule';

export const DESTRUCTIVE_RULES: readonly DestructiveRule[] = [...FILE_RULES, ...SERVICE_RULES, ...CLUSTER_RULES, ...CLOUD_RULES, ...DATA_RULES];

/** The rules by program, in table order, so that a command is only tried against its own. */
const RULES_BY_PROGRAM = new Map<string, DestructiveRule[]>();
for (const rule of DESTRUCTIVE_RULES) {
  const programs = new Set((typeof rule.command === 'string' ? [rule.command] : rule.command).map((c) => c.split(' ')[0]));
  for (const program of programs) RULES_BY_PROGRAM.set(program, [...(RULES_BY_PROGRAM.get(program) ?? []), rule]);
}

/** Scripts run from the init directories, `/etc/init.d/mysql stop`: their rules are filed under `init.d`. */
const INIT_SCRIPT = /^\/etc\/(rc\.d\/)?init\.d\/[^/]+$/;

/**
 * The operands that can start a program's command words when the syntax gives it no
 * sub-commands (`etcdctl del`): the first, and the first that is not right after an option,
 * since the option may have taken it as its value (`etcdctl --endpoints host del`).
 */
function commandStarts(inv: Invocation): number[] {
  const args = inv.args;
  const starts: number[] = [];
  let operand = 0;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--') break;
    if (args[i].startsWith('-') && args[i] !== '-') continue;
    const previous = args[i - 1] ?? '';
    const afterBareOption = previous.startsWith('-') && previous !== '-' && !previous.includes('=');
    if (operand === 0) starts.push(0);
    if (!afterBareOption) {
      if (operand > 0) starts.push(operand);
      break;
    }
    operand += 1;
  }
  return starts;
}

/** Whether the command is this one: a program (`rm`), or a program and its command words (`kubectl delete`, `vault kv delete`). */
function isCommand(inv: Invocation, kind: string, command: string): boolean {
  const space = command.indexOf(' ');
  if (space < 0) return command === kind;
  if (command.slice(0, space) !== kind) return false;
  const words = command.slice(space + 1).split(' ');
  if (syntaxOf(inv.kind).subcommand) {
    // Also deeper than the syntax splits them: `vault kv metadata delete` is `kv metadata` and `delete`.
    if (inv.subcommand === undefined) return false;
    const named = [...inv.subcommand.split(' '), ...inv.rest];
    return inv.is(command) || (words.length > inv.subcommand.split(' ').length && words.every((w, i) => named[i] === w));
  }
  return commandStarts(inv).some((start) => words.every((w, i) => inv.operands[start + i] === w));
}

/**
 * A script of the team's own, named as a rollback or asked for one: `./rollback.sh`,
 * `bash rollback.sh`, `./deploy.sh --rollback`, `make rollback`. A name may hold the word
 * (`db-rollback.sh`); an option must be it (`--rollback-on-failure` asks for no rollback now).
 */
const ROLLBACK_NAME = /(^|[-_.:])(rollback|roll-back|revert|downgrade)([-_.:]|$)/i;
const ROLLBACK_ARG = /^(rollback|roll-back|revert|downgrade|undo)$/i;
/** Programs that run the script named by their first operand. */
const INTERPRETERS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'python', 'python3', 'ruby', 'perl', 'node']);

function rollbackScript(inv: Invocation): string | null {
  // Not with code given inline or options that take a value (`-c`, `-e`, `-m`, `-o`).
  const script = INTERPRETERS.has(inv.kind) && !inv.has('-c', '-e', '-m', '-o', '-O') ? inv.operands[0] : undefined;
  const path = script ?? inv.programWord.value;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ownScript = script !== undefined || path.includes('/') || /\.(sh|bash|py|rb)$/.test(path);
  if (ownScript && ROLLBACK_NAME.test(name)) return `\`${name}\` is named as a rollback`;
  const args = script !== undefined ? inv.args.slice(inv.args.indexOf(script) + 1) : inv.args;
  const target = inv.kind === 'make' || inv.kind === 'just';
  const asked = args.find((a) => ROLLBACK_ARG.test(a.replace(/^--?/, '').split('=')[0]) || (target && !a.startsWith('-') && ROLLBACK_NAME.test(a)));
  if ((ownScript || target) && asked) return `\`${name} ${asked}\` asks for a rollback`;
  return null;
}

/** Why the command is destructive; empty when it is not. */
export function destructiveReasons(inv: Invocation, input: CommandInput): string[] {
  const kind = INIT_SCRIPT.test(inv.programWord.value) ? 'init.d' : inv.kind;
  for (const rule of RULES_BY_PROGRAM.get(kind) ?? []) {
    const commands = typeof rule.command === 'string' ? [rule.command] : rule.command;
    if (!commands.some((command) => isCommand(inv, kind, command)) || (rule.when && !rule.when(inv, input))) continue;
    if (rule.reasons) {
      const found = rule.reasons(inv, input);
      if (found.length > 0) return found;
      continue;
    }
    return rule.harmless || !rule.reason ? [] : [rule.reason.replace('{program}', inv.program)];
  }
  const rollback = rollbackScript(inv);
  return rollback ? [rollback] : [];
}
