import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { MonitorKind } from '../../main/engine/monitors/domain/check-types';
import { ConfigError } from '../../main/engine/lib/config/config-errors';
import { loadMonitorConfig, parseMonitorConfig } from '../../main/engine/monitors/config-loader';
import type { HttpSettings } from '../../main/engine/monitors/checks/http-check';
import { createDefaultRegistry } from '../../main/engine/monitors/checks/kind-registry';

const ISSUE_EXAMPLE = `monitors:
  - name: heroforge ready
    url: https://heroforge.example.com/health/ready
    interval: 30s
    timeout: 5s
    conditions:
      - "[STATUS] == 200"
      - "[BODY].status == ok"
      - "[RESPONSE_TIME] < 2000"
      - "[CERTIFICATE_EXPIRATION] > 14d"
    failure-threshold: 3
    for: 2m
    severity: P1
    service: heroforge
`;

function errorsOf(text: string): string[] {
  try {
    parseMonitorConfig(text, 'monitors.yaml');
  } catch (err) {
    if (err instanceof ConfigError) return err.message.split('\n');
    throw err;
  }
  throw new Error('the config was accepted');
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('parseMonitorConfig', () => {
  it('reads the shape from the monitoring issue as written', () => {
    const { monitors, sources } = parseMonitorConfig(ISSUE_EXAMPLE, 'monitors.yaml');
    expect(sources).toEqual([]);
    expect(monitors).toHaveLength(1);
    const m = monitors[0];
    expect(m).toMatchObject({
      name: 'heroforge ready',
      kind: 'http',
      target: 'https://heroforge.example.com/health/ready',
      intervalMs: 30_000,
      timeoutMs: 5_000,
      failureThreshold: 3,
      recoveryThreshold: 1,
      forMs: 120_000,
      reminderEveryMs: 0,
      severity: 'P1',
      service: 'heroforge',
      paused: false,
    });
    expect(m.conditions.map((c) => c.source)).toEqual(['[STATUS] == 200', '[BODY].status == ok', '[RESPONSE_TIME] < 2000', '[CERTIFICATE_EXPIRATION] > 14d']);
    expect(m.settings as HttpSettings).toMatchObject({ method: 'GET', verifyTls: true, maxRedirects: 10, maxBodyBytes: 1_048_576, readBody: true, acceptedStatuses: undefined });
  });

  it('fills defaults and picks the kind from the URL scheme', () => {
    const { monitors } = parseMonitorConfig(
      `monitors:
  - name: api
    url: http://127.0.0.1:8080/health
  - name: db
    url: tcp://127.0.0.1:5432
    interval: 10s
  - name: cert
    url: tls://example.com
`,
      'm.yaml',
    );
    expect(monitors.map((m) => [m.kind, m.target, m.intervalMs, m.timeoutMs, m.jitterMs, m.failureThreshold])).toEqual([
      ['http', 'http://127.0.0.1:8080/health', 60_000, 10_000, 5_000, 2],
      ['tcp', 'tcp://127.0.0.1:5432', 10_000, 10_000, 1_000, 2],
      ['tls', 'tls://example.com:443', 60_000, 10_000, 5_000, 2],
    ]);
    expect((monitors[0].settings as HttpSettings).acceptedStatuses).toEqual([[200, 299]]);
  });

  it('parses the top-level sources: list (issue 7 shape) with defaults', () => {
    const text = `sources:
  - name: prod-alertmanager
    alertmanager: http://127.0.0.1:9093
    severity-label: severity
${ISSUE_EXAMPLE}`;
    expect(parseMonitorConfig(text, 'monitors.yaml').sources).toEqual([
      expect.objectContaining({ kind: 'alertmanager', name: 'prod-alertmanager', url: 'http://127.0.0.1:9093', severityLabel: 'severity', silenceMatchers: ['alertname', 'instance'], pollMs: 15_000 }),
    ]);
    expect(() => parseMonitorConfig('sources:\n  - name: x\n    alertmanager: nope\n', 'm.yaml')).toThrow(/^m\.yaml:3:5: source 1: alertmanager: /);
  });

  it('points at file:line:col with the monitor name and the field', () => {
    const broken = ISSUE_EXAMPLE.replace('interval: 30s', 'interval: 30x').replace('failure-threshold: 3', 'failure_threshold: 3');
    expect(errorsOf(broken)).toEqual([
      "monitors.yaml:4:5: monitor 'heroforge ready': interval '30x' is not a duration (use 30s, 5m, 1h)",
      "monitors.yaml:11:5: monitor 'heroforge ready': unknown field 'failure_threshold' (did you mean 'failure-threshold'?)",
    ]);
  });

  it('points inside a condition at the column that does not parse', () => {
    const broken = ISSUE_EXAMPLE.replace('"[BODY].status == ok"', '"[BODY].status = ok"');
    // Line 8 is `      - "[BODY].status = ok"`; the '=' is the 15th character of the condition.
    expect(errorsOf(broken)).toEqual([
      `monitors.yaml:8:24: monitor 'heroforge ready': condition "[BODY].status = ok": unknown operator '='; use ==, !=, <, <=, >, >= or contains (column 15)`,
    ]);
  });

  it('explains an unquoted condition, which YAML reads as a list', () => {
    const [line] = errorsOf(ISSUE_EXAMPLE.replace('"[BODY].status == ok"', '[BODY].status == ok'));
    expect(line).toMatch(/^monitors\.yaml:8:\d+: YAML syntax error: .*; put conditions in double quotes: - "\[STATUS\] == 200"$/);
  });

  it('reports every problem of every monitor at once', () => {
    const errors = errorsOf(`monitors:
  - name: a
    url: ftp://a
  - name: b
    url: https://b
    timeout: yes
    paused: maybe
  - url: https://c
  - name: d
    url: https://d
    accepted-statuses: ["2xx"]
  - name: d
    url: https://d2
bogus: 1
`);
    expect(errors).toEqual([
      "monitors.yaml:3:5: monitor 'a': url 'ftp://a' has no known scheme (use http://, https://, tls://, tcp://)",
      "monitors.yaml:6:5: monitor 'b': timeout 'yes' is not a duration (use 30s, 5m, 1h)",
      "monitors.yaml:7:5: monitor 'b': paused must be a boolean, not 'maybe'",
      'monitors.yaml:8:5: name is missing',
      "monitors.yaml:11:5: monitor 'd': accepted-statuses '2xx' is not a status or range (use 200, 204 or 200-299)",
      "monitors.yaml:12:5: monitor name 'd' is used twice (first as monitor 4); names must be unique",
      "monitors.yaml:14:1: unknown top-level key 'bogus' (expected monitors: or sources:)",
    ]);
  });

  it('accepts kinds registered later, selected by their own key', () => {
    const registry = createDefaultRegistry();
    const graphite: MonitorKind<{ server: string; query: string }> = {
      kind: 'graphite',
      selects: (raw) => 'graphite' in raw,
      fields: { graphite: z.string(), query: z.string() },
      build: (values) => ({ settings: { server: values.graphite as string, query: values.query as string }, target: values.query as string }),
      probe: async () => ({ checkedAt: 0, responseTimeMs: 1, value: 0.01 }),
    };
    registry.register(graphite);
    const { monitors } = parseMonitorConfig(
      `monitors:
  - name: api 5xx ratio
    graphite: http://127.0.0.1:8080
    query: sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))
    conditions: ["[VALUE] < 0.05"]
    for: 2m
    severity: P1
`,
      'monitors.yaml',
      registry,
    );
    expect(monitors[0]).toMatchObject({ kind: 'graphite', forMs: 120_000, settings: { server: 'http://127.0.0.1:8080' } });
  });

  it('loads from disk, resolving ca-file next to the config', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-config-'));
    dirs.push(dir);
    const file = path.join(dir, 'monitors.yaml');
    fs.writeFileSync(file, 'monitors:\n  - name: internal\n    url: https://10.0.0.5/health\n    ca-file: certs/ca.pem\n');
    expect((loadMonitorConfig(file).monitors[0].settings as HttpSettings).caFile).toBe(path.join(dir, 'certs/ca.pem'));
    expect(() => loadMonitorConfig(path.join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: there is no such file \(check the path\)$/);
  });
});
