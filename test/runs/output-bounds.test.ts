import { afterEach, describe, expect, test, vi } from 'vitest';
import { OutputRelay } from '../../main/engine/runs/output-relay';
import { BoundedOutput } from '../../renderer/views/run/bounded-output';

describe('a window\'s run output store', () => {
  test('keeps the newest text within its limit, across steps, and counts what it dropped', () => {
    const out = new BoundedOutput(100);
    const a = BoundedOutput.key('web', 0);
    const b = BoundedOutput.key('db', 1);
    out.append(a, 'a'.repeat(60));
    out.append(b, 'b'.repeat(30));
    expect(out.size).toBe(90);
    out.append(a, 'A'.repeat(30));
    expect(out.size).toBe(100);
    expect(out.text(a)).toBe('a'.repeat(40) + 'A'.repeat(30));
    expect(out.omittedChars(a)).toBe(20);
    expect(out.text(b)).toBe('b'.repeat(30));
    out.append(b, 'B'.repeat(250), 7);
    expect(out.text(a)).toBe('');
    expect(out.text(b)).toBe('B'.repeat(100));
    expect(out.omittedChars(b)).toBe(7 + 150 + 30);
    expect(out.omittedChars(a)).toBe(90);
    expect(out.has(a)).toBe(true);
    expect(out.has(BoundedOutput.key('web', 5))).toBe(false);
  });

  test('50 MB in 64 kB pieces ends with exactly the last 2 MB, and stays fast', () => {
    const out = new BoundedOutput();
    const key = BoundedOutput.key('web', 0);
    const piece = (i: number) => String(i % 10).repeat(64 * 1024);
    const pieces = Math.ceil((50 * 1024 * 1024) / (64 * 1024));
    const started = performance.now();
    for (let i = 0; i < pieces; i++) {
      out.append(key, piece(i));
      if (i % 50 === 0) out.text(key);
    }
    const elapsed = performance.now() - started;
    expect(out.size).toBe(2 * 1024 * 1024);
    expect(out.text(key)).toBe(Array.from({ length: 32 }, (_, k) => piece(pieces - 32 + k)).join(''));
    expect(out.omittedChars(key)).toBe(pieces * 64 * 1024 - 2 * 1024 * 1024);
    // Well under a second here; the bound only catches work that grows with everything appended.
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('the engine\'s output relay', () => {
  afterEach(() => vi.useRealTimers());

  test('sends the first output at once, then at most one event per interval with every host and step in it', () => {
    vi.useFakeTimers();
    let clock = 0;
    const sent: { host: string; stepIndex: number; text: string; omitted: number }[][] = [];
    const relay = new OutputRelay((chunks) => sent.push(chunks), { intervalMs: 100, maxCharsPerStep: 10 }, () => clock);
    relay.push('web', 0, 'first\n');
    expect(sent).toEqual([[{ host: 'web', stepIndex: 0, text: 'first\n', omitted: 0 }]]);
    relay.push('web', 0, 'abc');
    relay.push('db', 0, 'x');
    relay.push('web', 0, 'defghijklmno');
    expect(sent).toHaveLength(1);
    clock = 100;
    vi.advanceTimersByTime(100);
    expect(sent[1]).toEqual([
      { host: 'web', stepIndex: 0, text: 'fghijklmno', omitted: 5 },
      { host: 'db', stepIndex: 0, text: 'x', omitted: 0 },
    ]);
    relay.flush();
    expect(sent).toHaveLength(2);
  });
});
