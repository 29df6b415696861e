import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { MonitorDefinition, MonitorKind, Probe } from '../../main/engine/monitors/domain/check-types';
import { KindRegistry } from '../../main/engine/monitors/checks/kind-registry';
import { parseMonitorConfig } from '../../main/engine/monitors/config-loader';
import { ConfigError } from '../../main/engine/lib/config/config-errors';
import { MonitorService, type MonitorServiceEvent } from '../../main/engine/monitors/monitor-service';
import { Scheduler } from '../../main/engine/monitors/scheduler';
import { defineMonitor } from './helpers/define-monitor';
import { FakeClock } from './helpers/fake-clock';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/**
 * A monitor kind that answers from a script, one letter per check (o = ok, x = HTTP 503, t = timed
 * out), ok once the script runs out, and records when each check ran (fake time).
 */
function scriptedKind(script: string) {
  const checks: number[] = [];
  const kind: MonitorKind<object> = {
    kind: 'script',
    selects: (raw) => 'script' in raw,
    fields: { script: z.string() },
    build: () => ({ settings: {}, target: 'scripted' }),
    probe: async (_monitor, ctx): Promise<Probe> => {
      const letter = script[checks.length] ?? 'o';
      checks.push(ctx.now());
      if (letter === 't') return { checkedAt: ctx.now(), responseTimeMs: 0, errorKind: 'timeout', error: 'timed out after 5000 ms' };
      return letter === 'o'
        ? { checkedAt: ctx.now(), responseTimeMs: 0, status: 200 }
        : { checkedAt: ctx.now(), responseTimeMs: 0, status: 503, errorKind: 'status', error: 'HTTP 503' };
    },
  };
  return { registry: new KindRegistry().register(kind), checks };
}

/** One monitor on a fake clock fed the script; returns when each check ran, relative to the first, and the notices raised. */
async function run(script: string, fields: Record<string, unknown>, forMs = 200_000, connectivityProbe?: () => Promise<boolean>) {
  const clock = new FakeClock();
  const { registry, checks } = scriptedKind(script);
  const events: MonitorServiceEvent[] = [];
  const service = new MonitorService({ registry, clock, tickMs: 1, connectivityProbe, onEvent: (e) => events.push(e) });
  cleanups.push(async () => {
    const stopped = service.stop();
    await clock.advance(60_000);
    await stopped;
  });
  const monitor: MonitorDefinition = defineMonitor({ script: 'x', jitter: '0s', ...fields }, registry);
  service.setMonitors([monitor]);
  service.start();
  await clock.advance(forMs);
  const t0 = checks[0];
  return {
    at: checks.slice(0, script.length + 2).map((t) => (t - t0) / 1000),
    notices: events.map((e) => `${e.type}@${(e.at - t0) / 1000}`),
  };
}

describe('retry interval', () => {
  it('confirms a failed check after the default 5 s instead of a whole 20 s interval, then goes back to the interval', async () => {
    const { at, notices } = await run('oxxxx', { interval: '20s' });
    // ok at 0; failed at 20; confirmed at 25 (DOWN); while down, checks come at the interval again.
    expect(at).toEqual([0, 20, 25, 45, 65, 85, 105]);
    expect(notices).toEqual(['down@25', 'recovered@85']);
  });

  it('raises no notice for a single failed check, and the check after the blip restores the regular cadence', async () => {
    const { at, notices } = await run('oxooo', { interval: '20s' });
    expect(at).toEqual([0, 20, 25, 45, 65, 85, 105]);
    expect(notices).toEqual([]);
  });

  it('retries until the failure threshold is reached, at the configured retry interval', async () => {
    const { at, notices } = await run('oxxxo', { interval: '30s', 'retry-interval': '2s', 'failure-threshold': 3 });
    expect(at).toEqual([0, 30, 32, 34, 64, 94, 124]);
    expect(notices).toEqual(['down@34', 'recovered@64']);
  });

  it('never retries later than the interval: a 3 s interval retries after 3 s', async () => {
    const { at } = await run('oxxo', { interval: '3s' });
    expect(at).toEqual([0, 3, 6, 9, 12, 15]);
  });

  it('with failure-threshold 1 the first failed check is the outage: nothing to confirm, no retry', async () => {
    const { at, notices } = await run('oxxo', { interval: '20s', 'failure-threshold': 1 });
    expect(at).toEqual([0, 20, 40, 60, 80, 100]);
    expect(notices).toEqual(['down@20', 'recovered@60']);
  });

  it('once the threshold is reached and only `for:` is waiting, checks come at the interval again', async () => {
    const { at, notices } = await run('oxxxxo', { interval: '20s', for: '30s' });
    // Threshold reached at 25 but failing for only 5 s; at 45 for 25 s; DOWN at 65 (45 s ≥ 30 s).
    expect(at).toEqual([0, 20, 25, 45, 65, 85, 105, 125]);
    expect(notices).toEqual(['down@65', 'recovered@85']);
  });

  it('confirms a monitor failing from its very first check after the retry interval, then checks it at the interval while down', async () => {
    const { at } = await run('xxxxxx', { interval: '20s' }, 150_000);
    expect(at).toEqual([0, 5, 25, 45, 65, 85, 105, 125]);
  });
});

