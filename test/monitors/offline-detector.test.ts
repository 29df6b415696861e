import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../main/engine/monitors/domain/check-types';
import { OfflineDetector } from '../../main/engine/monitors/offline-detector';

const timedOut = (monitor: string): CheckResult => ({ monitor, ok: false, checkedAt: 0, responseTimeMs: 300, error: 'timed out', errorKind: 'timeout', failedConditions: [] });
const answered503 = (monitor: string): CheckResult => ({ monitor, ok: false, checkedAt: 0, responseTimeMs: 3, status: 503, failedConditions: ['[STATUS] == 200'] });

function detector(online: () => boolean) {
  let now = 1_000;
  let probes = 0;
  const pending: (() => void)[] = [];
  let hold = false;
  const d = new OfflineDetector({
    now: () => now,
    probeCacheMs: 10_000,
    probe: () => {
      probes++;
      const answer = online();
      if (!hold) return Promise.resolve(answer);
      return new Promise((resolve) => pending.push(() => resolve(answer)));
    },
  });
  return {
    d,
    advance: (ms: number) => (now += ms),
    probes: () => probes,
    holdProbes: () => (hold = true),
    releaseProbes: () => pending.splice(0).forEach((release) => release()),
  };
}

describe('deciding "this machine is offline" from checks and a probe', () => {
  it('stays online after the network answers, though a check that timed out meanwhile meets a cached "offline"', async () => {
    let online = false;
    const t = detector(() => online);
    expect(await t.d.assess('one', timedOut('one'))).toMatchObject({ offline: true, changed: 'offline' });
    online = true;
    t.advance(1_000);
    expect(await t.d.assess('one', answered503('one'))).toMatchObject({ offline: false, changed: 'online' });
    // Started while offline, it timed out after the 503: the probe said "offline" 1 s ago.
    expect(await t.d.assess('two', timedOut('two'))).toEqual({ offline: false });
    expect(t.probes()).toBe(2);
  });

  it('ignores a probe that said "offline" while a check was getting an answer', async () => {
    let online = false;
    const t = detector(() => online);
    t.holdProbes();
    const verdict = t.d.assess('one', timedOut('one'));
    await Promise.resolve();
    online = true;
    expect(await t.d.assess('two', answered503('two'))).toEqual({ offline: false });
    t.releaseProbes();
    expect(await verdict).toEqual({ offline: false });
    expect(t.d.offline).toBe(false);
  });

  it('goes offline when every sign says so, and shares one probe among monitors failing together', async () => {
    const t = detector(() => false);
    const verdicts = await Promise.all(['a', 'b', 'c'].map((m) => t.d.assess(m, timedOut(m))));
    expect(verdicts.filter((v) => v.changed === 'offline')).toHaveLength(1);
    expect(t.d.offline).toBe(true);
    expect(t.probes()).toBe(1);
  });
});
