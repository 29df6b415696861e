import { randomUUID } from 'node:crypto';
import type { RunPrompt } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';

type NewPrompt = RunPrompt extends infer P ? (P extends RunPrompt ? Omit<P, 'id'> : never) : never;

// Questions a running procedure waits on: the host name typed before a
// guarded step, or the value picked from a step's output. Any window may
// answer; the first answer counts.
export class RunPrompts {
  private readonly open = new Map<string, { prompt: RunPrompt; resolve: (value: string | null) => void }>();

  constructor(private readonly changed: () => void) {}

  ask(prompt: NewPrompt): Promise<string | null> {
    return new Promise((resolve) => {
      const id = randomUUID();
      this.open.set(id, { prompt: { ...prompt, id } as RunPrompt, resolve });
      this.changed();
    });
  }

  list(): RunPrompt[] {
    return [...this.open.values()].map((p) => p.prompt);
  }

  respond(id: string, value: string | null): boolean {
    const entry = this.open.get(id);
    if (!entry) return false;
    const { prompt } = entry;
    if (value !== null && prompt.kind === 'choose' && !prompt.choices.includes(value)) {
      throw new RpcFailure('bad_request', `"${value}" is not one of the values step ${prompt.stepIndex + 1} printed; pick one of: ${prompt.choices.join(', ')}.`, [
        { path: 'value', message: 'not one of the offered choices' },
      ]);
    }
    this.open.delete(id);
    entry.resolve(value);
    this.changed();
    return true;
  }

  // A cancelled run declines whatever it was waiting for.
  declineAll(): void {
    for (const id of [...this.open.keys()]) this.respond(id, null);
  }
}
