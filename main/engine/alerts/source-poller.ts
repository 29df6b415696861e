import { type AlertChanges, diffAlerts, type PolledAlert } from './domain/alert-model';
import type { SourceDefinition } from './domain/source-config';
import { sourceKind } from './kinds';
import type { SourceKind } from './kinds/source-kind';

export interface SourceStatus {
  name: string;
  kind: SourceDefinition['kind'];
  ok: boolean;
  // One reason for the whole source: an unreachable source is one problem, not a flood of alerts.
  error: string | null;
  since: number;
  lastPollAt: number | null;
  alerts: PolledAlert[];
}

// Polls one source on its own interval and reports what changed; never throws into its caller.
export class SourcePoller {
  readonly kind: SourceKind<SourceDefinition>;
  private status: SourceStatus;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    readonly def: SourceDefinition,
    private readonly onChange: (changes: AlertChanges, status: SourceStatus, healthChanged: boolean) => void,
    private readonly now: () => number = Date.now,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.kind = sourceKind(def.kind);
    this.status = { name: def.name, kind: def.kind, ok: true, error: null, since: now(), lastPollAt: null, alerts: [] };
  }

  current(): SourceStatus {
    return this.status;
  }

  async pollOnce(): Promise<SourceStatus> {
    const before = this.status;
    try {
      const alerts = await this.kind.fetchAlerts(this.def, this.env);
      this.status = { ...before, ok: true, error: null, since: before.ok ? before.since : this.now(), lastPollAt: this.now(), alerts };
      this.report(diffAlerts(before.alerts, alerts), !before.ok);
    } catch (err) {
      // Keep the last known alerts: a source that cannot be reached has not resolved them.
      const error = `${this.def.name}: ${(err as Error).message}`;
      this.status = { ...before, ok: false, error, since: before.ok ? this.now() : before.since, lastPollAt: this.now() };
      this.report({ firing: [], resolved: [] }, before.ok);
    }
    return this.status;
  }

  // A poll that ends after stop() (the engine closing, the definition replaced) reports nothing:
  // whoever listened may be gone, and a replaced source's poller speaks for it now.
  private report(changes: AlertChanges, healthChanged: boolean): void {
    if (!this.stopped) this.onChange(changes, this.status, healthChanged);
  }

  start(): void {
    const loop = async () => {
      if (this.stopped) return;
      await this.pollOnce();
      if (!this.stopped) this.timer = setTimeout(loop, this.def.pollMs).unref();
    };
    void loop();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async silence(alert: PolledAlert, durationMs: number, createdBy: string, comment: string): Promise<string> {
    return this.silencing().silence(this.def, this.env, alert, { startsAt: this.now(), durationMs, createdBy, comment });
  }

  async unsilence(silenceId: string): Promise<void> {
    await this.silencing().unsilence(this.def, this.env, silenceId);
  }

  private silencing() {
    const { silencing } = this.kind;
    if (!silencing) throw new Error(`${this.def.name} is a ${this.def.kind} source: its alerts cannot be silenced.`);
    return silencing;
  }
}
