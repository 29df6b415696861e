import { describe, expect, it } from 'vitest';
import { attempt } from '../../renderer/store/attempt';
import { ApiError } from '../../renderer/transport/api-error';

describe('attempt', () => {
  it('hands back the value of work that succeeded', async () => {
    expect(await attempt(async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it('turns a failed call into its message and the fields at fault', async () => {
    const outcome = await attempt(async () => {
      throw new ApiError('bad_request', 'Invalid parameters — title: title is required', [{ path: 'title', message: 'title is required' }]);
    });
    expect(outcome).toEqual({ ok: false, error: 'Invalid parameters — title: title is required', issues: [{ path: 'title', message: 'title is required' }] });
  });

  it('gives words for anything thrown, not only errors', async () => {
    expect(await attempt(() => Promise.reject('timed out'))).toEqual({ ok: false, error: 'timed out', issues: [] });
    expect(await attempt(async () => Promise.reject(new Error('Lost the connection')))).toEqual({ ok: false, error: 'Lost the connection', issues: [] });
  });
});
