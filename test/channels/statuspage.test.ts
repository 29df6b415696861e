import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../preload/contract';
import type { ChannelMessage, SendIo, SendOutcome } from '../../main/engine/channels/kinds/channel-kind';
import type { ChannelEvent } from '../../main/engine/channels/channels-port';
import { StatuspageConfig, statuspageKind } from '../../main/engine/channels/kinds/statuspage-kind';
import { statuspageStatus } from '../../main/engine/lib/clients/statuspage-client';
import { refusedPort } from '../helpers/recording-server';
import { channelIncident, kindMessage } from './kind-message';
import { type StatuspageApiServer, startStatuspageApiServer } from '../helpers/statuspage-api-server';

const KEY = 'a1b2c3d4-loopback-key';
const PAGE = 'kctbh9vrtdwd';
const NOW = Date.UTC(2026, 10, 28, 14, 0, 0);
const io: SendIo = { timeoutMs: 5_000, now: () => NOW };

const incident = channelIncident(7, NOW);
const message = kindMessage(incident, '#7 P1 · Checkout returns 502');

function expectFailure(outcome: SendOutcome): { error: string; retry: boolean } {
  if (outcome.ok) throw new Error(`expected a failure, got: ${outcome.summary}`);
  return { error: outcome.error, retry: outcome.retry };
}

