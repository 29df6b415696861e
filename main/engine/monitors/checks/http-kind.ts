import path from 'node:path';
import { z } from 'zod';
import { FieldError, type MonitorKind } from '../domain/check-types';
import type { Condition } from '../domain/condition-types';
import { sizeField, urlField } from '../../lib/config/config-fields';
import { FIELD_LIMITS as limits } from '../config-limits';
import type { ReportsFacts } from './kind-facts';
import { HttpConnectionPool } from './http1/connection-pool';
import { httpProbe, type HttpSettings, type StatusRange } from './http-check';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const DEFAULT_MAX_BODY = 1024 * 1024;

const statusSpec = z.union([z.number().int(), z.string().max(limits.statusSpec)]);

/** HTTP(S) monitors: `url: https://...` with optional method, headers, body and TLS settings. */
export function httpKind(connections = new HttpConnectionPool()): MonitorKind<HttpSettings> & ReportsFacts<HttpSettings> {
  return {
    kind: 'http',
    schemes: ['http', 'https'],
    fields: {
      url: urlField(['http', 'https'], limits.url),
      method: z.string().max(limits.method).optional(),
      // Text only: YAML reads an unquoted 1.10 as 1.1 and 0x10 as 16, which would be sent altered.
      headers: z
        .record(z.string().max(limits.headerName), z.string().max(limits.headerValue))
        .refine((headers) => Object.keys(headers).length <= limits.headers, { message: `may list at most ${limits.headers} headers` })
        .optional(),
      body: z
        .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
        .refine((body) => (typeof body === 'string' ? body : JSON.stringify(body)).length <= limits.body, { message: `must be at most ${limits.body / 1024} KB` })
        .optional(),
      'accepted-statuses': z.array(statusSpec).min(1).max(limits.acceptedStatuses).optional(),
      'max-redirects': z.number().int().min(0).max(limits.maxRedirects).optional(),
      'verify-tls': z.boolean().optional(),
      'ca-file': z.string().max(limits.path).optional(),
      'max-body': sizeField(limits.maxBodyBytes).optional(),
    },
    build(values, conditions, baseDir) {
      const url = values.url as URL;
      const method = ((values.method as string | undefined) ?? 'GET').toUpperCase();
      if (!METHODS.includes(method)) throw new FieldError('method', `'${values.method}' is not an HTTP method (use ${METHODS.join(', ')})`);
      const headers: Record<string, string> = { 'user-agent': 'Trayage health check' };
      for (const [name, value] of Object.entries((values.headers as Record<string, unknown>) ?? {})) headers[headerName(name)] = headerValue(name, value as string);
      let body: string | undefined;
      if (typeof values.body === 'string') body = values.body;
      else if (values.body !== undefined) {
        body = JSON.stringify(values.body);
        headers['content-type'] ??= 'application/json';
      }
      const settings: HttpSettings = {
        url: url.href,
        method,
        headers,
        body,
        acceptedStatuses: acceptedStatuses(values['accepted-statuses'] as (number | string)[] | undefined, conditions),
        maxRedirects: (values['max-redirects'] as number | undefined) ?? 10,
        verifyTls: (values['verify-tls'] as boolean | undefined) ?? true,
        caFile: values['ca-file'] === undefined ? undefined : path.resolve(baseDir, values['ca-file'] as string),
        maxBodyBytes: (values['max-body'] as number | undefined) ?? DEFAULT_MAX_BODY,
        readBody: conditions.some((c) => c.subject.placeholder === 'BODY'),
      };
      return { settings, target: `${method === 'GET' ? '' : `${method} `}${url.href}` };
    },
    reports: (settings) => {
      const https = settings.url.startsWith('https:');
      // A certificate is seen only over https (a redirect to https:// is not counted on).
      return { facts: https ? ['status', 'body', 'connected', 'certificateExpiresAt'] : ['status', 'body', 'connected'], as: https ? 'an https:// monitor' : 'an http:// monitor' };
    },
    probe: (monitor, ctx) => httpProbe(monitor, ctx, connections),
    close: () => connections.closeAll(),
  };
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headerName(name: string): string {
  if (!TOKEN.test(name)) throw new FieldError('headers', `'${name}' is not a header name (letters, digits and - only, no spaces or colons)`);
  const lower = name.toLowerCase();
  if (lower === 'content-length' || lower === 'transfer-encoding' || lower === 'connection') {
    throw new FieldError('headers', `'${name}' is set by the check itself; remove it from headers`);
  }
  return lower;
}

function headerValue(name: string, value: string): string {
  // A line break would end the header and start another: the request would not be the one written.
  if (/[\r\n\0]/.test(value)) throw new FieldError('headers', `'${name}' has a line break in its value; a header value is one line`);
  return value;
}

/** Explicit statuses always apply; otherwise 2xx is required unless a [STATUS] condition decides. */
function acceptedStatuses(spec: (number | string)[] | undefined, conditions: Condition[]): StatusRange[] | undefined {
  if (!spec) return conditions.some((c) => c.subject.placeholder === 'STATUS') ? undefined : [[200, 299]];
  return spec.map((item) => {
    const match = /^\s*(\d{3})\s*(?:-\s*(\d{3}))?\s*$/.exec(String(item));
    if (!match) throw new FieldError('accepted-statuses', `'${item}' is not a status or range (use 200, 204 or 200-299)`);
    const lo = Number(match[1]);
    const hi = Number(match[2] ?? match[1]);
    if (hi < lo) throw new FieldError('accepted-statuses', `range '${item}' runs backwards`);
    return [lo, hi];
  });
}
