import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GithubApiServer, startGithubApiServer } from '../helpers/github-api-server';
import { type StatuspageApiServer, startStatuspageApiServer } from '../helpers/statuspage-api-server';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { channelEngine, fakeClock, until } from './engine-parts';

const TOKEN = 'github_pat_11ENGINE_loopback';
const KEY = 'statuspage-engine-key';
const PAGE = 'kctbh9vrtdwd';

// Through the whole engine: channels saved over RPC, incidents declared, changed and resolved, the
// outbox delivering to loopback servers answering GitHub's and Statuspage's documented shapes.
describe('GitHub issue and Statuspage channels through the engine', () => {
  let dir: string;
  let github: GithubApiServer;
  let statuspage: StatuspageApiServer;
  let parts: ReturnType<typeof channelEngine>;
  const clock = fakeClock();

  beforeEach(async () => {
    dir = tempDir();
    github = await startGithubApiServer({ token: TOKEN, repos: ['acme/shop'] });
    statuspage = await startStatuspageApiServer({ apiKey: KEY, pages: [PAGE] });
    parts = channelEngine(dir, clock.now);
  });
  afterEach(async () => {
    parts.engine.close();
    await github.close();
    await statuspage.close();
    expect(parts.errors).toEqual([]);
    removeDir(dir);
  });

  it('keeps an issue per incident of its services: opened on declare, comments, closed on resolve, linked', async () => {
    const { call, timeline } = parts;
    const channel = await call('channels.save', { name: 'shop issues', kind: 'github-issue', apiUrl: github.url, repo: 'acme/shop', labels: ['incident'], services: ['checkout'], token: TOKEN });
    expect(channel).toMatchObject({ kind: 'github-issue', settings: { repo: 'acme/shop', labels: ['incident'], services: ['checkout'] }, secretsSet: ['token'] });
    expect(JSON.stringify(channel)).not.toContain(TOKEN);

    await call('incidents.declare', { title: 'Search is slow', severity: 'P3', service: 'search' });
    await call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1', service: 'checkout', impact: 'Customers cannot pay', commander: 'ana' });
    await until('the issue to be opened', () => github.issues.get('acme/shop#1'));
    const opened = await until('the declaration in the timeline', async () => (await timeline(2)).find((e) => e.kind === 'channel'));
    expect(opened.text).toBe('Declaration sent via shop issues (Opened issue #1 in acme/shop.):\nIncident #2 declared (P1): Checkout returns 502.\nImpact: Customers cannot pay\nCommander: ana');
    expect(await call('channels.links', { incidentId: 2 })).toEqual([{ channelId: channel.id, channel: 'shop issues', link: 'https://github.com/acme/shop/issues/1' }]);

    await call('incidents.setStatus', { id: 2, status: 'identified' });
    // Waited for in the timeline, where the outbox stamps the outcome, so the update below is next in line.
    await until('the status comment to be stamped', async () => (await timeline(2)).some((e) => e.kind === 'channel' && e.data?.event === 'status'));
    const posted = await call('updates.post', { incidentId: 2, channelId: channel.id, text: 'Rolled back payment-proxy; errors are falling.' });
    expect(posted).toMatchObject({ ok: true, state: 'sent', summary: 'Posted the update on issue #1 in acme/shop.' });
    await call('incidents.setStatus', { id: 2, status: 'resolved', note: 'Payment-proxy v2.3.1 restored; error rate back to 0.1 %.' });
    await until('the issue to be closed with the resolution', () => github.issues.get('acme/shop#1')!.comments.length === 3);

    expect(github.issues.get('acme/shop#1')).toMatchObject({ title: '[P1] Checkout returns 502', state: 'closed', state_reason: 'completed', labels: ['incident'] });
    expect(github.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /repos/acme/shop/issues',
      'POST /repos/acme/shop/issues',
      'POST /repos/acme/shop/issues/1/comments',
      'POST /repos/acme/shop/issues/1/comments',
      'PATCH /repos/acme/shop/issues/1',
      'POST /repos/acme/shop/issues/1/comments',
    ]);
    // Each comment ends with its outbox row's hidden marker, which a retry looks for before posting again.
    expect(github.issues.get('acme/shop#1')!.comments).toEqual([
      'Incident #2 status: investigating → identified.\n\n<!-- trayage-delivery:2 -->',
      'Rolled back payment-proxy; errors are falling.\n\n<!-- trayage-delivery:3 -->',
      'Incident #2 (P1) is resolved: Checkout returns 502.\nResolution: Payment-proxy v2.3.1 restored; error rate back to 0.1 %.\n\n<!-- trayage-delivery:4 -->',
    ]);
    // The search incident is not this channel's service: nothing was sent or stamped for it.
    expect((await timeline(1)).filter((e) => e.kind === 'channel' || e.kind === 'update-failed')).toEqual([]);
  });

  it('a refused token is stamped in the timeline for people, with the text, and not retried', async () => {
    const { call, timeline } = parts;
    await call('channels.save', { name: 'shop issues', kind: 'github-issue', apiUrl: github.url, repo: 'acme/shop', token: 'github_pat_revoked' });
    await call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1' });
    const failed = await until('the failed attempt', async () => (await timeline(1)).find((e) => e.kind === 'update-failed'));
    expect(failed.text).toBe(
      'Declaration NOT sent via shop issues: Could not open an issue in acme/shop: GitHub refused the token (GitHub says: "Bad credentials"). Re-enter it in Settings → Channels → shop issues (a fine-grained token with Issues read and write on acme/shop). Not tried again: sending the same again cannot help.',
    );
    expect(failed.data).toMatchObject({ text: 'Incident #1 declared (P1): Checkout returns 502.', gaveUp: true });
    expect(github.requests).toHaveLength(1);
  });

  it('posts to the status page in one click: opened on the first post, updated after, resolved on resolve', async () => {
    const { call, timeline } = parts;
    const channel = await call('channels.save', {
      name: 'public status',
      kind: 'statuspage',
      apiUrl: statuspage.url,
      pageId: PAGE,
      componentIds: ['cmp1'],
      componentStatus: 'partial_outage',
      apiKey: KEY,
    });
    expect(channel).toMatchObject({ kind: 'statuspage', secretsSet: ['apiKey'] });
    await call('incidents.declare', { title: 'Checkout is failing', severity: 'P1' });

    const first = await call('updates.post', { incidentId: 1, channelId: channel.id, text: 'We are investigating failed payments.' });
    expect(first).toMatchObject({ ok: true, state: 'sent', summary: `Opened incident p00000000001 on status page ${PAGE} (investigating).` });
    // Declaring posted nothing: the page shows only what a person chose to post.
    expect(statuspage.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/pages/${PAGE}/incidents`]);
    expect(await call('channels.links', { incidentId: 1 })).toEqual([{ channelId: channel.id, channel: 'public status', link: 'https://stspg.io/00001' }]);

    await call('incidents.setStatus', { id: 1, status: 'monitoring' });
    const second = await call('updates.post', { incidentId: 1, channelId: channel.id, text: 'A fix is out; we are watching.' });
    expect(second).toMatchObject({ ok: true, state: 'sent', summary: `Updated incident p00000000001 on status page ${PAGE} (monitoring).` });
    await call('incidents.setStatus', { id: 1, status: 'resolved' });
    await until('the page incident to be resolved', () => statuspage.incidents.get('p00000000001')!.status === 'resolved');

    expect(statuspage.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        `/v1/pages/${PAGE}/incidents`,
        { incident: { name: 'Checkout is failing', status: 'investigating', body: 'We are investigating failed payments.', component_ids: ['cmp1'], components: { cmp1: 'partial_outage' } } },
      ],
      ['PATCH', `/v1/pages/${PAGE}/incidents/p00000000001`, { incident: { status: 'monitoring', body: 'A fix is out; we are watching.', component_ids: ['cmp1'], components: { cmp1: 'partial_outage' } } }],
      ['PATCH', `/v1/pages/${PAGE}/incidents/p00000000001`, { incident: { status: 'resolved', body: 'This incident has been resolved.', component_ids: ['cmp1'], components: { cmp1: 'operational' } } }],
    ]);
    const resolved = await until('the resolve in the timeline', async () => (await timeline(1)).find((e) => e.kind === 'channel' && e.data?.event === 'resolved'));
    expect(resolved.text).toBe(`Resolve sent via public status (Updated incident p00000000001 on status page ${PAGE} (resolved).):\nIncident #1 (P1) is resolved: Checkout is failing.`);
  });

  it('keeps the token and API key sealed: never in plaintext in the database file', async () => {
    const { call } = parts;
    await call('channels.save', { name: 'shop issues', kind: 'github-issue', repo: 'acme/shop', token: TOKEN });
    await call('channels.save', { name: 'public status', kind: 'statuspage', pageId: PAGE, apiKey: KEY });
    parts.engine.close();
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('trayage.db'))) {
      const bytes = fs.readFileSync(path.join(dir, file));
      expect(bytes.includes(Buffer.from(TOKEN)), file).toBe(false);
      expect(bytes.includes(Buffer.from(KEY)), file).toBe(false);
    }
  });
});
