import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../../main/engine/lib/config/config-errors';
import { loadSources } from '../../main/engine/alerts/load-sources';
import { removeDir, tempDir } from '../helpers/temp-dir';

describe('the sources of the monitors file', () => {
  let dir: string;
  const problems = (text: string): string[] => {
    const file = path.join(dir, 'monitors.yaml');
    fs.writeFileSync(file, text);
    try {
      loadSources(file);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).issues.map((issue) => formatIssue({ ...issue, file: 'monitors.yaml' }));
    }
    throw new Error('the sources loaded');
  };
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));

  it('are read with bounded aliases: a bomb elsewhere in the file is a problem with its position', { timeout: 5_000 }, () => {
    const lines = ['l0: &l0 "lol"'];
    for (let i = 1; i <= 9; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const found = problems(`${lines.join('\n')}\nsources: []\n`);
    expect(found).toEqual([expect.stringMatching(/^monitors\.yaml:\d+:\d+: aliases repeat more than 5,242,880 values and characters/)]);
  });

  it('share a small anchor', () => {
    const file = path.join(dir, 'shared.yaml');
    const sources = Array.from({ length: 120 }, (_, i) => `  - {name: am-${i}, alertmanager: http://127.0.0.1:9093, silence-matchers: ${i === 0 ? '&m [alertname]' : '*m'}}`);
    fs.writeFileSync(file, `sources:\n${sources.join('\n')}\n`);
    expect(loadSources(file).every((s) => s.kind === 'alertmanager' && s.silenceMatchers[0] === 'alertname')).toBe(true);
  });

  it('poll at most weekly, saying so', () => {
    expect(problems('sources:\n  - name: am\n    alertmanager: http://127.0.0.1:9093\n    poll: 30d\n')).toEqual(["monitors.yaml:4:5: source 1: poll: poll must be at most 7d, not '30d'"]);
    expect(problems('sources:\n  - name: am\n    alertmanager: http://127.0.0.1:9093\n    poll: 999999999999999999999999d\n')).toEqual([
      "monitors.yaml:4:5: source 1: poll: poll must be at most 7d, not '999999999999999999999999d'",
    ]);
  });

  it('have names as long as the Sources window allows, and long values are not echoed', () => {
    expect(problems(`sources:\n  - name: ${'n'.repeat(100_000)}\n    alertmanager: http://127.0.0.1:9093\n`)).toEqual([
      'monitors.yaml:2:5: source 1: name: name must be at most 80 characters long, not 100,000',
    ]);
    const [unknown] = problems(`sources:\n  - name: am\n    alertmanager: http://127.0.0.1:9093\n    ${'k'.repeat(1_000)}: 1\n`);
    expect(unknown).toMatch(/^monitors\.yaml:4:5: source 1: unknown field 'k{59}…' for alertmanager/);
    expect(unknown.length).toBeLessThan(300);
  });

  it('are not read from a file over the size limit', { timeout: 5_000 }, () => {
    const file = path.join(dir, 'huge.yaml');
    fs.writeFileSync(file, 'sources: []\n');
    fs.truncateSync(file, 2 ** 31);
    expect(() => loadSources(file)).toThrow(/huge\.yaml:1:1: the file is larger than 5 MB/);
  });
});
