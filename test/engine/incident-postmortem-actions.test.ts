import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { rolledBackIncident } from '../incidents/rolled-back-incident';

const MIN = 60_000;
const RUNBOOKS = path.resolve(import.meta.dirname, '../../../shared/runbooks');

describe('engine: post-mortem and updates from what people did', () => {
  let dir: string;
  let engine: Engine;
  let clock: number;
  const call = async (method: string, params: unknown = {}) => (await engine.dispatch({ id: 1, method, params })) as any;
  const ok = async (method: string, params: unknown = {}) => {
    const reply = await call(method, params);
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };
  const section = (markdown: string, heading: string) => markdown.split(`## ${heading}\n\n`)[1].split('\n\n## ')[0];

  beforeEach(() => {
    dir = tempDir();
    clock = Date.UTC(2026, 2, 4, 14, 3, 0);
    engine = createEngine({ dataDir: dir, actor: 'ana', now: () => clock, deliver: async () => {} });
  });
  afterEach(() => {
    engine.close();
    removeDir(dir);
  });

  const resolvedIncident = () => rolledBackIncident(ok, (ms) => (clock += ms));

  it('pre-fills root cause and resolution, and tracks action items with owner and due date in the Markdown', async () => {
    const id = await resolvedIncident();
    const draft = await ok('postmortem.get', { incidentId: id });
    expect(draft.actions).toEqual([]);
    expect(section(draft.markdown, 'Root Cause')).toBe('The 1.4.2 release dropped the gateway timeout');
    expect(section(draft.markdown, 'Resolution')).toBe('Rolled back to v1.4.1');

    const first = await ok('postmortem.actions.add', { incidentId: id, text: 'Contract test for the gateway timeout', owner: 'sam', due: '2026-03-11' });
    expect(first).toMatchObject({ incidentId: id, text: 'Contract test for the gateway timeout', owner: 'sam', due: '2026-03-11', doneAt: null });
    const second = await ok('postmortem.actions.add', { incidentId: id, text: 'Alert on gateway timeouts' });
    clock += MIN;
    const done = await ok('postmortem.actions.update', { id: first.id, done: true });
    expect(done).toMatchObject({ doneAt: clock, doneBy: 'ana', due: '2026-03-11' });
    await ok('postmortem.actions.update', { id: second.id, owner: 'kim', due: '2026-03-18' });

    const withItems = await ok('postmortem.get', { incidentId: id });
    expect(withItems.actions.map((a: any) => a.text)).toEqual(['Contract test for the gateway timeout', 'Alert on gateway timeouts']);
    expect(section(withItems.markdown, 'Action Items')).toBe(
      '- [x] Contract test for the gateway timeout — Owner: sam — Due: 2026-03-11\n- [ ] Alert on gateway timeouts — Owner: kim — Due: 2026-03-18',
    );

    // An edited post-mortem keeps its words; its action items follow the tracked list.
    const edited = withItems.markdown.replace('## Impact\n\n', '## Impact\n\nAbout 4 % of payments failed.\n').replace('— Owner: kim', '— Owner: lee');
    await ok('postmortem.save', { incidentId: id, markdown: edited });
    await ok('postmortem.actions.update', { id: second.id, due: null });
    const saved = await ok('postmortem.get', { incidentId: id });
    expect(saved.edited).toBe(true);
    expect(saved.markdown).toContain('About 4 % of payments failed.');
    expect(section(saved.markdown, 'Action Items')).toBe(
      '- [x] Contract test for the gateway timeout — Owner: sam — Due: 2026-03-11\n- [ ] Alert on gateway timeouts — Owner: kim — Due: _date_',
    );

    expect(await ok('postmortem.actions.delete', { id: second.id })).toEqual({ deleted: true });
    expect(await ok('postmortem.actions.delete', { id: second.id })).toEqual({ deleted: false });
    expect((await ok('postmortem.actions.list', { incidentId: id })).map((a: any) => a.id)).toEqual([first.id]);
  });

  it('refuses action items it cannot keep, saying why', async () => {
    const id = await resolvedIncident();
    const badDate = await call('postmortem.actions.add', { incidentId: id, text: 'x', due: '2026-02-30' });
    expect(badDate.error.issues).toEqual([{ path: 'due', message: 'due is not a calendar date' }]);
    const badFormat = await call('postmortem.actions.add', { incidentId: id, text: 'x', due: 'next week' });
    expect(badFormat.error.issues).toEqual([{ path: 'due', message: 'due must be a date written YYYY-MM-DD' }]);
    expect((await call('postmortem.actions.add', { incidentId: id, text: '  ' })).error.issues).toEqual([{ path: 'text', message: 'the action item is empty' }]);
    expect((await call('postmortem.actions.add', { incidentId: 99, text: 'x' })).error).toMatchObject({ code: 'not_found', message: 'There is no incident #99.' });
    expect((await call('postmortem.actions.update', { id: 42, done: true })).error).toMatchObject({ code: 'not_found', message: 'There is no post-mortem action item #42.' });
  });

  it('writes {{actions}} from people’s notes, leaving out notes other parts of the app wrote', async () => {
    const file = 'heroforge-incident-response.md';
    const text = fs.readFileSync(path.join(RUNBOOKS, file), 'utf8');
    await ok('packs.save', { text, fileName: file, name: 'HeroForge', service: 'heroforge', keep: { checklists: [0, 1], procedures: [], templates: [] } });
    const { id } = await ok('incidents.declare', { title: 'Checkout 502', severity: 'P2', service: 'heroforge' });
    const detail = await ok('incidents.get', { id });
    const packNote = detail.timeline.find((e: any) => e.text.startsWith('Runbook pack "HeroForge"'));
    expect(packNote.data).toEqual({ automatic: true });
    const first = detail.checklists[0].items[0];
    await ok('checklists.tick', { itemId: first.id, done: true });
    clock += MIN;
    const note = await ok('incidents.addNote', { id, text: 'Scaled checkout to 6 pods' });
    expect(note.data).toBeUndefined();

    const rendered = await ok('templates.render', { incidentId: id, body: 'Actions: {{actions}}\nCustomer: [Customer name]\nETA: {{eta}}' });
    expect(rendered.text).toBe('Actions: Scaled checkout to 6 pods\nCustomer: [Customer name]\nETA: {{eta}}');
    expect(rendered.unfilled).toEqual(['eta']);
    expect(rendered.blanks).toEqual(['[Customer name]']);
  });
});
