import { describe, expect, it } from 'vitest';
import { postmortemDraft, withActionItems } from '../../main/engine/incidents/domain/postmortem';
import { postmortemFacts } from '../../main/engine/incidents/domain/postmortem-facts';
import { MIN, T0 } from './fixtures';
import { IncidentRecord } from './incident-record';

const section = (markdown: string, heading: string) => markdown.split(`## ${heading}\n\n`)[1].split('\n\n## ')[0];

function workedIncident() {
  return new IncidentRecord()
    .at(1)
    .evidence('Monitor checkout: HTTP 503 caused by upstream timeout')
    .at(4)
    .note('Error rate is 30 %')
    .at(6)
    .change({ status: 'identified', note: 'Root cause: v1.4.2 halved the DB pool size' })
    .at(8)
    .run(3, 'rollback', 'Roll back web', 'ok')
    .at(9)
    .run(4, 'rollback', 'Roll back web again', 'failed')
    .at(10)
    .change({ status: 'monitoring', note: 'Rolled back to v1.4.1' })
    .at(40)
    .change({ status: 'resolved', note: 'No errors for 30 min' });
}

describe('post-mortem pre-filled from the incident', () => {
  it('takes the root cause from notes that name it and the resolution from fix notes and the last rollback that worked', () => {
    const r = workedIncident();
    expect(postmortemFacts(r.entries)).toEqual({
      rootCause: ['v1.4.2 halved the DB pool size'],
      resolution: ['Rollback "Roll back web" succeeded on web-1 (run #3)', 'Rolled back to v1.4.1', 'No errors for 30 min'],
    });
    const draft = postmortemDraft(r.incident, r.entries, { now: T0 + 60 * MIN });
    expect(section(draft, 'Root Cause')).toBe('v1.4.2 halved the DB pool size');
    expect(section(draft, 'Resolution')).toBe(
      '- Rollback "Roll back web" succeeded on web-1 (run #3)\n- Rolled back to v1.4.1\n- No errors for 30 min',
    );
  });

  it('leaves the prompts when the record says nothing, and what a person wrote wins', () => {
    const quiet = new IncidentRecord().at(2).note('Looking into it');
    const draft = postmortemDraft(quiet.incident, quiet.entries, { now: T0 + 5 * MIN });
    expect(section(draft, 'Root Cause')).toBe('_Detailed explanation of what caused the incident._');
    expect(section(draft, 'Resolution')).toBe('_What was done to fix the issue._');
    const r = workedIncident();
    const written = postmortemDraft(r.incident, r.entries, { now: T0, details: { rootCause: 'A pool change nobody reviewed.', resolution: 'Rollback.' } });
    expect(section(written, 'Root Cause')).toBe('A pool change nobody reviewed.');
    expect(section(written, 'Resolution')).toBe('Rollback.');
  });

  it('rewrites a saved text’s Action Items section from the tracked items, keeping the rest', () => {
    const saved = '# PM\n\n## Resolution\n\nRolled back.\n\n## Action Items\n\n- [ ] typed by hand\n\n## Lessons Learned\n\n### What went well\n\n- fast\n';
    const items = [
      { text: 'Alert on pool size', owner: 'sam', due: '2025-03-11', done: true },
      { text: 'Review pool changes', owner: '', due: '' },
    ];
    expect(withActionItems(saved, items)).toBe(
      '# PM\n\n## Resolution\n\nRolled back.\n\n## Action Items\n\n- [x] Alert on pool size — Owner: sam — Due: 2025-03-11\n- [ ] Review pool changes — Owner: _name_ — Due: _date_\n\n## Lessons Learned\n\n### What went well\n\n- fast\n',
    );
    expect(withActionItems('# PM\n\nShort.', items.slice(0, 1))).toBe('# PM\n\nShort.\n\n## Action Items\n\n- [x] Alert on pool size — Owner: sam — Due: 2025-03-11\n');
  });
});
