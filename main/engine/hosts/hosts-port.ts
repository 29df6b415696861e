import type { RunnerLease } from './runner-provider';

/** What other areas may ask of the hosts area: SSH connections that verify host keys as runs do. */
export interface HostsPort {
  /** A shared SSH runner (one connection per host); release it when done. */
  acquire(): RunnerLease;
  /** The same for unattended checks (monitors): never asks a person for a key's passphrase. */
  acquireForChecks(): RunnerLease;
}
