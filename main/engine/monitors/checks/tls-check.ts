import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { z } from 'zod';
import { FieldError, type CheckContext, type MonitorDefinition, type MonitorKind, type Probe } from '../domain/check-types';
import { hostPort, urlField } from '../../lib/config/config-fields';
import { FIELD_LIMITS } from '../config-limits';
import { formatDuration } from '../../lib/config/duration';
import { CheckFailure, classifyError } from './error-classify';
import { describeCertificate } from './http-certificates';
import type { ReportsFacts } from './kind-facts';

export interface TlsSettings {
  host: string;
  port: number;
  verifyTls: boolean;
  caFile?: string;
}

/**
 * Completes a TLS handshake and reports the certificate (subject, issuer, expiry). Verification is
 * done after the handshake so the result can say when an expired certificate expired.
 */
export function tlsProbe(monitor: MonitorDefinition<TlsSettings>, ctx: CheckContext): Promise<Probe> {
  const { host, port, verifyTls, caFile } = monitor.settings;
  const checkedAt = ctx.now();
  const started = performance.now();
  return new Promise<Probe>((resolve) => {
    let socket: tls.TLSSocket | undefined;
    const finish = (probe: Omit<Probe, 'checkedAt' | 'responseTimeMs'>) => {
      clearTimeout(deadline);
      socket?.removeAllListeners('secureConnect');
      socket?.on('error', () => {});
      socket?.destroy();
      resolve({ checkedAt, responseTimeMs: Math.round(performance.now() - started), ...probe });
    };
    const deadline = setTimeout(() => {
      const failure = new CheckFailure('timeout', `timed out after ${monitor.timeoutMs} ms during the TLS handshake with ${host}:${port}`);
      finish({ connected: false, ...classifyError(failure, host, port) });
    }, monitor.timeoutMs);
    let ca: Buffer | undefined;
    try {
      ca = caFile ? fs.readFileSync(caFile) : undefined;
    } catch (err) {
      finish({ connected: false, errorKind: 'tls', error: `cannot read ca-file ${caFile}: ${(err as Error).message}` });
      return;
    }
    socket = tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: false, ca });
    socket.once('secureConnect', () => {
      const raw = socket!.getPeerCertificate();
      const certificate = raw?.valid_to ? describeCertificate(raw, checkedAt) : undefined;
      const base = { connected: true, certificate, certificateExpiresAt: certificate?.expiresAt };
      if (!verifyTls || socket!.authorized) return finish(base);
      const code = String(socket!.authorizationError ?? '');
      const { errorKind, error } = classifyError(Object.assign(new Error(code), { code }), host, port);
      finish({ ...base, errorKind, error: error + expiryDetail(code, certificate?.expiresAt, checkedAt) });
    });
    socket.once('error', (err) => finish({ connected: false, ...classifyError(err, host, port) }));
  });
}

function expiryDetail(code: string, expiresAt: number | undefined, now: number): string {
  if (code !== 'CERT_HAS_EXPIRED' || expiresAt === undefined) return '';
  return ` (expired ${new Date(expiresAt).toISOString()}, ${formatDuration(now - expiresAt)} ago)`;
}

/** TLS certificate monitors: `url: tls://host:port`, typically with `[CERTIFICATE_EXPIRATION] > 14d`. */
export function tlsKind(): MonitorKind<TlsSettings> & ReportsFacts<TlsSettings> {
  return {
    kind: 'tls',
    schemes: ['tls'],
    fields: { url: urlField(['tls'], FIELD_LIMITS.url), 'verify-tls': z.boolean().optional(), 'ca-file': z.string().max(FIELD_LIMITS.path).optional() },
    build(values, _conditions, baseDir) {
      const target = hostPort(values.url as URL, 443);
      if (!target) throw new FieldError('url', `'${(values.url as URL).href}' needs a host, e.g. tls://example.com:443`);
      return {
        settings: { ...target, verifyTls: (values['verify-tls'] as boolean | undefined) ?? true, caFile: values['ca-file'] === undefined ? undefined : path.resolve(baseDir, values['ca-file'] as string) },
        target: `tls://${target.host}:${target.port}`,
      };
    },
    reports: () => ({ facts: ['connected', 'certificateExpiresAt'] }),
    probe: tlsProbe,
  };
}
