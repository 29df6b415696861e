import { describe, expect, it } from 'vitest';
import { createEngine } from '../../main/engine/engine';
import { SOURCE_KINDS } from '../../main/engine/alerts/kinds';
import { SourcePoller } from '../../main/engine/alerts/source-poller';
import { ConfigError } from '../../main/engine/lib/config/config-errors';
import { parseMonitorConfig } from '../../main/engine/monitors/config-loader';
import { SourceKindName } from '../../preload/contract';
import { removeDir, tempDir } from '../helpers/temp-dir';

const sources = (yaml: string) => parseMonitorConfig(yaml, 'monitors.yaml').sources;
const problems = (yaml: string) => {
  try {
    parseMonitorConfig(yaml, 'monitors.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return err.message.split('\n');
    throw err;
  }
  throw new Error('the config was accepted');
};

describe('source kinds', () => {
  it('the registry has a module for each kind the contract names, in the same order', () => {
    expect(Object.keys(SOURCE_KINDS)).toEqual(SourceKindName.options);
    for (const [name, kind] of Object.entries(SOURCE_KINDS)) expect(kind.kind).toBe(name);
  });

  it('reads each kind from the config file with its own defaults', () => {
    expect(
      sources(`sources:
  - name: am
    alertmanager: https://ops.example/alertmanager
    severity-map: { disaster: P1 }
  - name: deploys
    github-actions: acme/heroforge
    poll: 2m
`),
    ).toEqual([
      {
        kind: 'alertmanager',
        name: 'am',
        pollMs: 15_000,
        url: 'https://ops.example/alertmanager',
        severityLabel: 'severity',
        severityMap: expect.objectContaining({ critical: 'P1', disaster: 'P1' }),
        silenceMatchers: ['alertname', 'instance'],
      },
      { kind: 'github-actions', name: 'deploys', pollMs: 120_000, repo: 'acme/heroforge', apiUrl: 'https://api.github.com', severity: 'P2' },
    ]);
  });

  it('points at the line of each problem', () => {
    expect(
      problems(`sources:
  - name: am
    alertmanager: ops.example
  - name: deploys
    github-actions: acme/heroforge
  - name: deploys
    github-actions: acme/other
  - name: nothing
    url: https://x
  - name: slow
    alertmanager: http://127.0.0.1:9093
    poll: 0s
    colour: red
`),
    ).toEqual([
      'monitors.yaml:3:5: source 1: alertmanager: alertmanager must be an http(s) URL such as http://127.0.0.1:9093',
      "monitors.yaml:6:5: source 3: the name 'deploys' is used twice; source names must be unique",
      "monitors.yaml:8:5: source 4: needs 'alertmanager: URL' or 'github-actions: owner/repo'",
      'monitors.yaml:12:5: source 5: poll: poll must be more than 0',
      "monitors.yaml:13:5: source 5: unknown field 'colour' for alertmanager (known: name, poll, alertmanager, severity-label, severity-map, silence-matchers, bearer-token-env, username, password-env)",
    ]);
  });

  it('a source without silences says so when asked to silence', async () => {
    const [def] = sources('sources:\n  - name: deploys\n    github-actions: acme/heroforge\n');
    const poller = new SourcePoller(def, () => {});
    expect(poller.kind.silencing).toBeUndefined();
    expect(poller.kind.target(def)).toBe('acme/heroforge');
    const alert = { source: 'deploys', key: 'run:1', name: 'Deploy failed', state: 'firing' as const, severity: 'P2', labels: {}, annotations: {}, startsAt: '', silencedBy: [] };
    await expect(poller.silence(alert, 60_000, 'ana', 'x')).rejects.toThrow('deploys is a github-actions source: its alerts cannot be silenced.');
  });

  it('builds each kind from the app form, with its own checks', async () => {
    const dir = tempDir();
    const engine = createEngine({ dataDir: dir, actor: 'ana', deliver: async () => {} });
    const call = async (method: string, params: unknown) => (await engine.dispatch({ id: 1, method, params })) as any;
    try {
      const bad = await call('sources.save', { name: 'am', kind: 'alertmanager', url: '127.0.0.1:9/alertmanager' });
      expect(bad.error).toMatchObject({ message: 'An Alertmanager needs its http(s) URL, e.g. http://127.0.0.1:9093.', issues: [{ path: 'url', message: 'must be an http(s) URL' }] });
      // Nothing listens there: the sources are only listed, and must not be polled anywhere real.
      expect((await call('sources.save', { name: 'am', kind: 'alertmanager', url: 'http://127.0.0.1:9/alertmanager' })).result).toEqual({ name: 'am' });
      expect((await call('sources.save', { name: 'deploys', kind: 'github-actions', repo: 'acme/heroforge', apiUrl: 'http://127.0.0.1:9' })).result).toEqual({ name: 'deploys' });
      expect((await call('alerts.list', {})).result.sources).toEqual([
        expect.objectContaining({ name: 'am', kind: 'alertmanager', target: 'http://127.0.0.1:9/alertmanager', canSilence: true, origin: 'app' }),
        expect.objectContaining({ name: 'deploys', kind: 'github-actions', target: 'acme/heroforge', canSilence: false, origin: 'app' }),
      ]);
    } finally {
      engine.close();
      removeDir(dir);
    }
  });
});
