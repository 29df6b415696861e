import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../../main/engine/notifications/outbox-delivery';
import { startPagerDutyServer } from '../helpers/pagerduty-events-server';
import type { RecordingServer } from '../helpers/recording-server';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { channelEngine, fakeClock, until } from './engine-parts';

const KEY = 'R0UTINGKEY0000000000000000000000';

interface Row {
  id: number;
  event: string;
  attempts: number;
  sent_at: number | null;
  gave_up_at: number | null;
  claimed_by: string | null;
}

describe('the channel outbox delivers each message once, in order, across engine restarts (real SQLite file)', () => {
  let dir: string;
  let pd: RecordingServer & { enqueueUrl: string };
  let clock = fakeClock();
  const open: ReturnType<typeof channelEngine>[] = [];
  const engine = (background = true) => {
    const parts = channelEngine(dir, () => clock.t, { background });
    open.push(parts);
    return parts;
  };
  const rows = (): Row[] => {
    const db = new Database(path.join(dir, 'trayage.db'), { readonly: true });
    try {
      return db.prepare('SELECT id, event, attempts, sent_at, gave_up_at, claimed_by FROM channel_outbox ORDER BY id').all() as Row[];
    } finally {
      db.close();
    }
  };
  const close = (parts: ReturnType<typeof channelEngine>) => {
    parts.engine.close();
    expect(parts.errors).toEqual([]);
    open.splice(open.indexOf(parts), 1);
  };

  beforeEach(async () => {
    dir = tempDir();
    clock = fakeClock();
    pd = await startPagerDutyServer({ routingKey: KEY });
  });
  afterEach(async () => {
    for (const parts of open.splice(0)) parts.engine.close();
    await pd.close();
    removeDir(dir);
  });

  async function setUp(parts: ReturnType<typeof channelEngine>) {
    const preset = (await parts.call('channels.presets'))[0];
    const channel = await parts.call('channels.save', { name: 'pd', kind: 'http', preset: 'pagerduty', headers: preset.headers, body: preset.body, resolve: preset.resolve, url: pd.enqueueUrl, secret: KEY });
    await parts.call('incidents.declare', { title: 'API errors', severity: 'P1' });
    await parts.call('incidents.declare', { title: 'Sentinel', severity: 'P3' });
    return channel.id as number;
  }

  // A page for the sentinel incident, sent by the running engine, proves a sweep ran after
  // everything the test did before it (the outbox claims in the order of due time and id).
  async function sweepRan(parts: ReturnType<typeof channelEngine>, channelId: number, label: string) {
    await parts.call('channels.page', { incidentId: 2, channelId, text: label });
    await until(`${label} to be sent`, () => pd.requests.some((r) => (r.body as any).payload?.custom_details?.text === label));
  }
  const pagesFor = (text: string) => pd.requests.filter((r) => (r.body as any).payload?.custom_details?.text === text);

  it('sends what a short command queued once, when a delivering engine runs, and never again after a restart', async () => {
    const cli = engine(false);
    const channelId = await setUp(cli);
    const queued = await cli.call('channels.page', { incidentId: 1, channelId, text: 'Queued by the CLI.' });
    expect(queued).toMatchObject({ ok: true, state: 'queued' });
    close(cli);
    expect(pd.requests).toHaveLength(0);

    const serve = engine();
    await until('the queued page to be sent', () => pagesFor('Queued by the CLI.').length === 1);
    await until('the outcome to be recorded', () => rows()[0].sent_at !== null);
    close(serve);

    const again = engine();
    clock.advance(10 * LEASE_MS);
    await sweepRan(again, channelId, 'after restart');
    expect(pagesFor('Queued by the CLI.')).toHaveLength(1);
    expect(rows()[0]).toMatchObject({ attempts: 1, gave_up_at: null });
    const sent = (await again.timeline(1)).filter((e) => e.kind === 'channel');
    expect(sent).toHaveLength(1);
  });

  it('an engine that stops mid-send leaves the message to the next one, which sends it once more with the same dedup_key after the lease', async () => {
    const first = engine();
    const channelId = await setUp(first);
    pd.answerNext('hang');
    const pending = first.call('channels.page', { incidentId: 1, channelId, text: 'Sent while crashing.' });
    await until('the request to reach PagerDuty', () => pd.requests.length === 1);
    const crashedOwner = rows()[0].claimed_by;
    // The engine goes away before the answer: nothing about the outcome is recorded.
    close(first);
    expect(await pending).toMatchObject({ ok: false, willRetry: true });
    expect(rows()[0]).toMatchObject({ attempts: 1, sent_at: null, gave_up_at: null });

    const next = engine();
    // The lease still holds, so the next engine leaves it alone.
    await sweepRan(next, channelId, 'while the lease holds');
    expect(pagesFor('Sent while crashing.')).toHaveLength(1);
    clock.advance(LEASE_MS + 1);
    await until('the taken-over page to be sent', () => pagesFor('Sent while crashing.').length === 2);
    await until('the outcome to be recorded', () => rows()[0].sent_at !== null);
    clock.advance(10 * LEASE_MS);
    await sweepRan(next, channelId, 'after the takeover');

    const [crashed, retaken] = pagesFor('Sent while crashing.');
    expect(retaken.body).toEqual(crashed.body);
    expect((retaken.body as any).dedup_key).toBe('trayage-1');
    expect(pagesFor('Sent while crashing.')).toHaveLength(2);
    expect(rows()[0].attempts).toBe(2);
    expect(rows()[0].claimed_by).not.toBe(crashedOwner);
    const entries = (await next.timeline(1)).filter((e) => e.kind === 'channel' || e.kind === 'update-failed');
    expect(entries.map((e) => e.kind)).toEqual(['channel']);
  });

  it('keeps the order per channel and incident: a later message waits for an earlier one being retried', async () => {
    const serve = engine();
    const channelId = await setUp(serve);
    pd.answerNext({ status: 503, body: { status: 'unavailable', message: 'Service Unavailable' } });
    const first = await serve.call('channels.page', { incidentId: 1, channelId, text: 'first' });
    expect(first).toMatchObject({ ok: false, willRetry: true });
    const second = await serve.call('channels.page', { incidentId: 1, channelId, text: 'second' });
    expect(second).toMatchObject({ ok: true, state: 'queued' });
    // Another incident on the same channel is not held up.
    await sweepRan(serve, channelId, 'other incident');
    expect(pagesFor('second')).toHaveLength(0);

    clock.advance(5_000);
    await until('both to be sent', () => pagesFor('second').length === 1);
    const order = pd.requests.map((r) => (r.body as any).payload.custom_details.text).filter((t: string) => t === 'first' || t === 'second');
    expect(order).toEqual(['first', 'first', 'second']);
    await until('both outcomes recorded', () => rows().filter((r) => r.sent_at !== null).length === 3);
  });
});
