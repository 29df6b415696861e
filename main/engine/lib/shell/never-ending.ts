// Commands that never end on their own (`tail -f`, `watch`, `top`), with, where there is
// one, a form that shows the same thing once and ends (`tail -n 200`, `top -b -n 1`).
import type { CommandInput } from './command-input';
import type { Invocation } from './invocation';
import { parseArgs } from './options';
import { PROGRAM_SYNTAX } from './program-syntax';

export interface NeverEnding {
  reason: string;
  /** The whole command rewritten so that it ends, when there is such a form. */
  bounded?: string;
}

/** Builds a bounded form from the words as written: only the words that change are new. */
class Rewrite {
  private words: string[];

  constructor(private readonly inv: Invocation) {
    this.words = inv.words.map((w) => w.source);
  }

  /** Removes options: long ones whole (`--follow`, `--follow=name`), short ones from their cluster (`-fu` → `-u`). */
  without(longs: string[], shorts = ''): this {
    const kept: string[] = [];
    this.inv.words.forEach((word, i) => {
      const value = word.value;
      if (value.startsWith('--') && longs.includes(value.split('=')[0])) return;
      if (shorts && /^-[A-Za-z]+$/.test(value)) {
        const letters = [...value.slice(1)].filter((c) => !shorts.includes(c)).join('');
        if (letters !== value.slice(1)) {
          if (letters) kept.push(`-${letters}`);
          return;
        }
      }
      kept.push(this.words[i]);
    });
    this.words = kept;
    return this;
  }

  /** Adds words right after the sub-command, or after the program when there is none. */
  with(...added: string[]): this {
    const last = this.inv.subcommand?.split(' ').pop();
    const at = last === undefined ? 0 : this.words.findIndex((w) => w === last) + 1;
    this.words.splice(at, 0, ...added);
    return this;
  }

  /** Adds words at the end. */
  then(...added: string[]): this {
    this.words.push(...added);
    return this;
  }

  toString(): string {
    return [this.inv.programWord.source, ...this.words].join(' ');
  }
}

interface NeverRule {
  /** A program, or a program and sub-command. */
  command: string | readonly string[];
  when?: (inv: Invocation, input: CommandInput) => boolean;
  reason: string;
  bounded?: (inv: Invocation) => string;
}

function following(inv: Invocation): boolean {
  return inv.has('-f', '--follow');
}

function numbers(inv: Invocation): number {
  return inv.operands.filter((o) => /^\d+(\.\d+)?$/.test(o)).length;
}

