import type { TLSSocket } from 'node:tls';
import type { CertificateInfo } from '../domain/check-types';

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
