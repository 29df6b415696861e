import type { RunOutputChunk } from '../../../preload/contract/run-events';

export interface RelayLimits {
  // At most one event per interval; the first output after a quiet spell goes out at once.
  intervalMs: number;
  // Newest characters kept per host and step between two events.
  maxCharsPerStep: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = { intervalMs: 100, maxCharsPerStep: 128 * 1024 };

interface Pending {
  host: string;
  stepIndex: number;
  parts: string[];
  length: number;
  omitted: number;
}

// Coalesces the output of every host and step of one run into one event per
// interval, so a window gets a few events a second however many hosts print.
// A step printing faster than that keeps only its newest text per event: a
// window shows the end of a flood, and the output file has all of it.
export class OutputRelay {
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = -Infinity;

  constructor(
    private readonly send: (chunks: RunOutputChunk[]) => void,
    private readonly limits: RelayLimits = DEFAULT_RELAY_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(host: string, stepIndex: number, text: string): void {
    if (!text) return;
    const key = `${host}\u0000${stepIndex}`;
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { host, stepIndex, parts: [], length: 0, omitted: 0 };
      this.pending.set(key, entry);
    }
    entry.parts.push(text);
    entry.length += text.length;
    trim(entry, this.limits.maxCharsPerStep);
    if (this.timer) return;
    const wait = this.lastFlush + this.limits.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    this.lastFlush = this.now();
    const chunks = [...this.pending.values()].map((e) => ({ host: e.host, stepIndex: e.stepIndex, text: e.parts.join(''), omitted: e.omitted }));
    this.pending.clear();
    this.send(chunks);
  }
}

function trim(entry: Pending, max: number): void {
  while (entry.length > max && entry.parts.length > 1 && entry.length - entry.parts[0].length >= max) {
    const dropped = entry.parts.shift()!;
    entry.length -= dropped.length;
    entry.omitted += dropped.length;
  }
  if (entry.length > max) {
    const cut = entry.length - max;
    entry.parts[0] = entry.parts[0].slice(cut);
    entry.length -= cut;
    entry.omitted += cut;
  }
}
