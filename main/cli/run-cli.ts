import { StoreError } from '../engine/db/store-error';
import { APP_VERSION } from '../engine/version';
import { type CliIo, EXIT, UsageError } from './cli-types';
import { COMMANDS } from './commands';
import { describeError } from './describe-error';
import { CallError } from './engine-call';
import { showStackTraces } from './internal-error';
import { terminalIo } from './terminal-text';

export function usageText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: trayage <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n  ${''.padEnd(width)}  ${c.usage}`),
    '',
    'Options:',
    '  --help     Show this help',
    '  --version  Print the version',
    '  --debug    With any command: print the stack trace of an internal error',
  ].join('\n');
}

export async function runCli(argv: string[], terminal: CliIo): Promise<number> {
  const io = terminalIo(terminal);
  // Anywhere on the line, so it can be added to a command that just failed without reordering it.
  const debug = argv.includes('--debug');
  showStackTraces(debug);
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (name === '--version' || name === '-v') {
    io.out(APP_VERSION);
    return EXIT.ok;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usageText());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(name === undefined ? 'No command given.' : `Unknown command '${name}'.`);
    io.err(usageText());
    return EXIT.usage;
  }
  if (rest.includes('--help')) {
    io.out(`Usage: ${command.usage}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\nUsage: ${err.usage ?? command.usage}`);
      return EXIT.usage;
    }
    if (err instanceof StoreError || err instanceof CallError) {
      io.err(err.message);
      return EXIT.failed;
    }
    io.err(describeError(command.name, err));
    if (debug && err instanceof Error && err.stack) io.err(err.stack);
    return EXIT.failed;
  }
}
