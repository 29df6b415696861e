import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../main/engine/notifications/notice-summary';

const notice = (title: string, target: object | null, severity: string | null = null) => ({ title, severity, target: target ? JSON.stringify(target) : null });
const sounds: Record<string, string | boolean> = { P1: 'alarm-clock-elapsed', P3: false, default: true };
const soundFor = (severity: string | null) => sounds[severity ?? ''] ?? sounds.default;

describe('a summary of many notices', () => {
  it('says what they share, lists the first five titles and counts the rest', () => {
    const many = Array.from({ length: 7 }, (_, i) => notice(`m${i} is down`, { kind: 'monitor', id: String(i) }));
    expect(summaryOf(many, soundFor)).toEqual({
      delivery: {
        title: '7 notices about monitors',
        body: 'm0 is down\nm1 is down\nm2 is down\nm3 is down\nm4 is down\nand 2 more; see them all under Notices in Trayage',
        sound: true,
      },
      target: { kind: 'monitor', id: '' },
    });
  });

  it('names nothing in common for mixed kinds or a notice without a target, leads to the Notices window, and lists all of a few', () => {
    const mixed = [notice('api is down', { kind: 'monitor', id: '1' }), notice('Ack overdue', { kind: 'incident', id: '4' }), notice('HighLatency firing', { kind: 'alert', id: 'am:1' })];
    expect(summaryOf(mixed, soundFor).delivery).toMatchObject({ title: '3 notices', body: 'api is down\nAck overdue\nHighLatency firing' });
    expect(summaryOf(mixed, soundFor).target).toEqual({ kind: 'notices', id: '' });
    const untargeted = [notice('You are offline', null), notice('api is down', { kind: 'monitor', id: '1' })];
    expect(summaryOf(untargeted, soundFor).delivery.title).toBe('2 notices');
    expect(summaryOf(untargeted, soundFor).target).toEqual({ kind: 'notices', id: '' });
  });

  it('says "one incident" and leads to it when every notice is about the same one', () => {
    const timers = [notice('Update due', { kind: 'incident', id: '9' }), notice('Ack overdue', { kind: 'incident', id: '9' })];
    expect(summaryOf(timers, soundFor).delivery.title).toBe('2 notices about one incident');
    expect(summaryOf(timers, soundFor).target).toEqual({ kind: 'incident', id: '9' });
  });

  it("plays the loudest sound among them: a severity's own over the platform's over none", () => {
    const target = { kind: 'alert', id: 'x' };
    expect(summaryOf([notice('a', target, 'P3'), notice('b', target, null), notice('c', target, 'P1')], soundFor).delivery.sound).toBe('alarm-clock-elapsed');
    expect(summaryOf([notice('a', target, 'P3'), notice('b', target, null)], soundFor).delivery.sound).toBe(true);
    expect(summaryOf([notice('a', target, 'P3'), notice('b', target, 'P3')], soundFor).delivery.sound).toBe(false);
  });
});
