// Monitors the runbook's own thresholds suggest ("Disk usage > 85% for 5 minutes", "Error rate
// > 5%"), written as entries for the monitors file (main/engine/monitors/CONFIG.md). A monitor's
// conditions say what healthy is, so an alert at "disk > 85%" becomes `[VALUE] < 85`. Machine
// metrics become SSH checks with the command that prints them; service metrics become a
// Prometheus query to adapt, response times an HTTP check, certificates a TLS check.
import { stringify } from 'yaml';
import type { Threshold } from './prose-signals';
import type { RunbookMonitorSuggestion } from './types';

type Kind = RunbookMonitorSuggestion['kind'];

interface Family {
  metric: RegExp;
  /** Whether a higher value is worse (usage, errors) or better (free space, availability). */
  worse: 'higher' | 'lower';
  /** How it is checked, given the threshold in the unit the family uses. */
  check: (value: number, unit: string, text: string) => Check | null;
}

interface Check {
  kind: Kind;
  fields: Record<string, string>;
  /** The value the condition compares, in the unit the check reports. */
  value: number;
  subject: string;
  fillIn: string[];
  /** Healthy is `subject == value` (an HTTP status) rather than a bound. */
  equals?: boolean;
  /** The check reports the metric turned around (space used for free space), so its own direction wins. */
  worse?: 'higher' | 'lower';
}

const HOST = 'server-1';
const PROMETHEUS = 'http://prometheus:9090';
const SERVICE_URL = 'https://service.example/health';
const TLS_URL = 'tls://service.example:443';

const ssh = (command: string, value: number): Check => ({ kind: 'ssh', fields: { host: HOST, command }, value, subject: '[VALUE]', fillIn: ['host'] });
const prometheus = (query: string, value: number): Check => ({ kind: 'prometheus', fields: { prometheus: PROMETHEUS, query }, value, subject: '[VALUE]', fillIn: ['prometheus', 'query'] });
const percent = (unit: string) => unit === '%';

function seconds(value: number, unit: string): number | null {
  if (unit === 'ms') return value / 1000;
  if (unit === 's') return value;
  if (unit === 'min') return value * 60;
  return null;
}

// First family that matches the metric's words wins.
const FAMILIES: readonly Family[] = [
  {
    metric: /\binodes?\b/i,
    worse: 'higher',
    check: (v, u) => (percent(u) ? ssh('df --output=ipcent / | tail -1', v) : null),
  },
  {
    metric: /\b(?:free|available|remaining)\b.*\b(?:disk|space|storage|filesystem|volume)\b|\b(?:disk|space|storage|filesystem|volume)\b.*\b(?:free|available|remaining|left)\b/i,
    worse: 'lower',
    // The check prints the space in use: free space above N% is usage below 100 - N.
    check: (v, u) => (percent(u) ? { ...ssh('df --output=pcent / | tail -1', 100 - v), worse: 'higher' } : null),
  },
  {
    metric: /\b(?:disk|filesystem|file system|volume|storage|partition)\b|\bspace\b/i,
    worse: 'higher',
    check: (v, u) => (percent(u) ? ssh('df --output=pcent / | tail -1', v) : null),
  },
  {
    metric: /\bswap\b/i,
    worse: 'higher',
    check: (v, u) => (percent(u) ? ssh(`free | awk '/^Swap:/ { print ($2 > 0 ? int($3 * 100 / $2) : 0) }'`, v) : null),
  },
  {
    metric: /\b(?:memory|mem|ram|heap)\b/i,
    worse: 'higher',
    check: (v, u) => (percent(u) ? ssh(`free | awk '/^Mem:/ { print int($3 * 100 / $2) }'`, v) : null),
  },
  {
    metric: /\bcpu\b|\bprocessor\b/i,
    worse: 'higher',
    check: (v, u) => (percent(u) ? ssh(`vmstat 1 2 | tail -1 | awk '{ print 100 - $15 }'`, v) : null),
  },
  {
    metric: /\bload(?: average)?\b/i,
    worse: 'higher',
    check: (v, u) => (u === '' ? ssh(`cut -d ' ' -f1 /proc/loadavg`, v) : null),
  },
  {
    metric: /\b(?:certificate|cert|ssl|tls)\b/i,
    worse: 'lower',
    check: (v, u) => (/^d/.test(u) ? { kind: 'tls', fields: { url: TLS_URL }, value: v, subject: '[CERTIFICATE_EXPIRATION]', fillIn: ['url'] } : null),
  },
  {
    metric: /\b(?:availability|uptime|success rate|apdex)\b/i,
    worse: 'lower',
    check: (v, u) => (percent(u) ? prometheus('100 * avg_over_time(up{job="service"}[5m])', v) : null),
  },
  {
    metric: /\b(?:unavailab\w*|downtime|down|outage)\b/i,
    worse: 'higher',
    // "Service unavailable > 5 minutes": the number is how long, so it becomes `for:`.
    check: () => ({ kind: 'http', fields: { url: SERVICE_URL }, value: 200, subject: '[STATUS]', fillIn: ['url'], equals: true }),
  },
  {
    metric: /\b(?:errors?|error rate|failures?|failure rate|5xx|\d{3}s)\b/i,
    worse: 'higher',
    check: (v, u) =>
      percent(u)
        ? prometheus('100 * sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))', v)
        : prometheus('sum(rate(http_requests_total{code=~"5.."}[5m]))', v),
  },
  {
    metric: /\bp(\d{2})\b|\bpercentile\b/i,
    worse: 'higher',
    check: (v, u, text) => {
      const s = seconds(v, u);
      const q = /\bp(\d{2})\b/i.exec(text)?.[1] ?? '95';
      return s === null ? null : prometheus(`histogram_quantile(0.${q}, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))`, s);
    },
  },
  {
    metric: /\b(?:latenc\w*|response times?|slow)\b/i,
    worse: 'higher',
    check: (v, u) => {
      const s = seconds(v, u);
      return s === null ? null : { kind: 'http', fields: { url: SERVICE_URL }, value: Math.round(s * 1000), subject: '[RESPONSE_TIME]', fillIn: ['url'] };
    },
  },
  {
    metric: /\bconnections?\b|\bpool\b/i,
    worse: 'higher',
    check: (v, u) =>
      prometheus(percent(u) ? '100 * sum(pg_stat_activity_count) / sum(pg_settings_max_connections)' : 'sum(pg_stat_activity_count)', v),
  },
  {
    metric: /\b(?:queue|backlog|lag|pending|depth)\b/i,
    worse: 'higher',
    check: (v) => prometheus('sum(queue_depth)', v),
  },
];

