import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { isLoopbackHost, startIntakeListener, type IntakeListenerHandle } from '../../main/server/intake-route';
import { removeDir, tempDir } from '../helpers/temp-dir';

// The desktop engine's own intake server: the same requests and answers as on `serve`, and nothing else.
describe('desktop intake listener', () => {
  let dir: string;
  let engine: Engine;
  let listener: IntakeListenerHandle;

  beforeEach(async () => {
    dir = tempDir();
    engine = createEngine({ dataDir: dir, background: false });
    listener = await startIntakeListener(engine.intake, '127.0.0.1', 0);
  });
  afterEach(async () => {
    await listener.close();
    engine.close();
    removeDir(dir);
  });

  it('opens an incident from a posted alert and serves nothing but the intake', async () => {
    const added = (await engine.dispatch({ id: 1, method: 'integrations.add', params: { name: 'script', kind: 'json' } })) as any;
    const base = `http://127.0.0.1:${listener.port}`;
    const body = JSON.stringify({ title: 'Queue backlog', severity: 'P3', dedupeKey: 'queue' });
    const res = await fetch(`${base}/intake/json`, { method: 'POST', headers: { authorization: `Bearer ${added.result.token}` }, body });
    expect(res.status).toBe(202);
    expect(((await res.json()) as any).alerts).toEqual([{ dedupeKey: 'queue', outcome: 'declared', incidentId: 1 }]);
    expect((await fetch(`${base}/intake/json`, { method: 'POST', body })).status).toBe(401);
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/rpc`)).status).toBe(404);
  });

  it('tells loopback addresses from those other machines can reach', () => {
    expect(['127.0.0.1', '127.0.0.53', '::1', 'localhost'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '192.168.1.4', '::'].map(isLoopbackHost)).toEqual([false, false, false]);
  });
});
