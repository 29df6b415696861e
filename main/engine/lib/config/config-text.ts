import fs from 'node:fs';
import { ConfigError } from './config-errors';
import { formatBytes } from './duration';

/**
 * The largest config file Trayage reads. A real monitors file is a few kilobytes; 5 MB holds
 * about 100,000 short monitors and still parses in seconds, where a 50 MB one took half a minute
 * and gigabytes of memory.
 */
export const MAX_CONFIG_BYTES = 5 * 1024 * 1024;

/**
 * The file's text, reading no more than one byte past `maxBytes`: a huge file (or a device such as
 * /dev/zero) then costs no more than that, and `checkConfigSize` reports it as too big.
 */
export function readBoundedText(file: string, maxBytes = MAX_CONFIG_BYTES): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Like `readBoundedText`, with a failure to read reported as a problem with the whole file (no
 * line to point at) in plain words: what is wrong with the path and what to do, not an errno.
 * `what` names the file in messages, e.g. 'monitors file'.
 */
export function readConfigText(file: string, maxBytes = MAX_CONFIG_BYTES, what = 'config file'): string {
  try {
    return readBoundedText(file, maxBytes);
  } catch (err) {
    throw new ConfigError([{ file, line: 1, column: 1, wholeFile: true, message: unreadableReason(err as NodeJS.ErrnoException, what) }]);
  }
}

function unreadableReason(err: NodeJS.ErrnoException, what: string): string {
  switch (err?.code) {
    case 'ENOENT':
      return 'there is no such file (check the path)';
    case 'ENOTDIR':
      return 'a folder on this path is a file (check the path)';
    case 'EISDIR':
      return `is a directory, not a ${what}`;
    case 'EACCES':
    case 'EPERM':
      return `cannot be read: permission denied (check the ${what}'s permissions)`;
    case 'ELOOP':
      return 'is a symbolic link that leads back to itself (check the link)';
    case 'ENAMETOOLONG':
      return 'the path is too long (check the path)';
    default:
      return `cannot be read (${err?.code ?? String(err?.message ?? err).split('\n')[0]})`;
  }
}

/** Refuses text over `maxBytes` before any parsing, whose time and memory grow with the size. */
export function checkConfigSize(text: string, file: string, maxBytes = MAX_CONFIG_BYTES): void {
  // A character takes at least one byte, so only text close to the limit needs counting.
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text, 'utf8') <= maxBytes) return;
  throw new ConfigError([
    { file, line: 1, column: 1, message: `the file is larger than ${formatBytes(maxBytes)}, the most Trayage reads from a config file; remove entries or long values` },
  ]);
}

/** Whether a config file holds only blank lines and comments: emptied by mistake (`: > file`), not written empty on purpose. */
export function holdsNothing(text: string): boolean {
  // One line starting with anything but a comment is content; the search stops there.
  return !/^[ \t\uFEFF]*[^\s#]/m.test(text);
}
