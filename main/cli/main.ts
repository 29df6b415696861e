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

// `trayage notices | head`: once the reader has gone, what is left to print is dropped, and the
// command still finishes what it was doing (a procedure run is not cut off half-way).
let stdoutGone = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  stdoutGone = true;
});

runCli(process.argv.slice(2), {
  out: (text) => {
    if (!stdoutGone) process.stdout.write(`${text}\n`);
  },
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
