import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { planChecklists } from '../../main/engine/incidents/domain/checklist-plan';
import { copyScheme } from '../../main/engine/incidents/domain/scheme-catalog';
import { checklistPhase } from '../../main/engine/runbooks/domain/checklist-phases';
import { removeDir, tempDir } from '../helpers/temp-dir';

const RUNBOOKS = path.resolve(import.meta.dirname, '../../../shared/runbooks');
const runbook = (name: string) => fs.readFileSync(path.join(RUNBOOKS, name), 'utf8');

describe('checklist phases of imported lists', () => {
  it('are read from the list’s heading words, then its section', () => {
    const phase = (title: string, section: string) => checklistPhase({ title, section });
    expect(phase('Handoff Checklist', 'On-Call Rotation › Handoff Checklist')).toBe('handoff');
    expect(phase('Required Access', 'Tools and Access › Required Access')).toBe('handoff');
    expect(phase('Monitoring Checklist', 'Prevention › Monitoring Checklist')).toBe('post-incident');
    expect(phase('P1 - Critical Incident', 'Quick Response Checklist › P1 - Critical Incident')).toBe('response');
    expect(phase('During Incident', 'Incident Checklist › During Incident')).toBe('during');
    expect(phase('Post-Incident', 'Incident Checklist › Post-Incident')).toBe('post-incident');
    expect(phase('Database checks', 'Runbook')).toBe('during');
  });

  it('replace the built-in lists of their phase, and no item is planned twice', () => {
    const scheme = copyScheme('p1-p4-heroforge');
    const imported = [{ title: 'Our first steps', phase: 'response' as const, items: ['Acknowledge incident', 'Open the bridge'] }];
    const planned = planChecklists('P2', scheme, ['response', 'during'], imported, ['open the bridge.']);
    expect(planned.map((l) => [l.phase, l.source, l.title, l.items.length])).toEqual([
      ['response', 'runbook', 'Our first steps', 1],
      ['during', 'built-in', 'During the incident', 9],
    ]);
  });
});

describe('engine: checklists without noise', () => {
  let dir: string;
  let engine: Engine;
  const call = async (method: string, params: unknown = {}) => (await engine.dispatch({ id: 1, method, params })) as any;
  const ok = async (method: string, params: unknown = {}) => {
    const reply = await call(method, params);
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };
  const savePack = async (file: string, service: string) => {
    const x = await ok('packs.preview', { text: runbook(file), fileName: file });
    const all = (n: number) => Array.from({ length: n }, (_, i) => i);
    await ok('packs.save', { text: runbook(file), fileName: file, name: service, service, keep: { checklists: all(x.checklists.length), procedures: [], templates: [] } });
  };
  const items = (lists: any[]) => lists.flatMap((l) => l.items.map((i: any) => i.text));

  beforeEach(() => {
    dir = tempDir();
    engine = createEngine({ dataDir: dir, actor: 'ana', deliver: async () => {} });
  });
  afterEach(() => {
    engine.close();
    removeDir(dir);
  });

  it('a P2 for a service with a runbook pack gets the lists to work now, the rest when resolved or on request', async () => {
    await savePack('gitquest-incident-playbook.md', 'gitquest');
    const { id } = await ok('incidents.declare', { title: 'Pushes fail', severity: 'P2', service: 'gitquest' });
    const detail = await ok('incidents.get', { id });
    // Before, the pack's three lists came on top of the built-in two: 34 items.
    expect(detail.checklists.map((c: any) => [c.phase, c.source, c.title])).toEqual([
      ['response', 'built-in', 'Incident: quick response'],
      ['during', 'built-in', 'During the incident'],
    ]);
    const texts = items(detail.checklists);
    expect(texts).toHaveLength(14);
    expect(new Set(texts).size).toBe(texts.length);
    expect(detail.checklistPhase).toBe('response');
    expect(detail.timeline.find((e: any) => e.text.startsWith('Runbook pack "gitquest"')).text).toBe(
      'Runbook pack "gitquest" for gitquest, checklists: none now, 1 when resolved, 2 on request',
    );

    const offers = await ok('checklists.offers', { incidentId: id });
    expect(offers.map((o: any) => [o.phase, o.source, o.title])).toEqual([
      ['post-incident', 'runbook', 'Monitoring Checklist'],
      ['handoff', 'runbook', 'Handoff Checklist'],
      ['handoff', 'runbook', 'Required Access'],
    ]);

    await ok('incidents.setStatus', { id, status: 'resolved', note: 'Restarted the git daemon' });
    const resolved = await ok('incidents.get', { id });
    expect(resolved.checklists.map((c: any) => [c.phase, c.source, c.title])).toEqual([
      ['response', 'built-in', 'Incident: quick response'],
      ['during', 'built-in', 'During the incident'],
      ['post-incident', 'runbook', 'Monitoring Checklist'],
    ]);
    expect(resolved.checklistPhase).toBe('post-incident');
    expect(resolved.timeline.at(-1).text).toBe('Checklists for after the incident: Monitoring Checklist (7 items)');

    // Re-opened and resolved again: the post-incident list is not added twice.
    await ok('incidents.setStatus', { id, status: 'investigating' });
    await ok('incidents.setStatus', { id, status: 'resolved' });
    expect((await ok('incidents.get', { id })).checklists).toHaveLength(3);

    const withHandoff = await ok('checklists.attachPhase', { incidentId: id, phase: 'handoff' });
    expect(withHandoff.filter((c: any) => c.phase === 'handoff').map((c: any) => c.title)).toEqual(['Handoff Checklist', 'Required Access']);
    expect(await ok('checklists.offers', { incidentId: id })).toEqual([]);
    const again = await call('checklists.attachPhase', { incidentId: id, phase: 'handoff' });
    expect(again.error).toMatchObject({ code: 'conflict', message: `Incident #${id} already has its handoff checklists.` });
  });

  it('a P1 with an imported quick-response list gets it once, in place of the same built-in items', async () => {
    await savePack('heroforge-incident-response.md', 'heroforge');
    const { id } = await ok('incidents.declare', { title: 'Checkout down', severity: 'P1', service: 'heroforge' });
    const detail = await ok('incidents.get', { id });
    expect(detail.checklists.map((c: any) => [c.phase, c.source, c.title, c.items.length])).toEqual([
      ['response', 'runbook', 'P1 - Critical Incident', 7],
      ['during', 'built-in', 'During the incident', 9],
    ]);
    const texts = items(detail.checklists);
    expect(texts.filter((t: string) => t === 'Assess scope and impact')).toHaveLength(1);
    expect(new Set(texts).size).toBe(texts.length);

    // The phase to open moves on once the response list is done.
    for (const item of detail.checklists[0].items) await ok('checklists.tick', { itemId: item.id, done: true });
    expect((await ok('incidents.get', { id })).checklistPhase).toBe('during');
  });

  it('an incident without a pack keeps the built-in lists and can take the handoff list on request', async () => {
    const { id } = await ok('incidents.declare', { title: 'Slow search', severity: 'P3' });
    expect((await ok('incidents.get', { id })).checklists.map((c: any) => c.phase)).toEqual(['response', 'during']);
    const lists = await ok('checklists.attachPhase', { incidentId: id, phase: 'handoff' });
    expect(lists.at(-1)).toMatchObject({ phase: 'handoff', source: 'built-in', title: 'On-call handoff' });
  });
});