describe('Statuspage channel (Statuspage incidents API shapes on loopback)', () => {
  let statuspage: StatuspageApiServer;
  beforeAll(async () => {
    statuspage = await startStatuspageApiServer({ apiKey: KEY, pages: [PAGE], now: () => NOW });
  });
  afterAll(() => statuspage.close());
  beforeEach(() => {
    statuspage.requests.length = 0;
    statuspage.incidents.clear();
  });

  it('opens the page incident on the first post, updates it with the mapped status, resolves it on resolve', async () => {
    const config = StatuspageConfig.parse({ apiUrl: statuspage.url, pageId: PAGE, componentIds: ['cmp1', 'cmp2'], componentStatus: 'major_outage', impactOverride: 'critical' });
    const secrets = { apiKey: KEY };
    const first = await statuspageKind.send(message('update', 'We are investigating failed payments.'), config, secrets, null, io);
    expect(first).toEqual({
      ok: true,
      summary: `Opened incident p00000000001 on status page ${PAGE} (investigating).`,
      memory: { id: 'p00000000001', shortlink: 'https://stspg.io/00001' },
      link: 'https://stspg.io/00001',
    });
    if (!first.ok) return;
    const identified = await statuspageKind.send(message('status', 'The cause is identified; a fix is being deployed.', { status: 'identified' }), config, secrets, first.memory!, io);
    expect(identified).toEqual({ ok: true, summary: `Updated incident p00000000001 on status page ${PAGE} (identified).`, memory: first.memory, link: 'https://stspg.io/00001' });
    const watching = await statuspageKind.send(message('update', 'A fix is out; we are watching.', { status: 'monitoring' }), config, secrets, first.memory!, io);
    expect(watching.ok).toBe(true);
    const resolved = await statuspageKind.send(message('resolved', 'Incident #7 (P1) is resolved: Checkout returns 502.', { status: 'resolved', resolvedAt: NOW }), config, secrets, first.memory!, io);
    expect(resolved).toMatchObject({ ok: true, summary: `Updated incident p00000000001 on status page ${PAGE} (resolved).` });

    expect(statuspage.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        `/v1/pages/${PAGE}/incidents`,
        {
          incident: {
            name: 'Checkout returns 502',
            status: 'investigating',
            body: 'We are investigating failed payments.',
            impact_override: 'critical',
            component_ids: ['cmp1', 'cmp2'],
            components: { cmp1: 'major_outage', cmp2: 'major_outage' },
          },
        },
      ],
      [
        'PATCH',
        `/v1/pages/${PAGE}/incidents/p00000000001`,
        { incident: { status: 'identified', body: 'The cause is identified; a fix is being deployed.', component_ids: ['cmp1', 'cmp2'], components: { cmp1: 'major_outage', cmp2: 'major_outage' } } },
      ],
      [
        'PATCH',
        `/v1/pages/${PAGE}/incidents/p00000000001`,
        { incident: { status: 'monitoring', body: 'A fix is out; we are watching.', component_ids: ['cmp1', 'cmp2'], components: { cmp1: 'major_outage', cmp2: 'major_outage' } } },
      ],
      [
        'PATCH',
        `/v1/pages/${PAGE}/incidents/p00000000001`,
        { incident: { status: 'resolved', body: 'This incident has been resolved.', component_ids: ['cmp1', 'cmp2'], components: { cmp1: 'operational', cmp2: 'operational' } } },
      ],
    ]);
    for (const r of statuspage.requests) {
      expect(r.headers).toMatchObject({ authorization: `OAuth ${KEY}`, 'content-type': 'application/json', accept: 'application/json' });
      expect(r.headers['user-agent']).toMatch(/^Trayage\//);
    }
    expect(statuspage.incidents.get('p00000000001')).toMatchObject({ status: 'resolved', impact: 'critical', components: { cmp1: 'operational', cmp2: 'operational' } });
  });

  it('sends only what is configured: no components, no impact override', async () => {
    const config = StatuspageConfig.parse({ apiUrl: statuspage.url, pageId: PAGE });
    const outcome = await statuspageKind.send(message('update', 'Looking into it.'), config, { apiKey: KEY }, null, io);
    expect(outcome.ok).toBe(true);
    expect(statuspage.requests[0].body).toEqual({ incident: { name: 'Checkout returns 502', status: 'investigating', body: 'Looking into it.' } });
  });

  it('a resolve for an incident never posted to the page publishes nothing', async () => {
    const config = StatuspageConfig.parse({ apiUrl: statuspage.url, pageId: PAGE });
    const outcome = await statuspageKind.send(message('resolved', 'Fixed.', { resolvedAt: NOW }), config, { apiKey: KEY }, null, io);
    expect(outcome).toEqual({ ok: true, summary: `No incident was opened on status page ${PAGE} for this incident, so there is none to resolve.` });
    expect(statuspage.requests).toEqual([]);
  });

  it('maps lifecycle keys to Statuspage statuses', () => {
    expect(['investigating', 'identified', 'monitoring', 'resolved'].map((k) => statuspageStatus(k, false))).toEqual(['investigating', 'identified', 'monitoring', 'resolved']);
    expect(['triage', 'mitigating', 'fix-deployed', 'watching', 'verifying', 'closed'].map((k) => statuspageStatus(k, false))).toEqual([
      'investigating',
      'identified',
      'identified',
      'monitoring',
      'monitoring',
      'resolved',
    ]);
    expect(statuspageStatus('triage', false, { triage: 'identified' })).toBe('identified');
    expect(statuspageStatus('monitoring', true)).toBe('resolved');
  });

  describe('errors say what, why and what to do', () => {
    const send = (config: StatuspageConfig, apiKey = KEY, memory: Record<string, unknown> | null = null, sendIo = io) =>
      statuspageKind.send(message('update', 'text'), config, { apiKey }, memory, sendIo).then(expectFailure);
    const configFor = (api: string, pageId = PAGE) => StatuspageConfig.parse({ apiUrl: api, pageId });

    it('401: the API key is refused', async () => {
      expect(await send(configFor(statuspage.url), 'old-key')).toEqual({
        error: `Could not open an incident on status page ${PAGE}: Statuspage refused the API key (Statuspage says: "Could not authenticate"). Re-enter it in Settings → Channels (API keys are under your Statuspage profile → API info).`,
        retry: false,
      });
    });

    it('404: the page does not exist', async () => {
      expect(await send(configFor(statuspage.url, 'nosuchpage'))).toEqual({
        error: 'Could not open an incident on status page nosuchpage: page nosuchpage was not found (Statuspage says: "The requested resource could not be found."). Check the page ID in Settings → Channels (it is in the page\'s API info).',
        retry: false,
      });
    });

    it('404 on an update: the page incident was deleted', async () => {
      expect(await send(configFor(statuspage.url), KEY, { id: 'gone1234', shortlink: null })).toEqual({
        error: `Could not update incident gone1234 on status page ${PAGE}: incident gone1234 on page ${PAGE} was not found (deleted on the status page?) (Statuspage says: "The requested resource could not be found.").`,
        retry: false,
      });
    });

    it('422: the incident is refused as invalid', async () => {
      const outcome = await statuspageKind.send(message('update', 'text', { title: '  ' }), configFor(statuspage.url), { apiKey: KEY }, null, io).then(expectFailure);
      expect(outcome).toEqual({
        error: `Could not open an incident on status page ${PAGE}: Statuspage refused it as invalid (Statuspage says: "Name can't be blank"). Check the channel's page ID, component IDs and impact in Settings → Channels.`,
        retry: false,
      });
    });

    it('420: rate limited, retried', async () => {
      statuspage.answerNext({ status: 420, body: { error: 'Rate limit exceeded' }, headers: { 'Retry-After': '30' } });
      expect(await send(configFor(statuspage.url))).toEqual({
        error: `Could not open an incident on status page ${PAGE}: Statuspage's rate limit was hit (retry after 30 s); it is sent again later.`,
        retry: true,
      });
    });

    it('connection refused: retried', async () => {
      const port = await refusedPort();
      expect(await send(configFor(`http://127.0.0.1:${port}/v1`))).toEqual({
        error: `Could not open an incident on status page ${PAGE}: http://127.0.0.1:${port}/v1/pages/${PAGE}/incidents refused the connection: nothing listens there; check the API URL and that the service is up.`,
        retry: true,
      });
    });

    it('no answer within the timeout: retried', async () => {
      statuspage.answerNext('hang');
      expect(await send(configFor(statuspage.url), KEY, null, { ...io, timeoutMs: 300 })).toEqual({
        error: `Could not open an incident on status page ${PAGE}: ${statuspage.url}/pages/${PAGE}/incidents did not answer within 0.3 s; check the network, or whether the service is down.`,
        retry: true,
      });
    });

    it('no API key stored', async () => {
      expect(await send(configFor(statuspage.url), '')).toEqual({ error: `No Statuspage API key is stored for the channel of page ${PAGE}. Enter one in Settings → Channels.`, retry: false });
      expect(statuspage.requests).toEqual([]);
    });
  });

  describe('a retry after a lost answer posts nothing twice', () => {
    const config = () => StatuspageConfig.parse({ apiUrl: statuspage.url, pageId: PAGE });
    const attempt = (event: ChannelEvent, text: string, n: number, changes: Partial<Incident> = {}): ChannelMessage => ({ ...message(event, text, changes), delivery: { id: 5, attempt: n } });
    const SEARCH = `/v1/pages/${PAGE}/incidents?q=Checkout+returns+502&limit=100`;

    it('an incident opened by an attempt whose answer was lost is found by name, not opened again', async () => {
      statuspage.answerNext('lost-answer', 'POST');
      expectFailure(await statuspageKind.send(attempt('update', 'Investigating.', 1), config(), { apiKey: KEY }, null, { ...io, timeoutMs: 300 }));
      const again = await statuspageKind.send(attempt('update', 'Investigating.', 2), config(), { apiKey: KEY }, null, io);
      expect(again).toEqual({
        ok: true,
        summary: `Already delivered (found after a restart): incident p00000000001 on status page ${PAGE} was opened by an earlier attempt.`,
        memory: { id: 'p00000000001', shortlink: 'https://stspg.io/00001' },
        link: 'https://stspg.io/00001',
      });
      expect(statuspage.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/pages/${PAGE}/incidents`, `GET ${SEARCH}`]);
      expect(statuspage.incidents.size).toBe(1);
    });

    it('an update whose answer was lost is found as the newest update, not posted again', async () => {
      const opened = await statuspageKind.send(message('update', 'Investigating.'), config(), { apiKey: KEY }, null, io);
      if (!opened.ok) throw new Error(opened.error);
      statuspage.requests.length = 0;
      statuspage.answerNext('lost-answer', 'PATCH');
      const change = (n: number) => attempt('status', 'A fix is out; we are watching.', n, { status: 'monitoring' });
      expectFailure(await statuspageKind.send(change(1), config(), { apiKey: KEY }, opened.memory!, { ...io, timeoutMs: 300 }));
      const again = await statuspageKind.send(change(2), config(), { apiKey: KEY }, opened.memory!, io);
      expect(again).toEqual({
        ok: true,
        summary: `Already delivered (found after a restart): incident p00000000001 on status page ${PAGE} already shows this update (monitoring).`,
        memory: { id: 'p00000000001', shortlink: 'https://stspg.io/00001' },
        link: 'https://stspg.io/00001',
      });
      expect(statuspage.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /v1/pages/${PAGE}/incidents/p00000000001`, `GET /v1/pages/${PAGE}/incidents/p00000000001`]);
      expect(statuspage.incidents.get('p00000000001')!.updates).toEqual([
        { status: 'investigating', body: 'Investigating.' },
        { status: 'monitoring', body: 'A fix is out; we are watching.' },
      ]);
    });

    it('a retry whose earlier attempt did not land sends it; a first attempt does not look', async () => {
      statuspage.answerNext({ status: 503, body: { error: 'Service Unavailable' } }, 'POST');
      expectFailure(await statuspageKind.send(attempt('update', 'Investigating.', 1), config(), { apiKey: KEY }, null, io));
      const opened = await statuspageKind.send(attempt('update', 'Investigating.', 2), config(), { apiKey: KEY }, null, io);
      expect(opened).toMatchObject({ ok: true, summary: `Opened incident p00000000001 on status page ${PAGE} (investigating).` });
      if (!opened.ok) return;
      statuspage.answerNext({ status: 503, body: { error: 'Service Unavailable' } }, 'PATCH');
      const resolve = (n: number) => attempt('resolved', 'Resolved.', n, { resolvedAt: NOW });
      expectFailure(await statuspageKind.send(resolve(1), config(), { apiKey: KEY }, opened.memory!, io));
      expect(await statuspageKind.send(resolve(2), config(), { apiKey: KEY }, opened.memory!, io)).toMatchObject({ ok: true, summary: `Updated incident p00000000001 on status page ${PAGE} (resolved).` });
      expect(statuspage.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `POST /v1/pages/${PAGE}/incidents`,
        `GET ${SEARCH}`,
        `POST /v1/pages/${PAGE}/incidents`,
        `PATCH /v1/pages/${PAGE}/incidents/p00000000001`,
        `GET /v1/pages/${PAGE}/incidents/p00000000001`,
        `PATCH /v1/pages/${PAGE}/incidents/p00000000001`,
      ]);
      expect(statuspage.incidents.get('p00000000001')!.updates.map((u) => u.status)).toEqual(['investigating', 'resolved']);
    });

    it('an incident of the same name opened before this incident began is not taken for ours', async () => {
      const older = await statuspageKind.send(message('update', 'Old outage.', { createdAt: NOW - 3 * 3_600_000 }), config(), { apiKey: KEY }, null, io);
      expect(older.ok).toBe(true);
      const later = await statuspageKind.send(attempt('update', 'New outage.', 2, { createdAt: NOW + 3 * 3_600_000 }), config(), { apiKey: KEY }, null, io);
      expect(later).toMatchObject({ ok: true, summary: `Opened incident p00000000002 on status page ${PAGE} (investigating).` });
    });
  });

  it('refuses a configuration a person got wrong, naming the field', () => {
    const bad = StatuspageConfig.safeParse({ pageId: 'my page', impactOverride: 'huge', statusMap: { triage: 'looking' } });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['pageId', 'impactOverride', 'statusMap.triage']);
    expect(bad.error?.issues[0].message).toBe('must be a Statuspage page ID (letters and digits, e.g. kctbh9vrtdwd)');
    expect(StatuspageConfig.parse({ pageId: PAGE })).toEqual({
      apiUrl: 'https://api.statuspage.io/v1',
      pageId: PAGE,
      componentIds: [],
      statusMap: {},
      resolveBody: 'This incident has been resolved.',
    });
  });
});
