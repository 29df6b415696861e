import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMonitorConfig } from '../../main/engine/monitors/config-loader';
import { formatCheckLine, runChecksOnce } from '../../main/engine/monitors/run-once';
import { closedPort, startHttp, type TestServer } from './helpers/servers';

let server: TestServer;

beforeAll(async () => {
  server = await startHttp((req, res) => {
    if (req.url === '/ready') res.end(JSON.stringify({ status: 'ok' }));
    else {
      res.statusCode = 503;
      res.end(JSON.stringify({ status: 'starting' }));
    }
  });
});

afterAll(() => server.close());

describe('runChecksOnce', () => {
  it('checks every monitor once, in config order, with the fields of `trayage check --json`', async () => {
    const port = await closedPort();
    const { monitors } = parseMonitorConfig(
      `monitors:
  - name: ready
    url: ${server.url}/ready
    conditions: ["[STATUS] == 200", "[BODY].status == ok"]
  - name: warming
    url: ${server.url}/warming
    conditions: ["[STATUS] == 200", "[BODY].status == ok"]
  - name: gone
    url: http://127.0.0.1:${port}/
`,
      'monitors.yaml',
    );
    const results = await runChecksOnce(monitors);
    expect(results.map((r) => Object.keys(r).sort())).toEqual(Array(3).fill(['error', 'failedConditions', 'name', 'ok', 'responseTimeMs', 'status']));
    expect(results.map((r) => [r.name, r.ok, r.status])).toEqual([
      ['ready', true, 200],
      ['warming', false, 503],
      ['gone', false, null],
    ]);
    expect(results[1].failedConditions).toEqual(['[STATUS] was 503, expected 200', '[BODY].status was "starting", expected ok']);
    expect(results[2].error).toBe(`connection refused by 127.0.0.1:${port}: nothing is listening on that port`);

    const lines = results.map(formatCheckLine);
    expect(lines[0]).toMatch(/^up {4}ready {2}200 {2}\d+ ms$/);
    expect(lines[1]).toMatch(/^DOWN {2}warming {2}503 {2}\d+ ms {2}\[STATUS\] was 503, expected 200; \[BODY\]\.status was "starting", expected ok$/);
    expect(lines[2]).toMatch(/^DOWN {2}gone {2}\d+ ms {2}connection refused by 127\.0\.0\.1:\d+: nothing is listening on that port$/);
  });
});
