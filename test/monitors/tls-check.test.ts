import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyError } from '../../main/engine/monitors/checks/error-classify';
import { createDefaultRegistry, runCheck } from '../../main/engine/monitors/checks/kind-registry';
import { caSigned, selfSigned, type CertPair } from './helpers/certs';
import { defineMonitor } from './helpers/define-monitor';
import { startHttps, type TestServer } from './helpers/servers';

const registry = createDefaultRegistry();
const ctx = { now: Date.now };
let dir: string;
let valid: TestServer;
let expired: TestServer;
let mismatched: TestServer;
let trusted: TestServer;
let ca: CertPair;

const ok = (_req: unknown, res: { end: (body: string) => void }) => res.end('{"status":"ok"}');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-tls-'));
  const selfSignedPair = selfSigned(dir, 'valid', 1);
  const expiredPair = selfSigned(dir, 'expired', -1);
  const signed = caSigned(dir, 'leaf', 'IP:127.0.0.1', 30);
  ca = signed.ca;
  const wrongName = caSigned(fs.mkdtempSync(path.join(dir, 'other-')), 'other', 'DNS:other.example', 30);
  valid = await startHttps(ok, selfSignedPair);
  expired = await startHttps(ok, expiredPair);
  trusted = await startHttps(ok, signed.leaf);
  mismatched = await startHttps(ok, wrongName.leaf);
  fs.copyFileSync(wrongName.ca.certFile, path.join(dir, 'other-ca.crt'));
});

afterAll(async () => {
  registry.close();
  await Promise.all([valid, expired, trusted, mismatched].map((s) => s?.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

function check(fields: Record<string, unknown>) {
  return runCheck(defineMonitor(fields), registry, ctx);
}

describe('HTTPS certificate verification', () => {
  it('refuses a self-signed certificate by default and names the problem', async () => {
    const result = await check({ url: `${valid.url}/health` });
    expect(result).toMatchObject({ ok: false, errorKind: 'tls-self-signed' });
    expect(result.error).toContain('TLS certificate of 127.0.0.1 is self-signed');
    expect(result.error).toContain('verify-tls: false');
  });

  it('accepts it with verify-tls: false and still reports the certificate', async () => {
    const result = await check({ url: `${valid.url}/health`, 'verify-tls': false, conditions: ['[BODY].status == ok', '[CERTIFICATE_EXPIRATION] > 14d'] });
    expect(result.ok).toBe(false);
    expect(result.failedConditions).toHaveLength(1);
    expect(result.failedConditions[0]).toMatch(/^\[CERTIFICATE_EXPIRATION\] was \d+h( \d+m)?, expected > 14d$/);
    expect(result.certificate).toMatchObject({ subject: 'valid.test, Trayage Tests', issuer: 'valid.test, Trayage Tests', daysLeft: 0 });
    const relaxed = await check({ url: `${valid.url}/health`, 'verify-tls': false, conditions: ['[CERTIFICATE_EXPIRATION] > 1h'] });
    expect(relaxed.ok).toBe(true);
  });

  it('reports an expired certificate as expired', async () => {
    const result = await check({ url: `${expired.url}/health` });
    expect(result).toMatchObject({ ok: false, errorKind: 'tls-expired' });
    expect(result.error).toContain('TLS certificate of 127.0.0.1 has expired');
  });

  it('trusts a private CA given in ca-file and catches a host name mismatch', async () => {
    expect(await check({ url: `${trusted.url}/health`, 'ca-file': ca.certFile, conditions: ['[CERTIFICATE_EXPIRATION] > 14d'] })).toMatchObject({ ok: true, status: 200 });
    const wrong = await check({ url: `${mismatched.url}/health`, 'ca-file': path.join(dir, 'other-ca.crt') });
    expect(wrong).toMatchObject({ ok: false, errorKind: 'tls-hostname' });
    expect(wrong.error).toContain('does not match the host name 127.0.0.1');
  });
});

describe('tls:// certificate monitors', () => {
  it('tells when an expired certificate expired', async () => {
    const result = await check({ url: `tls://127.0.0.1:${expired.port}` });
    expect(result).toMatchObject({ ok: false, errorKind: 'tls-expired', connected: true });
    expect(result.error).toMatch(/has expired; .* \(expired \d{4}-\d\d-\d\dT[\d:.]+Z, 1d( \d+s)? ago\)$/);
    expect(result.certificate?.daysLeft).toBeLessThan(0);
  });

  it('reads days left, issuer and subject from a trusted certificate', async () => {
    const result = await check({ url: `tls://127.0.0.1:${trusted.port}`, 'ca-file': ca.certFile, conditions: ['[CERTIFICATE_EXPIRATION] > 14d'] });
    expect(result.ok).toBe(true);
    expect(result.certificate).toMatchObject({ subject: 'leaf', issuer: 'Trayage Test CA', daysLeft: 29 });
    const soon = await check({ url: `tls://127.0.0.1:${trusted.port}`, 'ca-file': ca.certFile, conditions: ['[CERTIFICATE_EXPIRATION] > 60d'] });
    expect(soon.failedConditions).toEqual([expect.stringMatching(/^\[CERTIFICATE_EXPIRATION\] was 29d 23h, expected > 60d$/)]);
  });
});

describe('classifyError', () => {
  it('puts DNS and network failures in plain words', () => {
    expect(classifyError(Object.assign(new Error('x'), { code: 'ENOTFOUND' }), 'api.example.com', 443)).toEqual({
      errorKind: 'dns',
      error: 'DNS lookup failed: no address found for api.example.com',
    });
    expect(classifyError(Object.assign(new Error('x'), { code: 'EAI_AGAIN' }), 'api.example.com', 443).errorKind).toBe('dns');
    expect(classifyError(Object.assign(new Error('x'), { code: 'ENETUNREACH' }), '10.0.0.1', 22).error).toBe('10.0.0.1:22 is unreachable from this machine (ENETUNREACH)');
    expect(classifyError(Object.assign(new Error('x'), { code: 'ECONNRESET' }), 'h', 80).errorKind).toBe('reset');
  });
});
