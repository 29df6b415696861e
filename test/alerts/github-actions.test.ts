import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedDeployRuns } from '../../main/engine/alerts/github-actions-client';
import { CLI } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/github', name), 'utf8');

// GitHub's REST API shapes, recorded, served on loopback; the token must arrive as a bearer header.
describe('GitHub Actions source (recorded responses on loopback)', () => {
  let server: http.Server;
  let api: string;
  const seen: { url: string; auth?: string }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization });
      if (req.headers.authorization !== 'Bearer ghp_test_token') {
        res.writeHead(401, { 'Content-Type': 'application/json' });
        return res.end('{"message":"Bad credentials"}');
      }
      if (req.url === '/repos/acme/heroforge') return res.end(fixture('repo.json'));
      if (req.url?.startsWith('/repos/acme/heroforge/actions/runs?branch=main')) return res.end(fixture('runs.json'));
      res.writeHead(404).end('{"message":"Not Found"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reports the latest failed run per workflow on the default branch only', async () => {
    const alerts = await failedDeployRuns(api, 'acme/heroforge', { auth: { bearer: 'ghp_test_token' }, source: 'deploys', severity: 'P2' });
    expect(alerts).toEqual([
      expect.objectContaining({
        source: 'deploys',
        key: 'run:30433642',
        name: 'Deploy failed on main',
        state: 'firing',
        severity: 'P2',
        url: 'https://github.com/acme/heroforge/actions/runs/30433642',
        startsAt: '2026-11-23T02:40:12Z',
        labels: expect.objectContaining({ workflow: 'Deploy', sha: 'acb5820', actor: 'dana' }),
        annotations: { summary: 'Bump checkout service to v2.3.1', conclusion: 'failure' },
      }),
    ]);
    expect(seen.at(-1)!.url).toBe('/repos/acme/heroforge/actions/runs?branch=main&per_page=30');
  });

  it('says when the token is refused', async () => {
    await expect(failedDeployRuns(api, 'acme/heroforge', { auth: { bearer: 'wrong' }, source: 'deploys', severity: 'P2' })).rejects.toThrow(
      /refused the credentials \(HTTP 401\); check the token/,
    );
  });

  // Run asynchronously: the recorded API is served from this very process.
  const runCli = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    promisify(execFile)(process.execPath, [CLI, ...args], { encoding: 'utf8', env }).then(
      (r) => ({ status: 0, stdout: r.stdout, stderr: r.stderr }),
      (e) => ({ status: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
    );

  it('trayage alerts lists them as JSON, reading the token from the environment', async () => {
    const dir = tempDir();
    const config = path.join(dir, 'monitors.yaml');
    fs.writeFileSync(config, `sources:\n  - name: deploys\n    github-actions: acme/heroforge\n    api-url: ${api}\n    token-env: TRAYAGE_TEST_GH_TOKEN\n`);
    const run = await runCli(['alerts', '--config', config, '--json'], { ...process.env, TRAYAGE_TEST_GH_TOKEN: 'ghp_test_token' });
    expect(run.status).toBe(0);
    const alerts = JSON.parse(run.stdout);
    expect(alerts).toEqual([
      {
        source: 'deploys',
        name: 'Deploy failed on main',
        state: 'firing',
        severity: 'P2',
        labels: expect.objectContaining({ repository: 'acme/heroforge' }),
        annotations: { summary: 'Bump checkout service to v2.3.1', conclusion: 'failure' },
        startsAt: '2026-11-23T02:40:12Z',
        silencedBy: [],
      },
    ]);
    fs.writeFileSync(config, 'sources:\n  - name: deploys\n    github-actions: not a repo\n');
    const bad = await runCli(['alerts', '--config', config]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/monitors\.yaml:3:5: source 1: github-actions: /);
    removeDir(dir);
  });
});

describe('sources added in the app', () => {
  it('keeps the token sealed and sends it as a bearer token', async () => {
    const { createEngine } = await import('../../main/engine/engine');
    const auths: (string | undefined)[] = [];
    const api = http.createServer((req, res) => {
      auths.push(req.headers.authorization);
      if (req.url === '/repos/acme/heroforge') return res.end(fixture('repo.json'));
      return res.end(fixture('runs.json'));
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const dir = tempDir();
    const engine = createEngine({ dataDir: dir, actor: 'ana', deliver: async () => {} });
    const call = async (method: string, params: unknown = {}) => ((await engine.dispatch({ id: 1, method, params })) as any).result;
    try {
      const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
      expect(await call('sources.save', { name: 'deploys', kind: 'github-actions', repo: 'acme/heroforge', apiUrl: url, token: 'ghp_sealed_secret' })).toEqual({ name: 'deploys' });
      const list = await (async () => {
        for (let i = 0; i < 50; i++) {
          const l = await call('alerts.list');
          if (l.alerts.length) return l;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error('no alerts from the app-added source');
      })();
      expect(list.sources).toEqual([expect.objectContaining({ name: 'deploys', origin: 'app', target: 'acme/heroforge', ok: true })]);
      expect(list.alerts.map((a: any) => a.name)).toEqual(['Deploy failed on main']);
      expect(auths.every((a) => a === 'Bearer ghp_sealed_secret')).toBe(true);
      const bad = (await engine.dispatch({ id: 2, method: 'sources.save', params: { name: 'x', kind: 'github-actions', repo: 'nope' } })) as any;
      expect(bad.error.issues).toEqual([{ path: 'repo', message: "must be 'owner/name'" }]);
    } finally {
      engine.close();
      await new Promise((r) => api.close(r));
    }
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('trayage.db'))) {
      expect(fs.readFileSync(path.join(dir, file)).includes(Buffer.from('ghp_sealed_secret'))).toBe(false);
    }
    removeDir(dir);
  });
});
