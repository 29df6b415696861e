import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { chainScheme, CONTACTS, type Harness, MIN, openHarness, RecordingChannels } from './harness';

const T0 = Date.UTC(2026, 10, 23, 2, 0, 0); // a Monday, 02:00 UTC
const ROTATION = { kind: 'rotation', people: ['Dana Lee', 'Lee Park'], handoffDay: 'mon', handoffTime: '09:00', timeZone: 'UTC', startsOn: '2026-11-02' };
const THREE_STEPS = [
  { afterMinutes: 1, to: 'on-call', channel: 'pager' },
  { afterMinutes: 2, to: 'L2' },
  { afterMinutes: 3, to: 'VP Engineering', channel: '7' },
];

describe('escalation chains', () => {
  let dir: string;
  let h: Harness | null = null;
  let clock = T0;
  const open = (channels = new RecordingChannels()) => {
    h = openHarness(dir, () => clock, channels);
    return h;
  };
  const setUp = async (steps: unknown[]) => {
    dir = tempDir();
    clock = T0;
    const channels = new RecordingChannels();
    const e = open(channels);
    await e.call('schemes.setActive', { scheme: chainScheme(steps) });
    await e.call('contacts.set', { contacts: CONTACTS });
    await e.call('escalation.saveSettings', { onCall: ROTATION });
    return { e, channels };
  };
  afterEach(() => {
    h?.close();
    h = null;
    removeDir(dir);
  });

  it('fires three steps once each, in order, across an engine restart, and pages through the named channel', async () => {
    let { e, channels } = await setUp(THREE_STEPS);
    const incident = await e.call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1' });

    clock = T0 + 59_000;
    await e.tick();
    expect(e.notices('escalation:')).toEqual([]);
    expect(await e.call('escalation.next', { incidentId: incident.id })).toEqual({
      next: { step: 1, steps: 3, dueAt: T0 + MIN, to: 'on-call', people: ['Dana Lee'], channel: 'Pager' },
      fired: [],
    });

    clock = T0 + MIN;
    await e.tick();
    expect(e.notices('escalation:').map((n) => n.key)).toEqual([`escalation:${incident.id}:0`]);
    expect(channels.sent).toEqual([
      {
        channelId: 7,
        incidentId: incident.id,
        event: 'page',
        text: `Dana Lee: you are paged for incident #${incident.id} P1 "Checkout returns 502" — Escalation step 1 of 3: P1 unresolved after 1 min.`,
        subject: `[P1] #${incident.id} Checkout returns 502: escalation`,
        recipient: { name: 'Dana Lee', email: 'dana@example.com' },
        actor: 'escalation',
      },
    ]);
    const next = await e.call('escalation.next', { incidentId: incident.id });
    expect(next.next).toEqual({ step: 2, steps: 3, dueAt: T0 + 2 * MIN, to: 'L2', people: ['Lee Park'], channel: null });
    const tray = e.tray([{ id: incident.id, title: incident.title, severity: 'P1', status: 'investigating', createdAt: T0 }]);
    expect(tray.onCall).toEqual({ person: 'Dana Lee', until: Date.UTC(2026, 10, 23, 9, 0) });
    expect(tray.openIncidents[0].nextEscalation).toEqual({ label: 'L2 (Lee Park)', dueAt: T0 + 2 * MIN });
    // The incident window's timers show the same next step; the timer loop raises no second notice for it.
    const detail = await e.call('incidents.get', { id: incident.id });
    expect(detail.timers.find((t: any) => t.kind === 'escalation')).toMatchObject({ dueAt: T0 + 2 * MIN, label: 'Escalation step 2 of 3: to L2 (P1 unresolved after 2 min)' });

    // Closed while steps 2 and 3 fall due; on start each fires once, in order.
    e.close();
    h = null;
    clock = T0 + 3 * MIN + 30_000;
    channels = new RecordingChannels();
    e = open(channels);
    await e.tick();
    await e.tick();
    expect(e.notices('escalation:').map((n) => n.key)).toEqual([0, 1, 2].map((s) => `escalation:${incident.id}:${s}`));
    expect(e.notices('escalation:')[2].body).toBe('Escalation step 3 of 3: escalate to VP Engineering (Vic Pham) — P1 unresolved after 3 min.');
    expect(channels.sent.map((s) => [s.channelId, s.recipient])).toEqual([[7, { name: 'Vic Pham', email: 'vic@example.com' }]]);
    expect(e.notices(`incident:${incident.id}:escalation`)).toEqual([]);

    const timeline = (await e.call('incidents.get', { id: incident.id })).timeline.filter((t: any) => t.kind === 'escalated');
    expect(timeline.map((t: any) => [t.actor, t.data.step, t.text])).toEqual([
      ['escalation', 0, 'Escalation step 1 of 3 to the on-call (Dana Lee) by channel Pager: P1 unresolved after 1 min'],
      ['escalation', 1, 'Escalation step 2 of 3 to L2 (Lee Park) by desktop notice: P1 unresolved after 2 min'],
      ['escalation', 2, 'Escalation step 3 of 3 to VP Engineering (Vic Pham) by channel Pager: P1 unresolved after 3 min'],
    ]);
    expect((await e.call('escalation.next', { incidentId: incident.id })).next).toBeNull();

    // Another restart much later: nothing fires again.
    e.close();
    clock += 60 * MIN;
    e = open();
    await e.tick();
    expect(e.notices('escalation:')).toHaveLength(3);
  });

  it('stops paging the on-call once acknowledged, keeps the other steps, and ends the chain on resolve', async () => {
    const { e, channels } = await setUp(THREE_STEPS);
    const incident = await e.call('incidents.declare', { title: 'Search is slow', severity: 'P1' });
    await e.call('incidents.change', { id: incident.id, acknowledge: true });
    clock = T0 + 2 * MIN;
    await e.tick();
    expect(e.notices('escalation:').map((n) => n.key)).toEqual([`escalation:${incident.id}:1`]);
    expect(channels.sent).toEqual([]);
    const { fired } = await e.call('escalation.next', { incidentId: incident.id });
    expect(fired.map((f: any) => [f.step, f.skipped])).toEqual([
      [1, 'acknowledged before the on-call page was due'],
      [2, null],
    ]);

    await e.call('incidents.setStatus', { id: incident.id, status: 'resolved' });
    clock = T0 + 10 * MIN;
    await e.tick();
    expect(e.notices('escalation:')).toHaveLength(1);
    expect((await e.call('escalation.next', { incidentId: incident.id })).next).toBeNull();
  });

  it('says in the notice and the timeline when a step names a channel that does not exist', async () => {
    const { e, channels } = await setUp([{ afterMinutes: 0, to: 'L2', channel: 'sms' }]);
    const incident = await e.call('incidents.declare', { title: 'Queue backs up', severity: 'P1' });
    await e.tick();
    const [notice] = e.notices('escalation:');
    expect(notice.body).toBe(
      "Escalation step 1 of 1: escalate to L2 (Lee Park) — P1 unresolved after 0 min. Not paged: there is no channel 'sms'; add it under Settings → Channels or correct the level's escalation step.",
    );
    const entry = (await e.call('incidents.get', { id: incident.id })).timeline.find((t: any) => t.kind === 'escalated');
    expect(entry.text).toContain("desktop notice only: there is no channel 'sms'");
    expect(channels.sent).toEqual([]);
  });

  it('leaves a level without its own chain to the escalation reminder, as before', async () => {
    const { e } = await setUp(THREE_STEPS);
    const incident = await e.call('incidents.declare', { title: 'Disk at 90 %', severity: 'P2' });
    clock = T0 + 31 * MIN;
    await e.tick();
    expect(e.notices('escalation:')).toEqual([]);
    expect(e.notices(`incident:${incident.id}:escalation`)).toHaveLength(1);
    expect((await e.call('escalation.next', { incidentId: incident.id })).next).toBeNull();
  });

  it('counts a business-hours level\'s steps in business time: a Friday evening incident is paged on Monday, not at the weekend', async () => {
    dir = tempDir();
    const friday = Date.UTC(2026, 10, 27, 16, 50, 0); // Friday 16:50 UTC, ten business minutes left
    clock = friday;
    const e = open();
    const base = chainScheme([{ afterMinutes: 30, to: 'L2' }]);
    const scheme = { ...base, levels: [{ ...base.levels[0], responseClock: 'business' }, ...base.levels.slice(1)] };
    await e.call('schemes.setActive', { scheme });
    await e.call('contacts.set', { contacts: CONTACTS });
    await e.call('escalation.saveSettings', { businessHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', timeZone: 'UTC' } });
    const incident = await e.call('incidents.declare', { title: 'Invoices are late', severity: 'P1' });
    const monday = Date.UTC(2026, 10, 30, 9, 20, 0); // 10 minutes on Friday + 20 on Monday
    expect((await e.call('escalation.next', { incidentId: incident.id })).next).toMatchObject({ step: 1, dueAt: monday, to: 'L2' });

    clock = friday + 30 * MIN; // 30 wall-clock minutes: Friday 17:20
    await e.tick();
    clock = Date.UTC(2026, 10, 28, 12, 0, 0); // Saturday noon
    await e.tick();
    expect(e.notices('escalation:')).toEqual([]);

    clock = monday;
    await e.tick();
    expect(e.notices('escalation:').map((n) => n.key)).toEqual([`escalation:${incident.id}:0`]);
  });

  it('attaches the post-incident checklists when an incident is resolved', async () => {
    const { e } = await setUp(THREE_STEPS);
    const incident = await e.call('incidents.declare', { title: 'Login fails', severity: 'P2' });
    const before = (await e.call('incidents.get', { id: incident.id })).checklists.map((c: any) => c.phase);
    expect(before).not.toContain('post-incident');
    await e.call('incidents.setStatus', { id: incident.id, status: 'resolved' });
    const after = await e.call('incidents.get', { id: incident.id });
    expect(after.checklists.map((c: any) => c.phase)).toContain('post-incident');
    expect(after.checklistPhase).toBe('post-incident');
  });
});
