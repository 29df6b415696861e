import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';

const RUNBOOKS = path.resolve(import.meta.dirname, '../../../shared/runbooks');
const heroforge = fs.readFileSync(path.join(RUNBOOKS, 'heroforge-incident-response.md'), 'utf8');

describe('runbook packs', () => {
  let dir: string;
  let engine: Engine;
  const call = async (method: string, params: unknown = {}) => {
    const reply = (await engine.dispatch({ id: 1, method, params })) as any;
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };
  beforeEach(() => {
    dir = tempDir();
    engine = createEngine({ dataDir: dir, actor: 'ana', deliver: async () => {} });
  });
  afterEach(() => {
    engine.close();
    removeDir(dir);
  });

  it('previews, saves what was kept, updates on re-import, and offers it when an incident is declared for the service', async () => {
    const x = await call('packs.preview', { text: heroforge, fileName: 'heroforge-incident-response.md' });
    expect(x.checklists.length).toBeGreaterThan(1);
    expect(x.procedures.length).toBeGreaterThan(1);
    const all = (n: number) => Array.from({ length: n }, (_, i) => i);
    const keep = { checklists: all(x.checklists.length).slice(1), procedures: all(x.procedures.length), templates: all(x.templates.length) };
    const saved = await call('packs.save', { text: heroforge, fileName: 'heroforge-incident-response.md', name: 'HeroForge', service: 'heroforge', keep });
    expect(saved.created).toBe(true);
    expect(saved.pack.content.checklists.map((c: any) => c.title)).toEqual(x.checklists.slice(1).map((c: any) => c.title));
    expect(saved.pack.content.procedures).toHaveLength(x.procedures.length);

    // The runbook's procedures are now procedures the SSH area can run (those it accepts).
    const procedures = await call('procedures.list');
    const packProcedures = procedures.filter((p: any) => p.id.startsWith('pack-heroforge-'));
    expect(packProcedures.length + saved.procedureIssues.length).toBe(x.procedures.length);
    expect(packProcedures.length).toBeGreaterThan(0);

    const again = await call('packs.save', { text: heroforge, fileName: 'heroforge-incident-response.md', name: 'HeroForge v2', service: 'heroforge', keep });
    expect(again.created).toBe(false);
    expect(await call('packs.list', {})).toHaveLength(1);
    expect((await call('packs.list', {}))[0].name).toBe('HeroForge v2');

    const incident = await call('incidents.declare', { title: 'Checkout 502', severity: 'P2', service: 'heroforge' });
    const detail = await call('incidents.get', { id: incident.id });
    const runbookLists = detail.checklists.filter((c: any) => c.source === 'runbook');
    expect(runbookLists.length).toBeGreaterThan(0);
    expect(runbookLists.every((c: any) => saved.pack.content.checklists.some((k: any) => k.title === c.title))).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    const note = (await call('incidents.get', { id: incident.id })).timeline.find((e: any) => e.text.startsWith('Runbook pack "HeroForge v2"'));
    expect(note.text).toMatch(/Diagnostics offered: /);

    const other = await call('incidents.declare', { title: 'Elsewhere', severity: 'P2', service: 'hotdash' });
    expect((await call('incidents.get', { id: other.id })).checklists.some((c: any) => c.source === 'runbook')).toBe(false);
  });

  it('can take the runbook severities as the scheme', async () => {
    const all = { checklists: [], procedures: [], templates: [] };
    await call('packs.save', { text: heroforge, fileName: 'h.md', name: 'HeroForge', service: 'heroforge', keep: all, useSeverities: true });
    const scheme = await call('schemes.active');
    expect(scheme.id).toBe('imported-heroforge');
    expect(scheme.levels.map((l: any) => l.key)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(scheme.levels[0].responseMinutes).toBe(15);
  });

  it('refuses text that is not a runbook it can read, clearly', async () => {
    const reply = (await engine.dispatch({ id: 1, method: 'packs.preview', params: { text: '' } })) as any;
    expect(reply.error).toMatchObject({ code: 'bad_request', issues: [{ path: 'text', message: 'the runbook is empty' }] });
  });
});
