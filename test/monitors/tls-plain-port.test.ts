import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry, runCheck } from '../../main/engine/monitors/checks/kind-registry';
import { defineMonitor } from './helpers/define-monitor';
import { startHttp, type TestServer } from './helpers/servers';

// A TLS check against a port that speaks plain HTTP: OpenSSL's own text names its source files.
const registry = createDefaultRegistry();
const ctx = { now: Date.now };
let plain: TestServer;

beforeAll(async () => {
  plain = await startHttp((_req, res) => res.end('{"status":"ok"}'));
});

afterAll(async () => {
  registry.close();
  await plain.close();
});

const PLAIN_HTTP = 'the server did not answer in TLS: is it plain HTTP? use http:// or the TLS port';

describe('TLS to a plain HTTP port', () => {
  it('says so in plain words for an https:// monitor, on one line', async () => {
    const result = await runCheck(defineMonitor({ url: `https://127.0.0.1:${plain.port}/health`, timeout: '5s' }), registry, ctx);
    expect(result).toMatchObject({ ok: false, errorKind: 'tls', error: `TLS handshake with 127.0.0.1:${plain.port} failed: ${PLAIN_HTTP}` });
  });

  it('says so for a tls:// monitor too', async () => {
    const result = await runCheck(defineMonitor({ url: `tls://127.0.0.1:${plain.port}`, timeout: '5s' }), registry, ctx);
    expect(result).toMatchObject({ ok: false, errorKind: 'tls', error: `TLS handshake with 127.0.0.1:${plain.port} failed: ${PLAIN_HTTP}` });
    expect(result.error).not.toMatch(/\n|openssl|EPROTO/i);
  });
});
