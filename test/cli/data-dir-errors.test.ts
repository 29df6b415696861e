import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { cli, type CliResult, startCli } from './cli-process';

// A broken data directory, made for real: a truncated or overwritten database file, a read-only
// mount, a full disk (a small tmpfs). Each command says what, where and what to do, in at most two
// lines, without a stack trace, and exits non-zero.

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const TOKEN = 'A'.repeat(32);

function expectExplained(result: CliResult, what: string, says: RegExp, where: string): void {
  expect(result.code, `${what}: exit code (stdout ${result.stdout})`).not.toBe(0);
  expect(result.code, `${what}: ended by itself`).not.toBeNull();
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.length, `${what}: ${result.stderr}`).toBeLessThanOrEqual(2);
  expect(result.stderr, what).not.toMatch(STACK_LINE);
  expect(result.stderr, what).not.toContain('unexpected');
  expect(result.stderr, what).toContain(where);
  expect(result.stderr, what).toMatch(says);
}

// `serve` must stop by itself; one that starts serving on a broken directory fails the test.
async function serve(dataDir: string): Promise<CliResult> {
  const { proc, result } = startCli(['serve', '--data-dir', dataDir, '--port', '0']);
  const guard = setTimeout(() => proc.kill('SIGKILL'), 20_000);
  try {
    return await result;
  } finally {
    clearTimeout(guard);
  }
}

async function freshDatabase(dataDir: string): Promise<string> {
  const declared = await cli('declare', '--title', 'Checkout down', '--severity', 'P2', '--data-dir', dataDir);
  expect(declared.code, declared.stderr).toBe(0);
  // serve reads its token before it opens the database: a valid one lets it get that far.
  fs.writeFileSync(path.join(dataDir, 'serve.token'), `${TOKEN}\n`, { mode: 0o600 });
  return path.join(dataDir, 'trayage.db');
}

const dirs: string[] = [];
const mounts: string[] = [];
afterEach(() => {
  for (const mount of mounts.splice(0)) spawnSync('umount', [mount]);
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function workDir(): string {
  const dir = tempDir('trayage-datadir-');
  dirs.push(dir);
  return dir;
}

function mountTmpfs(dir: string, size: string): void {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
  mounts.push(dir);
}

// A tmpfs needs root (CAP_SYS_ADMIN); CI runs as root. Elsewhere those cases are skipped, and say so.
const mountProblem = ((): string | null => {
  const dir = tempDir('trayage-mount-probe-');
  try {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
    if (mounted.status !== 0) return `cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || '').trim()}); run as root`;
    spawnSync('umount', [dir]);
    return null;
  } finally {
    removeDir(dir);
  }
})();

describe('a damaged database file', () => {
  it('truncated: every command and serve say it is damaged and how to recover', async () => {
    const dataDir = workDir();
    const file = await freshDatabase(dataDir);
    fs.truncateSync(file, 8192);
    expectExplained(await cli('incidents', '--data-dir', dataDir), 'incidents', /damaged .*backup.*move it away/, file);
    expectExplained(await cli('declare', '--title', 'x', '--severity', 'P2', '--data-dir', dataDir), 'declare', /damaged/, file);
    expectExplained(await serve(dataDir), 'serve', /damaged/, file);
  }, 60_000);

  it('overwritten past its header: "not a database" says the same', async () => {
    const dataDir = workDir();
    const file = await freshDatabase(dataDir);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 16);
    fs.closeSync(fd);
    expectExplained(await cli('incidents', '--data-dir', dataDir), 'incidents', /damaged \(not a database any more\)/, file);
    expectExplained(await serve(dataDir), 'serve', /damaged/, file);
  }, 60_000);
});

// Root may write anywhere, so the owner's read-only choice is tested as an ordinary user (nobody).
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

describe.skipIf(!asRoot)(`a data directory its owner made read-only${asRoot ? '' : ' — skipped: needs root to run as another user'}`, () => {
  it('stays read-only: Trayage never gives its owner write access back, and every command says so', async () => {
    const work = workDir();
    fs.chmodSync(work, 0o755);
    const dataDir = path.join(work, 'data');
    const file = await freshDatabase(dataDir);
    spawnSync('chown', ['-R', `${NOBODY.uid}:${NOBODY.gid}`, dataDir]);
    fs.chmodSync(dataDir, 0o555);
    const asNobody = (...args: string[]) => startCli(args, NOBODY).result;
    expectExplained(await asNobody('incidents', '--data-dir', dataDir), 'incidents', /read-only.*writable.*--data-dir/, file);
    expectExplained(await asNobody('declare', '--title', 'x', '--severity', 'P2', '--data-dir', dataDir), 'declare', /read-only/, file);
    // Others lose their access; the owner gains nothing.
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o500);
  }, 60_000);
});

describe.skipIf(mountProblem !== null)(`a read-only or full disk${mountProblem ? ` — skipped: ${mountProblem}` : ''}`, () => {
  it('read-only data directory with an existing database: says it is read-only and what to do', async () => {
    const mount = workDir();
    mountTmpfs(mount, '8m');
    const dataDir = path.join(mount, 'data');
    const file = await freshDatabase(dataDir);
    const remounted = spawnSync('mount', ['-o', 'remount,ro', mount], { encoding: 'utf8' });
    expect(remounted.status, remounted.stderr).toBe(0);
    expectExplained(await cli('incidents', '--data-dir', dataDir), 'incidents', /read-only.*writable.*--data-dir/, file);
    expectExplained(await cli('declare', '--title', 'x', '--severity', 'P2', '--data-dir', dataDir), 'declare', /read-only/, file);
    expectExplained(await serve(dataDir), 'serve', /read-only/, file);
  }, 60_000);

  it('declare on a full disk: says the disk is full and nothing was saved', async () => {
    const mount = workDir();
    mountTmpfs(mount, '2m');
    const dataDir = path.join(mount, 'data');
    const file = await freshDatabase(dataDir);
    const filler = path.join(mount, 'filler');
    fillDisk(filler);
    // Room for SQLite's shared-memory file (32 KiB) but not for the write-ahead log's pages:
    // the database opens and the insert fails with SQLITE_FULL.
    fs.truncateSync(filler, fs.statSync(filler).size - 36 * 1024);
    expectExplained(await cli('declare', '--title', 'x', '--severity', 'P2', '--data-dir', dataDir), 'declare', /disk .* is full.*Free some space/, file);
    // No room at all: SQLite cannot even map its shared memory ("disk I/O error"), and says the same.
    fillDisk(filler);
    expectExplained(await cli('declare', '--title', 'x', '--severity', 'P2', '--data-dir', dataDir), 'declare on a disk with no room left', /is full/, file);
    expectExplained(await serve(dataDir), 'serve', /is full/, file);
    fs.rmSync(filler);
    const listed = await cli('incidents', '--json', '--data-dir', dataDir);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).map((i: { title: string }) => i.title)).toEqual(['Checkout down']);
  }, 60_000);
});

// Appends until the filesystem refuses: ENOSPC is the signal, not a size computed in advance.
function fillDisk(file: string): void {
  const fd = fs.openSync(file, 'a');
  const block = Buffer.alloc(4096);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}