/** Keyed like the other tables; `{program}` in a reason is the program's name. */
export const NEVER_ENDING_RULES: readonly NeverRule[] = [
  // Following logs and files.
  {
    command: 'tail',
    when: (inv) => inv.has('-f', '-F', '--follow'),
    reason: '`tail -f` follows the file and never ends',
    bounded: (inv) => new Rewrite(inv).without(['--follow', '--retry'], 'fF').with(...(inv.has('-n', '--lines') ? [] : ['-n', '200'])).toString(),
  },
  {
    command: 'kubectl logs',
    when: following,
    reason: '`kubectl logs -f` follows the log and never ends',
    bounded: (inv) => new Rewrite(inv).without(['--follow'], 'f').with(...(inv.has('--tail') ? [] : ['--tail=200'])).toString(),
  },
  {
    command: ['docker logs', 'docker container logs', 'docker service logs', 'docker compose logs', 'docker-compose logs'],
    when: following,
    reason: '`docker logs -f` follows the log and never ends',
    bounded: (inv) => new Rewrite(inv).without(['--follow'], 'f').with(...(inv.has('--tail', '-n') ? [] : ['--tail', '200'])).toString(),
  },
  {
    command: 'journalctl',
    when: following,
    reason: '`journalctl -f` follows the journal and never ends',
    bounded: (inv) => new Rewrite(inv).without(['--follow'], 'f').then(...(inv.has('-n', '--lines') ? [] : ['-n', '200'])).toString(),
  },
  {
    command: 'heroku logs',
    when: (inv) => inv.has('-t', '--tail'),
    reason: '`heroku logs --tail` streams the log and never ends',
    bounded: (inv) => new Rewrite(inv).without(['--tail'], 't').with(...(inv.has('-n', '--num') ? [] : ['-n', '200'])).toString(),
  },
  {
    command: 'fly logs',
    when: (inv) => !inv.has('--no-tail'),
    reason: '`fly logs` streams the log and never ends without `--no-tail`',
    bounded: (inv) => new Rewrite(inv).with('--no-tail').toString(),
  },
  {
    command: 'aws',
    when: (inv) => inv.subcommand === 'logs tail' && inv.has('--follow'),
    reason: '`aws logs tail --follow` streams the log and never ends',
    bounded: (inv) => new Rewrite(inv).without(['--follow']).toString(),
  },
  {
    command: 'pm2 logs',
    when: (inv) => !inv.has('--nostream'),
    reason: '`pm2 logs` streams the logs and never ends without `--nostream`',
    bounded: (inv) => new Rewrite(inv).with('--nostream', ...(inv.has('--lines') ? [] : ['--lines', '200'])).toString(),
  },
  {
    command: 'supervisorctl tail',
    when: (inv) => inv.args.includes('-f'),
    reason: '`supervisorctl tail -f` follows the log and never ends',
    bounded: (inv) => new Rewrite(inv).without([], 'f').toString(),
  },
  {
    command: 'stern',
    when: (inv) => !inv.has('--no-follow'),
    reason: '`stern` follows the logs and never ends without `--no-follow`',
    bounded: (inv) => new Rewrite(inv).then('--no-follow').toString(),
  },
  {
    command: 'dmesg',
    when: (inv) => inv.has('-w', '-W', '--follow', '--follow-new'),
    reason: '`dmesg -w` waits for new kernel messages and never ends',
    bounded: (inv) => new Rewrite(inv).without(['--follow', '--follow-new'], 'wW').toString(),
  },

  // Watching resources.
  {
    command: ['kubectl get', 'kubectl events'],
    when: (inv) => inv.has('-w', '--watch', '--watch-only'),
    reason: '`kubectl get -w` watches for changes and never ends',
    bounded: (inv) => new Rewrite(inv).without(['--watch', '--watch-only'], 'w').toString(),
  },
  { command: ['kubectl port-forward', 'kubectl proxy', 'kubectl attach'], reason: '`kubectl {subcommand}` runs until it is stopped' },
  {
    command: ['docker stats', 'docker container stats', 'docker compose stats'],
    when: (inv) => !inv.has('--no-stream'),
    reason: '`docker stats` streams until it is stopped',
    bounded: (inv) => new Rewrite(inv).with('--no-stream').toString(),
  },
  {
    command: ['docker events', 'docker system events'],
    when: (inv) => !inv.has('--until'),
    reason: '`docker events` waits for new events and never ends without `--until`',
    bounded: (inv) => new Rewrite(inv).with(...(inv.has('--since') ? [] : ['--since', '10m']), '--until', '0s').toString(),
  },
  { command: ['docker attach', 'docker container attach'], reason: '`docker attach` stays attached until it is stopped' },
  {
    command: 'watch',
    reason: '`watch` repeats the command until it is stopped',
    // watch joins its arguments into one shell command; run that once.
    bounded: (inv) => inv.words.slice(parseArgs(inv.args, PROGRAM_SYNTAX.watch, true).firstOperand).map((w) => w.value).join(' '),
  },

  // System monitors and interactive programs.
  {
    command: 'top',
    when: (inv) => !(inv.has('-b') && inv.has('-n')),
    reason: '`top` without `-b -n` runs until it is stopped',
    bounded: (inv) => new Rewrite(inv).then(...(inv.has('-b') ? [] : ['-b']), ...(inv.has('-n') ? [] : ['-n', '1'])).toString(),
  },
  { command: ['htop', 'btop', 'glances', 'nmon'], reason: '`{program}` is interactive and runs until it is stopped', bounded: () => 'top -b -n 1' },
  { command: ['iftop', 'nethogs', 'iotop', 'atop', 'mtr', 'vi', 'vim', 'nvim', 'nano', 'emacs', 'mc'], when: (inv) => !inv.has('-b', '--batch', '-r', '--report'), reason: '`{program}` waits for keyboard input' },
  {
    command: ['less', 'more', 'most'],
    reason: '`{program}` waits for keyboard input',
    bounded: (inv) => ['cat', ...inv.words.filter((w) => !w.value.startsWith('-') || w.value === '-').map((w) => w.source)].join(' '),
  },
  {
    command: ['vmstat', 'iostat', 'mpstat', 'pidstat', 'sar'],
    when: (inv) => numbers(inv) === 1,
    reason: '`{program}` with an interval but no count reports until it is stopped',
    bounded: (inv) => new Rewrite(inv).then('5').toString(),
  },
  {
    command: 'free',
    when: (inv) => inv.has('-s', '--seconds') && !inv.has('-c', '--count'),
    reason: '`free -s` without `-c` reports until it is stopped',
    bounded: (inv) => new Rewrite(inv).then('-c', '5').toString(),
  },

  // Network probes.
  {
    command: 'ping',
    when: (inv) => !inv.has('-c', '-w'),
    reason: '`ping` without `-c` pings until it is stopped',
    bounded: (inv) => new Rewrite(inv).with('-c', '4').toString(),
  },
  {
    command: 'tcpdump',
    when: (inv) => !inv.has('-c', '-r'),
    reason: '`tcpdump` without `-c` captures until it is stopped',
    bounded: (inv) => new Rewrite(inv).with('-c', '100').toString(),
  },
  {
    command: 'openssl s_client',
    when: (_inv, input) => input.kind === 'none',
    reason: '`openssl s_client` waits for input after it connects',
    bounded: (inv) => `${new Rewrite(inv)} </dev/null`,
  },
  { command: 'nc', when: (inv) => inv.has('-l'), reason: '`nc -l` listens until it is stopped' },

  // Programs that run forever by design.
  { command: 'sleep', when: (inv) => inv.operands.includes('infinity'), reason: '`sleep infinity` never ends' },
  { command: 'yes', reason: '`yes` prints until it is stopped' },
];

/** Why the command never ends and a form that does, or null when it ends. */
export function neverEnding(inv: Invocation, input: CommandInput): NeverEnding | null {
  const rule = NEVER_ENDING_RULES.find((r) => inv.is(r.command) && (r.when?.(inv, input) ?? true));
  if (!rule) return null;
  const reason = rule.reason.replace('{program}', inv.program).replace('{subcommand}', inv.subcommand ?? '');
  return rule.bounded ? { reason, bounded: rule.bounded(inv) } : { reason };
}
