import { describe, expect, it } from 'vitest';
import { SeriesTracker } from '../../main/engine/monitors/domain/series-tracker';

const s = (route: string, value: number, ok: boolean) => ({ labels: { __name__: 'http_error_ratio', route }, value, ok });

describe('one state per returned series', () => {
  it('holds a failing series pending for the for-duration, then down; a good one stays up', () => {
    const t = new SeriesTracker();
    expect(t.update('m', [s('/pay', 0.01, true), s('/search', 0.01, true)], 2000, 1000).map((x) => x.status)).toEqual(['up', 'up']);
    const bad = t.update('m', [s('/pay', 0.4, false), s('/search', 0.01, true)], 2000, 2000);
    expect(bad[0]).toEqual({ name: 'http_error_ratio{route="/pay"}', labels: { __name__: 'http_error_ratio', route: '/pay' }, value: 0.4, status: 'pending', since: 2000 });
    expect(t.update('m', [s('/pay', 0.5, false), s('/search', 0.01, true)], 2000, 4000)[0]).toMatchObject({ status: 'down', since: 2000, value: 0.5 });
    expect(t.update('m', [s('/pay', 0.01, true), s('/search', 0.01, true)], 2000, 5000)[0]).toMatchObject({ status: 'up', since: 5000 });
    expect(t.get('m')[1]).toMatchObject({ status: 'up', since: 1000 });
    // A series that stops being returned is dropped.
    expect(t.update('m', [s('/pay', 0.01, true)], 2000, 6000)).toHaveLength(1);
  });
});
