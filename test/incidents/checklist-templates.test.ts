import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_TEMPLATES,
  checklistProgress,
  checklistsFor,
  DECLARE_PHASES,
} from '../../main/engine/incidents/domain/checklist-templates';
import { copyScheme } from '../../main/engine/incidents/domain/scheme-catalog';

const ids = (list: { id: string }[]) => list.map((t) => t.id);

describe('checklist templates', () => {
  it('copy the runbooks item for item', () => {
    const byId = Object.fromEntries(CHECKLIST_TEMPLATES.map((t) => [t.id, t]));
    expect(byId['critical-quick-response'].items).toEqual([
      'Acknowledge incident (respond in monitoring channel)',
      'Assess scope and impact',
      'Execute rollback if code change caused issue',
      'Notify stakeholders',
      'Document timeline in incident log',
      'Resolve or escalate within 15 minutes',
      'Post-incident: Schedule retrospective',
    ]);
    expect(byId['quick-response'].items).toEqual([
      'Acknowledge incident',
      'Investigate root cause',
      'Implement fix or workaround',
      'Monitor for recurrence',
      'Document in incident log',
    ]);
    expect(byId['during-incident'].items).toHaveLength(9);
    expect(byId['during-incident'].items[3]).toBe('Status page updated (if available)');
    expect(byId['post-incident'].items).toEqual(['Post-mortem created', 'Action items assigned', 'Runbooks updated', 'Prevention implemented', 'Team debriefed']);
    expect(byId['on-call-handoff'].items).toEqual([
      'Review open incidents',
      'Check monitoring dashboards',
      'Review recent deployments',
      'Share contact information',
      'Test alert notifications',
    ]);
    expect(CHECKLIST_TEMPLATES.map((t) => t.source)).toEqual([
      'heroforge-incident-response.md',
      'heroforge-incident-response.md',
      'hotdash-incident-response.md',
      'hotdash-incident-response.md',
      'gitquest-incident-playbook.md',
    ]);
  });

  it('give the most severe level of any scheme the critical checklist', () => {
    expect(ids(checklistsFor('P0', 'response'))).toEqual(['critical-quick-response']);
    expect(ids(checklistsFor('P1', 'response'))).toEqual(['quick-response']);
    expect(ids(checklistsFor('P1', 'response', copyScheme('p1-p4-heroforge')))).toEqual(['critical-quick-response']);
    expect(ids(checklistsFor('P4', 'response', copyScheme('p1-p4-heroforge')))).toEqual(['quick-response']);
    expect(ids(checklistsFor('sev-1', 'response', copyScheme('sev-1-4-gitquest')))).toEqual(['critical-quick-response']);
    expect(ids(checklistsFor('unknown', 'response'))).toEqual(['quick-response']);
  });

  it('attach the response and during-incident lists on declaration, the rest by phase', () => {
    const onDeclare = (key: string) => DECLARE_PHASES.flatMap((phase) => checklistsFor(key, phase));
    expect(ids(onDeclare('P0'))).toEqual(['critical-quick-response', 'during-incident']);
    expect(ids(onDeclare('P2'))).toEqual(['quick-response', 'during-incident']);
    expect(ids(checklistsFor('P3', 'post-incident'))).toEqual(['post-incident']);
    expect(ids(checklistsFor('P0', 'handoff'))).toEqual(['on-call-handoff']);
  });

  it('report progress', () => {
    expect(checklistProgress([{ text: 'a', done: true }, { text: 'b', done: false }, { text: 'c', done: true }])).toEqual({ done: 2, total: 3, label: '2/3' });
  });
});
