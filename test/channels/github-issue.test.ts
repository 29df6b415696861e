import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../preload/contract';
import type { ChannelMessage, SendIo, SendOutcome } from '../../main/engine/channels/kinds/channel-kind';
import type { ChannelEvent } from '../../main/engine/channels/channels-port';
import { GithubIssueConfig, githubIssueKind } from '../../main/engine/channels/kinds/github-issue-kind';
import { type GithubApiServer, startGithubApiServer } from '../helpers/github-api-server';
import { refusedPort } from '../helpers/recording-server';
import { channelIncident, kindMessage } from './kind-message';

const TOKEN = 'github_pat_11ABCDEFG_loopback';
const NOW = Date.UTC(2026, 10, 28, 14, 0, 0);
const io: SendIo = { timeoutMs: 5_000, now: () => NOW };

const incident = channelIncident(42, NOW);
const message = kindMessage(incident, incident.title);

// The hidden marker that lets a retried declare find the issue an earlier attempt opened.
const MARKER = `<!-- trayage:trayage-42:${incident.createdAt} -->`;
// Issues updated since an hour before the incident began (clocks differ), newest first.
const LOOK_UP = '/api/v3/repos/acme/shop/issues?state=all&since=2026-11-28T12%3A50%3A00.000Z&sort=created&direction=desc&per_page=100';

const configFor = (api: string, extra: Record<string, unknown> = {}) => GithubIssueConfig.parse({ apiUrl: api, repo: 'acme/shop', labels: ['incident', 'sev1'], ...extra });

function expectFailure(outcome: SendOutcome): { error: string; retry: boolean } {
  if (outcome.ok) throw new Error(`expected a failure, got: ${outcome.summary}`);
  return { error: outcome.error, retry: outcome.retry };
}

