import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry, runCheck } from '../../main/engine/monitors/checks/kind-registry';
import { defineMonitor } from './helpers/define-monitor';
import { closedPort, startTcp, type TestServer } from './helpers/servers';

const registry = createDefaultRegistry();
let server: TestServer;

beforeAll(async () => {
  server = await startTcp();
});

afterAll(async () => {
  registry.close();
  await server.close();
});

describe('TCP checks', () => {
  it('connects to a listening port and closes again', async () => {
    const before = server.connections();
    const result = await runCheck(defineMonitor({ url: `tcp://127.0.0.1:${server.port}`, conditions: ['[CONNECTED] == true'] }), registry, { now: Date.now });
    expect(result).toMatchObject({ ok: true, connected: true, failedConditions: [] });
    expect(server.connections()).toBe(before + 1);
  });

  it('reports a refused port', async () => {
    const port = await closedPort();
    const result = await runCheck(defineMonitor({ url: `tcp://127.0.0.1:${port}`, conditions: ['[CONNECTED] == true'] }), registry, { now: Date.now });
    expect(result).toMatchObject({ ok: false, connected: false, errorKind: 'refused' });
    expect(result.error).toBe(`connection refused by 127.0.0.1:${port}: nothing is listening on that port`);
  });
});
