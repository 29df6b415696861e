import { authHeaders, fetchJson, type SourceAuth } from '../http/fetch-json';
import { fetchReply } from '../http/fetch-reply';
import { joinUrl } from '../http/join-url';
import { ALERTMANAGER_API, AmAlerts, type AmAlert, AmSilence, CreatedSilence, type NewSilence, type SilenceMatcher } from './alertmanager-replies';

export class AlertmanagerClient {
  constructor(
    private readonly baseUrl: string,
    private readonly auth?: SourceAuth,
    private readonly timeoutMs = 10_000,
  ) {}

  alerts(): Promise<AmAlert[]> {
    const url = this.url('/api/v2/alerts');
    // Active, silenced and inhibited alike: the app shows the suppressed ones separately.
    for (const filter of ['active', 'silenced', 'inhibited', 'unprocessed']) url.searchParams.set(filter, 'true');
    return fetchReply(url.href, { schema: AmAlerts, api: ALERTMANAGER_API }, this.options());
  }

  async createSilence(silence: NewSilence): Promise<string> {
    const reply = await fetchReply(this.url('/api/v2/silences').href, { schema: CreatedSilence, api: ALERTMANAGER_API }, { ...this.options(), method: 'POST', body: silence });
    return reply.silenceID;
  }

  silence(id: string): Promise<AmSilence> {
    return fetchReply(this.url(`/api/v2/silence/${encodeURIComponent(id)}`).href, { schema: AmSilence, api: ALERTMANAGER_API }, this.options());
  }

  async deleteSilence(id: string): Promise<void> {
    await fetchJson(this.url(`/api/v2/silence/${encodeURIComponent(id)}`).href, { ...this.options(), method: 'DELETE', api: ALERTMANAGER_API });
  }

  private url(path: string): URL {
    return joinUrl(this.baseUrl, path);
  }

  private options() {
    return { headers: authHeaders(this.auth), timeoutMs: this.timeoutMs };
  }
}

// Matchers for "this alert": by default alertname and instance, as configured per source.
export function silenceMatchers(labels: Record<string, string>, names: string[]): SilenceMatcher[] {
  return names.filter((n) => labels[n] !== undefined).map((name) => ({ name, value: labels[name], isRegex: false, isEqual: true }));
}
