import { z } from 'zod';
import { DeclareIncidentParams, Incident } from './incidents';
import { MONITOR_STATUSES, MONITOR_URGENCY, UPTIME_WINDOWS } from './plain-values';

export { MONITOR_STATUSES, MONITOR_URGENCY, UPTIME_WINDOWS };

const NoParams = z.object({}).strict().default({});
const MonitorId = z.number().int().positive();
const shortText = (max: number) => z.string().trim().max(max);

export const MonitorStatus = z.enum(MONITOR_STATUSES);
export type MonitorStatus = z.infer<typeof MonitorStatus>;

export const UptimeWindow = z.enum(UPTIME_WINDOWS);
export type UptimeWindow = z.infer<typeof UptimeWindow>;

// Longest values the Monitors window accepts; the monitors file is held to the same ones.
export const MONITOR_FIELD_LIMITS = {
  name: 120,
  url: 2000,
  method: 10,
  duration: 20,
  condition: 500,
  conditions: 50,
  threshold: 100,
  severity: 16,
  service: 200,
  headerName: 200,
  headerValue: 2000,
} as const;
const limits = MONITOR_FIELD_LIMITS;

// A monitor made in the Monitors window, with the same keys as in the YAML file; the engine
// validates it with the file's own rules, so errors read the same in both places.
export const MonitorFields = z
  .object({
    name: shortText(limits.name).min(1, { message: 'name is required' }),
    url: shortText(limits.url).min(1, { message: 'url is required' }),
    method: shortText(limits.method).optional(),
    interval: shortText(limits.duration).optional(),
    timeout: shortText(limits.duration).optional(),
    conditions: z.array(shortText(limits.condition)).max(limits.conditions).optional(),
    'failure-threshold': z.number().int().min(1).max(limits.threshold).optional(),
    'retry-interval': shortText(limits.duration).optional(),
    'recovery-threshold': z.number().int().min(1).max(limits.threshold).optional(),
    for: shortText(limits.duration).optional(),
    'reminder-every': shortText(limits.duration).optional(),
    severity: shortText(limits.severity).optional(),
    service: shortText(limits.service).optional(),
    'verify-tls': z.boolean().optional(),
    headers: z.record(z.string().max(limits.headerName), z.string().max(limits.headerValue)).optional(),
  })
  .strict();
export type MonitorFields = z.infer<typeof MonitorFields>;

export const MonitorSummary = z.object({
  id: MonitorId,
  name: z.string(),
  // 'file' monitors come from the YAML file and are read-only in the windows.
  source: z.enum(['file', 'app']),
  kind: z.string(),
  target: z.string(),
  intervalMs: z.number(),
  severity: z.string().nullable(),
  service: z.string().nullable(),
  status: MonitorStatus,
  flapping: z.boolean(),
  // Down since (the outage start), or failing since while pending.
  since: z.number().nullable(),
  lastCheckAt: z.number().nullable(),
  lastLatencyMs: z.number().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  // Share of successful checks over 24 h, 0..1; null before the first result.
  uptime24h: z.number().nullable(),
  // Average latency per minute over the last 30 minutes (null: no result; empty: none in all 30) and the minutes with failures.
  sparkline: z.array(z.number().nullable()),
  sparklineFailures: z.array(z.number().int()),
  snoozedUntil: z.number().nullable(),
  incidentId: z.number().int().nullable(),
  // Why a stored monitor cannot run, e.g. a field this version no longer accepts.
  problem: z.string().nullable(),
});
export type MonitorSummary = z.infer<typeof MonitorSummary>;

export const ConfigIssue = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  monitor: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
  // The file as a whole cannot be read (missing, a directory): no line to point at.
  wholeFile: z.boolean().optional(),
});
export type ConfigIssue = z.infer<typeof ConfigIssue>;

export const MonitorConfigStatus = z.object({
  path: z.string().nullable(),
  isDefault: z.boolean(),
  exists: z.boolean(),
  loadedAt: z.number().nullable(),
  monitors: z.number().int(),
  // Problems of the last edit; the monitors of the last good version keep running meanwhile.
  issues: z.array(ConfigIssue),
  // False when this process only reads the database (a CLI command), so no check runs here.
  running: z.boolean(),
});
export type MonitorConfigStatus = z.infer<typeof MonitorConfigStatus>;

export const MonitorsOverview = z.object({
  monitors: z.array(MonitorSummary),
  // Every monitor, and those down, also when `first` or `since` listed only some of them.
  total: z.number().int(),
  down: z.number().int(),
  // Pass as `since` to get only the monitors changed after this list (null for a `first` list).
  cursor: z.string().max(40).nullable(),
  // True when `monitors` holds only those changed since the cursor asked with; false: all of them.
  partial: z.boolean(),
  config: MonitorConfigStatus,
  offlineSince: z.number().nullable(),
  snoozedUntil: z.number().nullable(),
});
export type MonitorsOverview = z.infer<typeof MonitorsOverview>;

export const WindowStats = z.object({
  count: z.number().int(),
  failures: z.number().int(),
  uptime: z.number().nullable(),
  avgMs: z.number().nullable(),
  p95Ms: z.number().nullable(),
  minMs: z.number().nullable(),
  maxMs: z.number().nullable(),
});
export type WindowStats = z.infer<typeof WindowStats>;

export const HistoryPoint = z.object({
  start: z.number(),
  count: z.number().int(),
  failures: z.number().int(),
  avgMs: z.number().nullable(),
  p95Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
});
export type HistoryPoint = z.infer<typeof HistoryPoint>;

