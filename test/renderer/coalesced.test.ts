import { describe, expect, it, vi } from 'vitest';
import { coalesced } from '../../renderer/store/coalesced';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('coalesced', () => {
  it('serves calls made during a run with one more run, and resolves every caller after it', async () => {
    const gates: ReturnType<typeof deferred>[] = [];
    const run = coalesced(() => {
      const gate = deferred();
      gates.push(gate);
      return gate.promise;
    });
    const settled: string[] = [];
    const first = run().then(() => settled.push('first'));
    const second = run().then(() => settled.push('second'));
    const third = run().then(() => settled.push('third'));
    expect(gates).toHaveLength(1);

    gates[0].resolve();
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    expect(settled).toEqual([]);

    gates[1].resolve();
    await Promise.all([first, second, third]);
    expect(gates).toHaveLength(2);
    expect(settled).toEqual(['first', 'second', 'third']);
  });

  it('starts afresh once a run has finished', async () => {
    let runs = 0;
    const run = coalesced(async () => {
      runs++;
    });
    await run();
    await run();
    expect(runs).toBe(2);
  });

  it('does not stay busy after a run that failed', async () => {
    let fail = true;
    const run = coalesced(async () => {
      if (fail) throw new Error('engine gone');
    });
    await expect(run()).rejects.toThrow('engine gone');
    fail = false;
    await expect(run()).resolves.toBeUndefined();
  });
});
