export type DaemonStatus = { reachable: true } | { reachable: false; reason: string };

// Unreachable is asked again after this long, so a daemon started later is found without a restart.
export const RECHECK_MS = 5 * 60_000;

export interface ProbeOptions {
  // Asks the session bus (over the connection the notices use) whether a daemon is there.
  lookUp: () => Promise<DaemonStatus>;
  now: () => number;
  recheckMs?: number;
}

/**
 * Whether a desktop notification daemon can be reached, asked once and remembered: a reachable one
 * until a delivery fails, an unreachable one for a few minutes. Concurrent askers share one look-up.
 */
export class DaemonProbe {
  private known: { status: DaemonStatus; at: number } | null = null;
  private asking: Promise<DaemonStatus> | null = null;

  constructor(private readonly options: ProbeOptions) {}

  status(): Promise<DaemonStatus> {
    const known = this.known;
    const stale = known && !known.status.reachable && this.options.now() - known.at >= (this.options.recheckMs ?? RECHECK_MS);
    if (known && !stale) return Promise.resolve(known.status);
    this.asking ??= this.lookUp().finally(() => (this.asking = null));
    return this.asking;
  }

  /** Forgets what is known: the next delivery asks again (after a failure, the daemon may be gone). */
  forget(): void {
    this.known = null;
  }

  private async lookUp(): Promise<DaemonStatus> {
    const status = await this.options.lookUp();
    this.known = { status, at: this.options.now() };
    return status;
  }
}
