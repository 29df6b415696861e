import { StringDecoder } from 'node:string_decoder';

export interface OutputBatch {
  stdout: string;
  stderr: string;
  // Bytes received in this batch, both streams together.
  bytes: number;
}

export interface BatchLimits {
  intervalMs: number;
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { intervalMs: 50, maxBytes: 64 * 1024 };

// Coalesces channel data so a listener (the UI) sees at most one batch per
// interval, or one per maxBytes when output is fast: 50 MB becomes about 800
// batches instead of tens of thousands of packets. UTF-8 sequences split
// across packets are decoded whole.
export class OutputBatcher {
  private readonly decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private pending = { stdout: [] as string[], stderr: [] as string[] };
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onBatch: (batch: OutputBatch) => void,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  ) {}

  push(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    const text = this.decoders[stream].write(chunk);
    if (text) this.pending[stream].push(text);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.limits.maxBytes) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.limits.intervalMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingBytes === 0 && !this.pending.stdout.length && !this.pending.stderr.length) return;
    const batch: OutputBatch = {
      stdout: this.pending.stdout.join(''),
      stderr: this.pending.stderr.join(''),
      bytes: this.pendingBytes,
    };
    this.pending = { stdout: [], stderr: [] };
    this.pendingBytes = 0;
    this.onBatch(batch);
  }

  // Emits what is left, including a trailing incomplete UTF-8 sequence.
  end(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.decoders[stream].end();
      if (rest) this.pending[stream].push(rest);
    }
    this.flush();
  }
}
