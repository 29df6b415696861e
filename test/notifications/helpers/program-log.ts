import fs from 'node:fs';
import path from 'node:path';

export interface ProgramLog {
  // A PATH whose first directory holds the logging stand-ins.
  path: string;
  // Each start of a logged program: its name and arguments.
  starts(): { program: string; args: string }[];
  count(program: string): number;
  // The next start of the program fails (exit 1, a line on stderr) without running it.
  failNext(program: string): void;
}

/**
 * Logs every start of the given programs: each is a script in its own directory on PATH that
 * appends a line and then runs the real program, so what the code starts still happens.
 */
export function logProgramStarts(dir: string, programs: string[]): ProgramLog {
  const bin = path.join(dir, 'logged-bin');
  const log = path.join(dir, 'program-starts.log');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(log, '');
  for (const program of programs) {
    const real = findOnPath(program);
    const fail = path.join(bin, `${program}.fail`);
    const script = [
      '#!/bin/sh',
      `printf '%s %s\\n' ${program} "$*" >> '${log}'`,
      `if [ -e '${fail}' ]; then rm -f '${fail}'; echo '${program}: failed as the test asked' >&2; exit 1; fi`,
      `exec '${real}' "$@"`,
    ];
    fs.writeFileSync(path.join(bin, program), `${script.join('\n')}\n`, { mode: 0o755 });
  }
  const starts = () =>
    fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => ({ program: line.split(' ')[0], args: line.slice(line.indexOf(' ') + 1) }));
  return {
    path: [bin, process.env.PATH ?? ''].join(path.delimiter),
    starts,
    count: (program) => starts().filter((s) => s.program === program).length,
    failNext: (program) => fs.writeFileSync(path.join(bin, `${program}.fail`), ''),
  };
}

function findOnPath(program: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, program);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`${program} is not on PATH; install it (Debian: dbus for dbus-send, libnotify-bin for notify-send) and run the test again.`);
}
