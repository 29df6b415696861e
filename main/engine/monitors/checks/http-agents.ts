import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { CertificateInfo } from '../domain/check-types';
import { CheckFailure } from './error-classify';

export interface AgentOptions {
  verifyTls: boolean;
  caFile?: string;
}

/**
 * Keep-alive agents shared by every monitor of one origin, so a thousand monitors against a few
 * services reuse a handful of warm connections instead of paying a TCP and TLS handshake per run.
 */
export class AgentPool {
  private readonly agents = new Map<string, http.Agent>();
  private readonly caCache = new Map<string, Buffer>();

  constructor(private readonly maxSocketsPerOrigin = 16) {}

  agentFor(url: URL, options: AgentOptions): http.Agent {
    const key = `${url.protocol}//${url.host}|${options.verifyTls ? 1 : 0}|${options.caFile ?? ''}`;
    let agent = this.agents.get(key);
    if (!agent) {
      const common = { keepAlive: true, maxSockets: this.maxSocketsPerOrigin, maxFreeSockets: this.maxSocketsPerOrigin };
      agent =
        url.protocol === 'https:'
          ? new https.Agent({ ...common, rejectUnauthorized: options.verifyTls, ca: this.readCa(options.caFile) })
          : new http.Agent(common);
      this.agents.set(key, agent);
    }
    return agent;
  }

  closeAll(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
    this.caCache.clear();
  }

  private readCa(caFile: string | undefined): Buffer | undefined {
    if (!caFile) return undefined;
    let ca = this.caCache.get(caFile);
    if (!ca) {
      try {
        ca = fs.readFileSync(caFile);
      } catch (err) {
        throw new CheckFailure('tls', `cannot read ca-file ${caFile}: ${(err as Error).message}`);
      }
      this.caCache.set(caFile, ca);
    }
    return ca;
  }
}

// A reused keep-alive socket carries the same certificate; decode it once per connection.
const certificates = new WeakMap<object, CertificateInfo | null>();

export function peerCertificate(socket: TLSSocket, now: number): CertificateInfo | undefined {
  let info = certificates.get(socket);
  if (info === undefined) {
    const cert = socket.getPeerCertificate();
    info = cert && cert.valid_to ? describeCertificate(cert, now) : null;
    certificates.set(socket, info);
  }
  if (!info) return undefined;
  return { ...info, daysLeft: Math.floor((info.expiresAt - now) / 86_400_000) };
}

export function describeCertificate(
  cert: { subject?: Record<string, unknown>; issuer?: Record<string, unknown>; valid_from: string; valid_to: string },
  now: number,
): CertificateInfo {
  const expiresAt = Date.parse(cert.valid_to);
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    validFrom: Date.parse(cert.valid_from),
    expiresAt,
    daysLeft: Math.floor((expiresAt - now) / 86_400_000),
  };
}

function distinguishedName(name: Record<string, unknown> | undefined): string {
  if (!name) return '';
  const cn = name.CN;
  const org = name.O;
  return [cn, org].filter((part) => typeof part === 'string' && part !== '').join(', ');
}
