import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPagerDutyServer } from '../helpers/pagerduty-events-server';
import { type RecordingServer, startRecordingServer } from '../helpers/recording-server';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { channelEngine, fakeClock, MIN, until } from './engine-parts';

const ROUTING_KEY = 'R0UTINGKEY0000000000000000000000';

describe('templated HTTP channel: PagerDuty Events v2 and Opsgenie presets against loopback servers', () => {
  let dir: string;
  let parts: ReturnType<typeof channelEngine>;
  const servers: RecordingServer[] = [];
  let clock = fakeClock();

  beforeEach(() => {
    dir = tempDir();
    clock = fakeClock();
    parts = channelEngine(dir, () => clock.t);
  });
  afterEach(async () => {
    parts.engine.close();
    await Promise.all(servers.splice(0).map((s) => s.close()));
    expect(parts.errors).toEqual([]);
    removeDir(dir);
  });

  async function presetChannel(id: 'pagerduty' | 'opsgenie', name: string, url: string, secret: string) {
    const preset = (await parts.call('channels.presets')).find((p: { id: string }) => p.id === id);
    return parts.call('channels.save', { name, kind: 'http', preset: id, method: preset.method, headers: preset.headers, body: preset.body, resolve: preset.resolve, url, secret });
  }

  it('declare → page → page again → resolve: trigger, trigger, resolve with one dedup_key', async () => {
    const pd = await startPagerDutyServer({ routingKey: ROUTING_KEY });
    servers.push(pd);
    const { call, timeline } = parts;
    await call('incidents.declare', { title: 'Checkout "502" errors', severity: 'P1', service: 'checkout-api', impact: 'EU customers cannot pay' });
    const channel = await presetChannel('pagerduty', 'pd-checkout', pd.enqueueUrl, ROUTING_KEY);
    expect(JSON.stringify(await call('channels.list'))).not.toContain(ROUTING_KEY);
    // Declaring tells nobody on its own: PagerDuty only hears of incidents someone paged for.
    expect(pd.requests).toHaveLength(0);

    const paged = await call('channels.page', { incidentId: 1, channelId: channel.id, text: 'Checkout is failing for EU customers.' });
    expect(paged).toMatchObject({ ok: true, state: 'sent', summary: `request accepted: HTTP 202 from ${new URL(pd.url).host} (Event processed)` });
    clock.advance(5 * MIN);
    await call('channels.page', { incidentId: 1, channelId: channel.id, recipient: { name: 'Dana (L2)' }, text: 'Still failing; paging L2.' });
    await call('incidents.setStatus', { id: 1, status: 'resolved' });
    await until('the resolve to be sent', () => pd.requests.length === 3);

    const trigger = (text: string) => ({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: 'trayage-1',
      payload: {
        summary: 'Page: #1 P1 · Checkout "502" errors',
        severity: 'critical',
        source: 'checkout-api',
        custom_details: { text, incident: '#1', status: 'Investigating', impact: 'EU customers cannot pay' },
      },
    });
    expect(pd.requests.map((r) => [r.method, r.path, r.headers['content-type']])).toEqual([
      ['POST', '/v2/enqueue', 'application/json'],
      ['POST', '/v2/enqueue', 'application/json'],
      ['POST', '/v2/enqueue', 'application/json'],
    ]);
    expect(pd.requests.map((r) => r.body)).toEqual([
      trigger('Checkout is failing for EU customers.'),
      trigger('Still failing; paging L2.'),
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'trayage-1' },
    ]);
    const entries = await until('the resolve in the timeline', async () => {
      const all = (await timeline(1)).filter((e) => e.kind === 'channel');
      return all.length === 3 && all;
    });
    expect(entries.map((e) => e.text.split('\n')[0])).toEqual([
      expect.stringMatching(/^Page sent via pd-checkout \(request accepted: HTTP 202/),
      expect.stringMatching(/^Page sent via pd-checkout to Dana \(L2\) \(request accepted/),
      expect.stringMatching(/^Resolve sent via pd-checkout \(resolve accepted: HTTP 202/),
    ]);
  });

  it('says a refused routing key is refused and does not retry a 400; retries a 429 after its back-off', async () => {
    const pd = await startPagerDutyServer({ routingKey: ROUTING_KEY });
    servers.push(pd);
    const { call, timeline } = parts;
    await call('incidents.declare', { title: 'Search slow', severity: 'P3' });
    const wrong = await presetChannel('pagerduty', 'pd-wrong', pd.enqueueUrl, 'not-the-key');
    const refused = await call('channels.page', { incidentId: 1, channelId: wrong.id });
    expect(refused).toMatchObject({ ok: false, willRetry: false });
    expect(refused.error).toBe(`PagerDuty failed: HTTP 400 from ${new URL(pd.url).host}: Event object is invalid — Invalid routing key`);

    const right = await presetChannel('pagerduty', 'pd-right', pd.enqueueUrl, ROUTING_KEY);
    pd.answerNext({ status: 429, body: { status: 'throttle event', message: 'Requests for this service are arriving too quickly.' } });
    const throttled = await call('channels.page', { incidentId: 1, channelId: right.id, text: 'Search p99 above 3 s.' });
    expect(throttled).toMatchObject({ ok: false, willRetry: true, text: 'Search p99 above 3 s.' });
    expect(pd.requests).toHaveLength(2);
    clock.advance(5_000);
    await until('the retry to be sent', async () => (await timeline(1)).some((e) => e.kind === 'channel'));
    expect(pd.requests).toHaveLength(3);
    expect(pd.requests[2].body).toEqual(pd.requests[1].body);
    expect((await timeline(1)).filter((e) => e.kind === 'update-failed').map((e) => e.text.replace(/: HTTP.*?(Trying|Not)/s, ': … $1'))).toEqual([
      'Page NOT sent via pd-wrong: PagerDuty failed: … Not tried again: sending the same again cannot help.',
      'Page NOT sent via pd-right: PagerDuty failed: … Trying again at 02:00 UTC (attempt 2 of 6).',
    ]);
  });

  it('Opsgenie: creates the alert with the alias, closes it by alias on resolve, with the GenieKey header', async () => {
    const og = await startRecordingServer('/v2', (req, path) =>
      req.headers.authorization === 'GenieKey og-key-123'
        ? { status: 202, body: { result: 'Request will be processed', took: 0.02, requestId: `req-${path}` } }
        : { status: 401, body: { message: 'Could not authenticate', took: 0.0, requestId: 'x' } },
    );
    servers.push(og);
    const { call } = parts;
    await call('incidents.declare', { title: 'Payments down', severity: 'P1' });
    const channel = await presetChannel('opsgenie', 'genie', `${og.url}/alerts`, 'og-key-123');
    expect(await call('channels.page', { incidentId: 1, channelId: channel.id, text: 'Payments fail.' })).toMatchObject({ ok: true });
    await call('incidents.setStatus', { id: 1, status: 'resolved' });
    await until('the close', () => og.requests.length === 2);
    expect(og.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/v2/alerts'],
      ['POST', '/v2/alerts/trayage-1/close?identifierType=alias'],
    ]);
    expect(og.requests[0].body).toEqual({
      message: 'Page: #1 P1 · Payments down',
      alias: 'trayage-1',
      description: 'Payments fail.',
      priority: 'P1',
      source: 'Trayage',
      details: { incident: '#1', status: 'Investigating', service: '' },
    });
    expect(og.requests[1].body).toEqual({ source: 'Trayage', note: 'Resolved in Trayage: Incident #1 (P1) is resolved: Payments down.' });

    const bad = await presetChannel('opsgenie', 'genie-bad', `${og.url}/alerts`, 'wrong');
    const refused = await call('channels.page', { incidentId: 1, channelId: bad.id });
    expect(refused.error).toBe(
      `Opsgenie failed: HTTP 401 from ${new URL(og.url).host}: the key or token was refused: Could not authenticate. Re-enter it in Settings → Channels → genie-bad.`,
    );
  });
});
