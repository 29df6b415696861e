import { ChildProcess } from 'node:child_process';
import { vi } from 'vitest';

/**
 * Counts the child processes this process starts from now on: spawn, execFile, exec and fork all
 * start theirs through ChildProcess.prototype.spawn (not in Node's typings, hence the cast).
 */
export function spyOnChildStarts() {
  return vi.spyOn(ChildProcess.prototype as unknown as { spawn: (options: unknown) => void }, 'spawn');
}
