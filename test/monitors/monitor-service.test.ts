import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { MonitorDefinition, MonitorKind, Probe } from '../../main/engine/monitors/domain/check-types';
import { KindRegistry, createDefaultRegistry } from '../../main/engine/monitors/checks/kind-registry';
import { MonitorService, type MonitorServiceEvent } from '../../main/engine/monitors/monitor-service';
import { defineMonitor } from './helpers/define-monitor';
import { FakeClock } from './helpers/fake-clock';
import { startHttp, type TestServer } from './helpers/servers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

type Outcome = 'ok' | 'timeout' | 'http503';

/** A monitor kind whose results the test decides, to drive the service on a fake clock. */
function scriptedRegistry(outcome: (name: string) => Outcome): KindRegistry {
  const kind: MonitorKind<object> = {
    kind: 'script',
    selects: (raw) => 'script' in raw,
    fields: { script: z.string() },
    build: () => ({ settings: {}, target: 'scripted' }),
    probe: async (monitor, ctx): Promise<Probe> => {
      const o = outcome(monitor.name);
      if (o === 'ok') return { checkedAt: ctx.now(), responseTimeMs: 5, status: 200 };
      if (o === 'http503') return { checkedAt: ctx.now(), responseTimeMs: 5, status: 503, errorKind: 'status', error: 'HTTP 503' };
      return { checkedAt: ctx.now(), responseTimeMs: 5, errorKind: 'timeout', error: 'timed out after 5000 ms while connecting' };
    },
  };
  return new KindRegistry().register(kind);
}

function scripted(registry: KindRegistry, name: string, extra: Record<string, unknown> = {}): MonitorDefinition {
  return defineMonitor({ name, script: 'x', interval: '10s', jitter: '0s', 'failure-threshold': 2, ...extra }, registry);
}

function serviceOn(clock: FakeClock, registry: KindRegistry, options: Partial<ConstructorParameters<typeof MonitorService>[0]> = {}) {
  const events: MonitorServiceEvent[] = [];
  const service = new MonitorService({ registry, clock, onEvent: (e) => events.push(e), ...options });
  cleanups.push(async () => {
    const stopped = service.stop();
    await clock.advance(60_000);
    await stopped;
  });
  return { service, events, types: () => events.map((e) => ('monitor' in e ? `${e.type}:${e.monitor}` : e.type)) };
}

