import fs from 'node:fs';
import path from 'node:path';
import { MONITOR_URGENCY, UPTIME_WINDOWS, type MonitorDetail, type MonitorStateChange, type MonitorSummary } from '../../../preload/contract';
import { formatAgo, formatCompactAge, formatDateTime, formatDuration } from '../../shared/time-format';
import { defaultConfigFile } from '../../engine/monitors/monitors-area';
import { defaultDataDir } from '../../engine/paths';
import { UsageError, type CliCommand } from '../cli-types';
import { call, CallError } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';
import { textTable } from '../text-table';

const usage = 'trayage monitors [NAME] [--config FILE] [--json] [--data-dir DIR]';

/**
 * What the monitors of a data directory last saw, as the app keeps it: this command runs no check
 * (`trayage check` does), so a monitor shows the state of the app's or `serve`'s last run. The
 * monitors file (the app's, or `--config` as given to `serve`) is read for what each one checks.
 */
export const monitorsCommand: CliCommand = {
  name: 'monitors',
  summary: 'List the monitors and what they last saw; with NAME, one monitor\'s uptime, changes of state and recent checks',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { config: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, usage, 1);
    const name = positionals[0];
    const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
    const config = values.config === undefined ? defaultConfigFile(dataDir) : path.resolve(values.config);
    if (values.config !== undefined && !fs.existsSync(config)) throw new UsageError(`--config: there is no file ${config}.`, usage);
    await withEngine(dataDir, async (engine) => {
      const overview = await call(engine, 'monitors.list', { sparklines: false });
      if (name === undefined) {
        io.out(values.json ? JSON.stringify(overview.monitors, null, 2) : formatList(overview.monitors, Date.now()));
        return;
      }
      const found = overview.monitors.find((m) => m.name === name);
      if (!found) throw new CallError('not_found', notFound(name, overview.monitors));
      const detail = await call(engine, 'monitors.get', { id: found.id, window: '24h' });
      io.out(values.json ? JSON.stringify(detail, null, 2) : formatDetail(detail, Date.now()));
    }, fs.existsSync(config) ? config : undefined);
    return 0;
  },
};

function notFound(name: string, monitors: MonitorSummary[]): string {
  if (monitors.length === 0) return `No monitor named '${name}': this data directory has no monitors yet.`;
  const near = monitors.filter((m) => m.name.toLowerCase().includes(name.toLowerCase())).map((m) => m.name);
  const hint = near.length > 0 && near.length <= 5 ? ` Did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ' `trayage monitors` lists them.';
  return `No monitor named '${name}'.${hint}`;
}

// As the Monitors window shows them: down first; the engine's name order within each status (a stable sort).
function byUrgency(monitors: MonitorSummary[]): MonitorSummary[] {
  return [...monitors].sort((a, b) => MONITOR_URGENCY.indexOf(a.status) - MONITOR_URGENCY.indexOf(b.status));
}

function formatList(monitors: MonitorSummary[], now: number): string {
  if (monitors.length === 0) return 'No monitors.';
  const rows = byUrgency(monitors).map((m) => [
    m.status.toUpperCase(),
    m.name,
    m.lastCheckAt === null ? 'never' : `${formatCompactAge(now - m.lastCheckAt)} ago`,
    m.lastLatencyMs === null ? '-' : `${Math.round(m.lastLatencyMs)} ms`,
    m.uptime24h === null ? '-' : `${percent(m.uptime24h)} 24h`,
    m.problem ?? (m.status === 'up' || m.status === 'paused' ? m.target : (m.lastError ?? m.target)),
  ]);
  return textTable(rows);
}

function formatDetail(d: MonitorDetail, now: number): string {
  const m = d.monitor;
  const lines = [`${m.name}: ${m.status.toUpperCase()}${m.since !== null && m.status !== 'up' ? ` since ${formatDateTime(m.since)}` : ''}${m.flapping ? ' (flapping)' : ''}`];
  lines.push(`  ${m.kind} ${m.target}, every ${formatDuration(m.intervalMs)}${m.severity ? `, severity ${m.severity}` : ''}${m.service ? `, service ${m.service}` : ''}`);
  if (m.problem) lines.push(`  Cannot run: ${m.problem}`);
  if (m.lastCheckAt !== null) lines.push(`  Last check ${formatAgo(m.lastCheckAt, now)}${m.lastError ? `: ${m.lastError}` : ''}`);
  if (m.incidentId !== null) lines.push(`  Incident #${m.incidentId}`);
  const uptime = UPTIME_WINDOWS.map((w) => `${w} ${d.uptime[w].uptime === null ? '-' : percent(d.uptime[w].uptime!)}`).join('  ');
  lines.push(`  Uptime  ${uptime}`, '');
  lines.push(`Changes of state (newest first, kept since ${formatDateTime(d.eventsSince)}):`);
  lines.push(d.events.length === 0 ? '  none' : indent(textTable(d.events.map((e) => [formatDateTime(e.at, { seconds: true }), e.kind.toUpperCase(), describeChange(e)]))));
  lines.push('', 'Recent checks (newest first):');
  lines.push(
    d.recent.length === 0
      ? '  none'
      : indent(textTable(d.recent.map((r) => [formatDateTime(r.at, { seconds: true }), r.ok ? 'ok' : 'FAILED', `${Math.round(r.latencyMs)} ms`, r.error ?? (r.status === null ? '' : `HTTP ${r.status}`)]))),
  );
  return lines.join('\n');
}

function describeChange(e: MonitorStateChange): string {
  switch (e.kind) {
    case 'down':
      return [e.error, ...e.failedConditions].filter(Boolean).join('; ') || 'failing';
    case 'up':
      return `after ${formatDuration(e.outageMs)} down`;
    case 'flapping':
      return `${e.changes} changes in ${formatDuration(e.windowMs)}`;
    case 'flapping-ended':
      return `settled ${e.status}`;
    default:
      return '';
  }
}

const percent = (share: number) => `${(share * 100).toFixed(share === 1 ? 0 : 2)}%`;
const indent = (text: string) => text.replace(/^/gm, '  ');
