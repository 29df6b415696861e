import path from 'node:path';
import { defaultDataDir } from '../../engine/paths';
import { type CliIo as ProcedureIo, runProcedureCli } from '../run/procedure-cli';
import { readCliRunContext } from '../run/cli-context';
import type { PassphrasePrompt } from '../../engine/lib/ssh/ssh-auth';
import type { CliCommand } from '../cli-types';
import { UsageError } from '../cli-types';
import { withEngine } from '../open-engine';

const usage =
  'trayage run PROCEDURE --host HOST [--param NAME=VALUE]… [--confirm HOST] [--trust SHA256:…] [--ssh-config FILE] [--known-hosts FILE] [--dry-run] [--json] [--data-dir DIR]';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run a procedure over SSH and print each step (exit 0 ok, 1 failed, 2 usage, 3 host key, 4 needs --confirm)',
  usage,
  async run(args, io) {
    const { dataDir, rest } = takeDataDir(args);
    const resolvedDir = path.resolve(dataDir ?? defaultDataDir());
    const context = await withEngine(resolvedDir, (engine) => readCliRunContext(engine));
    const extra: string[] = [];
    if (context.sshConfigPath && !hasFlag(rest, '--ssh-config')) extra.push('--ssh-config', context.sshConfigPath);
    if (!hasFlag(rest, '--known-hosts')) for (const file of context.knownHostsFiles) extra.push('--known-hosts', file);

    // Ctrl-C closes the running command's channel; the run then reports "cancelled".
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    const out = lineWriter(io.out);
    const err = lineWriter(io.err);
    const procedureIo: ProcedureIo = { stdout: out.write, stderr: err.write };
    try {
      return await runProcedureCli([...rest, ...extra], procedureIo, {
        procedures: context.procedures,
        dataDir: resolvedDir,
        signal: controller.signal,
        askPassphrase: terminalPassphrase(),
      });
    } finally {
      process.off('SIGINT', stop);
      out.flush();
      err.flush();
    }
  },
};

export function takeDataDir(args: string[]): { dataDir: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data-dir') {
      if (i + 1 >= args.length) throw new UsageError('--data-dir needs a directory.', usage);
      dataDir = args[++i];
    } else if (args[i].startsWith('--data-dir=')) {
      dataDir = args[i].slice('--data-dir='.length);
    } else {
      rest.push(args[i]);
    }
  }
  return { dataDir, rest };
}

function hasFlag(args: string[], flag: string): boolean {
  return args.some((a) => a === flag || a.startsWith(`${flag}=`));
}

// The procedure runner streams text in arbitrary pieces; the CLI's writers print whole lines.
export function lineWriter(emit: (text: string) => void) {
  let pending = '';
  return {
    write: (text: string) => {
      pending += text;
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      emit(pending.slice(0, end));
      pending = pending.slice(end + 1);
    },
    flush: () => {
      if (pending) emit(pending);
      pending = '';
    },
  };
}

// Asks on the terminal without echo; off a terminal, encrypted keys are
// skipped (the error then suggests ssh-agent).
function terminalPassphrase(): PassphrasePrompt | undefined {
  const input = process.stdin;
  if (!input.isTTY || !process.stderr.isTTY) return undefined;
  return ({ alias, keyPath, attempt }) =>
    new Promise((resolve) => {
      process.stderr.write(`${attempt > 1 ? 'Wrong passphrase. ' : ''}Passphrase for ${keyPath} (${alias}; empty to skip): `);
      let typed = '';
      const done = (value: string | null) => {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
        process.stderr.write('\n');
        resolve(value);
      };
      const onData = (data: Buffer) => {
        for (const ch of data.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return done(typed || null);
          if (ch === '\u0003') return done(null);
          typed = ch === '\u007f' || ch === '\b' ? typed.slice(0, -1) : typed + ch;
        }
      };
      input.setRawMode(true);
      input.resume();
      input.on('data', onData);
    });
}
