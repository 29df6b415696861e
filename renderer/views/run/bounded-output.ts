// Characters of live output a window keeps per run, over all hosts and steps.
export const RUN_OUTPUT_LIMIT = 2 * 1024 * 1024;

interface Chunk {
  key: string;
  text: string;
}

// The live output of one run, keyed by host and step, holding at most
// `limit` characters: the oldest text is dropped first and counted, so a
// step printing 50 MB leaves a window with its last 2 MB and a note of what
// was left out (the output file in the data dir has everything).
export class BoundedOutput {
  private chunks: Chunk[] = [];
  private first = 0;
  private total = 0;
  private readonly omitted = new Map<string, number>();
  private readonly joined = new Map<string, string>();

  constructor(readonly limit = RUN_OUTPUT_LIMIT) {}

  static key(host: string, stepIndex: number): string {
    return `${host}\u0000${stepIndex}`;
  }

  get size(): number {
    return this.total;
  }

  append(key: string, text: string, omittedBefore = 0): void {
    if (omittedBefore > 0) this.addOmitted(key, omittedBefore);
    if (text.length > this.limit) {
      this.addOmitted(key, text.length - this.limit);
      text = text.slice(text.length - this.limit);
    }
    if (!text) return;
    this.chunks.push({ key, text });
    this.total += text.length;
    this.joined.delete(key);
    this.evict();
  }

  text(key: string): string {
    let text = this.joined.get(key);
    if (text === undefined) {
      const parts: string[] = [];
      for (let i = this.first; i < this.chunks.length; i++) if (this.chunks[i].key === key) parts.push(this.chunks[i].text);
      text = parts.join('');
      this.joined.set(key, text);
    }
    return text;
  }

  omittedChars(key: string): number {
    return this.omitted.get(key) ?? 0;
  }

  has(key: string): boolean {
    return this.omittedChars(key) > 0 || this.text(key).length > 0;
  }

  private evict(): void {
    while (this.total > this.limit) {
      const oldest = this.chunks[this.first];
      const excess = this.total - this.limit;
      const cut = Math.min(excess, oldest.text.length);
      this.addOmitted(oldest.key, cut);
      this.total -= cut;
      this.joined.delete(oldest.key);
      if (cut === oldest.text.length) this.first++;
      else oldest.text = oldest.text.slice(cut);
    }
    // Drop the consumed front now and then instead of shifting on every eviction.
    if (this.first > 1024 && this.first * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.first);
      this.first = 0;
    }
  }

  private addOmitted(key: string, chars: number): void {
    this.omitted.set(key, (this.omitted.get(key) ?? 0) + chars);
  }
}
