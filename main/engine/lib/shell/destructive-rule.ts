// The shape of a destructive rule and what the rule tables share to read a command with: split
// from destructive-rules.ts so that the tables, one file per domain, need not import each other.
import type { CommandInput } from './command-input';
import type { Invocation } from './invocation';

export interface DestructiveRule {
  /**
   * A program, or a program and sub-command (`kubectl delete`, `docker system prune`). For a
   * program the syntax gives no sub-commands, the words after it are its first operands
   * (`etcdctl del`, `vault kv delete`).
   */
  command: string | readonly string[];
  /** Further condition, e.g. the option that makes the command destructive. */
  when?: (inv: Invocation, input: CommandInput) => boolean;
  /** What it does, for people; `{program}` is replaced by the program's name. */
  reason?: string;
  /** Matching commands are not destructive and the rules after are skipped (`kill -0` only tests). */
  harmless?: true;
  /** Reasons read from what the command runs, for database clients. */
  reasons?: (inv: Invocation, input: CommandInput) => string[];
}

/** Block devices whose raw contents are file systems: writing to them destroys what is there. */
export const DISK_DEVICE = /^\/dev\/(?:(?:sd|hd|vd|xvd|nvme|mmcblk|dm-|md|loop|rbd|nbd)\w*|mapper\/(?!control$)[^/]+|disk\/by-[\w-]+\/.+)$/;

export function forced(inv: Invocation): boolean {
  return inv.has('-f', '--force');
}

/**
 * The value of the last of these options given; for a program whose syntax does not know the
 * option takes a value, the word after it (`aws ecs update-service --desired-count 0`).
 */
export function valueOf(inv: Invocation, ...names: string[]): string | undefined {
  const given = inv.value(...names);
  if (given !== undefined) return given;
  const bare = [...inv.options].reverse().find((o) => names.includes(o.name) && o.value === undefined && inv.args[o.index] === o.name);
  return bare ? inv.args[bare.index + 1] : undefined;
}

/** `0`, also written `00`: a count of nothing. */
export function isZero(value: string | undefined): boolean {
  return value !== undefined && /^0+$/.test(value.trim());
}

/** Whether these words come one after another among the operands: `instances stop` in `gcloud compute instances stop web-1`. */
export function says(inv: Invocation, phrase: string): boolean {
  const words = phrase.split(' ');
  const operands = inv.operands;
  for (let i = 0; i + words.length <= operands.length; i += 1) {
    if (words.every((w, j) => operands[i + j] === w)) return true;
  }
  return false;
}

/**
 * The words that name what a cloud CLI does: those before its first option (`az vm stop -g rg
 * -n web` is `vm stop`), so that a resource's name is not taken for a verb.
 */
export function commandWords(inv: Invocation): readonly string[] {
  const firstOption = inv.args.findIndex((a) => a.startsWith('-'));
  const leading = firstOption < 0 ? inv.args : inv.args.slice(0, firstOption);
  return leading.length > 0 ? leading : inv.operands;
}
