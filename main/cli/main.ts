import { internalErrorLine } from './internal-error';
import { runCli } from './run-cli';

// Node would print a stack trace and exit; a person gets one line saying what to report instead.
process.on('uncaughtException', (err) => {
  process.stderr.write(`${internalErrorLine('trayage', err)}\n`);
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`${internalErrorLine('trayage', reason)}\n`);
  process.exit(1);
});

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  // runCli answers every error of a command itself; this catches only a failure before one started.
  (err: unknown) => {
    process.stderr.write(`${internalErrorLine('trayage', err)}\n`);
    process.exitCode = 1;
  },
);
