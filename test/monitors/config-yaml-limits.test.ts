import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/engine/db/open-database';
import { ConfigError, formatIssue } from '../../main/engine/lib/config/config-errors';
import { MAX_CONFIG_BYTES } from '../../main/engine/lib/config/config-text';
import { loadMonitorConfig, parseMonitorConfig } from '../../main/engine/monitors/config-loader';
import { ProcedureStore } from '../../main/engine/runs/procedure-store';
import { RpcFailure } from '../../main/engine/rpc/rpc-failure';
import { removeDir, tempDir } from '../helpers/temp-dir';

/** The problems of a file that must not load, as people see them. */
function problems(text: string): string[] {
  try {
    parseMonitorConfig(text, 'monitors.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues.map(formatIssue);
  }
  throw new Error('the file loaded');
}

/** "Billion laughs": each anchor lists the one before ten times, 10^levels strings in all. */
function aliasBomb(levels = 9, indent = ''): string {
  const lines = [`${indent}l0: &l0 "lol"`];
  for (let i = 1; i <= levels; i++) lines.push(`${indent}l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

function monitorsWithSharedHeaders(count: number): string {
  const lines = ['monitors:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - name: api ${i}`, `    url: https://api-${i}.example.com/health`);
    lines.push(i === 0 ? '    headers: &h {X-Env: prod}' : '    headers: *h');
  }
  return `${lines.join('\n')}\n`;
}

describe('YAML aliases in the monitors file', () => {
  it('accepts a small anchor reused by every monitor', () => {
    const { monitors } = parseMonitorConfig(monitorsWithSharedHeaders(150), 'monitors.yaml');
    expect(monitors).toHaveLength(150);
    expect(monitors.every((m) => (m.settings as { headers: Record<string, string> }).headers['x-env'] === 'prod')).toBe(true);
  });

  it('stops an alias bomb at the alias that crosses the limit, with its position', { timeout: 5_000 }, () => {
    const found = problems(`${aliasBomb()}\nmonitors: []\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^monitors\.yaml:\d+:\d+: aliases repeat more than 5,242,880 values and characters in all, which is how an alias bomb looks; use fewer aliases or smaller anchors$/);
    expect(Number(found[0].split(':')[1])).toBeGreaterThan(3);
  });

  it('refuses an alias inside the value it names, which would be endless', () => {
    expect(problems('monitors:\n  - &m [1, *m]\n')).toEqual(['monitors.yaml:2:12: alias *m is inside the value it repeats']);
  });

  it('refuses an alias with no anchor before it', () => {
    expect(problems('monitors:\n  - name: a\n    url: *u\n')).toEqual([expect.stringMatching(/^monitors\.yaml:3:10: .*\bu\b/)]);
  });
});

describe('other YAML that costs far more than its size', () => {
  it('reports deep nesting with a position instead of exhausting the stack', { timeout: 10_000 }, () => {
    const depth = 100_000;
    const found = problems(`monitors: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^monitors\.yaml:1:\d+: .*nest/);
  });

  it('limits nesting that the parser itself accepts', () => {
    const found = problems(`monitors:\n  - name: a\n    url: https://a.example.com\n    body: ${'['.repeat(80)}${']'.repeat(80)}\n`);
    expect(found).toEqual([expect.stringMatching(/^monitors\.yaml:4:\d+: values nest more than 64 levels deep$/)]);
  });

  it('finds duplicate keys among tens of thousands in linear time, and lists the first hundred problems', { timeout: 15_000 }, () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `    k${i}: 1`);
    const found = problems(`monitors:\n  - name: a\n    url: https://a.example.com\n${keys.join('\n')}\n    k7: 2\n`);
    expect(found[0]).toBe("monitors.yaml:30004:5: key 'k7' appears twice in this map (first on line 11); keep one");
    const many = problems(`monitors:\n  - name: a\n    url: https://a.example.com\n${keys.join('\n')}\n`);
    expect(many).toHaveLength(101);
    expect(many[0]).toBe("monitors.yaml:4:5: monitor 'a': unknown field 'k0' for a http monitor");
    expect(many[100]).toMatch(/and 29900 more problems; fix these first$/);
  });
});

describe('the size of the monitors file', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));

  it('refuses text over the limit before parsing it', { timeout: 5_000 }, () => {
    const name = 'x'.repeat(MAX_CONFIG_BYTES);
    expect(problems(`monitors:\n  - name: ${name}\n`)).toEqual(['monitors.yaml:1:1: the file is larger than 5 MB, the most Trayage reads from a config file; remove entries or long values']);
  });

  it('refuses more values than 100,000 monitors hold before parsing them, where the count passes the limit', { timeout: 5_000 }, () => {
    // 2.2 MB, yet parsing one item per two characters would take the parser tens of seconds.
    expect(problems(`monitors: [${'1,'.repeat(1_100_000)}1]\n`)).toEqual([
      'monitors.yaml:1:2000009: the file holds more than 1,000,000 values (list items, keys and lines), the most Trayage reads from a config file; remove entries',
    ]);
    expect(problems(`monitors:\n${'- 1\n'.repeat(600_000)}`)).toEqual([expect.stringMatching(/^monitors\.yaml:500001:1: the file holds more than 1,000,000 values/)]);
  });

  it('reads no more of a huge file than the limit', { timeout: 5_000 }, () => {
    const file = path.join(dir, 'huge.yaml');
    // Sparse: 2 GB on paper, nothing on disk.
    fs.writeFileSync(file, 'monitors: []\n');
    fs.truncateSync(file, 2 ** 31);
    const before = process.memoryUsage().rss;
    expect(() => loadMonitorConfig(file)).toThrow(/^.*huge\.yaml:1:1: the file is larger than 5 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
  });
});

describe('procedures written in YAML', () => {
  let dir: string;
  let store: ProcedureStore;
  beforeAll(() => {
    dir = tempDir();
    store = new ProcedureStore(openDatabase(path.join(dir, 'trayage.db'), 'test').db);
  });
  afterAll(() => removeDir(dir));

  it('answers an alias bomb with bad_request and where it is', { timeout: 5_000 }, () => {
    let failure: unknown;
    try {
      store.save(`id: bomb\ntitle: Bomb\n${aliasBomb(9, '')}\n`, 'ana', 0);
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(RpcFailure);
    expect(failure).toMatchObject({ code: 'bad_request' });
    expect((failure as Error).message).toMatch(/line \d+, column \d+: aliases repeat more than 5,242,880/);
  });

  it('answers deep nesting with bad_request', { timeout: 10_000 }, () => {
    expect(() => store.save(`id: deep\nsteps: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, 'ana', 0)).toThrow(expect.objectContaining({ code: 'bad_request' }));
  });
});
