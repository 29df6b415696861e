import fs from 'node:fs';
import type { TrayProblem } from '../../../preload/contract';
import type { EngineArea, EngineContext } from '../engine-context';
import { ConfigError } from '../lib/config/config-errors';
import { watchFileText } from '../monitors/config-watch';
import { RpcFailure } from '../rpc/rpc-failure';
import type { SourceAlert } from './domain/alert-model';
import { loadSources } from './load-sources';
import type { SourceDefinition } from './domain/source-config';
import { SourcePoller, type SourceStatus } from './source-poller';
import { AlertLinks } from './alert-links';
import { AppSources } from './app-sources';
import { firingNotice, resolvedNotice } from './domain/alert-notices';

export interface AlertsAreaOptions {
  env?: NodeJS.ProcessEnv;
}

// Alert sources from the `sources:` list of the config file: polled, notified, shown in the tray,
// acknowledged as Alertmanager silences, and linked to the incidents declared from them.
export function alertsArea(options: AlertsAreaOptions = {}): EngineArea {
  return (ctx) => {
    const links = new AlertLinks(ctx.db);
    const pollers = new Map<string, SourcePoller>();
    let configError: string | null = null;

    const appSources = new AppSources(ctx.db, ctx.secrets, ctx.now);
    let fileSources: SourceDefinition[] = [];
    const origin = new Map<string, 'file' | 'app'>();

    // File sources win a name clash; a source whose definition changed is restarted.
    const apply = () => {
      const wanted = new Map<string, { def: SourceDefinition; env: NodeJS.ProcessEnv; from: 'file' | 'app' }>();
      for (const { def, env } of appSources.list()) wanted.set(def.name, { def, env, from: 'app' });
      for (const def of fileSources) wanted.set(def.name, { def, env: options.env ?? process.env, from: 'file' });
      for (const [name, poller] of pollers) {
        if (JSON.stringify(wanted.get(name)?.def) !== JSON.stringify(poller.def)) {
          poller.stop();
          pollers.delete(name);
        }
      }
      origin.clear();
      for (const { def, env, from } of wanted.values()) {
        origin.set(def.name, from);
        if (pollers.has(def.name)) continue;
        const poller = new SourcePoller(def, (changes, status, healthChanged) => onChange(ctx, links, changes, status, healthChanged), ctx.now, env);
        pollers.set(def.name, poller);
        poller.start();
      }
      ctx.trayChanged();
    };
    const load = () => {
      if (ctx.configPath && !fs.existsSync(ctx.configPath)) {
        // No config file yet (the desktop app's default path): only sources added in the app.
        fileSources = [];
        configError = null;
      } else if (ctx.configPath) {
        try {
          fileSources = loadSources(ctx.configPath);
          configError = null;
        } catch (err) {
          // Keep polling the sources of the last good file; the monitors area reports the file's problem in the tray.
          configError = err instanceof ConfigError ? err.message : String((err as Error).message);
        }
      }
      apply();
    };
    load();
    if (ctx.configPath) {
      const watcher = watchFileText(ctx.configPath, () => load(), 300);
      ctx.onClose(() => watcher.close());
    }
    ctx.onClose(() => {
      for (const poller of pollers.values()) poller.stop();
    });

    const find = (source: string, key: string): { poller: SourcePoller; alert: SourceAlert } => {
      const poller = pollers.get(source);
      if (!poller) throw new RpcFailure('not_found', `There is no alert source named '${source}'.`);
      const alert = poller.current().alerts.find((a) => a.key === key);
      if (!alert) throw new RpcFailure('not_found', `Alert ${key} is no longer reported by ${source}; it may have resolved.`);
      return { poller, alert };
    };

    ctx.registry.handle('alerts.list', () => {
      const statuses = [...pollers.values()].map((p) => p.current());
      return {
        configError,
        sources: [...pollers.values()].map((p) => {
          const s = p.current();
          return {
            name: s.name,
            kind: s.kind,
            ok: s.ok,
            error: s.error,
            since: s.since,
            lastPollAt: s.lastPollAt,
            canSilence: s.kind === 'alertmanager',
            origin: origin.get(s.name) ?? 'file',
            target: p.def.kind === 'alertmanager' ? p.def.url : p.def.repo,
          };
        }),
        alerts: statuses.flatMap((s) => s.alerts.map((a) => ({ ...a, incidentIds: links.incidents(a.source, a.key) }))),
      };
    });
    ctx.registry.handle('sources.save', (p) => {
      const def = appSources.save(p, fileSources.map((f) => f.name));
      apply();
      return { name: def.name };
    });
    ctx.registry.handle('sources.delete', (p) => {
      if (origin.get(p.name) === 'file') throw new RpcFailure('conflict', `'${p.name}' is defined in the config file; remove it there.`);
      const deleted = appSources.delete(p.name);
      apply();
      return { deleted };
    });
    ctx.registry.handle('alerts.refresh', async () => {
      await Promise.all([...pollers.values()].map((p) => p.pollOnce()));
      return { polled: pollers.size };
    });
    ctx.registry.handle('alerts.ack', async (p) => {
      const { poller, alert } = find(p.source, p.key);
      const silenceId = await poller.silence(alert, p.minutes * 60_000, ctx.actor, p.comment).catch((err: Error) => {
        throw new RpcFailure('unavailable', `Could not create the silence: ${err.message}`);
      });
      const endsAt = ctx.now() + p.minutes * 60_000;
      const incidents = new Set([...links.incidents(alert.source, alert.key), ...(p.incidentId ? [p.incidentId] : [])]);
      for (const id of incidents) {
        await addNote(ctx, id, `Acknowledged alert ${alert.name} (${alert.source}) as silence ${silenceId} until ${new Date(endsAt).toISOString()}: ${p.comment}`);
      }
      void poller.pollOnce();
      return { silenceId, endsAt };
    });
    ctx.registry.handle('alerts.unsilence', async (p) => {
      const poller = pollers.get(p.source);
      if (!poller) throw new RpcFailure('not_found', `There is no alert source named '${p.source}'.`);
      await poller.unsilence(p.silenceId).catch((err: Error) => {
        throw new RpcFailure('unavailable', `Could not expire silence ${p.silenceId}: ${err.message}`);
      });
      if (p.incidentId) await addNote(ctx, p.incidentId, `Expired silence ${p.silenceId} (${p.source})`);
      void poller.pollOnce();
      return { expired: true };
    });
    ctx.registry.handle('alerts.declare', async (p) => {
      const { alert } = find(p.source, p.key);
      const reply = await ctx.registry.dispatch({
        id: 'alert-declare',
        method: 'incidents.declare',
        params: {
          title: alert.annotations.summary ? `${alert.name}: ${alert.annotations.summary}`.slice(0, 200) : alert.name,
          severity: alert.severity ?? 'P2',
          service: alert.labels.service ?? alert.labels.job ?? alert.labels.repository ?? '',
          impact: alert.annotations.description ?? '',
        },
      });
      if ('error' in reply) throw new RpcFailure(reply.error.code, reply.error.message, reply.error.issues);
      const incident = reply.result as { id: number };
      links.link(alert.source, alert.key, incident.id, ctx.now());
      const details = [
        `Declared from alert ${alert.name} (${alert.source}), firing since ${alert.startsAt}`,
        alert.url ? `Runbook: ${alert.url}` : '',
        `Labels: ${Object.entries(alert.labels).map(([k, v]) => `${k}=${v}`).join(', ')}`,
      ].filter(Boolean);
      await addNote(ctx, incident.id, details.join('\n'));
      return reply.result as never;
    });

    ctx.addTrayProblems(() => trayProblems([...pollers.values()].map((p) => p.current())));
  };
}

