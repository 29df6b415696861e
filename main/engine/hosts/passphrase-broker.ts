import { randomUUID } from 'node:crypto';
import type { PassphraseRequest } from '../lib/ssh/ssh-auth';

interface Waiting {
  resolve: (passphrase: string | null) => void;
  timer: NodeJS.Timeout;
}

// Asks the windows for a key's passphrase and hands the answer straight to
// the key parser. Nothing is kept: the value lives only in this call.
export class PassphraseBroker {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly announce: (request: { requestId: string; alias: string; keyPath: string; attempt: number }) => void,
    private readonly settled: (requestId: string) => void,
    // Unanswered prompts skip the key rather than hold a connection forever.
    private readonly timeoutMs = 5 * 60_000,
  ) {}

  ask = (request: PassphraseRequest): Promise<string | null> =>
    new Promise((resolve) => {
      const requestId = randomUUID();
      const timer = setTimeout(() => this.answer(requestId, null), this.timeoutMs);
      timer.unref();
      this.waiting.set(requestId, { resolve, timer });
      this.announce({ requestId, alias: request.alias, keyPath: request.keyPath, attempt: request.attempt });
    });

  answer(requestId: string, passphrase: string | null): boolean {
    const waiting = this.waiting.get(requestId);
    if (!waiting) return false;
    this.waiting.delete(requestId);
    clearTimeout(waiting.timer);
    waiting.resolve(passphrase);
    this.settled(requestId);
    return true;
  }

  cancelAll(): void {
    for (const id of [...this.waiting.keys()]) this.answer(id, null);
  }
}
