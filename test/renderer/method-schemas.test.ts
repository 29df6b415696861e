import { describe, expect, it } from 'vitest';
import { events, type MethodName, methods, type TrayageBridge } from '../../preload/contract';
import { createApiClient } from '../../renderer/transport/api-client';
import { groupOf, schemasFor } from '../../renderer/transport/method-schemas';

describe("a window's schemas, loaded by area", () => {
  it('finds every method of the contract in its area, with the very schemas the engine checks', async () => {
    const names = Object.keys(methods) as MethodName[];
    expect(names.length).toBeGreaterThan(90);
    for (const name of names) {
      expect(groupOf(name), name).toBeDefined();
      expect(await schemasFor(name), name).toBe(methods[name]);
    }
  });

  it('refuses a method it has no schemas for', async () => {
    await expect(schemasFor('nothing.here' as MethodName)).rejects.toThrow('No schemas are known for nothing.here.');
    await expect(schemasFor('monitors.nothing' as MethodName)).rejects.toThrow('No schemas are known for monitors.nothing.');
  });
});

/** A bridge whose replies and events the test writes, as the engine would send them. */
function fakeEngine(reply: (method: string) => unknown) {
  let push: ((raw: unknown) => void) | null = null;
  const bridge: TrayageBridge = {
    invoke: async (request) => {
      const { id, method } = request as { id: number; method: string };
      return { id, ...(reply(method) as object) };
    },
    subscribe: (listener) => {
      push = listener;
      return () => {
        push = null;
      };
    },
  };
  return { bridge, push: (raw: unknown) => push?.(raw) };
}

describe('the api client', () => {
  it('checks replies against the method’s schema and turns a mismatch into an error', async () => {
    const engine = fakeEngine((method) => (method === 'tray.state' ? { result: { level: 'nonsense' } } : { result: { id: null } }));
    const api = createApiClient(engine.bridge);
    await expect(api.call('tray.state')).rejects.toThrow("The engine's reply to tray.state does not match the contract.");
  });

  it('hands listeners checked events in the order they came, and drops what the contract does not name', async () => {
    const engine = fakeEngine(() => ({ result: {} }));
    const api = createApiClient(engine.bridge);
    const seen: unknown[] = [];
    api.on('incidents.changed', (payload) => seen.push(payload));
    expect(Object.keys(events)).toContain('incidents.changed');
    engine.push({ event: 'incidents.changed', payload: { id: 1 } });
    engine.push({ event: 'incidents.changed', payload: { id: 'not a number' } });
    engine.push({ event: 'no.such.event', payload: {} });
    engine.push({ event: 'incidents.changed', payload: { id: 2 } });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
