import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE_NAME = 'engine.lock';

export type LockResult = { held: true; release(): void } | { held: false; ownerPid: number };

// Engines holding a lock in this process: a pid check cannot tell two of them apart.
const heldHere = new Set<string>();

/**
 * One engine per data directory runs the background work (monitors, sources, timers, delivery);
 * a second one would check and notify everything twice. The lock is a file naming its owner's
 * pid; a lock left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): LockResult {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (heldHere.has(file)) return { held: false, ownerPid: process.pid };
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      heldHere.add(file);
      return { held: true, release: () => release(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(file);
    if (owner !== null && owner !== process.pid && alive(owner)) return { held: false, ownerPid: owner };
    fs.rmSync(file, { force: true });
  }
  return { held: false, ownerPid: readOwner(file) ?? -1 };
}

function release(file: string): void {
  if (!heldHere.delete(file)) return;
  if (readOwner(file) === process.pid) fs.rmSync(file, { force: true });
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
