import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { call, monitorNamed, monitoringEngine, recorder, waitFor, writeConfig } from './engine-helpers';

describe('post-fix watch: a linked monitor failing again offers to re-open', () => {
  let engine: Engine | undefined;
  let server: http.Server | undefined;
  const dir = tempDir();
  afterEach(async () => {
    engine?.close();
    await new Promise((r) => (server ? server.close(r) : r(null)));
    removeDir(dir);
  });

  it('stamps the relapse in the incident timeline and notifies, only inside the watch', async () => {
    let healthy = false;
    server = http.createServer((_req, res) => {
      res.writeHead(healthy ? 200 : 503);
      res.end(healthy ? 'ok' : 'down');
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
    const config = writeConfig(dir, [{ name: 'checkout', url, interval: '1s', 'failure-threshold': 1 }]);
    const notices = recorder();
    engine = monitoringEngine(dir, config, { deliver: notices.deliver });

    // P1 in the default scheme has no post-fix watch; give it one (60 min) as a team would. An
    // incident keeps the level it was declared with, so the scheme changes first.
    const scheme = await call(engine, 'schemes.active');
    scheme.levels[0].postFixWatchMinutes = 60;
    await call(engine, 'schemes.setActive', { scheme });

    const monitor = await waitFor('checkout down', async () => {
      const m = await monitorNamed(engine!, 'checkout');
      return m?.status === 'down' && m;
    });
    const { incident } = await call(engine, 'monitors.declareIncident', { monitorId: monitor.id, title: 'Checkout down', severity: 'P1', service: 'checkout' });
    healthy = true;
    await waitFor('checkout up', async () => (await monitorNamed(engine!, 'checkout'))?.status === 'up');
    await call(engine, 'incidents.setStatus', { id: incident.id, status: 'monitoring' });

    healthy = false;
    await waitFor('the relapse in the timeline', async () =>
      (await call(engine!, 'incidents.get', { id: incident.id })).timeline.find((e: any) => e.kind === 'relapse'),
    );
    const entry = (await call(engine, 'incidents.get', { id: incident.id })).timeline.find((e: any) => e.kind === 'relapse');
    expect(entry.text).toBe('Monitor checkout failed again during the post-fix watch: re-open?');
    expect(notices.titles()).toContain(`#${incident.id} P1 · Checkout down: relapse`);

    // Outside a watch status nothing is offered.
    expect(await call(engine, 'incidents.relapse', { id: (await call(engine, 'incidents.declare', { title: 'other', severity: 'P1' })).id, what: 'Monitor x' })).toEqual({ insideWatch: false });
  }, 30_000);
});
