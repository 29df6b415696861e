import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRpc } from '../helpers/ws-client';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

const TOTAL = 10_000;
const KILL_AFTER = 1_000;
// Each acknowledged note is its own committed write: a few seconds here alone, but several times that
// while the suite's other files and another process share the two cores. The timeout bounds a hang,
// not the speed.
const TIMEOUT_MS = 120_000;

describe('crash safety', () => {
  const dir = tempDir();
  // A test that fails midway must not leave its server running.
  const started: ServeProcess[] = [];
  afterAll(() => {
    for (const { proc } of started) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    removeDir(dir);
  });

  it('keeps every acknowledged timeline entry after kill -9 mid-write', async () => {
    const serve = await startServe(dir);
    started.push(serve);
    const client = await connectRpc(serve.port, serve.token);
    const incident = (await client.call('incidents.declare', { title: 'write storm', severity: 'P1' })).result;

    const acknowledged: number[] = [];
    const exited = new Promise<void>((resolve) => serve.proc.once('exit', () => resolve()));
    let killed = false;
    client.socket.on('message', (data) => {
      const reply = JSON.parse(data.toString());
      if (!reply.result?.text?.startsWith('entry ')) return;
      acknowledged.push(reply.result.id);
      if (!killed && acknowledged.length >= KILL_AFTER) {
        killed = true;
        serve.proc.kill('SIGKILL');
      }
    });
    for (let i = 0; i < TOTAL; i++) {
      client.socket.send(JSON.stringify({ id: 1000 + i, method: 'incidents.addNote', params: { id: incident.id, text: `entry ${i}` } }));
    }
    await exited;
    expect(serve.proc.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(TOTAL);

    const db = new Database(path.join(dir, 'trayage.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set((db.prepare("SELECT id FROM timeline WHERE kind = 'note'").all() as { id: number }[]).map((r) => r.id));
    const missing = acknowledged.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    db.close();

    // The engine starts again on the same file.
    const again = await startServe(dir);
    started.push(again);
    const back = await connectRpc(again.port, again.token);
    expect((await back.call('incidents.get', { id: incident.id })).result.timelineTotal).toBeGreaterThanOrEqual(KILL_AFTER + 1);
    back.close();
    await again.stop();
  }, TIMEOUT_MS);
});
