import { describe, expect, it } from 'vitest';
import { GITQUEST_SEV, HEROFORGE_P1_P4 } from '../../main/engine/incidents/domain/severity-presets-p1-p4-sev';
import { HOTDASH_P0_P3 } from '../../main/engine/incidents/domain/severity-presets-p0-p3';
import { levelChanges, minutesText } from '../../renderer/views/scheme-diff';

describe('levelChanges', () => {
  it('matches levels by key: new ones with every timer, kept ones with the timers that differ, dropped ones last', () => {
    const changes = levelChanges(HEROFORGE_P1_P4, HOTDASH_P0_P3);
    expect(changes.map((c) => [c.key, c.before?.name ?? null, c.after?.name ?? null])).toEqual([
      ['P0', null, 'Critical (All hands)'],
      ['P1', 'Critical', 'High (Urgent)'],
      ['P2', 'High', 'Medium (Important)'],
      ['P3', 'Medium', 'Low (Tracking)'],
      ['P4', 'Low', null],
    ]);
    expect(changes[0].changed).toEqual(['responseMinutes', 'updateCadenceMinutes', 'escalateAfterMinutes', 'postFixWatchMinutes']);
    expect(changes[1].changed).toEqual(['updateCadenceMinutes', 'postFixWatchMinutes']);
    expect(changes[4].changed).toEqual([]);
  });

  it('says "same times" only when nothing differs, and matches keys without regard to case', () => {
    const lower = { ...HEROFORGE_P1_P4, levels: HEROFORGE_P1_P4.levels.map((l) => ({ ...l, key: l.key.toLowerCase() })) };
    expect(levelChanges(HEROFORGE_P1_P4, lower).every((c) => c.before && c.after && c.changed.length === 0)).toBe(true);
  });

  it('keeps none of the levels of a scheme with other keys', () => {
    const changes = levelChanges(HEROFORGE_P1_P4, GITQUEST_SEV);
    expect(changes.filter((c) => c.before && c.after)).toEqual([]);
    expect(changes).toHaveLength(HEROFORGE_P1_P4.levels.length + GITQUEST_SEV.levels.length);
  });
});

describe('minutesText', () => {
  it('reads as a time, "at once" or "none"', () => {
    expect([minutesText(null), minutesText(0), minutesText(45), minutesText(60), minutesText(1440)]).toEqual(['none', 'at once', '45 min', '1 h', '1 d']);
  });
});