const COMPARE =
  /(>=|<=|≥|≤|>|<|\babove\b|\bbelow\b|\bover\b|\bunder\b|\bexceed(?:s|ing)?\b|\bmore than\b|\bless than\b|\bgreater than\b|\bat least\b|\bhigher than\b|\blower than\b)\s*~?\s*(\d+(?:\.\d+)?)\s*(%|ms\b|milliseconds?\b|s\b|secs?\b|seconds?\b|m\b|mins?\b|minutes?\b|h\b|hours?\b|d\b|days?\b)?/i;
const FOR = /\bfor\s+(?:>=?\s*|more than\s+|at least\s+|over\s+|longer than\s+)?(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hours?)\b/i;

function duration(value: number, unit: string): string {
  const u = unit.toLowerCase();
  return `${value}${u.startsWith('h') ? 'h' : u.startsWith('s') ? 's' : 'm'}`;
}

function unitOf(raw: string | undefined): string {
  const u = (raw ?? '').toLowerCase();
  if (u === '%') return '%';
  if (/^(?:ms|millisecond)/.test(u)) return 'ms';
  if (/^s/.test(u)) return 's';
  if (/^m/.test(u)) return 'min';
  if (/^h/.test(u)) return 'h';
  if (/^d/.test(u)) return 'd';
  return '';
}

function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function number(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

const FILL_IN: Readonly<Record<string, string>> = {
  host: 'a Host alias from your ssh config or the SSH window',
  prometheus: 'your Prometheus server',
  query: 'adapt the query to your metric names',
  url: "your service's address",
};

function yamlEntry(name: string, check: Check, forWhat: string | null, healthy: string): string {
  const lines = [`- name: ${scalar(name)}`];
  if (check.kind !== 'http' && check.kind !== 'tls') lines.push(`  kind: ${check.kind}`);
  for (const [key, value] of Object.entries(check.fields)) {
    const note = check.fillIn.includes(key) ? `  # fill in: ${FILL_IN[key]}` : '';
    lines.push(`  ${key}: ${scalar(value)}${note}`);
  }
  lines.push(`  conditions:`, `    - ${scalar(healthy)}`);
  if (forWhat) lines.push(`  for: ${forWhat}`);
  return lines.join('\n');
}

/** One monitor per threshold whose metric Trayage knows how to check; others are left as thresholds. */
export function suggestMonitors(thresholds: readonly Threshold[]): RunbookMonitorSuggestion[] {
  const out: RunbookMonitorSuggestion[] = [];
  const names = new Set<string>();
  for (const threshold of thresholds) {
    const compare = COMPARE.exec(threshold.text);
    if (!compare) continue;
    const metric = threshold.text.slice(0, compare.index) || threshold.text;
    const value = Number(compare[2]);
    const unit = unitOf(compare[3]);
    // "CPU load average above 8" names CPU but is a load: the first family that can check it wins.
    let family: Family | undefined;
    let check: Check | null = null;
    for (const candidate of FAMILIES.filter((f) => f.metric.test(metric))) {
      check = candidate.check(value, unit, threshold.text);
      family = candidate;
      if (check) break;
    }
    if (!family || !check) continue;
    const rest = threshold.text.slice(compare.index + compare[0].length);
    const sustained = FOR.exec(rest);
    let forWhat = sustained ? duration(Number(sustained[1]), sustained[2]) : null;
    if (check.equals && !forWhat && /^(?:s|min|h)$/.test(unit)) forWhat = duration(value, unit);
    const worseWhenHigher = (check.worse ?? family.worse) === 'higher';
    const healthy = check.equals
      ? `${check.subject} == ${check.value}`
      : check.subject === '[CERTIFICATE_EXPIRATION]'
        ? `${check.subject} > ${number(check.value)}d`
        : `${check.subject} ${worseWhenHigher ? '<' : '>'} ${number(check.value)}`;
    let name = threshold.text.replace(/\s+/g, ' ').slice(0, 80);
    for (let n = 2; names.has(name); n += 1) name = `${threshold.text.slice(0, 75)} (${n})`;
    names.add(name);
    out.push({ name, kind: check.kind, yaml: yamlEntry(name, check, forWhat, healthy), fillIn: check.fillIn, source: threshold.text, line: threshold.line });
  }
  return out;
}
