import http from 'node:http';
import https from 'node:https';

export interface HealthTarget {
  url?: string;
  monitor?: string;
}

export interface HealthProbeResult {
  healthy: boolean;
  // One line for the run log, e.g. "HTTP 503" or "connection refused".
  detail: string;
}

// Supplied by the engine to check a named monitor (or a URL its own way).
export type HealthCheck = (target: HealthTarget, signal: AbortSignal) => Promise<HealthProbeResult>;

export interface WaitOptions {
  deadlineMs: number;
  intervalMs: number;
  check?: HealthCheck;
  signal?: AbortSignal;
  now?: () => number;
  onAttempt?: (attempt: number, result: HealthProbeResult) => void;
}

export interface WaitResult {
  healthy: boolean;
  attempts: number;
  detail: string;
  elapsedMs: number;
  cancelled: boolean;
}

const ATTEMPT_TIMEOUT_MS = 5000;

// Polls until healthy, the deadline passes or the run is cancelled. A
// service coming back from a restart usually refuses connections first,
// so failures before the deadline are expected and only logged.
export async function waitUntilHealthy(target: HealthTarget, options: WaitOptions): Promise<WaitResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const check = options.check ?? defaultCheck;
  let attempts = 0;
  let detail = 'not checked';
  // An attempt cut short by the deadline says less than the last real answer (refused, HTTP 503).
  let lastAnswer: string | null = null;
  for (;;) {
    if (options.signal?.aborted) return { healthy: false, attempts, detail: 'cancelled', elapsedMs: now() - started, cancelled: true };
    const remaining = options.deadlineMs - (now() - started);
    const attemptSignal = AbortSignal.any([
      AbortSignal.timeout(Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, remaining))),
      ...(options.signal ? [options.signal] : []),
    ]);
    let result: HealthProbeResult;
    try {
      result = await check(target, attemptSignal);
    } catch (err) {
      result = { healthy: false, detail: (err as Error).message };
    }
    attempts++;
    const timedOut = attemptSignal.aborted && !options.signal?.aborted;
    detail = timedOut && remaining < ATTEMPT_TIMEOUT_MS && lastAnswer ? lastAnswer : result.detail;
    if (!timedOut) lastAnswer = result.detail;
    options.onAttempt?.(attempts, result);
    if (result.healthy) return { healthy: true, attempts, detail, elapsedMs: now() - started, cancelled: false };
    const left = options.deadlineMs - (now() - started);
    if (left <= 0) return { healthy: false, attempts, detail, elapsedMs: now() - started, cancelled: false };
    await sleep(Math.min(options.intervalMs, left), options.signal);
  }
}

async function defaultCheck(target: HealthTarget, signal: AbortSignal): Promise<HealthProbeResult> {
  if (!target.url) {
    throw new Error(`cannot check monitor "${target.monitor}": no monitor check is available here; give the step a url instead`);
  }
  return probeUrl(target.url, signal);
}

// One GET; healthy on 2xx. The body is discarded: a health page can be large.
export function probeUrl(url: string, signal: AbortSignal): Promise<HealthProbeResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve({ healthy: false, detail: `"${url}" is not a valid URL` });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return Promise.resolve({ healthy: false, detail: `"${url}" is not an http(s) URL` });
  }
  const client = parsed.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.get(parsed, { signal, agent: false, headers: { 'user-agent': 'Trayage health check' } }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      resolve({ healthy: status >= 200 && status < 300, detail: `HTTP ${status} from ${url}` });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const reason = signal.aborted ? 'no answer in time' : err.code === 'ECONNREFUSED' ? 'connection refused' : err.message;
      resolve({ healthy: false, detail: `${reason} (${url})` });
    });
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
