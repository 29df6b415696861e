import { describe, expect, it } from 'vitest';
import { routeOfTarget } from '../../renderer/notices/notice-route';

describe('where a notice shown in the page leads', () => {
  it('opens the incident or monitor it is about', () => {
    expect(routeOfTarget({ kind: 'incident', id: '12' })).toEqual({ view: 'incident', id: 12 });
    expect(routeOfTarget({ kind: 'monitor', id: '3' })).toEqual({ view: 'monitor', id: 3 });
    expect(routeOfTarget({ kind: 'alert', id: 'am:abc' })).toEqual({ view: 'alerts' });
  });

  it('opens the list of its kind for a summary of many (an empty id), never a record numbered 0', () => {
    expect(routeOfTarget({ kind: 'incident', id: '' })).toEqual({ view: 'log' });
    expect(routeOfTarget({ kind: 'monitor', id: '' })).toEqual({ view: 'monitors' });
    expect(routeOfTarget({ kind: 'source', id: '' })).toEqual({ view: 'alerts' });
    expect(routeOfTarget({ kind: 'notices', id: '' })).toEqual({ view: 'notices' });
    expect(routeOfTarget(null)).toBeNull();
  });
});
