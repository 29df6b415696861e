import { knownHostName } from './known-hosts';

export interface HostKeyFacts {
  // The alias the user asked for, and the name:port the key belongs to.
  alias: string;
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
  // Base64 key blob, so a trust prompt can store exactly the key it showed.
  keyBase64: string;
}

// No known_hosts entry for this host: the caller shows a trust prompt with
// the fingerprint and, once accepted, stores the key with appendKnownHost.
export class HostKeyUnknownError extends Error {
  override name = 'HostKeyUnknownError';
  constructor(readonly facts: HostKeyFacts) {
    super(
      `The authenticity of host "${facts.alias}" (${knownHostName(facts.host, facts.port)}) cannot be established: ` +
        `it is not in known_hosts. Its ${facts.keyType} key fingerprint is ${facts.fingerprint}. ` +
        'Compare it with the server (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before trusting it.',
    );
  }
  get fingerprint(): string {
    return this.facts.fingerprint;
  }
}

// The host presents a different key than the one on record. Never overridable
// from a prompt: the user must fix known_hosts after checking with the server owner.
export class HostKeyChangedError extends Error {
  override name = 'HostKeyChangedError';
  constructor(
    readonly facts: HostKeyFacts,
    readonly expectedFingerprints: string[],
    readonly recordedIn: string,
  ) {
    super(
      `HOST KEY CHANGED for "${facts.alias}" (${knownHostName(facts.host, facts.port)}): ` +
        `known_hosts (${recordedIn}) has ${expectedFingerprints.join(', ')} but the server now presents ` +
        `${facts.keyType} ${facts.fingerprint}. Someone may be intercepting the connection, or the server was ` +
        `reinstalled. Connection refused; after confirming the new key with the server's owner, remove the old line from ${recordedIn}.`,
    );
  }
  get fingerprint(): string {
    return this.facts.fingerprint;
  }
}

export class HostKeyRevokedError extends Error {
  override name = 'HostKeyRevokedError';
  constructor(
    readonly facts: HostKeyFacts,
    readonly recordedIn: string,
  ) {
    super(
      `The ${facts.keyType} key ${facts.fingerprint} presented by "${facts.alias}" (${knownHostName(facts.host, facts.port)}) ` +
        `is marked @revoked in ${recordedIn}. Connection refused.`,
    );
  }
}

export type HostKeyError = HostKeyUnknownError | HostKeyChangedError | HostKeyRevokedError;

export function isHostKeyError(err: unknown): err is HostKeyError {
  return err instanceof HostKeyUnknownError || err instanceof HostKeyChangedError || err instanceof HostKeyRevokedError;
}
