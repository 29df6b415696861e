import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startHttp } from './helpers/servers';
import { monitorNamed, monitoringEngine, recorder, waitFor, writeConfig } from './engine-helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// The interval is long beside the retry, so a retry late by seconds on a loaded machine is still
// told apart from the next regular check.
const INTERVAL_MS = 12_000;
const RETRY_MS = 1_000;

/**
 * A real health endpoint that records when each request arrived and whether it was answered with a
 * failure; `failNext(n)` fails the next n requests, `setDown` all of them until switched back.
 */
async function endpoint() {
  let down = false;
  let failures = 0;
  const requests: { at: number; failed: boolean }[] = [];
  const server = await startHttp((_req, res) => {
    const failed = down || failures > 0;
    if (failures > 0) failures--;
    requests.push({ at: Date.now(), failed });
    res.statusCode = failed ? 503 : 200;
    res.end(JSON.stringify({ status: failed ? 'down' : 'ok' }));
  });
  return { server, requests, setDown: (value: boolean) => void (down = value), failNext: (n: number) => void (failures = n) };
}

function downNotices(dir: string): number {
  const db = new Database(path.join(dir, 'trayage.db'), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM notifications WHERE key LIKE 'monitor:%:down:%'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('retry interval against a real endpoint', () => {
  it('confirms an outage one retry interval after the first failed check, and lets a single failed check pass', async () => {
    const target = await endpoint();
    const dir = tempDir();
    const config = writeConfig(dir, [
      { name: 'checkout api', url: `${target.server.url}/health`, interval: '12s', 'retry-interval': '1s', jitter: '0s', 'failure-threshold': 2 },
    ]);
    const sent = recorder();
    const engine: Engine = monitoringEngine(dir, config, { deliver: sent.deliver });
    cleanups.push(async () => {
      engine.close();
      await target.server.close();
      removeDir(dir);
    });
    const status = async () => (await monitorNamed(engine, 'checkout api'))?.status;
    await waitFor('the monitor to be up', async () => (await status()) === 'up', 10_000);

    // Outage: the first failed check is confirmed by a retry, not by the next regular check.
    target.setDown(true);
    const notice = await waitFor('the down notice', () => sent.sent.find((d) => d.title.startsWith('checkout api is down')), 30_000);
    expect(notice.body).toContain('HTTP 503 Service Unavailable');
    const failed = target.requests.filter((r) => r.failed);
    expect(failed.length).toBeGreaterThanOrEqual(2);
    const spacing = failed[1].at - failed[0].at;
    expect(spacing).toBeGreaterThanOrEqual(RETRY_MS);
    expect(spacing).toBeLessThan(INTERVAL_MS - 4_000);
    expect(downNotices(dir)).toBe(1);

    target.setDown(false);
    await waitFor('the recovery notice', () => sent.sent.some((d) => d.title === 'checkout api is back up'), 30_000);

    // A blip: exactly one failed check. The retry finds the endpoint healthy and nobody is paged.
    const before = target.requests.length;
    target.failNext(1);
    const blip = await waitFor('the failed check', () => target.requests.slice(before).find((r) => r.failed), 30_000);
    const retry = await waitFor('the retry', () => target.requests.find((r) => r.at > blip.at), 15_000);
    expect(retry.failed).toBe(false);
    expect(retry.at - blip.at).toBeGreaterThanOrEqual(RETRY_MS);
    expect(retry.at - blip.at).toBeLessThan(INTERVAL_MS - 4_000);
    // The retry's result is in once the monitor shows a check at or after it, up again.
    await waitFor('the retry result', async () => {
      const m = await monitorNamed(engine, 'checkout api');
      return m.status === 'up' && m.lastCheckAt >= retry.at;
    });
    expect(downNotices(dir)).toBe(1);
    expect(sent.titles().filter((t) => t.startsWith('checkout api is down'))).toHaveLength(1);
  }, 120_000);
});
