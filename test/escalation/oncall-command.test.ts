import { afterAll, describe, expect, it } from 'vitest';
import { oncallCommand } from '../../main/cli/commands/oncall-command';
import { createEngine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';

describe('trayage oncall', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const code = await oncallCommand.run([...args, '--data-dir', dir], { out: (t) => out.push(t), err: (t) => out.push(t) });
    return { code, text: out.join('\n') };
  };

  it('says nobody is on call until a rotation is set, then prints who is and who is next', async () => {
    expect(await run()).toEqual({ code: 0, text: 'On call: nobody\nNote: No on-call rotation or calendar is set in Settings.' });

    const engine = createEngine({ dataDir: dir, background: false });
    const reply = await engine.dispatch({
      id: 1,
      method: 'escalation.saveSettings',
      params: { onCall: { kind: 'rotation', people: ['Dana Lee'], handoffDay: 'mon', handoffTime: '09:00', timeZone: 'UTC', startsOn: '2026-01-05' } },
    });
    engine.close();
    expect(reply).not.toHaveProperty('error');

    const json = await run('--json');
    expect(json.code).toBe(0);
    const now = JSON.parse(json.text);
    expect(now).toMatchObject({ source: 'rotation', person: 'Dana Lee', next: { person: 'Dana Lee' }, problem: null });
    // Turns are a week long and end at a Monday 09:00 UTC.
    expect(now.until).toBeGreaterThan(Date.now());
    expect(now.until - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    expect(new Date(now.until).toISOString()).toMatch(/T09:00:00.000Z$/);
    expect(new Date(now.until).getUTCDay()).toBe(1);

    const text = await run();
    expect(text.text).toMatch(/^On call: Dana Lee until \d{4}-\d{2}-\d{2} 09:00 UTC\nNext: Dana Lee from \d{4}-\d{2}-\d{2} 09:00 UTC$/);
  });
});
