import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  // runCli answers every error of a command itself; this catches only a failure before one started.
  (err: unknown) => {
    process.stderr.write(`trayage: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
