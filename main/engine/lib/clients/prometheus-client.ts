import { authHeaders, fetchJson, type SourceAuth, SourceError } from '../http/fetch-json';

export interface PromSeries {
  labels: Record<string, string>;
  value: number;
}

interface PromResponse {
  status: 'success' | 'error';
  errorType?: string;
  error?: string;
  data?: { resultType: 'vector' | 'scalar' | 'matrix' | 'string'; result: unknown };
}

// An instant query through /api/v1/query; a vector gives one series per element, a scalar one series.
export async function instantQuery(server: string, query: string, options: { auth?: SourceAuth; timeoutMs?: number; time?: number } = {}): Promise<PromSeries[]> {
  const url = new URL('/api/v1/query', server);
  url.searchParams.set('query', query);
  if (options.time !== undefined) url.searchParams.set('time', String(options.time / 1000));
  let body: PromResponse;
  try {
    body = await fetchJson<PromResponse>(url.href, { headers: authHeaders(options.auth), timeoutMs: options.timeoutMs });
  } catch (err) {
    // Prometheus answers a bad query with HTTP 400 and a JSON reason; show the reason.
    if (err instanceof SourceError && err.kind === 'http' && err.status === 400) {
      const reason = /"error":"([^"]+)"/.exec(err.message)?.[1];
      throw new SourceError(`Prometheus rejected the query: ${reason ?? err.message}`, 'http', 400);
    }
    throw err;
  }
  if (body?.status !== 'success' || !body.data) throw new SourceError(`Prometheus query failed: ${body?.error ?? 'no data in the answer'}`, 'http');
  const { resultType, result } = body.data;
  if (resultType === 'scalar') return [{ labels: {}, value: Number((result as [number, string])[1]) }];
  if (resultType === 'vector') {
    return (result as { metric: Record<string, string>; value: [number, string] }[]).map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
  }
  throw new SourceError(`The query returns a ${resultType}; a monitor needs an instant vector or a scalar (drop the [range] selector).`, 'http');
}

export function seriesName(labels: Record<string, string>): string {
  const { __name__: name, ...rest } = labels;
  const inner = Object.entries(rest)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return `${name ?? ''}{${inner}}`;
}
