// Where and on what a benchmark ran, so a figure quoted in README can be traced to a commit and a machine state.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

// Files changed or added since the commit make the figures those of the work tree, and the line says so.
export function commit() {
  try {
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain') === '' ? head : `${head} + uncommitted changes`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export function machine() {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model ?? 'cpu'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' / ');
