import { z } from 'zod';
import { authHeaders, type SourceAuth, SourceError } from '../http/fetch-json';
import { fetchReply } from '../http/fetch-reply';
import { joinUrl } from '../http/join-url';

export interface PromSeries {
  labels: Record<string, string>;
  value: number;
}

// A sample is [unix time, value as a string]: Prometheus writes NaN and ±Inf as strings too.
const Sample = z.tuple([z.number(), z.string()]);

const QueryReply = z.object({
  status: z.enum(['success', 'error']),
  error: z.string().optional(),
  data: z
    .discriminatedUnion('resultType', [
      z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: Sample })) }),
      z.object({ resultType: z.literal('scalar'), result: Sample }),
      // Read only to say that a monitor cannot use them.
      z.object({ resultType: z.enum(['matrix', 'string']), result: z.unknown() }),
    ])
    .optional(),
});

const PROMETHEUS_API = 'a Prometheus query API';

// An instant query through /api/v1/query; a vector gives one series per element, a scalar one series.
export async function instantQuery(server: string, query: string, options: { auth?: SourceAuth; timeoutMs?: number; time?: number } = {}): Promise<PromSeries[]> {
  const url = joinUrl(server, '/api/v1/query');
  url.searchParams.set('query', query);
  if (options.time !== undefined) url.searchParams.set('time', String(options.time / 1000));
  let body: z.output<typeof QueryReply>;
  try {
    body = await fetchReply(url.href, { schema: QueryReply, api: PROMETHEUS_API }, { headers: authHeaders(options.auth), timeoutMs: options.timeoutMs });
  } catch (err) {
    // Prometheus answers a bad query with HTTP 400 and a JSON reason; show the reason.
    if (err instanceof SourceError && err.kind === 'http' && err.status === 400) {
      const reason = /"error":"([^"]+)"/.exec(err.message)?.[1];
      throw new SourceError(`Prometheus rejected the query: ${reason ?? err.message}`, 'http', 400);
    }
    throw err;
  }
  if (body.status !== 'success' || !body.data) throw new SourceError(`Prometheus query failed: ${body.error ?? 'no data in the answer'}`, 'http');
  const { data } = body;
  if (data.resultType === 'scalar') return [{ labels: {}, value: Number(data.result[1]) }];
  if (data.resultType === 'vector') return data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
  throw new SourceError(`The query returns a ${data.resultType}; a monitor needs an instant vector or a scalar (drop the [range] selector).`, 'http');
}

export function seriesName(labels: Record<string, string>): string {
  const { __name__: name, ...rest } = labels;
  const inner = Object.entries(rest)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return `${name ?? ''}{${inner}}`;
}