export const RecentResult = z.object({
  at: z.number(),
  ok: z.boolean(),
  latencyMs: z.number(),
  status: z.number().nullable(),
  error: z.string().nullable(),
});
export type RecentResult = z.infer<typeof RecentResult>;

// A change of state as the engine reported it (after thresholds), kept beyond the recent results.
export const MonitorStateChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('down'), at: z.number(), since: z.number(), error: z.string().nullable(), failedConditions: z.array(z.string()) }),
  z.object({ kind: z.literal('up'), at: z.number(), since: z.number(), outageMs: z.number() }),
  z.object({ kind: z.literal('paused'), at: z.number() }),
  z.object({ kind: z.literal('resumed'), at: z.number() }),
  // While flapping, down and up are not announced (nor listed) until the monitor settles.
  z.object({ kind: z.literal('flapping'), at: z.number(), changes: z.number().int(), windowMs: z.number() }),
  z.object({ kind: z.literal('flapping-ended'), at: z.number(), status: MonitorStatus }),
]);
export type MonitorStateChange = z.infer<typeof MonitorStateChange>;

export const MonitorDetail = z.object({
  monitor: MonitorSummary,
  fields: MonitorFields.nullable(),
  file: z.string().nullable(),
  uptime: z.object({ '24h': WindowStats, '7d': WindowStats, '30d': WindowStats, '90d': WindowStats }),
  // The chart spans `from` to now in steps of bucketMs; buckets without results are not listed.
  history: z.object({ window: UptimeWindow, bucketMs: z.number(), from: z.number(), points: z.array(HistoryPoint) }),
  recent: z.array(RecentResult),
  // Newest first, at most 100; `eventsSince` is when recording began for this monitor (created,
  // events first recorded, or the retention's start, whichever is latest).
  events: z.array(MonitorStateChange),
  eventsSince: z.number(),
  // Query monitors: one state per returned series (labels shown).
  series: z.array(z.object({ name: z.string(), labels: z.record(z.string(), z.string()), value: z.number(), status: z.enum(['up', 'pending', 'down']), since: z.number() })),
});
export type MonitorDetail = z.infer<typeof MonitorDetail>;

// How long each resolution of history is kept; the database stays bounded by these.
export const Retention = z
  .object({
    rawHours: z.number().int().min(2).max(168),
    minuteHours: z.number().int().min(2).max(336),
    hourDays: z.number().int().min(2).max(400),
    dayDays: z.number().int().min(7).max(3650),
  })
  .strict();
export type Retention = z.infer<typeof Retention>;

const Summary = z.object({ count: z.number().int(), p50: z.number(), p99: z.number(), max: z.number() });
const Sounds = z.record(z.string().max(40), z.union([z.string().max(100), z.boolean()]));

export const monitorMethods = {
  // sparklines: false leaves every row's sparkline empty: a window of thousands of monitors asks
  // monitors.sparklines for the rows in view instead of reading 30 minutes of all of them.
  // first: N lists only the N most urgent monitors (see MONITOR_URGENCY), for a window's first screen.
  // since: a cursor from an earlier list; only the monitors changed after it are listed when the
  // engine can tell which (`partial`), else all of them.
  'monitors.list': {
    params: z
      .object({ sparklines: z.boolean().default(true), first: z.number().int().positive().max(1000).optional(), since: z.string().max(40).optional() })
      .strict()
      .default({ sparklines: true }),
    result: MonitorsOverview,
  },
  'monitors.sparklines': {
    params: z.object({ ids: z.array(MonitorId).max(500) }).strict(),
    result: z.array(z.object({ id: MonitorId, sparkline: z.array(z.number().nullable()), sparklineFailures: z.array(z.number().int()) })),
  },
  'monitors.get': { params: z.object({ id: MonitorId, window: UptimeWindow.default('24h') }).strict(), result: MonitorDetail },
  'monitors.save': { params: z.object({ id: MonitorId.optional(), fields: MonitorFields }).strict(), result: MonitorSummary },
  'monitors.delete': { params: z.object({ id: MonitorId }).strict(), result: z.object({ deleted: z.boolean() }) },
  'monitors.setPaused': { params: z.object({ id: MonitorId, paused: z.boolean() }).strict(), result: MonitorSummary },
  'monitors.checkNow': { params: z.object({ id: MonitorId }).strict(), result: z.object({ queued: z.boolean() }) },
  // Declares through incidents.declare, then writes the monitor's recent failures into the timeline.
  'monitors.declareIncident': {
    params: DeclareIncidentParams.extend({ monitorId: MonitorId }),
    result: z.object({ incident: Incident, failuresRecorded: z.number().int() }),
  },
  'monitors.uptime': {
    params: z.object({ window: UptimeWindow }).strict(),
    result: z.array(z.object({ id: MonitorId, name: z.string(), count: z.number().int(), failures: z.number().int(), uptime: z.number().nullable() })),
  },
  'monitors.stats': {
    params: z.object({ reset: z.boolean().default(false) }).strict().default({ reset: false }),
    // decided: deciding result → notification recorded in the outbox; dispatch: → native delivery started.
    result: z.object({ monitors: z.number().int(), runs: z.number().int(), lateness: Summary, decided: Summary, dispatch: Summary }),
  },
  'monitors.retention': { params: NoParams, result: Retention },
  'monitors.setRetention': { params: Retention, result: Retention },
  // Per severity key plus 'default': true (system sound), false (silent) or a sound name.
  'notifications.sounds': { params: NoParams, result: Sounds },
  'notifications.setSounds': { params: z.object({ sounds: Sounds }).strict(), result: Sounds },
} as const;
