import type { HostKeyProblem } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';
import { fingerprintOfBase64 } from '../lib/ssh/host-key';
import { HostKeyChangedError, HostKeyRevokedError, HostKeyUnknownError } from '../lib/ssh/host-key-errors';
import { hostKeyProblem } from './domain/host-key-problem';
import { readKnownHosts } from '../lib/ssh/known-hosts';
import { SshRunner, type SshRunnerOptions } from '../lib/ssh/ssh-runner';

export async function checkHost(runner: SshRunner, alias: string) {
  try {
    const { authenticatedWith, via } = await runner.connect(alias);
    return { alias, ok: true, authenticatedWith, via, error: null, hostKey: null };
  } catch (err) {
    return { alias, ok: false, authenticatedWith: null, via: [], error: (err as Error).message, hostKey: hostKeyProblem(err) };
  }
}

// Trusts the key only if the host (or one of its jump hosts) presents
// exactly the fingerprint the user saw, and only where no key is on record:
// the core check refuses a changed key whatever fingerprint is offered.
export async function trustHost(options: Omit<SshRunnerOptions, 'trustFingerprints'>, alias: string, fingerprint: string) {
  const runner = new SshRunner({ ...options, trustFingerprints: [fingerprint] });
  let failure: unknown = null;
  try {
    await runner.connect(alias);
  } catch (err) {
    failure = err;
  } finally {
    runner.close();
  }
  const trusted = readKnownHosts([options.trustedKnownHostsFile]).some((e) => e.marker === null && fingerprintOfBase64(e.keyBase64) === fingerprint);
  if (failure instanceof HostKeyChangedError || failure instanceof HostKeyRevokedError) {
    throw new RpcFailure('conflict', failure.message);
  }
  if (failure instanceof HostKeyUnknownError) {
    throw new RpcFailure(
      'bad_request',
      `"${failure.facts.alias}" now presents ${failure.facts.fingerprint}, not ${fingerprint}; nothing was trusted. ` +
        'Check the fingerprint with the server owner before trusting it.',
    );
  }
  if (!trusted && !failure) {
    return { alias, fingerprint, trusted: false, message: `"${alias}" was already known; no key presents ${fingerprint}, so nothing was added.` };
  }
  if (!trusted) throw new RpcFailure('unavailable', `Could not reach "${alias}" to check its key: ${(failure as Error).message}`);
  const suffix = failure ? ` Connecting still failed: ${(failure as Error).message}` : ' Connected.';
  return { alias, fingerprint, trusted: true, message: `Trusted ${fingerprint} for "${alias}" in ${options.trustedKnownHostsFile}.${suffix}` };
}
