import os from 'node:os';
import { NETWORK_ERROR_KINDS, type CheckResult } from './domain/check-types';

export interface OfflineOptions {
  now: () => number;
  /** Resolves false when this machine cannot reach the network; asked only after a network-looking failure. */
  probe?: () => Promise<boolean>;
  probeCacheMs?: number;
  /** With no probe, this many monitors must all fail with network errors before the machine counts as offline. */
  minMonitors?: number;
}

export interface OfflineVerdict {
  offline: boolean;
  changed?: 'offline' | 'online';
  offlineForMs?: number;
}

/**
 * Decides whether failures say "the service is down" or "this laptop is offline". Evidence that the
 * network works (any success, or a failure that needed an answer from the far side such as a 503 or
 * a refused connection) ends the offline state.
 */
export class OfflineDetector {
  private readonly networkFailing = new Map<string, boolean>();
  private failingCount = 0;
  private since: number | null = null;
  private probeResult: { at: number; ok: boolean } | null = null;
  private probing: Promise<boolean> | null = null;
  private evidenceAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: OfflineOptions) {}

  get offline(): boolean {
    return this.since !== null;
  }

  async assess(id: string, result: CheckResult): Promise<OfflineVerdict> {
    const networkFailure = !result.ok && result.errorKind !== undefined && NETWORK_ERROR_KINDS.has(result.errorKind);
    this.track(id, networkFailure);
    if (!networkFailure) {
      // An answer from the far side is fresher evidence than a probe that said "offline" a moment
      // ago: a check that timed out while the network came back must not take the state back.
      this.evidenceAt = this.options.now();
      if (this.probeResult && !this.probeResult.ok) this.probeResult = null;
      return this.set(false);
    }
    if (this.options.probe) return this.set(!(await this.probe()));
    const all = this.networkFailing.size >= (this.options.minMonitors ?? 2) && this.failingCount === this.networkFailing.size;
    return this.set(all || this.offline);
  }

  /** Forgets a monitor that was removed from the config. */
  forget(id: string): void {
    if (this.networkFailing.get(id)) this.failingCount--;
    this.networkFailing.delete(id);
  }

  private track(id: string, failing: boolean): void {
    const before = this.networkFailing.get(id) ?? false;
    if (before !== failing) this.failingCount += failing ? 1 : -1;
    this.networkFailing.set(id, failing);
  }

  private set(offline: boolean): OfflineVerdict {
    const now = this.options.now();
    if (offline && this.since === null) {
      this.since = now;
      return { offline, changed: 'offline' };
    }
    if (!offline && this.since !== null) {
      const offlineForMs = now - this.since;
      this.since = null;
      return { offline, changed: 'online', offlineForMs };
    }
    return { offline };
  }

  private probe(): Promise<boolean> {
    const now = this.options.now();
    const cached = this.probeResult;
    if (cached && now - cached.at < (this.options.probeCacheMs ?? 10_000)) return Promise.resolve(cached.ok);
    // Many monitors fail together when the network drops; they share one probe.
    if (this.probing) return this.probing;
    const startedAt = now;
    this.probing = this.options.probe!()
      .catch(() => false)
      .then((ok) => {
        this.probing = null;
        // The network answered a check while this probe ran: its "offline" is already out of date.
        if (!ok && this.evidenceAt >= startedAt) return true;
        this.probeResult = { at: this.options.now(), ok };
        return ok;
      });
    return this.probing;
  }
}

/** A cheap default probe: false when no network interface other than loopback has an address. */
export async function hasNetworkInterface(): Promise<boolean> {
  return Object.values(os.networkInterfaces()).some((addresses) => addresses?.some((a) => !a.internal));
}
