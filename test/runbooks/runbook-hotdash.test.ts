import { describe, expect, it } from 'vitest';
import { destructiveSteps, importExample, procedureOutline, stepNamed } from './runbooks';

// hotdash-incident-response.md: P0-P3 sections with bold fields, bold pseudo-headings
// ("**1.2 Acknowledge**") under each phase, an escalation matrix, post-fix monitoring per level.
const x = importExample('hotdash-incident-response.md');

describe('hotdash-incident-response.md', () => {
  it('reads each level: response time, definition, escalation text and examples', () => {
    expect(x.severities.map((s) => [s.name, s.label, s.responseMinutes, s.responseText, s.escalation])).toEqual([
      ['P0', 'Critical (All hands)', 5, 'Immediate (<5 minutes)', 'Auto-escalate to CEO'],
      ['P1', 'High (Urgent)', 15, '<15 minutes', 'DevOps â†’ Manager'],
      ['P2', 'Medium (Important)', 60, '<1 hour', 'DevOps handles'],
      ['P3', 'Low (Tracking)', 1440, '<24 hours', 'Create issue for backlog'],
    ]);
    expect(x.severities.map((s) => s.definition)).toEqual([
      'Production completely down, data loss, security breach',
      'Major feature broken, significant user impact, performance degraded',
      'Minor feature broken, limited user impact',
      'Cosmetic issues, no user impact',
    ]);
    expect(x.severities.map((s) => s.examples)).toEqual([
      ['Database unavailable', 'application returning 500 errors', 'secrets exposed'],
      ['Approvals drawer broken', 'dashboard tiles not loading', 'P95 >10s'],
      ['Single tile failing', 'non-critical API endpoint error'],
      ['Typos', 'minor UI glitches', 'documentation errors'],
    ]);
  });

  it('takes escalation from the matrix, cadence from "Every 15 min for P0" and the post-fix watch per level', () => {
    expect(x.severities.map((s) => [s.name, s.escalateAfterMinutes, s.escalateTo, s.updateCadenceMinutes, s.postFixWatchMinutes])).toEqual([
      ['P0', 0, ['CEO'], 15, 120],
      ['P1', 15, ['Manager'], null, 60],
      ['P2', 60, ['Manager'], null, 30],
      ['P3', null, [], null, null],
    ]);
    expect(x.escalation.map((e) => [e.severity, e.path, e.afterMinutes, e.text])).toEqual([
      ['P0', ['DevOps', 'CEO'], 0, 'Immediately'],
      ['P1', ['DevOps', 'Manager'], 15, '>15 min unresolved'],
      ['P2', ['DevOps', 'Manager'], 60, '>1 hour unresolved'],
      ['P3', ['DevOps'], null, 'Create backlog issue'],
    ]);
  });

  it('titles the two checklists by their bold labels', () => {
    expect(x.checklists.map((c) => [c.title, c.items.length])).toEqual([
      ['During Incident', 9],
      ['Post-Incident', 5],
    ]);
    expect(x.checklists[0].items[3]).toBe('Status page updated (if available)');
    expect(x.checklists[1].items[4]).toBe('Team debriefed');
  });

  it('groups the bash blocks by phase and bold label', () => {
    expect(procedureOutline(x)).toEqual([
      { title: 'Phase 1: Detection & Triage (0-5 min) › Acknowledge', kind: 'resolution', steps: ['Create incident tracking issue'] },
      { title: 'Phase 1: Detection & Triage (0-5 min) › Notify', kind: 'resolution', steps: ['Alert team (adapt to your notification system)'] },
      {
        title: 'Phase 2: Investigation (5-15 min) › Gather Data',
        kind: 'diagnostic',
        steps: ['Check application logs', 'Check recent deployments', 'Check database status', 'Check workflow failures'],
      },
      { title: 'Phase 2: Investigation (5-15 min) › Document Findings', kind: 'resolution', steps: ['Update incident issue'] },
      { title: 'Phase 3: Mitigation (15-30 min) › Option A: Rollback', kind: 'rollback', steps: ['Rollback to last known good version', 'Verify rollback successful'] },
      {
        title: 'Phase 3: Mitigation (15-30 min) › Option B: Hotfix',
        kind: 'resolution',
        steps: ['Create hotfix branch', 'Fast-track deploy', 'Create PR and merge immediately'],
      },
      {
        title: 'Phase 3: Mitigation (15-30 min) › Option C: Configuration Change',
        kind: 'resolution',
        steps: ['Update environment variable', 'Restart application'],
      },
      {
        title: 'Phase 3: Mitigation (15-30 min) › Verify Fix',
        kind: 'diagnostic',
        steps: ['Run smoke tests', 'Check health endpoints', 'Monitor error rates'],
      },
      { title: 'Phase 4: Recovery Verification (30-60 min) › All Clear', kind: 'resolution', steps: ['Update incident issue'] },
    ]);
  });

  it('joins continuations, keeps multi-line quoted bodies whole and lists their placeholders', () => {
    const create = stepNamed(x, 'Phase 1: Detection & Triage (0-5 min) › Acknowledge', 'Create incident tracking issue');
    expect(create.command).toBe(
      'gh issue create --title "[INCIDENT P0] Production down" --body "Started: $(date -u +%Y-%m-%dT%H:%M:%SZ)\\nStatus: Investigating" --label "incident,P0"',
    );
    expect(create.placeholders).toEqual([]);
    const comment = stepNamed(x, 'Phase 2: Investigation (5-15 min) › Document Findings', 'Update incident issue');
    expect(comment.command.split('\n')).toHaveLength(6);
    expect(comment.placeholders).toEqual(['<incident-number>', '<description>', '<logs, metrics, commits>', '<user count, duration>', '<solution>']);
    expect(stepNamed(x, 'Phase 4: Recovery Verification (30-60 min) › All Clear', 'Update incident issue').placeholders).toEqual([
      '<incident-number>',
      'XX',
      '<description>',
    ]);
    expect(stepNamed(x, 'Phase 2: Investigation (5-15 min) › Gather Data', 'Check database status').placeholders).toEqual(['$DATABASE_URL']);
    expect(stepNamed(x, 'Phase 3: Mitigation (15-30 min) › Option B: Hotfix', 'Fast-track deploy').command).toBe(
      'git commit -m "hotfix: <description> (Fixes #<incident>)"\ngit push origin hotfix/incident-<number>',
    );
  });

  it('has no destructive command', () => {
    expect(destructiveSteps(x)).toEqual([]);
  });

  it('keeps the post-mortem template and the three messages apart', () => {
    expect(x.templates.map((t) => [t.title, t.kind, t.placeholders])).toEqual([
      [
        'Phase 5: Post-Incident Review (1-3 days) › Create Post-Mortem',
        'postmortem',
        ['<Title>', 'YYYY-MM-DD', 'XX', '<description>', 'HH:MM', '<Deep dive into what caused the incident>', '<Factor>', '<How it was fixed>', '<Lesson>'],
      ],
      ['Initial Alert (P0/P1)', 'communication', ['<Brief description>', '<timestamp>', '<user impact>', '<when fixed>', '<link to status page/issue>']],
      [
        'Progress Update (Every 15 min for P0)',
        'communication',
        ['<Brief status>', '<timestamp>', "<what's been done>", '<investigating/fixing/verifying>', '<next steps>', '<updated estimate>'],
      ],
      ['Resolution (All clear)', 'communication', ['<Brief description>', '<timestamp>', '<total time>', '<what was done>', '<ongoing for X hours>', '<link>']],
    ]);
  });

  it('finds the recovery thresholds and the P95 example; no contacts, no warnings', () => {
    expect(x.thresholds).toEqual(['P95 >10s', 'Error rate returning to baseline (<0.1%)', 'Response time P95 <3s']);
    expect(x.contacts).toEqual([]);
    expect(x.warnings).toEqual([]);
  });
});