function trayProblems(statuses: SourceStatus[]): TrayProblem[] {
  const problems: TrayProblem[] = [];
  for (const s of statuses) {
    if (!s.ok) problems.push({ key: `source:${s.name}`, label: `Source unreachable — ${s.error}`, level: 'unknown', since: s.since, target: { kind: 'source', id: s.name } });
    for (const a of s.alerts.filter((x) => x.state === 'firing')) {
      const since = Date.parse(a.startsAt);
      problems.push({
        key: `alert:${a.source}:${a.key}`,
        label: `${a.name}${a.labels.instance ? ` on ${a.labels.instance}` : ''}`,
        level: a.severity === 'P1' ? 'down' : 'degraded',
        since: Number.isNaN(since) ? s.since : since,
        target: { kind: 'alert', id: `${a.source}/${a.key}` },
      });
    }
  }
  return problems;
}

async function addNote(ctx: EngineContext, incidentId: number, text: string): Promise<void> {
  await ctx.registry.dispatch({ id: 'alert-note', method: 'incidents.addNote', params: { id: incidentId, text } });
}

function onChange(
  ctx: EngineContext,
  links: AlertLinks,
  changes: { firing: SourceAlert[]; resolved: SourceAlert[] },
  status: SourceStatus,
  healthChanged: boolean,
): void {
  for (const alert of changes.firing) {
    const { title, body } = firingNotice(alert);
    ctx.notifier.notify({
      key: `alert:${alert.source}:${alert.key}:firing:${alert.startsAt}:${ctx.now()}`,
      title,
      body,
      severity: alert.severity ?? undefined,
      target: { kind: 'alert', id: `${alert.source}/${alert.key}` },
      scope: `source:${alert.source}`,
    });
    for (const id of links.incidents(alert.source, alert.key)) void addNote(ctx, id, `Alert ${alert.name} is firing (${alert.source})`);
  }
  for (const alert of changes.resolved) {
    const { title, body } = resolvedNotice(alert, ctx.now());
    ctx.notifier.notify({ key: `alert:${alert.source}:${alert.key}:resolved:${ctx.now()}`, title, body, severity: alert.severity ?? undefined, scope: `source:${alert.source}` });
    for (const id of links.incidents(alert.source, alert.key)) void addNote(ctx, id, `Alert ${alert.name} resolved (${alert.source})`);
  }
  if (healthChanged) {
    ctx.notifier.notify({
      key: `source:${status.name}:${status.ok ? 'ok' : 'down'}:${status.since}`,
      title: status.ok ? `Alert source ${status.name} is reachable again` : `Alert source ${status.name} is unreachable`,
      body: status.error ?? 'Polling again.',
      scope: `source:${status.name}`,
    });
  }
  if (changes.firing.length || changes.resolved.length || healthChanged) {
    ctx.emit('alerts.changed', { source: status.name });
    ctx.trayChanged();
  }
}
