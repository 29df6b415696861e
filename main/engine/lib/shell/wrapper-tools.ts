// Wrappers on this machine that run a command under a tracer, scheduler or tool runner:
// `strace rm …`, `taskset -c 0 rm …`, `parallel rm ::: …`, `bundle exec rake …`. Each says what
// runs inside, so that it is judged like any other command.
import type { CommandInput } from './command-input';
import type { Invocation } from './invocation';
import { valueSet } from './options';
import { fromInput, joined, lead, Leading, runsCommand, type Inner, type WrapperRule } from './wrapper-args';

const STRACE_VALUES = '-o --output -e -p --attach -P --trace-path -s --string-limit -u --user -E --env -I --interruptible -a --columns -b --detach-on -X --const-print-style -O -S --summary-sort-by -U --summary-columns';
const LTRACE_VALUES = '-o --output -e -p -s -u -a --align -n --indent -A -D --debug -F --config -l --library -L -x -w --where';

/** strace and ltrace run the command after their options, or attach to a running process. */
function tracer(values: string): WrapperRule {
  return {
    inner: runsCommand(values),
    own: (inv) => {
      const own = lead(inv, values);
      if (own.has('-o', '--output')) return `\`${inv.program} -o\` writes its trace to a file`;
      return own.has('-p', '--attach') ? `\`${inv.program} -p\` attaches to a running process, slowing it down` : null;
    },
  };
}

/** chrt and taskset: `PRIORITY|MASK COMMAND…`, or `-p` to change a running process. */
function scheduler(values: string): WrapperRule {
  return {
    inner: (inv, input) => (lead(inv, values).has('-p', '--pid') ? [] : runsCommand(values, 1)(inv, input)),
    own: (inv) => {
      const own = lead(inv, values);
      // `taskset -p PID` and `chrt -p PID` only show the setting; with a value before the PID they change it.
      return own.has('-p', '--pid') && own.rest.length > 1 ? `\`${inv.program} -p\` changes how a running process is scheduled` : null;
    },
  };
}

const SYSTEMD_RUN_VALUES = `-u --unit -p --property --description --slice -E --setenv --uid --gid -M --machine -H --host --nice
  --working-directory --on-active --on-boot --on-startup --on-unit-active --on-unit-inactive --on-calendar --on-clock-change
  --timer-property --path-property --socket-property --service-type`;

const SCRIPT_VALUES = '-c --command -E --echo -I --log-in -O --log-out -B --log-io -T --log-timing -m --logging-format -o --output-limit';

/** `script -c 'COMMAND' [FILE]`: runs the command, recording the session to FILE (`typescript` by default). */
function script(inv: Invocation, input: CommandInput): Inner[] {
  const own = new Leading(inv.words, { values: valueSet(SCRIPT_VALUES) }, false);
  const command = own.value('-c', '--command');
  if (command) return [{ kind: 'script', text: command.literal ? command.text : null, what: '`script -c`' }];
  return [fromInput(input, 'script', 'the commands typed into `script`')];
}

const PARALLEL_VALUES = `-j --jobs -P --max-procs -S --sshlogin --sshloginfile --slf --joblog -a --arg-file --colsep -C --delay
  --timeout --results --res --tmpdir -N -n --max-args -L --max-lines -I --replace -E --eof -d --delimiter --workdir --wd --env
  --halt --memfree --load --retries --tagstring --basefile --bf --return --rpl --termseq --block --blocksize --recstart --recend
  --header --shell-quote-args`;

/** GNU parallel runs the words before `:::` as a shell command for each argument, or each input line as a command. */
function parallel(inv: Invocation, input: CommandInput): Inner[] {
  const rest = lead(inv, PARALLEL_VALUES).rest;
  const end = rest.findIndex((w) => /^:{3,4}\+?$/.test(w.value));
  const command = end < 0 ? rest : rest.slice(0, end);
  if (command.length > 0) return [{ kind: 'script', text: joined(command), what: '`parallel`' }];
  return end < 0 ? [fromInput(input, 'parallel', 'the commands given to `parallel`')] : [];
}

/** `ip netns exec NAME COMMAND…` (`ip -all netns exec COMMAND…` runs it in every namespace). */
function ipNetns(inv: Invocation): Inner[] {
  const at = inv.words.findIndex((w) => w.value === 'netns');
  if (at < 0 || !/^e(x(e(c)?)?)?$/.test(inv.words[at + 1]?.value ?? '')) return [];
  const words = inv.words.slice(at + (inv.args.includes('-all') || inv.args.includes('-a') ? 2 : 3));
  return words.length > 0 ? [{ kind: 'command', words }] : [];
}

/** `git submodule [--quiet] foreach [--recursive] COMMAND`: the words are one shell command, run in each submodule. */
function submodules(inv: Invocation): Inner[] {
  const words = inv.words.slice(inv.afterSubcommand).filter((w) => !/^(--recursive|-q|--quiet)$/.test(w.value));
  return words.length > 0 ? [{ kind: 'script', text: joined(words), what: '`git submodule foreach`' }] : [];
}

export const TOOL_WRAPPERS: Readonly<Record<string, WrapperRule>> = {
  strace: tracer(STRACE_VALUES),
  ltrace: tracer(LTRACE_VALUES),
  chrt: scheduler('-T --sched-runtime -P --sched-period -D --sched-deadline'),
  taskset: scheduler(''),
  unbuffer: { inner: runsCommand() },
  'systemd-run': {
    inner: (inv) => {
      const own = lead(inv, SYSTEMD_RUN_VALUES);
      if (own.rest.length > 0) return [{ kind: 'command', words: own.rest }];
      return own.has('-S', '--shell') ? [{ kind: 'unknown', reason: '`systemd-run --shell` opens a shell' }] : [];
    },
    own: () => '`systemd-run` starts a transient service (or timer) that runs the command',
  },
  script: {
    inner: script,
    own: (inv) => {
      const file = new Leading(inv.words, { values: valueSet(SCRIPT_VALUES) }, false).operands[0];
      return file === '/dev/null' ? null : `\`script\` records the session to ${file ?? 'the file `typescript`'}`;
    },
  },
  parallel: {
    inner: parallel,
    own: (inv) => (lead(inv, PARALLEL_VALUES).has('--joblog', '--results', '--res', '--files', '--output-as-files') ? '`parallel --joblog`/`--results` writes files' : null),
  },
  // `bundle exec CMD` runs CMD with the project's gems; other bundle commands are judged by the table.
  bundle: {
    inner: (inv) => {
      const at = inv.words.findIndex((w) => !w.value.startsWith('-'));
      const words = inv.words[at]?.value === 'exec' ? lead(inv, '--gemfile', at + 1).rest : [];
      return words.length > 0 ? [{ kind: 'command', words }] : [];
    },
    judgedByTable: true,
  },
  npx: {
    inner: (inv) => {
      const own = lead(inv, '-p --package -c --call');
      const call = own.value('-c', '--call');
      if (call) return [{ kind: 'script', text: call.literal ? call.text : null, what: '`npx -c`' }];
      return own.rest.length > 0 ? [{ kind: 'command', words: own.rest }] : [];
    },
    own: () => '`npx` can download a package and run it',
  },
  ip: { inner: ipNetns, judgedByTable: true },
  'git submodule foreach': { inner: submodules },
};
