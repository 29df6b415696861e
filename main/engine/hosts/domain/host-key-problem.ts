import type { HostKeyProblem } from '../../../../preload/contract';
import { HostKeyChangedError, HostKeyRevokedError, HostKeyUnknownError } from '../../lib/ssh/host-key-errors';

// What a window needs to show a trust prompt or a refusal.
export function hostKeyProblem(err: unknown): HostKeyProblem | null {
  if (err instanceof HostKeyUnknownError) {
    return { alias: err.facts.alias, status: 'unknown', keyType: err.facts.keyType, fingerprint: err.facts.fingerprint, expected: [], recordedIn: null };
  }
  if (err instanceof HostKeyChangedError) {
    return {
      alias: err.facts.alias,
      status: 'changed',
      keyType: err.facts.keyType,
      fingerprint: err.facts.fingerprint,
      expected: err.expectedFingerprints,
      recordedIn: err.recordedIn,
    };
  }
  if (err instanceof HostKeyRevokedError) {
    return { alias: err.facts.alias, status: 'revoked', keyType: err.facts.keyType, fingerprint: err.facts.fingerprint, expected: [], recordedIn: err.recordedIn };
  }
  return null;
}
