import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../../main/engine/lib/config/config-errors';
import { MAX_CONFIG_BYTES } from '../../main/engine/lib/config/config-text';
import { readPlainYaml } from '../../main/engine/lib/config/plain-yaml';
import { loadMonitorConfig } from '../../main/engine/monitors/config-loader';
import type { HttpSettings } from '../../main/engine/monitors/checks/http-check';
import { removeDir, tempDir } from '../helpers/temp-dir';

// Shared settings, Docker Compose style: anchors under x- keys, merged with `<<: *name`.
const SHARED = `x-defaults: &defaults
  interval: 30s
  timeout: 2s
  headers: { X-Env: prod }
x-poll: &poll
  poll: 5s
x-fast: &fast
  interval: 5s
  failure-threshold: 1
monitors:
  - <<: *defaults
    name: api
    url: http://127.0.0.1:1/api
    timeout: 3s
  - name: checkout
    <<: [*fast, *defaults]
    url: http://127.0.0.1:1/checkout
sources:
  - <<: *poll
    name: am
    alertmanager: http://127.0.0.1:9093
`;

// An explicit tag is left to the `yaml` package, so the same file is read by both readers.
const viaFallback = (text: string) => text.replace('name: api', 'name: !!str api');

let dir: string;
beforeAll(() => {
  dir = tempDir('trayage-merge-');
});
afterAll(() => removeDir(dir));

function load(name: string, text: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return loadMonitorConfig(file);
}

function problems(name: string, text: string): string[] {
  try {
    load(name, text);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.issues.map((issue) => formatIssue(issue).replace(`${dir}${path.sep}`, ''));
  }
  throw new Error('the file loaded');
}

describe('merge keys and x- blocks in the monitors file', () => {
  it('ignores x- top-level keys and merges anchors, the entry’s own keys winning', () => {
    expect(readPlainYaml(SHARED, { maxRepeated: MAX_CONFIG_BYTES, maxDepth: 64 })).toBeDefined();
    const { monitors, sources } = load('shared.yaml', SHARED);
    expect(monitors.map((m) => [m.name, m.intervalMs, m.timeoutMs, m.failureThreshold])).toEqual([
      ['api', 30_000, 3_000, 2],
      // In a list of merged maps the earlier one wins: *fast's interval over *defaults'.
      ['checkout', 5_000, 2_000, 1],
    ]);
    expect((monitors[1].settings as HttpSettings).headers['x-env']).toBe('prod');
    expect(sources).toEqual([expect.objectContaining({ name: 'am', pollMs: 5_000 })]);
  });

  it('reads the same values with the fast reader and the yaml package', () => {
    const fast = readPlainYaml(SHARED, { maxRepeated: MAX_CONFIG_BYTES, maxDepth: 64 });
    expect(fast!.value).toEqual(parseDocument(SHARED, { merge: true, uniqueKeys: false }).toJS());
    expect(readPlainYaml(viaFallback(SHARED), { maxRepeated: MAX_CONFIG_BYTES, maxDepth: 64 })).toBeUndefined();
    const strip = (config: ReturnType<typeof load>) => config.monitors.map(({ fingerprint: _f, ...m }) => m);
    expect(strip(load('fallback.yaml', viaFallback(SHARED)))).toEqual(strip(load('fast.yaml', SHARED)));
  });

  it('points a problem with a merged value at where it is written, in both readers', () => {
    const broken = SHARED.replace('interval: 30s', 'interval: 0s').replace('{ X-Env: prod }', '{ X-Env: 1.10 }');
    const expected = [
      "broken.yaml:2:3: monitor 'api': interval must be at least 1s, not '0s'",
      `broken.yaml:4:14: monitor 'api': headers.X-Env: quote the value ("1.10"): unquoted, YAML reads it as a number`,
      `broken.yaml:4:14: monitor 'checkout': headers.X-Env: quote the value ("1.10"): unquoted, YAML reads it as a number`,
    ];
    expect(problems('broken.yaml', broken)).toEqual(expected);
    expect(problems('broken.yaml', viaFallback(broken))).toEqual(expected);
  });

  it('places merges that are not of maps, and a repeated << key', () => {
    const lines = problems(
      'bad-merge.yaml',
      `x-a: &a { interval: 30s }
monitors:
  - name: a
    url: http://127.0.0.1:1/a
    <<: 5
  - name: b
    url: http://127.0.0.1:1/b
    <<: [*a, 1]
  - name: c
    url: http://127.0.0.1:1/c
    <<: *a
    <<: *a
`,
    );
    expect(lines).toEqual([
      "bad-merge.yaml:5:9: '<<' merges maps into this one: write <<: *name, or <<: [*a, *b], where each anchor (&name) is on a map",
      "bad-merge.yaml:8:9: '<<' merges maps into this one: write <<: *name, or <<: [*a, *b], where each anchor (&name) is on a map",
      "bad-merge.yaml:12:5: key '<<' appears twice in this map (first on line 11); merge several maps with one key: <<: [*a, *b]",
    ]);
  });

  it('points a name used twice at the entry that repeats it, not at the anchor', () => {
    expect(problems('twice.yaml', 'monitors:\n  - &m\n    name: a\n    url: http://127.0.0.1:1/a\n  - *m\n  - <<: *m\n')).toEqual([
      "twice.yaml:5:5: monitor name 'a' is used twice (first as monitor 1); names must be unique",
      "twice.yaml:6:5: monitor name 'a' is used twice (first as monitor 1); names must be unique",
    ]);
  });

  it('says a quoted << is an ordinary key', () => {
    expect(problems('quoted.yaml', 'x-a: &a { interval: 30s }\nmonitors:\n  - name: a\n    url: http://127.0.0.1:1/a\n    "<<": *a\n')).toEqual([
      "quoted.yaml:5:5: monitor 'a': unknown field '<<': a quoted '<<' is an ordinary key; write <<: *anchor without quotes to merge a map",
    ]);
  });

  it('counts what merges repeat against the alias limit', () => {
    // One 1 MB value merged six times repeats more than the 5 MB the limit allows.
    const big = 'x'.repeat(1024 * 1024);
    const entries = Array.from({ length: 6 }, (_, i) => `  - <<: *big\n    name: m${i}\n    url: http://127.0.0.1:1/${i}\n`).join('');
    const text = `x-big: &big { service: "${big}" }\nmonitors:\n${entries}`;
    expect(readPlainYaml(text, { maxRepeated: MAX_CONFIG_BYTES, maxDepth: 64 })).toBeUndefined();
    const [line] = problems('merge-bomb.yaml', text);
    expect(line).toMatch(/^merge-bomb\.yaml:\d+:\d+: aliases repeat more than 5,242,880 values and characters in all, which is how an alias bomb looks/);
  });
});
