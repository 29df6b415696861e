import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { postmortemFromTemplate } from '../../main/engine/incidents/domain/postmortem-template';
import { engineEachTest } from '../helpers/engine-each-test';
import { rolledBackIncident } from './rolled-back-incident';

const RUNBOOKS = path.resolve(import.meta.dirname, '../../../shared/runbooks');
const HEROFORGE = 'heroforge-incident-response.md';

describe('post-mortem templates of a runbook pack', () => {
  let clock = 0;
  // Before the engine starts, so it starts at this time too.
  beforeEach(() => {
    clock = Date.UTC(2026, 2, 4, 14, 3, 0);
  });
  const { call, ok } = engineEachTest({ now: () => clock });

  async function savePack(): Promise<void> {
    const text = fs.readFileSync(path.join(RUNBOOKS, HEROFORGE), 'utf8');
    const preview = await ok('packs.preview', { text, fileName: HEROFORGE });
    const templates = preview.templates.map((_: unknown, i: number) => i);
    await ok('packs.save', { text, fileName: HEROFORGE, name: 'HeroForge', service: 'heroforge', keep: { checklists: [], procedures: [], templates } });
  }

  const resolvedIncident = (service: string) =>
    rolledBackIncident(ok, (ms) => (clock += ms), { service, impact: 'About 30 % of checkouts failed' });

  it('offers the pack’s template for incidents of its service and fills it from the incident on request', async () => {
    await savePack();
    const id = await resolvedIncident('heroforge');

    const draft = await ok('postmortem.get', { incidentId: id });
    expect(draft.templates.map((t: any) => [t.name, t.source])).toEqual([['Incident Report Template', 'Runbook pack "HeroForge", line 278']]);
    expect(draft.markdown).toMatch(/^# Incident Post-Mortem: Checkout 502/);
    // Only the communication templates reach the Communication panel.
    expect((await ok('templates.list', { incidentId: id })).some((t: any) => t.name === 'Incident Report Template')).toBe(false);

    const filled = await ok('postmortem.regenerate', { incidentId: id, templateId: draft.templates[0].id });
    const md: string = filled.markdown;
    expect(filled.edited).toBe(true);
    expect(md).toMatch(/^# Incident Report: Checkout 502\n/);
    expect(md).toContain('- **Date/Time:** 2026-03-04 14:03 UTC - 2026-03-04 14:48 UTC');
    expect(md).toContain('- **Duration:** 45 min');
    expect(md).toMatch(/- \*\*Severity:\*\* P1 \(Critical\)/);
    expect(md).toContain('- **Impact:** About 30 % of checkouts failed');
    expect(md).toContain('## Root Cause\nThe 1.4.2 release dropped the gateway timeout');
    expect(md).toContain('## Resolution\nRolled back to v1.4.1');
    // The example timeline gives way to the incident's own.
    expect(md).not.toContain('HH:MM');
    expect(md).toMatch(/## Timeline\n\nAll times UTC, on 2026-03-04\.\n\n- 14:03 — /);
    // Blanks nothing on record answers stay for a person.
    expect(md).toContain('- Revenue impact: [If applicable]');
    expect(md).toContain('- [ ] [Preventive measure 1]');

    // It is the post-mortem from now on, and the tracked action items replace the template's examples.
    await ok('postmortem.actions.add', { incidentId: id, text: 'Alert on gateway timeouts', owner: 'bo' });
    const kept = await ok('postmortem.get', { incidentId: id });
    expect(kept.markdown).toMatch(/^# Incident Report: Checkout 502/);
    expect(kept.markdown).toContain('## Action Items\n\n- [ ] Alert on gateway timeouts — Owner: bo — Due: _date_');
    expect(kept.markdown).not.toContain('[Preventive measure 1]');

    // Regenerating without a template goes back to the built-in draft.
    expect((await ok('postmortem.regenerate', { incidentId: id })).markdown).toMatch(/^# Incident Post-Mortem: Checkout 502/);
  });

  it('offers nothing to incidents of another service and names the choices for an unknown template', async () => {
    await savePack();
    const other = await resolvedIncident('gitquest');
    expect((await ok('postmortem.get', { incidentId: other })).templates).toEqual([]);
    const refused = await call('postmortem.regenerate', { incidentId: other, templateId: 'pack-1-2' });
    expect(refused.error).toMatchObject({
      code: 'not_found',
      message: 'Incident #1 has no post-mortem template "pack-1-2": no runbook pack for its service has one.',
    });
    const mine = await resolvedIncident('heroforge');
    const wrong = await call('postmortem.regenerate', { incidentId: mine, templateId: 'pack-9-9' });
    expect(wrong.error.message).toBe('Incident #2 has no post-mortem template "pack-9-9": the templates offered are "pack-1-2" (Incident Report Template).');
  });
});

describe('postmortemFromTemplate', () => {
  const incident = {
    id: 7,
    title: 'Search is slow',
    severity: 'SEV2',
    status: 'resolved',
    impact: '',
    commander: 'dana',
    service: 'search',
    eta: null,
    createdAt: Date.UTC(2026, 0, 10, 9, 0),
    acknowledgedAt: null,
    resolvedAt: Date.UTC(2026, 0, 10, 10, 30),
    lastUpdateAt: null,
    level: null,
  } as any;

  it('fills {{placeholders}} as communication templates do, and bracketed blanks by what they ask for', () => {
    const body = '# {{title}} ({{severity}})\n\nIC: [Incident Commander], service [Service], SEV[1-3]\nImpact: [Impact]\nLink: [runbook](https://x.example)\nOwner: {{owner}}\n';
    const text = postmortemFromTemplate(body, incident, [], { now: incident.resolvedAt });
    expect(text).toBe('# Search is slow (SEV2)\n\nIC: dana, service search, SEV2\nImpact: [Impact]\nLink: [runbook](https://x.example)\nOwner: {{owner}}\n');
  });

  it('leaves a timeline section that holds no example times as written', () => {
    const body = '## Timeline\n\nWrite what happened.\n\n## Next\n';
    expect(postmortemFromTemplate(body, incident, [], { now: incident.resolvedAt })).toBe(body);
  });
});
