import { z } from 'zod';
import { UPTIME_WINDOWS } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import { RpcFailure } from '../rpc/rpc-failure';
import { declareFromMonitor } from './declare-from-monitor';
import type { MonitorRuntime } from './monitor-runtime';
import { readRetention, writeRetention } from './retention';

const RECENT_RESULTS = 20;
// Read back with the outbox's own key and defaults; the outbox writes them through setSounds.
const SOUNDS_KEY = 'notifications.sounds';
const Sounds = z.record(z.string(), z.union([z.string(), z.boolean()]));

export function registerMonitorHandlers(ctx: EngineContext, runtime: MonitorRuntime, incidents: IncidentsPort): void {
  const { registry } = ctx;
  const { catalog, service, queries } = runtime;

  registry.handle('monitors.list', ({ sparklines, first, since }) => {
    const snoozes = ctx.notifier.snoozes();
    const rest = { config: runtime.configStatus(), offlineSince: runtime.offline, snoozedUntil: snoozes.all ?? null };
    if (first !== undefined) return { ...runtime.mostUrgent(first, { sparklines }), cursor: null, partial: false, ...rest };
    return { ...runtime.list({ sparklines, since }), ...rest };
  });

  registry.handle('monitors.sparklines', ({ ids }) => runtime.sparklines(ids));

  registry.handle('monitors.get', ({ id, window }) => {
    const entry = catalog.require(id);
    const monitor = runtime.summary(id);
    const now = ctx.now();
    const chosen = queries.forMonitor(id, window, now);
    const uptime = Object.fromEntries(UPTIME_WINDOWS.map((w) => [w, w === window ? chosen.stats : queries.forMonitor(id, w, now).stats]));
    const { events, since: eventsSince } = runtime.stateChanges(id);
    return {
      monitor,
      fields: entry.fields,
      file: entry.source === 'file' ? (runtime.config?.status().path ?? null) : null,
      uptime: uptime as Record<(typeof UPTIME_WINDOWS)[number], typeof chosen.stats>,
      history: { window, bucketMs: chosen.bucketMs, from: chosen.from, points: chosen.points },
      recent: queries.recent(id, now, RECENT_RESULTS),
      events,
      eventsSince,
      series: runtime.series.get(entry.name),
    };
  });

  registry.handle('monitors.save', ({ id, fields }) => {
    const entry = catalog.saveApp(id, fields);
    runtime.sync();
    return runtime.summary(entry.id);
  });

  registry.handle('monitors.delete', ({ id }) => {
    catalog.remove(id);
    runtime.sync();
    return { deleted: true };
  });

  registry.handle('monitors.setPaused', ({ id, paused }) => {
    const entry = catalog.require(id);
    if (!entry.definition) throw new RpcFailure('conflict', `Monitor '${entry.name}' is not running: ${entry.problem ?? 'it has no valid definition'}.`);
    const wasPaused = service.state(entry.name)?.status === 'paused';
    const state = paused ? service.pause(entry.name) : service.resume(entry.name);
    // Only a real change is an event: pausing a paused monitor (two windows, a double click) is not.
    if (state && wasPaused !== (state.status === 'paused')) runtime.record(entry.id, { kind: paused ? 'paused' : 'resumed', at: runtime.clock.now() });
    if (state) {
      runtime.store.saveState(entry.id, state, entry.lastResult);
      runtime.observe(entry.id, state.status);
    }
    runtime.announce();
    return runtime.summary(id);
  });

  registry.handle('monitors.checkNow', ({ id }) => {
    const entry = catalog.require(id);
    if (!runtime.running || !entry.definition) return { queued: false };
    service.checkNow(entry.name);
    return { queued: true };
  });

  registry.handle('monitors.declareIncident', (params) => declareFromMonitor(incidents, runtime, params, ctx.now()));

  registry.handle('monitors.uptime', ({ window }) => {
    runtime.flush();
    const counts = queries.countsForAll(window, ctx.now());
    return catalog.all().map((entry) => {
      const c = counts.get(entry.id) ?? { count: 0, failures: 0 };
      return { id: entry.id, name: entry.name, count: c.count, failures: c.failures, uptime: c.count > 0 ? (c.count - c.failures) / c.count : null };
    });
  });

  registry.handle('monitors.stats', ({ reset }) => {
    const stats = runtime.stats();
    if (reset) runtime.resetStats();
    return stats;
  });

  registry.handle('monitors.retention', () => readRetention(ctx.settings));
  registry.handle('monitors.setRetention', (retention) => writeRetention(ctx.settings, retention));

  registry.handle('notifications.sounds', () => ctx.settings.get(SOUNDS_KEY, Sounds, { default: true }));
  registry.handle('notifications.setSounds', ({ sounds }) => {
    ctx.notifier.setSounds(sounds);
    return sounds;
  });
}