describe('MonitorService on a real HTTP server', () => {
  let server: TestServer;
  let healthy = true;

  it('pages once when an endpoint goes down, once when it recovers, and keeps state across a restart', async () => {
    server = await startHttp((_req, res) => {
      res.statusCode = healthy ? 200 : 503;
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'down' }));
    });
    const registry = createDefaultRegistry();
    cleanups.push(() => server.close(), () => registry.close());
    const monitor: MonitorDefinition = {
      ...defineMonitor({ name: 'heroforge ready', url: `${server.url}/health/ready`, conditions: ['[STATUS] == 200', '[BODY].status == ok'], 'failure-threshold': 2, severity: 'P1', service: 'heroforge' }),
      intervalMs: 40,
      jitterMs: 0,
    };
    const events: MonitorServiceEvent[] = [];
    const saved: Record<string, unknown> = {};
    let results = 0;
    const start = (savedStates?: Record<string, unknown>) => {
      const service = new MonitorService({
        registry,
        savedStates,
        onEvent: (e) => events.push(e),
        onResult: (m, _result, state) => {
          results++;
          saved[m.name] = JSON.parse(JSON.stringify(state));
        },
      });
      service.setMonitors([monitor]);
      service.start();
      return service;
    };
    const waitFor = async (predicate: () => boolean) => {
      const end = Date.now() + 5000;
      while (!predicate()) {
        if (Date.now() > end) throw new Error(`timed out; events: ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };

    let service = start();
    await waitFor(() => (saved['heroforge ready'] as { status?: string })?.status === 'up');
    healthy = false;
    await waitFor(() => events.length >= 1);
    expect(events[0]).toMatchObject({
      type: 'down',
      monitor: 'heroforge ready',
      severity: 'P1',
      service: 'heroforge',
      target: `${server.url}/health/ready`,
      failedConditions: ['[STATUS] was 503, expected 200', '[BODY].status was "down", expected ok'],
    });
    await service.stop();

    // A restart while still down must not page again.
    service = start(saved);
    const before = results;
    await waitFor(() => results >= before + 2);
    expect(events.map((e) => e.type)).toEqual(['down']);
    healthy = true;
    await waitFor(() => events.length >= 2);
    expect(events[1]).toMatchObject({ type: 'recovered', monitor: 'heroforge ready' });
    expect((events[1] as { durationMs: number }).durationMs).toBeGreaterThan(150);
    await service.stop();
  });
});

describe('MonitorService offline and sleep handling', () => {
  it('reports one offline state when the connectivity probe fails, instead of paging every monitor', async () => {
    const clock = new FakeClock();
    let outcome: Outcome = 'ok';
    let online = true;
    const registry = scriptedRegistry(() => outcome);
    const { service, types } = serviceOn(clock, registry, { connectivityProbe: async () => online });
    service.setMonitors(['a', 'b', 'c'].map((n) => scripted(registry, n, { 'failure-threshold': 1 })));
    service.start();
    await clock.advance(30_000);
    outcome = 'timeout';
    online = false;
    await clock.advance(120_000);
    expect(types()).toEqual(['offline']);
    expect(service.isOffline).toBe(true);
    outcome = 'ok';
    online = true;
    await clock.advance(20_000);
    expect(types()).toEqual(['offline', 'online']);
    expect(Object.values(service.states()).map((s) => s.status)).toEqual(['up', 'up', 'up']);
  });

  it('without a probe, counts every monitor failing with network errors as offline', async () => {
    const clock = new FakeClock();
    let outcome: Outcome = 'ok';
    const registry = scriptedRegistry(() => outcome);
    const { service, types } = serviceOn(clock, registry);
    service.setMonitors(['a', 'b'].map((n) => scripted(registry, n)));
    service.start();
    await clock.advance(30_000);
    outcome = 'timeout';
    await clock.advance(120_000);
    expect(types()).toEqual(['offline']);
    // The streak of the monitor that failed first is forgotten; nothing is left pending towards DOWN.
    expect(Object.values(service.states()).map((s) => s.status).sort()).toEqual(['unknown', 'up']);
  });

  it('still pages a real outage: an HTTP 503 proves the network works', async () => {
    const clock = new FakeClock();
    const registry = scriptedRegistry((name) => (name === 'a' && clock.now() > 1_700_000_030_000 ? 'http503' : 'ok'));
    const { service, types } = serviceOn(clock, registry, { connectivityProbe: async () => false });
    service.setMonitors(['a', 'b'].map((n) => scripted(registry, n)));
    service.start();
    await clock.advance(60_000);
    expect(types()).toEqual(['down:a']);
  });

  it('after sleep, says so once and ignores failures while the network comes back', async () => {
    const clock = new FakeClock();
    let outcome: Outcome = 'ok';
    const registry = scriptedRegistry(() => outcome);
    const { service, types } = serviceOn(clock, registry, { resumeGraceMs: 30_000 });
    service.setMonitors(['a'].map((n) => scripted(registry, n, { 'failure-threshold': 1 })));
    service.start();
    await clock.advance(30_000);
    outcome = 'http503';
    await clock.sleep(8 * 3_600_000);
    await clock.advance(25_000);
    expect(types()).toEqual(['resumed']);
    await clock.advance(20_000);
    expect(types()).toEqual(['resumed', 'down:a']);
  });

  it('pauses and resumes a monitor, and applies a reloaded config', async () => {
    const clock = new FakeClock();
    const runs: string[] = [];
    const registry = scriptedRegistry((name) => {
      runs.push(name);
      return 'ok';
    });
    const { service } = serviceOn(clock, registry);
    service.setMonitors([scripted(registry, 'a'), scripted(registry, 'b')]);
    service.start();
    await clock.advance(1000);
    service.pause('a');
    runs.length = 0;
    await clock.advance(30_000);
    expect(new Set(runs)).toEqual(new Set(['b']));
    expect(service.state('a')?.status).toBe('paused');
    service.resume('a');
    service.setMonitors([scripted(registry, 'a'), scripted(registry, 'c')]);
    runs.length = 0;
    await clock.advance(30_000);
    expect(new Set(runs)).toEqual(new Set(['a', 'c']));
    expect(Object.keys(service.states()).sort()).toEqual(['a', 'c']);
    expect(service.stats().lateness.count).toBeGreaterThan(0);
  });
});
