import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ImportError, MAX_RUNBOOK_BYTES, tooLarge } from './import-error';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function lineAt(buffer: Buffer, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < buffer.length; i += 1) if (buffer[i] === 0x0a) line += 1;
  return line;
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidByte(buffer: Buffer): number {
  let i = 0;
  while (i < buffer.length) {
    const b = buffer[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > buffer.length) return i;
    for (let k = 1; k < length; k += 1) if ((buffer[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

function openError(path: string, error: NodeJS.ErrnoException): ImportError {
  switch (error.code) {
    case 'ENOENT':
      return new ImportError('not-found', `${path}: no such file. Check the path and try again.`, path);
    case 'EACCES':
    case 'EPERM':
      return new ImportError('unreadable', `${path} cannot be read: permission denied. Check the file's permissions.`, path);
    case 'EISDIR':
      return new ImportError('not-a-file', `${path} is a directory, not a Markdown file.`, path);
    default:
      return new ImportError('unreadable', `${path} cannot be read (${error.code ?? error.message}).`, path);
  }
}

/**
 * Reads a Markdown runbook as text. Refuses, with an `ImportError` naming the file: a missing
 * or unreadable path, a directory, a file over `MAX_RUNBOOK_BYTES` (checked before reading),
 * a binary file (NUL bytes) and text that is not UTF-8.
 */
export function readRunbookFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw openError(path, error as NodeJS.ErrnoException);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw openError(path, Object.assign(new Error('directory'), { code: 'EISDIR' }));
    if (!stat.isFile()) throw new ImportError('not-a-file', `${path} is not a regular file.`, path);
    if (stat.size > MAX_RUNBOOK_BYTES) throw tooLarge(stat.size, path);
    // One byte more than allowed reveals a file that grew after the size check.
    const buffer = Buffer.alloc(MAX_RUNBOOK_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_RUNBOOK_BYTES) throw tooLarge(length, path);
    const bytes = buffer.subarray(0, length);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) throw new ImportError('binary', `${path} is UTF-16 text; save it as UTF-8 and import it again.`, path);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) throw new ImportError('binary', `${path} is UTF-16 text; save it as UTF-8 and import it again.`, path);
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw new ImportError('binary', `${path} is a binary file (NUL byte on line ${lineAt(bytes, nul)}), not a Markdown runbook.`, path);
    try {
      return utf8.decode(bytes);
    } catch {
      const bad = firstInvalidByte(bytes);
      const where = bad >= 0 ? ` (invalid byte on line ${lineAt(bytes, bad)})` : '';
      throw new ImportError('not-utf8', `${path} is not UTF-8 text${where}; save it as UTF-8 and import it again.`, path);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw openError(path, error as NodeJS.ErrnoException);
  } finally {
    closeSync(fd);
  }
}
