import { describe, expect, it } from 'vitest';
import type { WorkflowIncident } from '../../main/engine/incidents/domain/incident-types';
import { planChecklistTick, planDeclaration, planUpdateSent } from '../../main/engine/incidents/domain/incident-events';
import { planChange } from '../../main/engine/incidents/domain/plan-change';
import { postmortemDraft } from '../../main/engine/incidents/domain/postmortem';
import { DEFAULT_SCHEME } from '../../main/engine/incidents/domain/scheme-catalog';
import { requireLevel } from '../../main/engine/incidents/domain/severity-schemes';
import { FakeTimeline, MIN, T0 } from './fixtures';

/** Declares a P1 at 14:03 UTC and works it to Resolved at 15:20, as the app would. */
function workedIncident() {
  const timeline = new FakeTimeline();
  const declared = planDeclaration({ title: 'Checkout API returns 502', severity: 'p1', service: 'checkout-api', impact: 'Customers cannot pay' }, 'alert-hook', T0, {
    scheme: DEFAULT_SCHEME,
  });
  if (!declared.ok) throw new Error(declared.error);
  let incident: WorkflowIncident = { id: 7, ...declared.incident };
  timeline.add(7, declared.entries);
  const change = (c: Parameters<typeof planChange>[1], actor: string, minutes: number) => {
    const plan = planChange(incident, c, actor, T0 + minutes * MIN);
    if (!plan.ok) throw new Error(plan.error);
    incident = { ...incident, ...plan.updates };
    timeline.add(7, plan.entries);
  };
  change({ acknowledge: true, commander: 'dana' }, 'dana', 4);
  timeline.add(7, [planChecklistTick('Incident: quick response', 'Acknowledge incident', true, 'dana', T0 + 5 * MIN)]);
  change({ status: 'identified', note: 'Bad deploy v1.4.3' }, 'dana', 12);
  const sent = planUpdateSent('Slack webhook', '📢 UPDATE: Checkout API returns 502\nProgress: rolling back', 'dana', T0 + 20 * MIN);
  incident = { ...incident, ...sent.updates };
  timeline.add(7, sent.entries);
  change({ status: 'monitoring' }, 'dana', 31);
  change({ status: 'resolved' }, 'sam', 77);
  return { incident, timeline: timeline.entries };
}

describe('postmortemDraft', () => {
  it('fills the runbook template from the incident and its timeline', () => {
    const { incident, timeline } = workedIncident();
    const draft = postmortemDraft(incident, timeline, {
      now: T0 + 24 * 60 * MIN,
      level: requireLevel(DEFAULT_SCHEME, 'P1'),
      details: {
        rootCause: 'Release v1.4.3 dropped the payment gateway timeout.',
        resolution: 'Rolled back to v1.4.2.',
        actionItems: [{ text: 'Add a contract test for the gateway timeout', owner: 'sam', due: '2025-03-11' }],
        wentWell: ['Rollback took 5 minutes'],
      },
    });
    expect(draft).toBe(`# Incident Post-Mortem: Checkout API returns 502

## Summary

- **Incident**: #7
- **Date**: 2025-03-04
- **Start**: 2025-03-04 14:03 UTC
- **End**: 2025-03-04 15:20 UTC
- **Duration**: 1 h 17 min
- **Severity**: P1 (High (Urgent))
- **Incident Commander**: dana
- **Services affected**: checkout-api
- **Time to acknowledge**: 4 min

_Brief description of what happened._

## Impact

Customers cannot pay

## Timeline

All times UTC, on 2025-03-04.

- 14:03 — Declared P1: Checkout API returns 502 (service checkout-api) — alert-hook
- 14:07 — Acknowledged 4 min after declaration — dana
- 14:07 — dana is incident commander — dana
- 14:08 — Done: Acknowledge incident (Incident: quick response) — dana
- 14:15 — Status changed from Investigating to Identified — dana
- 14:15 — Bad deploy v1.4.3 — dana
- 14:23 — Update sent via Slack webhook: — dana
  > 📢 UPDATE: Checkout API returns 502
  > Progress: rolling back
- 14:34 — Status changed from Identified to Monitoring — dana
- 15:20 — Resolved after 1 h 17 min (was Monitoring) — sam

## Root Cause

Release v1.4.3 dropped the payment gateway timeout.

## Contributing Factors

1. _Factor_

## Resolution

Rolled back to v1.4.2.

## Action Items

- [ ] Add a contract test for the gateway timeout — Owner: sam — Due: 2025-03-11

## Lessons Learned

### What went well

- Rollback took 5 minutes

### What could be improved

- _What could be improved_

### How to prevent similar incidents

- _How to prevent similar incidents_
`);
  });

  it('writes every time in the chosen zone, with dates when the incident crosses midnight there', () => {
    const { incident, timeline } = workedIncident();
    const draft = postmortemDraft(incident, timeline, { now: T0, timeZone: 'Asia/Tokyo' });
    // 14:03 UTC is 23:03 in Tokyo, so the incident runs into the next day there.
    expect(draft).toContain('- **Start**: 2025-03-04 23:03 Asia/Tokyo');
    expect(draft).toContain('- **End**: 2025-03-05 00:20 Asia/Tokyo');
    expect(draft).toContain('All times Asia/Tokyo.');
    expect(draft).toContain('- 2025-03-04 23:03 — Declared P1');
    expect(draft).toContain('- 2025-03-05 00:20 — Resolved after 1 h 17 min (was Monitoring) — sam');
    expect(draft).toContain('- **Severity**: P1\n');
  });

  it('marks an open incident as ongoing and prompts for what is missing', () => {
    const { incident, timeline } = workedIncident();
    const open = { ...incident, status: 'monitoring', resolvedAt: null, commander: '', impact: '' };
    const draft = postmortemDraft(open, timeline.slice(0, 1), { now: T0 + 50 * MIN });
    expect(draft).toContain('- **End**: _still open (Monitoring)_');
    expect(draft).toContain('- **Duration**: 50 min so far');
    expect(draft).toContain('- **Incident Commander**: _none named_');
    expect(draft).toContain('## Impact\n\n_Users affected (number or percentage), services affected, revenue impact, data loss._');
    expect(draft).toContain('- [ ] _Action item_ — Owner: _name_ — Due: _date_');
    expect(postmortemDraft(open, [], { now: T0 })).toContain('_No timeline entries were recorded._');
  });
});
