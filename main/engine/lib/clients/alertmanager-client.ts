import { authHeaders, fetchJson, type SourceAuth } from '../http/fetch-json';

// The fields of Alertmanager's /api/v2 alert that Trayage reads.
export interface AmAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  status: { state: 'active' | 'suppressed' | 'unprocessed'; silencedBy: string[]; inhibitedBy: string[] };
  generatorURL?: string;
}

export interface SilenceMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

export interface NewSilence {
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

export interface AmSilence extends NewSilence {
  id: string;
  status: { state: 'active' | 'pending' | 'expired' };
}

export class AlertmanagerClient {
  constructor(
    private readonly baseUrl: string,
    private readonly auth?: SourceAuth,
    private readonly timeoutMs = 10_000,
  ) {}

  alerts(): Promise<AmAlert[]> {
    // Active, silenced and inhibited alike: the app shows the suppressed ones separately.
    return fetchJson<AmAlert[]>(this.url('/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true'), this.options());
  }

  async createSilence(silence: NewSilence): Promise<string> {
    const reply = await fetchJson<{ silenceID: string }>(this.url('/api/v2/silences'), { ...this.options(), method: 'POST', body: silence });
    return reply.silenceID;
  }

  silence(id: string): Promise<AmSilence> {
    return fetchJson<AmSilence>(this.url(`/api/v2/silence/${encodeURIComponent(id)}`), this.options());
  }

  async deleteSilence(id: string): Promise<void> {
    await fetchJson(this.url(`/api/v2/silence/${encodeURIComponent(id)}`), { ...this.options(), method: 'DELETE' });
  }

  private url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  private options() {
    return { headers: authHeaders(this.auth), timeoutMs: this.timeoutMs };
  }
}

// Matchers for "this alert": by default alertname and instance, as configured per source.
export function silenceMatchers(labels: Record<string, string>, names: string[]): SilenceMatcher[] {
  return names.filter((n) => labels[n] !== undefined).map((name) => ({ name, value: labels[name], isRegex: false, isEqual: true }));
}
