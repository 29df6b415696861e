import { z } from 'zod';
import { evaluate } from '../domain/condition-eval';
import { show } from '../../lib/config/config-errors';
import { missingHost } from '../../lib/config/config-fields';
import { FieldError, type MonitorDefinition, type MonitorKind, type Probe } from '../domain/check-types';
import type { SourceAuth } from '../../lib/http/fetch-json';
import { SourceError } from '../../lib/http/fetch-json';
import { instantQuery } from '../../lib/clients/prometheus-client';
import { FIELD_LIMITS as limits } from '../config-limits';
import type { ReportsFacts } from './kind-facts';

export interface PrometheusSettings {
  server: string;
  query: string;
  // Names of environment variables holding credentials: never the credentials themselves.
  bearerTokenEnv?: string;
  username?: string;
  passwordEnv?: string;
}

function auth(settings: PrometheusSettings, env: NodeJS.ProcessEnv): SourceAuth | undefined {
  if (settings.bearerTokenEnv) return { bearer: env[settings.bearerTokenEnv] ?? '' };
  if (settings.username) return { username: settings.username, password: settings.passwordEnv ? env[settings.passwordEnv] : undefined };
  return undefined;
}

// Each series is judged on its own; the monitor fails when any series fails, and reports the worst.
export async function prometheusProbe(monitor: MonitorDefinition<PrometheusSettings>, now: () => number, env = process.env): Promise<Probe> {
  const checkedAt = now();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const series = await instantQuery(monitor.settings.server, monitor.settings.query, { auth: auth(monitor.settings, env), timeoutMs: monitor.timeoutMs });
    const judged = series.map((s) => ({
      labels: s.labels,
      value: s.value,
      ok: monitor.conditions.every((c) => evaluate(c, { checkedAt, responseTimeMs: 0, value: s.value }).ok),
    }));
    if (judged.length === 0) {
      return { checkedAt, responseTimeMs: elapsed(), series: [], error: 'the query returned no series (is the metric being scraped?)', errorKind: 'condition' };
    }
    const worst = judged.find((s) => !s.ok) ?? judged[0];
    return { checkedAt, responseTimeMs: elapsed(), value: worst.value, series: judged };
  } catch (err) {
    const e = err as SourceError;
    const errorKind = e.kind === 'timeout' ? 'timeout' : e.kind === 'unreachable' ? 'unreachable' : 'protocol';
    return { checkedAt, responseTimeMs: elapsed(), error: e.message, errorKind };
  }
}

export function prometheusKind(env: NodeJS.ProcessEnv = process.env): MonitorKind<PrometheusSettings> & ReportsFacts<PrometheusSettings> {
  return {
    kind: 'prometheus',
    selects: (raw) => 'prometheus' in raw,
    fields: {
      prometheus: z.string().max(limits.url),
      query: z.string().min(1).max(limits.query),
      'bearer-token-env': z.string().max(limits.envName).optional(),
      username: z.string().max(limits.username).optional(),
      'password-env': z.string().max(limits.envName).optional(),
    },
    build(values) {
      let server: URL;
      try {
        server = new URL(values.prometheus as string);
      } catch {
        throw new FieldError('prometheus', `${show(values.prometheus)} is not a URL; write the server as http://host:9090`);
      }
      if (server.protocol !== 'http:' && server.protocol !== 'https:') throw new FieldError('prometheus', 'the Prometheus server must be an http(s) URL');
      const missing = missingHost(values.prometheus as string);
      if (missing) throw new FieldError('prometheus', `${show(values.prometheus)} ${missing} (write the server as http://host:9090)`);
      return {
        settings: {
          server: server.href,
          query: values.query as string,
          bearerTokenEnv: values['bearer-token-env'] as string | undefined,
          username: values.username as string | undefined,
          passwordEnv: values['password-env'] as string | undefined,
        },
        target: `${server.host} ${values.query as string}`,
      };
    },
    reports: () => ({ facts: ['value'] }),
    probe: (monitor, ctx) => prometheusProbe(monitor, ctx.now, env),
  };
}