describe('retry interval and a machine that may be offline', () => {
  it('without a connectivity probe, a timeout waits for the interval: the other monitors show first whether the network is gone', async () => {
    const { at, notices } = await run('ottto', { interval: '20s' });
    expect(at).toEqual([0, 20, 40, 60, 80, 100, 120]);
    expect(notices).toEqual(['down@40', 'recovered@80']);
  });

  it('with a connectivity probe that finds the network up, a timeout is retried like any failure', async () => {
    const { at, notices } = await run('ottto', { interval: '20s' }, 200_000, async () => true);
    expect(at).toEqual([0, 20, 25, 45, 65, 85, 105]);
    expect(notices).toEqual(['down@25', 'recovered@65']);
  });
});

describe('retry interval in the scheduler', () => {
  it('runs again after the retry asked for, rounded up to the wake-up grid, then at the interval', async () => {
    const clock = new FakeClock();
    const starts: number[] = [];
    const scheduler = new Scheduler({
      clock,
      startSpreadMs: 0,
      tickMs: 250,
      run: async () => {
        starts.push(clock.now());
        return starts.length === 2 ? { retryInMs: 4_900 } : undefined;
      },
    });
    scheduler.set([{ id: 'a', intervalMs: 20_000, jitterMs: 0, version: 'v1' }]);
    scheduler.start();
    await clock.advance(70_000);
    await scheduler.stop();
    expect(starts.map((t) => t - starts[0])).toEqual([0, 20_000, 25_000, 45_000, 65_000]);
  });
});

describe('retry-interval in the monitors file', () => {
  const parse = (extra: string) => parseMonitorConfig(`monitors:\n  - name: api\n    url: http://127.0.0.1:9/health\n${extra}`, 'monitors.yaml');

  it('defaults to no explicit value (5 s at run time, capped by the interval) and reads a duration', () => {
    expect(parse('    interval: 20s\n').monitors[0].retryIntervalMs).toBeUndefined();
    expect(parse('    interval: 20s\n    retry-interval: 2s\n').monitors[0].retryIntervalMs).toBe(2_000);
  });

  it('rejects a retry interval longer than the interval, naming the line and what to use', () => {
    let error: unknown;
    try {
      parse('    interval: 10s\n    retry-interval: 30s\n');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      expect.objectContaining({
        file: 'monitors.yaml',
        line: 5,
        monitor: 'api',
        field: 'retry-interval',
        message: 'retry-interval 30s is longer than the interval 10s; a retry confirms a failure sooner than the next regular check, so use at most 10s',
      }),
    ]);
  });

  it('rejects a retry interval under 1 s', () => {
    expect(() => parse('    retry-interval: 200ms\n')).toThrow(/monitors.yaml:4:5: monitor 'api': retry-interval must be at least 1s, not '200ms'/);
  });
});
