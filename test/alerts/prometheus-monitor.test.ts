import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMonitorConfig } from '../../main/engine/monitors/config-loader';
import { createDefaultRegistry } from '../../main/engine/monitors/checks/kind-registry';
import { MonitorService, type MonitorServiceEvent } from '../../main/engine/monitors/monitor-service';
import { instantQuery } from '../../main/engine/lib/clients/prometheus-client';
import { type MetricsExporter, type PromStack, startExporter, startPromStack, waitUntil } from '../fixtures/prometheus-stack';

describe('Prometheus query monitor against a real Prometheus', () => {
  let exporter: MetricsExporter;
  let stack: PromStack;
  beforeAll(async () => {
    exporter = await startExporter();
    exporter.set('http_error_ratio', 0.01, { route: '/checkout' });
    exporter.set('http_error_ratio', 0.02, { route: '/search' });
    stack = await startPromStack(exporter, 'groups: []\n');
    await waitUntil('the first scrape', async () => (await instantQuery(stack.prometheus, 'http_error_ratio')).length === 2, 30_000);
  }, 40_000);
  afterAll(async () => {
    await stack?.stop();
    await exporter?.close();
  });

  it('parses the issue shape as written and judges each series on its own', () => {
    const { monitors } = parseMonitorConfig(
      `monitors:
  - name: api 5xx ratio
    prometheus: ${stack.prometheus}
    query: sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))
    conditions: ["[VALUE] < 0.05"]
    for: 2m
    severity: P1
`,
      'monitors.yaml',
    );
    expect(monitors[0]).toMatchObject({ kind: 'prometheus', forMs: 120_000, severity: 'P1', settings: { server: `${stack.prometheus}/` } });
  });

  it('goes DOWN after its for-duration when a series crosses the threshold, then recovers', async () => {
    const { monitors } = parseMonitorConfig(
      `monitors:
  - name: error ratio per route
    prometheus: ${stack.prometheus}
    query: http_error_ratio
    conditions: ["[VALUE] < 0.05"]
    interval: 1s
    failure-threshold: 1
    for: 2s
`,
      'monitors.yaml',
    );
    const events: MonitorServiceEvent[] = [];
    const results: { ok: boolean; series?: { labels: Record<string, string>; ok: boolean }[] }[] = [];
    const service = new MonitorService({
      registry: createDefaultRegistry(),
      onEvent: (e) => events.push(e),
      onResult: (_m, result) => results.push(result),
      tickMs: 50,
    });
    service.setMonitors(monitors);
    service.start();
    try {
      await waitUntil('a first good result', async () => results.some((r) => r.ok));
      expect(results.find((r) => r.ok)!.series!.map((s) => [s.labels.route, s.ok])).toEqual(
        expect.arrayContaining([['/checkout', true], ['/search', true]]),
      );
      exporter.set('http_error_ratio', 0.4, { route: '/checkout' });
      const failing = await waitUntil('a failing result', async () => results.find((r) => !r.ok));
      const wentBad = Date.now();
      expect(failing.series!.filter((s) => !s.ok).map((s) => s.labels.route)).toEqual(['/checkout']);
      const down = await waitUntil('DOWN', async () => events.find((e) => e.type === 'down'));
      expect(Date.now() - wentBad).toBeGreaterThanOrEqual(1500);
      expect(down).toMatchObject({ monitor: 'error ratio per route' });
      expect((down as { failedConditions: string[] }).failedConditions[0]).toMatch(/\[VALUE\] was 0\.4/);
      exporter.set('http_error_ratio', 0.01, { route: '/checkout' });
      await waitUntil('recovery', async () => events.find((e) => e.type === 'recovered'), 20_000);
    } finally {
      service.stop();
    }
  }, 60_000);

  it('shows one state per series in the Monitors window data', async () => {
    const { createEngine } = await import('../../main/engine/engine');
    const fs = await import('node:fs');
    const { tempDir, removeDir } = await import('../helpers/temp-dir');
    const dir = tempDir();
    fs.writeFileSync(`${dir}/monitors.yaml`, `monitors:\n  - name: ratio by route\n    prometheus: ${stack.prometheus}\n    query: http_error_ratio\n    conditions: ["[VALUE] < 0.05"]\n    interval: 1s\n    for: 1s\n`);
    const engine = createEngine({ dataDir: dir, configPath: `${dir}/monitors.yaml`, deliver: async () => {}, areas: { monitors: { flushMs: 100 } } });
    const call = async (method: string, params: unknown = {}) => ((await engine.dispatch({ id: 1, method, params })) as any).result;
    try {
      exporter.set('http_error_ratio', 0.3, { route: '/search' });
      const id = (await waitUntil('the monitor', async () => (await call('monitors.list')).monitors[0]))?.id;
      const series = await waitUntil('a down series', async () => {
        const s = (await call('monitors.get', { id })).series;
        return s.some((x: any) => x.status === 'down') && s;
      });
      expect(series.map((x: any) => [x.labels.route, x.status])).toEqual(expect.arrayContaining([['/checkout', 'up'], ['/search', 'down']]));
    } finally {
      exporter.set('http_error_ratio', 0.02, { route: '/search' });
      engine.close();
      removeDir(dir);
    }
  }, 30_000);

  it('trayage check covers Prometheus query monitors', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const fs = await import('node:fs');
    const { CLI } = await import('../helpers/serve-process');
    const { tempDir, removeDir } = await import('../helpers/temp-dir');
    const dir = tempDir();
    const check = async (limit: number) => {
      fs.writeFileSync(`${dir}/m.yaml`, `monitors:\n  - name: error ratio\n    prometheus: ${stack.prometheus}\n    query: max(http_error_ratio)\n    conditions: ["[VALUE] < ${limit}"]\n`);
      return promisify(execFile)(process.execPath, [CLI, 'check', '--config', `${dir}/m.yaml`, '--json'], { encoding: 'utf8' }).then(
        (r) => ({ code: 0, out: JSON.parse(r.stdout) }),
        (e) => ({ code: e.code as number, out: JSON.parse(e.stdout) }),
      );
    };
    // Earlier tests move the gauges; wait until Prometheus has scraped them back.
    await waitUntil('the ratios to settle', async () => (await instantQuery(stack.prometheus, 'max(http_error_ratio)'))[0]?.value === 0.02);
    try {
      expect(await check(0.05)).toMatchObject({ code: 0, out: [{ name: 'error ratio', ok: true }] });
      const down = await check(0.015);
      expect(down.code).toBe(1);
      expect(down.out[0].failedConditions[0]).toMatch(/\[VALUE\] was 0\.02/);
    } finally {
      removeDir(dir);
    }
  });

  it('says why a query is refused', async () => {
    await expect(instantQuery(stack.prometheus, 'sum(')).rejects.toThrow(/^Prometheus rejected the query: /);
    await expect(instantQuery(stack.prometheus, 'http_error_ratio[1m]')).rejects.toThrow(/returns a matrix/);
  });
});
