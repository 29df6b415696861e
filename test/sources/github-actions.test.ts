import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedDeployRuns } from '../../main/engine/sources/github-actions-client';
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