describe('GitHub incident issue channel (GitHub REST shapes on loopback)', () => {
  let github: GithubApiServer;
  beforeAll(async () => {
    github = await startGithubApiServer({ token: TOKEN, repos: ['acme/shop', 'acme/legacy'], issuesDisabled: ['acme/legacy'], basePath: '/api/v3' });
  });
  afterAll(() => github.close());
  beforeEach(() => {
    github.requests.length = 0;
    github.issues.clear();
  });

  it('opens an issue on declare, comments each update, closes it with the resolution on resolve', async () => {
    const config = configFor(github.url);
    const secrets = { token: TOKEN };
    const declared = await githubIssueKind.send(message('declared', 'Checkout is failing for all card payments.'), config, secrets, null, io);
    expect(declared).toEqual({
      ok: true,
      summary: 'Opened issue #1 in acme/shop.',
      memory: { number: 1, html_url: 'https://github.com/acme/shop/issues/1' },
      link: 'https://github.com/acme/shop/issues/1',
    });
    if (!declared.ok) return;
    const identified = await githubIssueKind.send(message('status', 'Identified: a bad deploy of the payment proxy.', { status: 'identified' }), config, secrets, declared.memory!, io);
    expect(identified).toMatchObject({ ok: true, summary: 'Posted the update on issue #1 in acme/shop.', link: 'https://github.com/acme/shop/issues/1' });
    if (!identified.ok) return;
    const update = await githubIssueKind.send(message('update', 'Rollback is out; error rate is falling.'), config, secrets, identified.memory!, io);
    if (!update.ok) throw new Error(update.error);
    const resolved = await githubIssueKind.send(message('resolved', 'Resolved: rolled back payment-proxy to v1.8.2.', { resolvedAt: NOW }), config, secrets, update.memory!, io);
    expect(resolved).toEqual({
      ok: true,
      summary: 'Closed issue #1 in acme/shop with the resolution.',
      memory: { number: 1, html_url: 'https://github.com/acme/shop/issues/1', closed: true },
      link: 'https://github.com/acme/shop/issues/1',
    });

    expect(github.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['GET', LOOK_UP, undefined],
      [
        'POST',
        '/api/v3/repos/acme/shop/issues',
        {
          title: '[P1] Checkout returns 502',
          body: `Checkout is failing for all card payments.\n\n| Severity | Service | Commander |\n|---|---|---|\n| P1 | checkout | dana |\n\nImpact: Customers cannot pay\n\n_Trayage incident #42_\n\n${MARKER}`,
          labels: ['incident', 'sev1'],
        },
      ],
      ['POST', '/api/v3/repos/acme/shop/issues/1/comments', { body: 'Identified: a bad deploy of the payment proxy.' }],
      ['POST', '/api/v3/repos/acme/shop/issues/1/comments', { body: 'Rollback is out; error rate is falling.' }],
      ['PATCH', '/api/v3/repos/acme/shop/issues/1', { state: 'closed', state_reason: 'completed' }],
      ['POST', '/api/v3/repos/acme/shop/issues/1/comments', { body: 'Resolved: rolled back payment-proxy to v1.8.2.' }],
    ]);
    for (const r of github.requests) {
      expect(r.headers).toMatchObject({ accept: 'application/vnd.github+json', authorization: `Bearer ${TOKEN}`, 'x-github-api-version': '2022-11-28' });
      expect(r.headers['content-type']).toBe(r.method === 'GET' ? undefined : 'application/json');
      expect(r.headers['user-agent']).toMatch(/^Trayage\/\d+\.\d+\.\d+/);
    }
    expect(github.issues.get('acme/shop#1')).toMatchObject({ state: 'closed', state_reason: 'completed', comments: [expect.any(String), expect.any(String), expect.any(String)] });
  });

  it('fills the templates, leaving "—" for what the incident does not have', async () => {
    const config = configFor(github.url, { titleTemplate: 'INC-{{id}} {{ title }} ({{service}})', bodyTemplate: 'Commander: {{commander}}\n{{text}}' });
    const outcome = await githubIssueKind.send(message('declared', 'First report.', { service: '', commander: '' }), config, { token: TOKEN }, null, io);
    expect(outcome.ok).toBe(true);
    expect(github.requests[1].body).toEqual({ title: 'INC-42 Checkout returns 502 (—)', body: `Commander: —\nFirst report.\n\n${MARKER}`, labels: ['incident', 'sev1'] });
  });

  it("keeps to the channel's services: other incidents are not wanted, and a post by hand says why nothing went out", async () => {
    const config = configFor(github.url, { services: ['Payments', 'search'] });
    const outcome = await githubIssueKind.send(message('update', 'x'), config, { token: TOKEN }, null, { ...io, channelName: 'shop issues' });
    expect(outcome).toEqual({
      ok: false,
      error: 'Not this channel\'s service: the incident\'s service is "checkout", and this channel keeps issues for Payments, search only. Add the service in Settings → Channels → shop issues, or post to another channel.',
      retry: false,
    });
    expect(github.requests).toEqual([]);
    const matching = await githubIssueKind.send(message('declared', 'x', { service: 'payments' }), config, { token: TOKEN }, null, io);
    expect(matching).toMatchObject({ ok: true, memory: { number: 1 } });
    // The same filter keeps followed events of other services from reaching the channel at all.
    expect(githubIssueKind.wants!(message('declared', 'x'), config)).toBe(false);
    expect(githubIssueKind.wants!(message('declared', 'x', { service: ' Search ' }), config)).toBe(true);
    expect(githubIssueKind.wants!(message('declared', 'x'), configFor(github.url))).toBe(true);
  });

  it('opens the issue on the first update when there was none, and does not open one to close it', async () => {
    const config = configFor(github.url);
    const skipped = await githubIssueKind.send(message('resolved', 'Resolved.'), config, { token: TOKEN }, null, io);
    expect(skipped).toEqual({ ok: true, summary: 'No issue was opened in acme/shop for this incident, so there is none to close.' });
    expect(github.requests).toEqual([]);
    const first = await githubIssueKind.send(message('update', 'Still looking.'), config, { token: TOKEN }, null, io);
    expect(first).toMatchObject({ ok: true, memory: { number: 1 } });
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${LOOK_UP}`, 'POST /api/v3/repos/acme/shop/issues']);
  });

  it('a declare retried after its answer was lost finds the issue it opened instead of opening another', async () => {
    const config = configFor(github.url);
    github.answerNext('lost-answer', 'POST');
    const lost = expectFailure(await githubIssueKind.send(message('declared', 'down'), config, { token: TOKEN }, null, { ...io, timeoutMs: 300 }));
    expect(lost.retry).toBe(true);
    const retried = await githubIssueKind.send(message('declared', 'down'), config, { token: TOKEN }, null, io);
    expect(retried).toEqual({
      ok: true,
      summary: 'Already delivered (found after a restart): issue #1 in acme/shop was opened by an earlier attempt.',
      memory: { number: 1, html_url: 'https://github.com/acme/shop/issues/1' },
      link: 'https://github.com/acme/shop/issues/1',
    });
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${LOOK_UP}`, 'POST /api/v3/repos/acme/shop/issues', `GET ${LOOK_UP}`]);
    expect(github.issues.size).toBe(1);
  });

  it('re-opens a closed issue when the incident is re-opened, then comments', async () => {
    const config = configFor(github.url);
    const opened = await githubIssueKind.send(message('declared', 'down'), config, { token: TOKEN }, null, io);
    if (!opened.ok) throw new Error(opened.error);
    const closed = await githubIssueKind.send(message('resolved', 'fixed'), config, { token: TOKEN }, opened.memory!, io);
    if (!closed.ok) throw new Error(closed.error);
    github.requests.length = 0;
    const relapse = await githubIssueKind.send(message('status', 'It is back: investigating again.'), config, { token: TOKEN }, closed.memory!, io);
    expect(relapse).toMatchObject({ ok: true, summary: 'Re-opened issue #1 in acme/shop and posted the update.', memory: { number: 1, closed: false } });
    expect(github.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['PATCH', '/api/v3/repos/acme/shop/issues/1', { state: 'open', state_reason: 'reopened' }],
      ['POST', '/api/v3/repos/acme/shop/issues/1/comments', { body: 'It is back: investigating again.' }],
    ]);
  });

  it('a resolve retried after its comment failed closes again and posts the resolution once', async () => {
    const config = configFor(github.url);
    const opened = await githubIssueKind.send(message('declared', 'down'), config, { token: TOKEN }, null, io);
    if (!opened.ok) throw new Error(opened.error);
    github.requests.length = 0;
    // The close goes through; the comment after it meets a GitHub outage.
    github.answerNext({ status: 200, body: { number: 1, html_url: 'https://github.com/acme/shop/issues/1', state: 'closed' } });
    github.answerNext({ status: 502, body: { message: 'Server Error' } });
    const failed = expectFailure(await githubIssueKind.send(message('resolved', 'Fixed by rollback.'), config, { token: TOKEN }, opened.memory!, io));
    expect(failed).toEqual({ error: 'Could not comment on issue #1 in acme/shop: GitHub answered HTTP 502 (GitHub says: "Server Error"); it is sent again later.', retry: true });
    const retried = await githubIssueKind.send(message('resolved', 'Fixed by rollback.'), config, { token: TOKEN }, opened.memory!, io);
    expect(retried.ok).toBe(true);
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PATCH /api/v3/repos/acme/shop/issues/1',
      'POST /api/v3/repos/acme/shop/issues/1/comments',
      'PATCH /api/v3/repos/acme/shop/issues/1',
      'POST /api/v3/repos/acme/shop/issues/1/comments',
    ]);
    expect(github.issues.get('acme/shop#1')!.comments).toEqual(['Fixed by rollback.']);
  });

  describe('a retry after a lost answer posts nothing twice', () => {
    // A comment's outbox row is in a hidden marker; a later attempt at the row looks for it first.
    const retried = (event: ChannelEvent, text: string, attempt: number, changes: Partial<Incident> = {}): ChannelMessage => ({ ...message(event, text, changes), delivery: { id: 17, attempt } });
    const COMMENTS = '/api/v3/repos/acme/shop/issues/1/comments?since=2026-11-28T12%3A50%3A00.000Z&per_page=100&page=1';
    const open = async () => {
      const opened = await githubIssueKind.send(message('declared', 'down'), configFor(github.url), { token: TOKEN }, null, io);
      if (!opened.ok) throw new Error(opened.error);
      github.requests.length = 0;
      return opened.memory!;
    };

    it('a comment whose answer was lost is found by its marker, not posted again', async () => {
      const memory = await open();
      github.answerNext('lost-answer', 'POST');
      const lost = expectFailure(await githubIssueKind.send(retried('update', 'Rollback is out.', 1), configFor(github.url), { token: TOKEN }, memory, { ...io, timeoutMs: 300 }));
      expect(lost.retry).toBe(true);
      const again = await githubIssueKind.send(retried('update', 'Rollback is out.', 2), configFor(github.url), { token: TOKEN }, memory, io);
      expect(again).toEqual({
        ok: true,
        summary: 'Already delivered (found after a restart): the update is on issue #1 in acme/shop.',
        memory: { number: 1, html_url: 'https://github.com/acme/shop/issues/1', closed: false },
        link: 'https://github.com/acme/shop/issues/1',
      });
      expect(github.requests.map((r) => [r.method, r.path, r.body])).toEqual([
        ['POST', '/api/v3/repos/acme/shop/issues/1/comments', { body: 'Rollback is out.\n\n<!-- trayage-delivery:17 -->' }],
        ['GET', COMMENTS, undefined],
      ]);
      expect(github.issues.get('acme/shop#1')!.comments).toEqual(['Rollback is out.\n\n<!-- trayage-delivery:17 -->']);
    });

    it('a retry whose earlier attempt did not land posts the comment; a first attempt does not look', async () => {
      const memory = await open();
      github.answerNext({ status: 502, body: { message: 'Server Error' } }, 'POST');
      expectFailure(await githubIssueKind.send(retried('update', 'Still looking.', 1), configFor(github.url), { token: TOKEN }, memory, io));
      const again = await githubIssueKind.send(retried('update', 'Still looking.', 2), configFor(github.url), { token: TOKEN }, memory, io);
      expect(again).toMatchObject({ ok: true, summary: 'Posted the update on issue #1 in acme/shop.' });
      expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v3/repos/acme/shop/issues/1/comments', `GET ${COMMENTS}`, 'POST /api/v3/repos/acme/shop/issues/1/comments']);
      expect(github.issues.get('acme/shop#1')!.comments).toEqual(['Still looking.\n\n<!-- trayage-delivery:17 -->']);
    });

    it('a resolve whose comment answer was lost closes again and finds its resolution', async () => {
      const memory = await open();
      github.answerNext({ status: 200, body: { number: 1, html_url: 'https://github.com/acme/shop/issues/1', state: 'closed' } }, 'PATCH');
      github.answerNext('lost-answer', 'POST');
      expectFailure(await githubIssueKind.send(retried('resolved', 'Fixed.', 1), configFor(github.url), { token: TOKEN }, memory, { ...io, timeoutMs: 300 }));
      const again = await githubIssueKind.send(retried('resolved', 'Fixed.', 2), configFor(github.url), { token: TOKEN }, memory, io);
      expect(again).toMatchObject({ ok: true, summary: 'Already delivered (found after a restart): issue #1 in acme/shop is closed with the resolution.', memory: { closed: true } });
      expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'PATCH /api/v3/repos/acme/shop/issues/1',
        'POST /api/v3/repos/acme/shop/issues/1/comments',
        'PATCH /api/v3/repos/acme/shop/issues/1',
        `GET ${COMMENTS}`,
      ]);
      expect(github.issues.get('acme/shop#1')).toMatchObject({ state: 'closed', comments: ['Fixed.\n\n<!-- trayage-delivery:17 -->'] });
    });

    it('looks through every page of comments', async () => {
      const memory = await open();
      for (let i = 0; i < 100; i++) github.issues.get('acme/shop#1')!.comments.push(`note ${i}`);
      await githubIssueKind.send(retried('update', 'On page two.', 1), configFor(github.url), { token: TOKEN }, memory, io);
      github.requests.length = 0;
      const again = await githubIssueKind.send(retried('update', 'On page two.', 2), configFor(github.url), { token: TOKEN }, memory, io);
      expect(again).toMatchObject({ ok: true, summary: 'Already delivered (found after a restart): the update is on issue #1 in acme/shop.' });
      expect(github.requests.map((r) => r.path)).toEqual([COMMENTS, COMMENTS.replace('&page=1', '&page=2')]);
    });
  });

  describe('errors say what, why and what to do', () => {
    const send = (config: GithubIssueConfig, token = TOKEN, memory: Record<string, unknown> | null = null, sendIo = io) =>
      githubIssueKind.send(message(memory ? 'update' : 'declared', 'text'), config, { token }, memory, sendIo).then(expectFailure);

    it('401: the token is refused; re-enter it', async () => {
      expect(await send(configFor(github.url), 'github_pat_revoked')).toEqual({
        error: 'Could not open an issue in acme/shop: GitHub refused the token (GitHub says: "Bad credentials"). Re-enter it in Settings → Channels (a fine-grained token with Issues read and write on acme/shop).',
        retry: false,
      });
    });

    it("names the channel where the token is fixed when its name is known", async () => {
      const outcome = await githubIssueKind.send(message('declared', 'x'), configFor(github.url), { token: 'nope' }, null, { ...io, channelName: 'shop issues' }).then(expectFailure);
      expect(outcome.error).toContain('Re-enter it in Settings → Channels → shop issues (a fine-grained token');
    });

    it('no token stored at all', async () => {
      expect(await send(configFor(github.url), '')).toEqual({
        error: 'No GitHub token is stored for the issue channel of acme/shop. Enter one in Settings → Channels (a fine-grained token with Issues read and write).',
        retry: false,
      });
      expect(github.requests).toEqual([]);
    });

    it('403 with the rate limit used up: when it lifts, retried', async () => {
      const reset = Math.floor(NOW / 1000) + 12 * 60;
      github.answerNext({ status: 403, body: { message: 'API rate limit exceeded for user ID 1.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } });
      expect(await send(configFor(github.url))).toEqual({
        error: "Could not open an issue in acme/shop: the token's GitHub API rate limit is used up until 14:12 UTC (in 12 min); it is sent again after that.",
        retry: true,
      });
    });

    it('403 with Retry-After: the secondary rate limit, retried', async () => {
      github.answerNext({ status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers: { 'retry-after': '60' } }, 'POST');
      expect(await send(configFor(github.url))).toEqual({
        error: 'Could not open an issue in acme/shop: GitHub asks to slow down for 60 s (secondary rate limit) (GitHub says: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."); it is sent again later.',
        retry: true,
      });
    });

    it('403 without a rate limit: the token lacks the permission', async () => {
      github.answerNext({ status: 403, body: { message: 'Resource not accessible by personal access token' } });
      expect(await send(configFor(github.url))).toEqual({
        error: 'Could not open an issue in acme/shop: the token may not write issues in acme/shop (GitHub says: "Resource not accessible by personal access token"). Give the fine-grained token Issues read and write on this repository, then re-enter it in Settings → Channels.',
        retry: false,
      });
    });

    it('404: the repository does not exist or the token cannot see it', async () => {
      expect(await send(configFor(github.url, { repo: 'acme/nope' }))).toEqual({
        error: 'Could not open an issue in acme/nope: repository acme/nope was not found, or the token cannot see it (GitHub says: "Not Found"). Check the repository name in Settings → Channels and that the token was granted this repository.',
        retry: false,
      });
      expect(github.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(['GET /api/v3/repos/acme/nope/issues']);
    });

    it('404 on a comment: the issue is gone', async () => {
      expect(await send(configFor(github.url), TOKEN, { number: 77, html_url: 'https://github.com/acme/shop/issues/77' })).toEqual({
        error: 'Could not comment on issue #77 in acme/shop: issue #77 in acme/shop was not found (deleted or transferred?), or the token cannot see the repository (GitHub says: "Not Found").',
        retry: false,
      });
    });

    it('410: issues are turned off in the repository', async () => {
      expect(await send(configFor(github.url, { repo: 'acme/legacy' }))).toEqual({
        error: 'Could not open an issue in acme/legacy: issues are turned off in acme/legacy (GitHub says: "Issues are disabled for this repo"). Turn them on in the repository\'s settings (Features → Issues) or choose another repository.',
        retry: false,
      });
    });

    it("422: GitHub's validation errors", async () => {
      github.answerNext({ status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'labels', code: 'invalid' }, { resource: 'Issue', code: 'custom', message: 'title is too long' }] } }, 'POST');
      expect(await send(configFor(github.url))).toEqual({
        error: 'Could not open an issue in acme/shop: GitHub refused it as invalid: Validation Failed (labels invalid; title is too long). Check the channel\'s labels and templates in Settings → Channels.',
        retry: false,
      });
    });

    it('connection refused: retried', async () => {
      const port = await refusedPort();
      const failure = await send(configFor(`http://127.0.0.1:${port}/api/v3`));
      expect(failure).toEqual({
        error: `Could not open an issue in acme/shop: http://127.0.0.1:${port}/api/v3/repos/acme/shop/issues refused the connection: nothing listens there; check the API URL and that the service is up.`,
        retry: true,
      });
    });

    it('no answer within the timeout: retried', async () => {
      github.answerNext('hang', 'POST');
      const failure = await send(configFor(github.url), TOKEN, null, { ...io, timeoutMs: 300 });
      expect(failure).toEqual({
        error: `Could not open an issue in acme/shop: ${github.url}/repos/acme/shop/issues did not answer within 0.3 s; check the network, or whether the service is down.`,
        retry: true,
      });
    });

    it('a server that is not GitHub (an HTML login page): check the API URL, not retried', async () => {
      github.answerNext({ status: 200, body: '<html><body>Sign in</body></html>', headers: { 'Content-Type': 'text/html' } }, 'POST');
      expect(await send(configFor(github.url))).toEqual({
        error: `Could not open an issue in acme/shop: ${github.url}/repos/acme/shop/issues answered HTTP 200 but is not a GitHub REST API (its answer is not JSON but "<html><body>Sign in</body></html>"); check the API URL.`,
        retry: false,
      });
    });
  });

  it('refuses a configuration a person got wrong, naming the field', () => {
    const repo = GithubIssueConfig.safeParse({ repo: 'shop' });
    expect(repo.success).toBe(false);
    expect(repo.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['repo', "must be 'owner/name', e.g. acme/shop"]]);
    const template = GithubIssueConfig.safeParse({ repo: 'acme/shop', titleTemplate: '{{titel}}' });
    expect(template.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['titleTemplate', '{{titel}} is not a placeholder; use {{id}}, {{title}}, {{severity}}, {{status}}, {{service}}, {{impact}}, {{commander}}, {{text}}'],
    ]);
    expect(GithubIssueConfig.parse({ repo: 'acme/shop' })).toMatchObject({ apiUrl: 'https://api.github.com', labels: ['incident'], services: [] });
  });
});
