import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';

function occupy(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const blocker = net.createServer();
    blocker.once('error', reject);
    blocker.listen(port, '127.0.0.1', () => resolve(blocker));
  });
}

describe('serve keeps its token and port per data directory', () => {
  const dir = tempDir();
  const tokenFile = path.join(dir, 'serve.token');
  afterAll(() => removeDir(dir));

  it('creates serve.token once, private to its owner, and reuses it after a restart', async () => {
    const first = await startServe(dir);
    await first.stop();
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(tokenFile, 'utf8').trim()).toBe(first.token);

    const second = await startServe(dir);
    expect(second.token).toBe(first.token);
    const client = await connectRpc(second.port, first.token);
    expect((await client.call('incidents.declare', { title: 'same token', severity: 'P2' })).result.title).toBe('same token');
    client.close();
    await second.stop();
  });

  it('makes a new token with --new-token and refuses the old one', async () => {
    const old = fs.readFileSync(tokenFile, 'utf8').trim();
    const serve = await startServe(dir, ['--new-token']);
    try {
      expect(serve.token).not.toBe(old);
      expect(fs.readFileSync(tokenFile, 'utf8').trim()).toBe(serve.token);
      expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
      await expect(connectRpc(serve.port, old)).rejects.toThrow('HTTP 401');
    } finally {
      await serve.stop();
    }
  });

  it('makes a token file others could read private again, and says so', async () => {
    fs.chmodSync(tokenFile, 0o644);
    const serve = await startServe(dir);
    await serve.stop();
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(serve.output()).toContain(`${tokenFile} was readable by others (mode 644); made it private. Start with --new-token if anyone may have read it.`);
  });

  it('refuses a token file it did not write, saying how to replace it', async () => {
    const other = tempDir();
    try {
      fs.writeFileSync(path.join(other, 'serve.token'), 'hunter2\n', { mode: 0o600 });
      await expect(startServe(other)).rejects.toThrow(`${path.join(other, 'serve.token')} does not hold a serve token; delete it (or start with --new-token) to make a new one.`);
    } finally {
      removeDir(other);
    }
  });

  it('comes back on the last port without --port, and on another one, said, when that is taken', async () => {
    const first = await startServe(dir);
    await first.stop();
    const again = await startServe(dir, [], { port: null });
    await again.stop();
    expect(again.port).toBe(first.port);

    const blocker = await occupy(first.port);
    try {
      const moved = await startServe(dir, [], { port: null });
      await moved.stop();
      expect(moved.port).not.toBe(first.port);
      expect(moved.output()).toContain(`Port ${first.port}, used last time, is taken now; serving on ${moved.port} instead`);
    } finally {
      blocker.close();
    }
  });
});
