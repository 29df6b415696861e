import { describe, expect, it } from 'vitest';
import { COMM_TEMPLATES, PLACEHOLDERS, findCommTemplate, statusPageTemplateFor } from '../../main/engine/incidents/domain/comm-templates';
import { planChecklistTick, planUpdateSent } from '../../main/engine/incidents/domain/incident-events';
import { placeholdersIn, renderTemplate } from '../../main/engine/incidents/domain/render-template';
import { DEFAULT_SCHEME } from '../../main/engine/incidents/domain/scheme-catalog';
import { requireLevel } from '../../main/engine/incidents/domain/severity-schemes';
import { templateValues } from '../../main/engine/incidents/domain/template-values';
import { FakeTimeline, MIN, T0, makeIncident } from './fixtures';

describe('renderTemplate', () => {
  it('splits text into literal, filled and unfilled segments', () => {
    const r = renderTemplate('ETA: {{eta}} by {{ Commander }}, {{eta}}!', { eta: '', commander: 'dana' });
    expect(r).toEqual({
      text: 'ETA: {{eta}} by dana, {{eta}}!',
      segments: [
        { text: 'ETA: ', filled: true },
        { text: '{{eta}}', placeholder: 'eta', filled: false },
        { text: ' by ', filled: true },
        { text: 'dana', placeholder: 'commander', filled: true },
        { text: ', ', filled: true },
        { text: '{{eta}}', placeholder: 'eta', filled: false },
        { text: '!', filled: true },
      ],
      unfilled: ['eta'],
      blanks: [],
    });
  });

  it('leaves stray braces alone and treats unknown or blank values as unfilled', () => {
    const r = renderTemplate('{ {x}} {{1bad}} {{ghost}} {{title}}', { title: '   ', toString: 'x' });
    expect(r.text).toBe('{ {x}} {{1bad}} {{ghost}} {{title}}');
    expect(r.unfilled).toEqual(['ghost', 'title']);
    expect(renderTemplate('', {})).toEqual({ text: '', segments: [], unfilled: [], blanks: [] });
  });
});

describe('communication templates', () => {
  it('ship every message the runbooks define, using only known placeholders', () => {
    expect(COMM_TEMPLATES.map((t) => t.id)).toEqual([
      'initial-alert',
      'progress-update',
      'resolution',
      'internal-update',
      'stakeholder-update',
      'customer-notice',
      'status-investigating',
      'status-identified',
      'status-monitoring',
      'status-resolved',
      'slack-update',
    ]);
    for (const t of COMM_TEMPLATES) {
      for (const name of placeholdersIn(t.body)) expect(PLACEHOLDERS).toContain(name);
    }
    expect(statusPageTemplateFor('monitoring')?.body).toBe('[MONITORING] A fix has been deployed. We are monitoring the situation.');
    expect(() => findCommTemplate('tweet')).toThrow(/no communication template 'tweet'; choose one of initial-alert/);
  });

  it('fill from the incident: every value, in the chosen time zone', () => {
    const incident = makeIncident({ severity: 'P0', status: 'identified', commander: '@dana', eta: T0 + 90 * MIN, acknowledgedAt: T0 + MIN });
    const timeline = new FakeTimeline();
    timeline.add(12, [{ at: T0 + 5 * MIN, kind: 'note', actor: 'dana', text: 'Rolled back\n  to v1.4.2' }]);
    timeline.add(12, [planChecklistTick('Critical incident: quick response', 'Notify stakeholders', true, 'dana', T0 + 6 * MIN)]);
    timeline.add(12, [planChecklistTick('Critical incident: quick response', 'Assess scope and impact', false, 'dana', T0 + 7 * MIN)]);
    const values = templateValues(incident, timeline.entries, T0 + 42 * MIN, { timeZone: 'Europe/Paris', level: requireLevel(DEFAULT_SCHEME, 'P0') });
    expect(values).toEqual({
      title: 'Checkout API returns 502',
      severity: 'P0',
      status: 'Identified',
      impact: 'Customers cannot pay',
      started: '2025-03-04 15:03 Europe/Paris',
      duration: '42 min',
      eta: '2025-03-04 16:33 Europe/Paris',
      commander: 'dana',
      next_update: '2025-03-04 16:00 Europe/Paris',
      // Ticking a checklist item is not news for the readers of an update.
      actions: 'Rolled back to v1.4.2',
      service: 'checkout-api',
      now: '2025-03-04 15:45 Europe/Paris',
      resolved: '',
      watch: '2 h',
      cause: '',
    });
  });

  it('only list actions taken since the last update went out', () => {
    const timeline = new FakeTimeline();
    timeline.add(12, [{ at: T0 + MIN, kind: 'note', actor: 'dana', text: 'Old news' }]);
    const sent = planUpdateSent('Slack webhook', 'x', 'dana', T0 + 2 * MIN);
    timeline.add(12, sent.entries);
    timeline.add(12, [{ at: T0 + 3 * MIN, kind: 'note', actor: 'dana', text: 'Scaled to 6 pods' }]);
    const values = templateValues(makeIncident({ lastUpdateAt: T0 + 2 * MIN }), timeline.entries, T0 + 4 * MIN);
    expect(values.actions).toBe('Scaled to 6 pods');
    expect(values.next_update).toBe('');
  });

  it('render the Slack update exactly, with the gaps left visible', () => {
    const incident = makeIncident({ eta: null });
    const r = renderTemplate(findCommTemplate('slack-update').body, templateValues(incident, [], T0 + 10 * MIN));
    expect(r.text).toBe(
      '🚨 INCIDENT: Checkout API returns 502\nSeverity: P1\nStatus: Investigating\nImpact: Customers cannot pay\nETA: {{eta}}\nIncident Commander: @dana',
    );
    expect(r.unfilled).toEqual(['eta']);
    const resolved = makeIncident({ status: 'resolved', resolvedAt: T0 + 77 * MIN });
    const values = { ...templateValues(resolved, [], T0 + 80 * MIN, { level: requireLevel(DEFAULT_SCHEME, 'P1') }), actions: 'Rolled back to v1.4.2' };
    expect(renderTemplate(findCommTemplate('resolution').body, values).text).toBe(
      '✅ RESOLVED: Checkout API returns 502\n\nResolved: 2025-03-04 15:20 UTC\nDuration: 1 h 17 min\nFix: Rolled back to v1.4.2\nMonitoring: ongoing for 1 h',
    );
  });
});
