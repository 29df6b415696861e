import { type AlertChanges, diffAlerts, fromAlertmanager, type SourceAlert } from './domain/alert-model';
import { AlertmanagerClient, silenceMatchers } from '../lib/clients/alertmanager-client';
import type { SourceAuth } from '../lib/http/fetch-json';
import { failedDeployRuns } from './github-actions-client';
import type { SourceDefinition } from './domain/source-config';

export interface SourceStatus {
  name: string;
  kind: SourceDefinition['kind'];
  ok: boolean;
  // One reason for the whole source: an unreachable source is one problem, not a flood of alerts.
  error: string | null;
  since: number;
  lastPollAt: number | null;
  alerts: SourceAlert[];
}

function auth(def: SourceDefinition, env: NodeJS.ProcessEnv): SourceAuth | undefined {
  if (def.kind === 'github-actions') return def.tokenEnv ? { bearer: env[def.tokenEnv] ?? '' } : undefined;
  if (def.bearerTokenEnv) return { bearer: env[def.bearerTokenEnv] ?? '' };
  if (def.username) return { username: def.username, password: def.passwordEnv ? env[def.passwordEnv] : undefined };
  return undefined;
}

export async function fetchSourceAlerts(def: SourceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<SourceAlert[]> {
  if (def.kind === 'alertmanager') {
    const alerts = await new AlertmanagerClient(def.url, auth(def, env)).alerts();
    return alerts.map((a) => fromAlertmanager(def.name, a, def.severityLabel, def.severityMap));
  }
  return failedDeployRuns(def.apiUrl, def.repo, { auth: auth(def, env), source: def.name, severity: def.severity });
}

// Polls one source on its own interval and reports what changed; never throws into its caller.
export class SourcePoller {
  private status: SourceStatus;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    readonly def: SourceDefinition,
    private readonly onChange: (changes: AlertChanges, status: SourceStatus, healthChanged: boolean) => void,
    private readonly now: () => number = Date.now,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.status = { name: def.name, kind: def.kind, ok: true, error: null, since: now(), lastPollAt: null, alerts: [] };
  }

  current(): SourceStatus {
    return this.status;
  }

  async pollOnce(): Promise<SourceStatus> {
    const before = this.status;
    try {
      const alerts = await fetchSourceAlerts(this.def, this.env);
      this.status = { ...before, ok: true, error: null, since: before.ok ? before.since : this.now(), lastPollAt: this.now(), alerts };
      this.onChange(diffAlerts(before.alerts, alerts), this.status, !before.ok);
    } catch (err) {
      // Keep the last known alerts: a source that cannot be reached has not resolved them.
      const error = `${this.def.name}: ${(err as Error).message}`;
      this.status = { ...before, ok: false, error, since: before.ok ? this.now() : before.since, lastPollAt: this.now() };
      this.onChange({ firing: [], resolved: [] }, this.status, before.ok);
    }
    return this.status;
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

  async silence(alert: SourceAlert, durationMs: number, createdBy: string, comment: string): Promise<string> {
    if (this.def.kind !== 'alertmanager') throw new Error(`${this.def.name} is not an Alertmanager: its alerts cannot be silenced.`);
    const matchers = silenceMatchers(alert.labels, this.def.silenceMatchers);
    if (matchers.length === 0) throw new Error(`The alert has none of the labels ${this.def.silenceMatchers.join(', ')} to silence it by.`);
    const start = this.now();
    return new AlertmanagerClient(this.def.url, auth(this.def, this.env)).createSilence({
      matchers,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + durationMs).toISOString(),
      createdBy,
      comment,
    });
  }

  async unsilence(silenceId: string): Promise<void> {
    if (this.def.kind !== 'alertmanager') throw new Error(`${this.def.name} is not an Alertmanager.`);
    await new AlertmanagerClient(this.def.url, auth(this.def, this.env)).deleteSilence(silenceId);
  }
}
