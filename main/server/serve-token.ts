import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServeError } from './serve-error';

export const TOKEN_FILE_NAME = 'serve.token';
// 24 random bytes in base64url: also a valid WebSocket subprotocol name, which the page sends it in.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

// The token belongs to the data directory, not to one run of `serve`, so a tab left open reconnects
// by itself after a restart. It grants everything the windows can do, SSH runs included: only its
// owner may read the file. Rotating it (--new-token, or deleting the file) locks out every open tab.
export function loadServeToken(dataDir: string, rotate: boolean, warn: (text: string) => void): string {
  const file = path.join(dataDir, TOKEN_FILE_NAME);
  if (!rotate) {
    const existing = readToken(file, warn);
    if (existing !== null) return existing;
  }
  const token = crypto.randomBytes(24).toString('base64url');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Written beside and renamed over, so a serve starting meanwhile reads the old token or the new one, never half.
  const fresh = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(fresh, `${token}\n`, { mode: 0o600, flag: 'wx' });
  fs.renameSync(fresh, file);
  return token;
}

function readToken(file: string, warn: (text: string) => void): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (!TOKEN_SHAPE.test(text)) {
    throw new ServeError(`${file} does not hold a serve token; delete it (or start with --new-token) to make a new one.`);
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    fs.chmodSync(file, 0o600);
    warn(`${file} was readable by others (mode ${mode.toString(8)}); made it private. Start with --new-token if anyone may have read it.`);
  }
  return text;
}
