import { z } from 'zod';
import { AlertmanagerClient, silenceMatchers } from '../../lib/clients/alertmanager-client';
import type { SourceAuth } from '../../lib/http/fetch-json';
import { DEFAULT_SEVERITY_MAP, fromAlertmanager } from '../domain/alert-model';
import { envNameField, httpUrlField, inputProblem, isHttpUrl, type SourceBase, type SourceKind } from './source-kind';

export interface AlertmanagerSource extends SourceBase<'alertmanager'> {
  // May carry a path: an Alertmanager behind a reverse proxy at https://host/alertmanager.
  url: string;
  severityLabel: string;
  severityMap: Record<string, string>;
  silenceMatchers: string[];
  bearerTokenEnv?: string;
  username?: string;
  passwordEnv?: string;
}

const fields = {
  alertmanager: httpUrlField,
  'severity-label': z.string().default('severity'),
  'severity-map': z.record(z.string(), z.string()).optional(),
  'silence-matchers': z.array(z.string()).min(1).default(['alertname', 'instance']),
  'bearer-token-env': envNameField.optional(),
  username: z.string().optional(),
  'password-env': envNameField.optional(),
};
type Fields = z.output<z.ZodObject<typeof fields>>;

function client(def: AlertmanagerSource, env: NodeJS.ProcessEnv): AlertmanagerClient {
  let auth: SourceAuth | undefined;
  if (def.bearerTokenEnv) auth = { bearer: env[def.bearerTokenEnv] ?? '' };
  else if (def.username) auth = { username: def.username, password: def.passwordEnv ? env[def.passwordEnv] : undefined };
  return new AlertmanagerClient(def.url, auth);
}

export const alertmanagerKind: SourceKind<AlertmanagerSource> = {
  kind: 'alertmanager',
  defaultPollMs: 15_000,
  config: {
    key: 'alertmanager',
    example: 'URL',
    fields,
    build: (v: Fields, base) => ({
      ...base,
      url: v.alertmanager,
      severityLabel: v['severity-label'],
      severityMap: { ...DEFAULT_SEVERITY_MAP, ...(v['severity-map'] ?? {}) },
      silenceMatchers: v['silence-matchers'],
      bearerTokenEnv: v['bearer-token-env'],
      username: v.username,
      passwordEnv: v['password-env'],
    }),
  },
  fromInput(input, base, tokenEnv) {
    if (!isHttpUrl(input.url)) throw inputProblem('url', 'must be an http(s) URL', 'An Alertmanager needs its http(s) URL, e.g. http://127.0.0.1:9093.');
    return {
      ...base,
      url: input.url,
      severityLabel: input.severityLabel || 'severity',
      severityMap: DEFAULT_SEVERITY_MAP,
      silenceMatchers: ['alertname', 'instance'],
      ...(tokenEnv ? { bearerTokenEnv: tokenEnv } : {}),
    };
  },
  target: (def) => def.url,
  async fetchAlerts(def, env) {
    const alerts = await client(def, env).alerts();
    return alerts.map((a) => fromAlertmanager(def.name, a, def.severityLabel, def.severityMap));
  },
  silencing: {
    silence(def, env, alert, request) {
      const matchers = silenceMatchers(alert.labels, def.silenceMatchers);
      if (matchers.length === 0) throw new Error(`The alert has none of the labels ${def.silenceMatchers.join(', ')} to silence it by.`);
      return client(def, env).createSilence({
        matchers,
        startsAt: new Date(request.startsAt).toISOString(),
        endsAt: new Date(request.startsAt + request.durationMs).toISOString(),
        createdBy: request.createdBy,
        comment: request.comment,
      });
    },
    unsilence: (def, env, silenceId) => client(def, env).deleteSilence(silenceId),
  },
};
