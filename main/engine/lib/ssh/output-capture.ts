// Keeps the beginning and the end of a stream within a fixed budget. The
// beginning holds headers and the first lines a later step may pick from;
// the end holds the error that stopped a command. The full output goes to
// the batch listener, never into memory here.
export class OutputCapture {
  private head = '';
  private tail: string[] = [];
  private tailLength = 0;
  private omittedChars = 0;
  // Bytes received on the stream, counted by the caller as packets arrive.
  bytes = 0;

  constructor(
    private readonly headChars: number,
    private readonly tailChars: number,
  ) {}

  append(text: string): void {
    if (this.head.length < this.headChars) {
      const room = this.headChars - this.head.length;
      this.head += text.slice(0, room);
      text = text.slice(room);
      if (!text) return;
    }
    this.tail.push(text);
    this.tailLength += text.length;
    while (this.tailLength - this.tail[0].length >= this.tailChars) {
      const dropped = this.tail.shift()!;
      this.tailLength -= dropped.length;
      this.omittedChars += dropped.length;
    }
  }

  get truncated(): boolean {
    return this.omittedChars > 0 || this.tailLength > this.tailChars;
  }

  text(): string {
    let tail = this.tail.join('');
    let omitted = this.omittedChars;
    if (tail.length > this.tailChars) {
      omitted += tail.length - this.tailChars;
      tail = tail.slice(tail.length - this.tailChars);
    }
    if (omitted === 0) return this.head + tail;
    return `${this.head}\n[… ${omitted} characters omitted …]\n${tail}`;
  }
}
