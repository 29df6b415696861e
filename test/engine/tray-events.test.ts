import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from '../../main/engine/tray/tray-events';

describe('tray events while changes keep coming', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends the first change at once, then at most once per gap with the latest state', () => {
    const sent: number[] = [];
    const tray = throttled(() => sent.push(Date.now()), 250, Date.now);
    const start = Date.now();
    tray.request();
    expect(sent).toEqual([start]);
    // A thousand monitors going down within the gap: one more send, at its end.
    for (let i = 0; i < 1000; i++) tray.request();
    vi.advanceTimersByTime(249);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([start, start + 250]);
    // Quiet for longer than the gap: the next change goes out at once again.
    vi.advanceTimersByTime(1000);
    tray.request();
    expect(sent).toEqual([start, start + 250, start + 1250]);
  });

  it('sends nothing after cancel (the engine closing)', () => {
    const sent: number[] = [];
    const tray = throttled(() => sent.push(Date.now()), 250, Date.now);
    tray.request();
    tray.request();
    tray.cancel();
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(1);
  });
});
