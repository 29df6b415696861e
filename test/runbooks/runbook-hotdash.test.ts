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

  it('groups the bash blocks by phase and bold label; the three options of the mitigation are three ways', () => {
    expect(procedureOutline(x)).toEqual([
      { title: 'Phase 1: Detection & Triage (0-5 min) › Acknowledge', kind: 'resolution', steps: ['Create incident tracking issue'] },
      { title: 'Phase 1: Detection & Triage (0-5 min) › Notify', kind: 'resolution', steps: ['Alert team (adapt to your notification system)'] },
      {
        title: 'Phase 2: Investigation (5-15 min) › Gather Data',
        kind: 'diagnostic',
        steps: ['Check application logs', 'Check recent deployments', 'Check database status', 'Check workflow failures'],
      },
      { title: 'Phase 2: Investigation (5-15 min) › Document Findings', kind: 'resolution', steps: ['Update incident issue'] },
      // "Option A: Rollback" is a rollback, the others resolutions: each way keeps its own kind.
      { title: 'Phase 3: Mitigation (15-30 min) — Rollback', kind: 'rollback', steps: ['Rollback to last known good version', 'Verify rollback successful'] },
      {
        title: 'Phase 3: Mitigation (15-30 min) — Hotfix',
        kind: 'resolution',
        steps: [
          'Create hotfix branch (1/3)',
          'Create hotfix branch (2/3)',
          'Create hotfix branch (3/3)',
          'Fast-track deploy (1/2)',
          'Fast-track deploy (2/2)',
          'Create PR and merge immediately (1/2)',
          'Create PR and merge immediately (2/2)',
        ],
      },
      { title: 'Phase 3: Mitigation (15-30 min) — Configuration Change', kind: 'resolution', steps: ['Update environment variable', 'Restart application'] },
      // `npm run test:smoke` is no read-only command: this check is a resolution.
      {
        title: 'Phase 3: Mitigation (15-30 min) › Verify Fix',
        kind: 'resolution',
        steps: ['Run smoke tests', 'Check health endpoints (1/2)', 'Check health endpoints (2/2)', 'Monitor error rates'],
      },
      { title: 'Phase 4: Recovery Verification (30-60 min) › All Clear', kind: 'resolution', steps: ['Update incident issue'] },
    ]);
    expect(x.procedures.slice(4, 7).map((p) => p.choice)).toEqual(
      ['Rollback', 'Hotfix', 'Configuration Change'].map((option) => ({ of: 'Phase 3: Mitigation (15-30 min)', option, count: 3 })),
    );
  });

  it('keeps continuations and multi-line quoted bodies whole and lists their placeholders', () => {
    const create = stepNamed(x, 'Phase 1: Detection & Triage (0-5 min) › Acknowledge', 'Create incident tracking issue');
    expect(create.command).toBe(
      'gh issue create \\\n  --title "[INCIDENT P0] Production down" \\\n  --body "Started: $(date -u +%Y-%m-%dT%H:%M:%SZ)\\nStatus: Investigating" \\\n  --label "incident,P0"',
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
    expect(x.procedures[5].steps.slice(3, 5).map((s) => s.command)).toEqual([
      'git commit -m "hotfix: <description> (Fixes #<incident>)"',
      'git push origin hotfix/incident-<number>',
    ]);
    expect(stepNamed(x, 'Phase 2: Investigation (5-15 min) › Gather Data', 'Check application logs')).toMatchObject({
      command: 'fly logs --no-tail -a hotdash-app --since=30m',
      written: 'fly logs -a hotdash-app --since=30m',
    });
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

  it('finds the recovery thresholds and the P95 example; no contacts; warns that the fix check is no diagnostic', () => {
    expect(x.thresholds).toEqual(['P95 >10s', 'Error rate returning to baseline (<0.1%)', 'Response time P95 <3s']);
    expect(x.suggestedMonitors.map((m) => [m.kind, m.yaml.split('\n').find((l) => l.includes('[VALUE]'))?.trim()])).toEqual([
      ['prometheus', '- "[VALUE] < 10"'],
      ['prometheus', '- "[VALUE] < 0.1"'],
      ['prometheus', '- "[VALUE] < 3"'],
    ]);
    expect(x.contacts).toEqual([]);
    expect(x.warnings).toEqual([
      'line 159: "Phase 3: Mitigation (15-30 min) › Verify Fix" reads as a diagnostic, but its step "Run smoke tests" is not read-only (`npm` is not on the list of read-only commands); it is imported as a resolution, run one step at a time with destructive steps confirmed',
    ]);
  });
});
