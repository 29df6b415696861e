import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';

describe('engine boundary: every bad message gets an error envelope', () => {
  let dir: string;
  let engine: Engine;
  beforeEach(() => {
    dir = tempDir();
    engine = createEngine({ dataDir: dir, actor: 'ana' });
  });
  afterEach(() => {
    engine.close();
    removeDir(dir);
  });

  it('answers an unknown method, wrong types, missing fields, extra fields and garbage', async () => {
    expect(await engine.dispatch({ id: 1, method: 'incidents.drop', params: {} })).toEqual({
      id: 1,
      error: { code: 'unknown_method', message: "Unknown method 'incidents.drop'." },
    });
    const wrongType = (await engine.dispatch({ id: 2, method: 'incidents.get', params: { id: 'one' } })) as any;
    expect(wrongType.error.code).toBe('bad_request');
    expect(wrongType.error.issues[0].path).toBe('id');
    const missing = (await engine.dispatch({ id: 3, method: 'incidents.declare', params: { severity: 'P1' } })) as any;
    expect(missing.error.message).toMatch(/^Invalid parameters for incidents.declare — title:/);
    const extra = (await engine.dispatch({ id: 4, method: 'incidents.list', params: { status: 'all', drop: true } })) as any;
    expect(extra.error.code).toBe('bad_request');
    expect(await engine.dispatchText('{not json')).toEqual({ id: null, error: { code: 'bad_request', message: 'Message is not valid JSON.' } });
    expect(((await engine.dispatch(['id', 1])) as any).error.code).toBe('bad_request');
    const blankTitle = (await engine.dispatch({ id: 5, method: 'incidents.declare', params: { title: '   ', severity: 'P1' } })) as any;
    expect(blankTitle.error.issues).toEqual([{ path: 'title', message: 'title is required' }]);
  });

  it('refuses a 10 MB message without parsing it and keeps serving', async () => {
    const huge = JSON.stringify({ id: 7, method: 'incidents.declare', params: { title: 'x'.repeat(10_000_000), severity: 'P1' } });
    expect(await engine.dispatchText(huge)).toEqual({
      id: 7,
      error: { code: 'too_large', message: 'Message of 10.0 MB refused: the limit is 1.0 MB.' },
    });
    const ok = (await engine.dispatch({ id: 8, method: 'incidents.declare', params: { title: 'still here', severity: 'P1' } })) as any;
    expect(ok.result.title).toBe('still here');
  });
});
