import type { Engine } from '../../engine/engine';
import { call } from '../engine-call';

// ProxyJump chains longer than this are not worth walking.
const MAX_HOPS = 10;

/**
 * --trust: before the run, trusts each unknown key on the way to the host (jump hosts first)
 * whose fingerprint was given, through hosts.trust as the window's Trust button does. Any other
 * key problem is left for the run to report, with the fingerprint to give.
 */
export async function trustGivenKeys(engine: Engine, host: string, fingerprints: string[], report: (line: string) => void): Promise<void> {
  // One hop a pass: a host behind a jump host shows its own key only once the jump host's is trusted.
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const { hostKey } = await call(engine, 'hosts.check', { alias: host });
    if (hostKey?.status !== 'unknown' || !fingerprints.includes(hostKey.fingerprint)) return;
    const trusted = await call(engine, 'hosts.trust', { alias: hostKey.alias, fingerprint: hostKey.fingerprint });
    report(trusted.message);
    if (!trusted.trusted) return;
  }
}
