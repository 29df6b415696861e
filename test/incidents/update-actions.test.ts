import { describe, expect, it } from 'vitest';
import { COMM_TEMPLATES } from '../../main/engine/incidents/domain/comm-templates';
import { planChecklistTick, planEscalation, planUpdateSent } from '../../main/engine/incidents/domain/incident-events';
import { renderTemplate } from '../../main/engine/incidents/domain/render-template';
import { DEFAULT_SCHEME } from '../../main/engine/incidents/domain/scheme-catalog';
import { requireLevel } from '../../main/engine/incidents/domain/severity-schemes';
import { templateValues } from '../../main/engine/incidents/domain/template-values';
import { MIN, T0 } from './fixtures';
import { IncidentRecord } from './incident-record';

const MONITOR_EVIDENCE = [
  'Monitor checkout (https://shop.example/health): its last 2 failures before this incident was declared:',
  '2025-03-04 14:01:00 UTC  HTTP 503  failed',
  '2025-03-04 14:02:00 UTC  HTTP 503  failed',
].join('\n');

describe('{{actions}}: what people did, not the log', () => {
  it('lists notes, status moves with their note, escalations and how runs ended, one line each', () => {
    const r = new IncidentRecord()
      .at(1)
      .evidence(MONITOR_EVIDENCE)
      .at(3)
      .note('Error rate 30 % on checkout since the 14:00 deploy')
      .at(5)
      .change({ status: 'identified', note: 'Bad deploy v1.4.2' })
      .at(6);
    r.timeline.add(12, [planChecklistTick('Incident: quick response', 'Assess scope and impact', true, 'dana', T0 + 6 * MIN)]);
    r.timeline.add(12, [planEscalation(['Engineering Lead'], 'dana', T0 + 7 * MIN)]);
    r.at(8).run(4, 'diagnostic', 'Check disk', 'failed').at(9).run(5, 'rollback', 'Roll back web', 'ok');
    r.at(10).change({ status: 'monitoring', note: 'Rolled back to v1.4.1' });

    const values = templateValues(r.incident, r.entries, T0 + 11 * MIN);
    // The five latest; the first note is one too many.
    expect(values.actions.split('; ')).toEqual([
      'Bad deploy v1.4.2 (moved to Identified)',
      'Escalated to Engineering Lead',
      'Diagnostic "Check disk" ended: failed on web-1',
      'Rollback "Roll back web" succeeded on web-1',
      'Rolled back to v1.4.1 (moved to Monitoring)',
    ]);
    expect(values.actions).not.toMatch(/HTTP 503|Assess scope|step 1\/1/);
  });

  it('starts again after each update that went out, and names a bare status move', () => {
    const r = new IncidentRecord().at(2).note('Scaled to 6 pods');
    const sent = planUpdateSent('Slack webhook', 'x', 'dana', T0 + 3 * MIN);
    r.timeline.add(12, sent.entries);
    r.incident = { ...r.incident, ...sent.updates };
    r.at(4).change({ status: 'monitoring' });
    expect(templateValues(r.incident, r.entries, T0 + 5 * MIN).actions).toBe('Moved to Monitoring');
  });

  it('fills {{cause}} from the latest note that names it, without its label', () => {
    const r = new IncidentRecord().at(2).note('Looking at the database').at(4).note('Root cause: the v1.4.2 release halved the DB pool size');
    expect(templateValues(r.incident, r.entries, T0 + 5 * MIN).cause).toBe('The v1.4.2 release halved the DB pool size');
    expect(templateValues(r.incident, new IncidentRecord().note('cause unknown so far').entries, T0).cause).toBe('');
  });
});

describe('rendering reports what is still blank', () => {
  it('lists blanks the text leaves for a person, not values that merely contain brackets', () => {
    const r = renderTemplate('[INVESTIGATING] {{title}}\nCustomer: [Customer name] at <service> since HH:MM\nETA: {{eta}}', {
      title: '[EU] checkout down',
      eta: '',
    });
    expect(r.unfilled).toEqual(['eta']);
    expect(r.blanks).toEqual(['[Customer name]', '<service>', 'HH:MM']);
  });

  it('finds none in the built-in templates once the incident fills them', () => {
    const r = new IncidentRecord().at(3).note('Root cause: pool size');
    const incident = { ...r.incident, severity: 'P0', eta: T0 + 90 * MIN, resolvedAt: T0 + 60 * MIN };
    const values = templateValues(incident, r.entries, T0 + 61 * MIN, { level: requireLevel(DEFAULT_SCHEME, 'P0') });
    for (const t of COMM_TEMPLATES) {
      const rendered = renderTemplate(t.body, values);
      expect([t.id, rendered.unfilled, rendered.blanks]).toEqual([t.id, [], []]);
    }
  });
});
