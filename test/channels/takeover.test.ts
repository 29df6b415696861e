import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../../main/engine/notifications/outbox-delivery';
import { type GithubApiServer, startGithubApiServer } from '../helpers/github-api-server';
import { type StatuspageApiServer, startStatuspageApiServer } from '../helpers/statuspage-api-server';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { channelEngine, fakeClock, until } from './engine-parts';

const TOKEN = 'github_pat_11TAKEOVER_loopback';
const KEY = 'statuspage-takeover-key';
const PAGE = 'kctbh9vrtdwd';

interface Row {
  id: number;
  event: string;
  attempts: number;
  sent_at: number | null;
  summary: string | null;
}

// An engine stops while GitHub or Statuspage holds its request: the receiver took it, the answer
// never came. After the lease runs out the next engine on the same file takes the row over and
// must find what the first one posted instead of posting it again.
describe('a delivery taken over after an engine stopped mid-request is not posted twice', () => {
  let dir: string;
  let github: GithubApiServer;
  let statuspage: StatuspageApiServer;
  const clock = fakeClock();
  const open: ReturnType<typeof channelEngine>[] = [];
  const engine = () => {
    const parts = channelEngine(dir, clock.now);
    open.push(parts);
    return parts;
  };
  const stop = (parts: ReturnType<typeof channelEngine>) => {
    parts.engine.close();
    expect(parts.errors).toEqual([]);
    open.splice(open.indexOf(parts), 1);
  };
  const rows = (): Row[] => {
    const db = new Database(path.join(dir, 'trayage.db'), { readonly: true });
    try {
      return db.prepare('SELECT id, event, attempts, sent_at, summary FROM channel_outbox ORDER BY id').all() as Row[];
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    dir = tempDir();
    github = await startGithubApiServer({ token: TOKEN, repos: ['acme/shop'] });
    statuspage = await startStatuspageApiServer({ apiKey: KEY, pages: [PAGE], now: clock.now });
  });
  afterEach(async () => {
    for (const parts of open.splice(0)) parts.engine.close();
    await github.close();
    await statuspage.close();
    removeDir(dir);
  });

  /** Stops `first` while its request hangs, then lets a second engine take the row over once the lease ran out. */
  async function takeOver(first: ReturnType<typeof channelEngine>, pending: Promise<unknown> | null, rowId: number) {
    stop(first);
    // A person waiting on the post is told it goes out again later.
    if (pending) expect(await pending).toMatchObject({ ok: false, willRetry: true });
    expect(rows().find((r) => r.id === rowId)).toMatchObject({ attempts: 1, sent_at: null });
    const second = engine();
    clock.advance(LEASE_MS + 1);
    const row = await until('the row to be delivered by the second engine', () => rows().find((r) => r.id === rowId && r.sent_at !== null));
    expect(row.attempts).toBe(2);
    return { second, row };
  }

  it('GitHub: the issue opened and the comment posted before the stop are found, not repeated', async () => {
    const first = engine();
    await first.call('channels.save', { name: 'shop issues', kind: 'github-issue', apiUrl: github.url, repo: 'acme/shop', token: TOKEN });
    // The issue is opened, but the engine stops before GitHub's answer comes.
    github.answerNext('lost-answer', 'POST');
    await first.call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1' });
    await until('GitHub to take the new issue', () => github.issues.size === 1);
    const opened = await takeOver(first, null, 1);
    expect(opened.row.summary).toBe('Already delivered (found after a restart): issue #1 in acme/shop was opened by an earlier attempt.');
    expect(github.issues.size).toBe(1);

    // The same for a comment: taken by GitHub, answer lost, engine stopped.
    github.answerNext('lost-answer', 'POST');
    const posting = opened.second.call('updates.post', { incidentId: 1, channelId: 1, text: 'Rolled back payment-proxy.' });
    await until('GitHub to take the comment', () => github.issues.get('acme/shop#1')!.comments.length === 1);
    const commented = await takeOver(opened.second, posting, 2);
    expect(commented.row.summary).toBe('Already delivered (found after a restart): the update is on issue #1 in acme/shop.');

    expect(github.issues.size).toBe(1);
    expect(github.issues.get('acme/shop#1')!.comments).toEqual(['Rolled back payment-proxy.\n\n<!-- trayage-delivery:2 -->']);
    expect(github.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /repos/acme/shop/issues',
      'POST /repos/acme/shop/issues',
      'GET /repos/acme/shop/issues',
      'POST /repos/acme/shop/issues/1/comments',
      'GET /repos/acme/shop/issues/1/comments',
    ]);
    // Stamped in the timeline just after the row is marked sent.
    const stamped = async () => (await commented.second.timeline(1)).filter((e) => ['channel', 'update', 'update-failed'].includes(e.kind));
    const entries = await until('both outcomes in the timeline', async () => {
      const found = await stamped();
      return found.length === 2 && found;
    });
    expect(entries.map((e) => e.text.split(':\n')[0])).toEqual([
      'Declaration sent via shop issues (Already delivered (found after a restart): issue #1 in acme/shop was opened by an earlier attempt.)',
      'Update sent via shop issues',
    ]);
    expect(await commented.second.call('channels.links', { incidentId: 1 })).toEqual([{ channelId: 1, channel: 'shop issues', link: 'https://github.com/acme/shop/issues/1' }]);
  });

  it('Statuspage: the incident opened and the update posted before the stop are found, not repeated', async () => {
    const first = engine();
    await first.call('channels.save', { name: 'public status', kind: 'statuspage', apiUrl: statuspage.url, pageId: PAGE, apiKey: KEY });
    await first.call('incidents.declare', { title: 'Checkout is failing', severity: 'P1' });
    statuspage.answerNext('lost-answer', 'POST');
    const creating = first.call('updates.post', { incidentId: 1, channelId: 1, text: 'We are investigating failed payments.' });
    await until('Statuspage to take the new incident', () => statuspage.incidents.size === 1);
    const created = await takeOver(first, creating, 1);
    expect(created.row.summary).toBe(`Already delivered (found after a restart): incident p00000000001 on status page ${PAGE} was opened by an earlier attempt.`);

    await created.second.call('incidents.setStatus', { id: 1, status: 'monitoring' });
    statuspage.answerNext('lost-answer', 'PATCH');
    const updating = created.second.call('updates.post', { incidentId: 1, channelId: 1, text: 'A fix is out; we are watching.' });
    await until('Statuspage to take the update', () => statuspage.incidents.get('p00000000001')!.updates.length === 2);
    const updated = await takeOver(created.second, updating, 2);
    expect(updated.row.summary).toBe(`Already delivered (found after a restart): incident p00000000001 on status page ${PAGE} already shows this update (monitoring).`);

    expect(statuspage.incidents.size).toBe(1);
    expect(statuspage.incidents.get('p00000000001')!.updates).toEqual([
      { status: 'investigating', body: 'We are investigating failed payments.' },
      { status: 'monitoring', body: 'A fix is out; we are watching.' },
    ]);
    expect(statuspage.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v1/pages/${PAGE}/incidents`,
      `GET /v1/pages/${PAGE}/incidents?q=Checkout+is+failing&limit=100`,
      `PATCH /v1/pages/${PAGE}/incidents/p00000000001`,
      `GET /v1/pages/${PAGE}/incidents/p00000000001`,
    ]);
    // The resolve after the takeovers goes to the incident that was found.
    await updated.second.call('incidents.setStatus', { id: 1, status: 'resolved' });
    await until('the page incident to be resolved', () => statuspage.incidents.get('p00000000001')!.status === 'resolved');
    expect(statuspage.incidents.size).toBe(1);
  });
});
