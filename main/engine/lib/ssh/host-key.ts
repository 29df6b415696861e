import { createHash } from 'node:crypto';
import {
  HostKeyChangedError,
  HostKeyRevokedError,
  HostKeyUnknownError,
  type HostKeyFacts,
} from './host-key-errors';
import { appendKnownHost, findEntries, readKnownHosts, type KnownHostEntry } from './known-hosts';

export interface HostKeyPolicy {
  // Read-only files such as ~/.ssh/known_hosts.
  knownHostsFiles: string[];
  // The application's own known_hosts: read, and appended to when the user trusts a key.
  trustedFile: string;
  // Fingerprints the user already approved for hosts not yet on record (e.g. --trust).
  trustFingerprints?: readonly string[];
}

export interface HostKeyTarget {
  alias: string;
  host: string;
  port: number;
}

// Same format OpenSSH prints: "SHA256:" + unpadded base64 of the key blob's digest.
export function sha256Fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

// The first field of an SSH public key blob is its type name.
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const length = keyBlob.readUInt32BE(0);
  if (length > keyBlob.length - 4 || length > 64) return 'unknown';
  return keyBlob.subarray(4, 4 + length).toString('latin1');
}

export function fingerprintOfBase64(keyBase64: string): string {
  return sha256Fingerprint(Buffer.from(keyBase64, 'base64'));
}

// Throws a HostKey*Error unless the key is on record or explicitly trusted.
// A trusted fingerprint only admits a host with no key on record: it can
// never override a changed or revoked key.
export function checkHostKey(policy: HostKeyPolicy, target: HostKeyTarget, keyBlob: Buffer): 'known' | 'trusted-now' {
  const keyBase64 = keyBlob.toString('base64');
  const facts: HostKeyFacts = {
    ...target,
    keyType: keyTypeOf(keyBlob),
    fingerprint: sha256Fingerprint(keyBlob),
    keyBase64,
  };
  const entries = findEntries(readKnownHosts([...policy.knownHostsFiles, policy.trustedFile]), target.host, target.port);
  const revoked = entries.find((e) => e.marker === 'revoked' && e.keyBase64 === keyBase64);
  if (revoked) throw new HostKeyRevokedError(facts, where(revoked));
  const plain = entries.filter((e) => e.marker === null);
  if (plain.some((e) => e.keyBase64 === keyBase64)) return 'known';
  if (plain.length > 0) {
    // Host key algorithms are ordered so a server that still holds a recorded
    // key type presents it; any other key means the host's identity changed.
    const sameType = plain.filter((e) => e.keyType === facts.keyType);
    const shown = sameType.length ? sameType : plain;
    throw new HostKeyChangedError(
      facts,
      shown.map((e) => `${e.keyType} ${fingerprintOfBase64(e.keyBase64)}`),
      shown.map(where).join(', '),
    );
  }
  if (policy.trustFingerprints?.includes(facts.fingerprint)) {
    trustHostKey(policy.trustedFile, facts);
    return 'trusted-now';
  }
  throw new HostKeyUnknownError(facts);
}

// What a trust prompt does once the user accepts: record exactly the key it showed.
export function trustHostKey(trustedFile: string, facts: HostKeyFacts): void {
  appendKnownHost(trustedFile, facts.host, facts.port, facts.keyType, facts.keyBase64);
}

const ALGORITHMS_FOR_KEY_TYPE: Record<string, string[]> = {
  'ssh-ed25519': ['ssh-ed25519'],
  'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
  'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
  'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
  'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256'],
};
const DEFAULT_ORDER = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
];

// Like OpenSSH, ask first for key types already recorded for this host so a
// server with several host keys presents the one we can check.
export function hostKeyAlgorithmsFor(policy: HostKeyPolicy, host: string, port: number): string[] {
  const recorded = findEntries(readKnownHosts([...policy.knownHostsFiles, policy.trustedFile]), host, port)
    .filter((e) => e.marker === null)
    .flatMap((e) => ALGORITHMS_FOR_KEY_TYPE[e.keyType] ?? []);
  return [...new Set([...recorded, ...DEFAULT_ORDER])];
}

function where(entry: KnownHostEntry): string {
  return `${entry.file}:${entry.line}`;
}
