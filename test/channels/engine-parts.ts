import { vi } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';

export const MIN = 60_000;

/** Time as the engine sees it; only the test moves it. */
export function fakeClock(start = Date.UTC(2026, 10, 23, 2, 0, 0)) {
  const clock = { t: start, now: () => clock.t, advance: (ms: number) => void (clock.t += ms) };
  return clock;
}

/** A real engine on a real SQLite file, delivering its channel outbox (sweeping often). */
export function channelEngine(dataDir: string, now: () => number, options: { background?: boolean; timeoutMs?: number } = {}) {
  const errors: string[] = [];
  const engine: Engine = createEngine({
    dataDir,
    actor: 'ana',
    now,
    background: options.background,
    deliver: async () => {},
    externalChangePollMs: 60_000,
    areas: { channels: { timeoutMs: options.timeoutMs ?? 10_000, sweepEveryMs: 10 } },
    onInternalError: (where, err) => errors.push(`${where}: ${(err as Error)?.message ?? err}`),
  });
  const call = async (method: string, params: unknown = {}) => {
    const reply = (await engine.dispatch({ id: 1, method, params })) as { result?: any; error?: { message: string } };
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };
  const timeline = async (incidentId: number) => ((await call('incidents.get', { id: incidentId })).timeline as { kind: string; text: string; data: any }[]);
  return { engine, call, timeline, errors };
}

/** Polls until `check` returns something truthy (or throws its last error after the deadline). */
type Falsy = false | null | undefined | 0 | '';

export function until<T>(what: string, check: () => T | Falsy | Promise<T | Falsy>, timeout = 8_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await check();
      if (!value) throw new Error(`still waiting for ${what}`);
      return value as T;
    },
    { timeout, interval: 10 },
  );
}
