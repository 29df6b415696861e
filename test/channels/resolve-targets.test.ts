import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../helpers/github-api-server';
import { startPagerDutyServer } from '../helpers/pagerduty-events-server';
import { type RecordingServer, startRecordingServer } from '../helpers/recording-server';
import { type StatuspageApiServer, startStatuspageApiServer } from '../helpers/statuspage-api-server';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { channelEngine, fakeClock, until } from './engine-parts';

const ROUTING_KEY = 'R0UTINGKEY0000000000000000000000';
const GENIE_KEY = 'og-key-123';
const TOKEN = 'github_pat_11RESOLVE_loopback';
const SP_KEY = 'statuspage-resolve-key';
const PAGE = 'kctbh9vrtdwd';
const OTHER_PAGE = 'otherpage01';

// A resolve closes things: a PagerDuty or Opsgenie alert, a GitHub issue, a status page incident.
// Only channels that were told of the incident get one; a channel that never heard of it (one
// that was not paged, or added after the declaration) is sent nothing.
describe('a resolve goes only to the channels told of the incident before', () => {
  let dir: string;
  let parts: ReturnType<typeof channelEngine>;
  let pd: RecordingServer & { enqueueUrl: string };
  let og: RecordingServer;
  let github: GithubApiServer;
  let statuspage: StatuspageApiServer;
  const clock = fakeClock();

  beforeEach(async () => {
    dir = tempDir();
    pd = await startPagerDutyServer({ routingKey: ROUTING_KEY });
    og = await startRecordingServer('/v2', (req, p) =>
      req.headers.authorization === `GenieKey ${GENIE_KEY}` ? { status: 202, body: { result: 'Request will be processed', took: 0.02, requestId: `req-${p}` } } : { status: 401, body: { message: 'Could not authenticate' } },
    );
    github = await startGithubApiServer({ token: TOKEN, repos: ['acme/shop', 'acme/other'] });
    statuspage = await startStatuspageApiServer({ apiKey: SP_KEY, pages: [PAGE, OTHER_PAGE], now: clock.now });
    parts = channelEngine(dir, clock.now);
  });
  afterEach(async () => {
    parts.engine.close();
    await Promise.all([pd.close(), og.close(), github.close(), statuspage.close()]);
    expect(parts.errors).toEqual([]);
    removeDir(dir);
  });

  const resolveRows = () => {
    const db = new Database(path.join(dir, 'trayage.db'), { readonly: true });
    try {
      return (db.prepare("SELECT c.name FROM channel_outbox AS o JOIN channels AS c ON c.id = o.channel_id WHERE o.event = 'resolved' ORDER BY c.name").all() as { name: string }[]).map((r) => r.name);
    } finally {
      db.close();
    }
  };

  async function preset(id: 'pagerduty' | 'opsgenie', name: string, url: string, secret: string) {
    const p = (await parts.call('channels.presets')).find((x: { id: string }) => x.id === id);
    return parts.call('channels.save', { name, kind: 'http', preset: id, method: p.method, headers: p.headers, body: p.body, resolve: p.resolve, url, secret });
  }

  async function channels(suffix: string) {
    const { call } = parts;
    return {
      pd: await preset('pagerduty', `pd ${suffix}`, pd.enqueueUrl, ROUTING_KEY),
      og: await preset('opsgenie', `genie ${suffix}`, `${og.url}/alerts`, GENIE_KEY),
      github: await call('channels.save', { name: `issues ${suffix}`, kind: 'github-issue', apiUrl: github.url, repo: suffix === 'before' ? 'acme/shop' : 'acme/other', token: TOKEN }),
      statuspage: await call('channels.save', { name: `status ${suffix}`, kind: 'statuspage', apiUrl: statuspage.url, pageId: suffix === 'before' ? PAGE : OTHER_PAGE, apiKey: SP_KEY }),
    };
  }

  it('PagerDuty and Opsgenie resolve, GitHub closes, Statuspage resolves: only where told; nothing for a channel added after the declaration', async () => {
    const { call } = parts;
    const before = await channels('before');
    // A PagerDuty channel that exists from the start but is never paged for this incident.
    await preset('pagerduty', 'pd silent', pd.enqueueUrl, ROUTING_KEY);
    await call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1' });
    await until('the issue to be opened', () => github.issues.get('acme/shop#1'));
    expect(await call('channels.page', { incidentId: 1, channelId: before.pd.id, text: 'Checkout fails.' })).toMatchObject({ ok: true, state: 'sent' });
    expect(await call('channels.page', { incidentId: 1, channelId: before.og.id, text: 'Checkout fails.' })).toMatchObject({ ok: true, state: 'sent' });
    expect(await call('updates.post', { incidentId: 1, channelId: before.statuspage.id, text: 'We are investigating.' })).toMatchObject({ ok: true, state: 'sent' });

    const after = await channels('after');
    await call('incidents.setStatus', { id: 1, status: 'resolved' });
    // Queued in the same change as the resolve: these four, and no other.
    expect(resolveRows()).toEqual(['genie before', 'issues before', 'pd before', 'status before']);

    await until('PagerDuty to get the resolve', () => pd.requests.length === 2);
    await until('Opsgenie to close the alert', () => og.requests.length === 2);
    await until('the issue to be closed', () => github.issues.get('acme/shop#1')!.state === 'closed' && github.issues.get('acme/shop#1')!.comments.length === 2);
    await until('the page incident to be resolved', () => statuspage.incidents.get('p00000000001')!.status === 'resolved');

    expect(pd.requests.map((r) => (r.body as { event_action: string }).event_action)).toEqual(['trigger', 'resolve']);
    expect(og.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/alerts', 'POST /v2/alerts/trayage-1/close?identifierType=alias']);
    expect(github.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /repos/acme/shop/issues',
      'POST /repos/acme/shop/issues',
      // The status page post is a person's update: the issue follows it as a comment.
      'POST /repos/acme/shop/issues/1/comments',
      'PATCH /repos/acme/shop/issues/1',
      'POST /repos/acme/shop/issues/1/comments',
    ]);
    expect(statuspage.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/pages/${PAGE}/incidents`, `PATCH /v1/pages/${PAGE}/incidents/p00000000001`]);
    expect(statuspage.incidents.size).toBe(1);
    // The channels added after the declaration were saved and exist; they were simply never told.
    expect((await call('channels.list')).map((c: { name: string }) => c.name).filter((n: string) => n.endsWith('after'))).toEqual(
      [after.pd, after.og, after.github, after.statuspage].map((c) => c.name).sort(),
    );
  });
});
