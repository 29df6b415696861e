import { describe, expect, it } from 'vitest';
import { destructiveSteps, importExample, procedureOutline, stepNamed } from './runbooks';

// gitquest-incident-playbook.md: SEV-1..4 as one section per level with bold fields, numbered
// investigation steps with a bash block per item, typescript fixes (not steps), three task lists.
const x = importExample('gitquest-incident-playbook.md');

describe('gitquest-incident-playbook.md', () => {
  it('takes the title from the only top-level heading', () => {
    expect(x.title).toBe('Incident Response Playbook');
    expect(x.fileName).toBe('gitquest-incident-playbook.md');
  });

  it('reads the four SEV sections with response times, definitions from their bullets and who is notified', () => {
    expect(x.severities.map((s) => [s.name, s.label, s.responseMinutes, s.responseText, s.notify])).toEqual([
      ['SEV-1', 'Critical', 0, 'Immediate', 'All hands on deck'],
      ['SEV-2', 'High', 30, 'Within 30 minutes', 'On-call engineer + team lead'],
      ['SEV-3', 'Medium', 120, 'Within 2 hours', 'On-call engineer'],
      ['SEV-4', 'Low', null, 'Next business day', 'Create ticket'],
    ]);
    expect(x.severities.map((s) => s.definition)).toEqual([
      'Complete service outage; Data loss or corruption; Security breach',
      'Partial service degradation; High error rates (>5%); Slow response times (p95 > 5s)',
      'Minor service degradation; Elevated error rates (1-5%); Slow response times (p95 > 2s)',
      'Cosmetic issues; Non-critical bugs',
    ]);
    expect(x.severities.map((s) => s.line)).toEqual([7, 14, 21, 28]);
    for (const s of x.severities) {
      expect(s.examples).toEqual([]);
      expect(s.updateCadenceMinutes).toBeNull();
      expect(s.escalateAfterMinutes).toBeNull();
    }
  });

  it('keeps "Post updates every 30 minutes", which names no level, as the document cadence', () => {
    expect(x.updateCadenceMinutes).toBe(30);
  });

  it('turns the three task lists into checklists with every item', () => {
    expect(x.checklists.map((c) => [c.title, c.items.length])).toEqual([
      ['Handoff Checklist', 5],
      ['Required Access', 8],
      ['Monitoring Checklist', 7],
    ]);
    expect(x.checklists[0].items).toEqual([
      'Review open incidents',
      'Check monitoring dashboards',
      'Review recent deployments',
      'Share contact information',
      'Test alert notifications',
    ]);
    expect(x.checklists[1].items[7]).toBe('GitHub repository');
    expect(x.checklists[2].items[6]).toBe('Backup and restore tested');
  });

  it('does not take the action items inside the post-mortem template as a checklist', () => {
    expect(x.checklists.flatMap((c) => c.items).some((i) => i.includes('Action item'))).toBe(false);
  });

  it('imports every bash block, one step per command, with each platform and each "or" a procedure of its own', () => {
    const investigation = (logs: string) => ['Check service status', logs, 'From backend server', 'Check Redis connectivity'];
    expect(procedureOutline(x)).toEqual([
      { title: 'API Down (5xx Errors) › Investigation Steps — Heroku', kind: 'diagnostic', steps: investigation('Heroku') },
      { title: 'API Down (5xx Errors) › Investigation Steps — AWS', kind: 'diagnostic', steps: investigation('AWS') },
      { title: 'API Down (5xx Errors) › Rollback — Heroku', kind: 'rollback', steps: ['Heroku'] },
      { title: 'API Down (5xx Errors) › Rollback — AWS ECS', kind: 'rollback', steps: ['AWS ECS'] },
      { title: 'Memory Leak › Emergency Fix — Restart application', kind: 'resolution', steps: ['Restart application'] },
      { title: 'Memory Leak › Emergency Fix — Scale down and up', kind: 'resolution', steps: ['Scale down and up (1/2)', 'Scale down and up (2/2)'] },
      { title: 'Frontend Not Loading › Rollback — Vercel', kind: 'rollback', steps: ['Vercel'] },
      { title: 'Frontend Not Loading › Rollback — Netlify', kind: 'rollback', steps: ['Netlify'] },
      { title: 'Database Migration Failure › Resolution', kind: 'resolution', steps: ['Rollback migration', 'Re-run migration'] },
    ]);
    expect(x.procedures.map((p) => p.choice?.option ?? null)).toEqual(['Heroku', 'AWS', 'Heroku', 'AWS ECS', 'Restart application', 'Scale down and up', 'Vercel', 'Netlify', null]);
    expect(x.procedures[2].choice).toEqual({ of: 'API Down (5xx Errors) › Rollback', option: 'Heroku', count: 2 });
  });

  it('runs the log tails that never end in their bounded form, and says so', () => {
    const heroku = stepNamed(x, 'API Down (5xx Errors) › Investigation Steps — Heroku', 'Heroku');
    expect(heroku).toMatchObject({
      command: 'heroku logs -n 200 -a gitquest-backend',
      written: 'heroku logs --tail -a gitquest-backend',
      readOnly: true,
      refused: null,
      note: '`heroku logs --tail` streams the log and never ends; it runs as `heroku logs -n 200 -a gitquest-backend`',
    });
    expect(stepNamed(x, 'API Down (5xx Errors) › Investigation Steps — AWS', 'AWS')).toMatchObject({ command: 'aws logs tail /ecs/gitquest-backend', written: 'aws logs tail /ecs/gitquest-backend --follow' });
  });

  it('keeps the `\\` continuation of the ECS rollback in one step and flags its placeholder', () => {
    const step = stepNamed(x, 'API Down (5xx Errors) › Rollback — AWS ECS', 'AWS ECS');
    expect(step.command).toBe(
      'aws ecs update-service --cluster gitquest-production \\\n  --service gitquest-backend \\\n  --task-definition gitquest-backend:<previous-version>',
    );
    expect(step.placeholders).toEqual(['<previous-version>']);
    expect(step.line).toBe(81);
  });

  it('gives each command under one comment its own step and flags variables the runbook never sets', () => {
    expect(x.procedures[5].steps.map((s) => s.command)).toEqual(['heroku ps:scale web=0 -a gitquest-backend', 'heroku ps:scale web=2 -a gitquest-backend']);
    const psql = stepNamed(x, 'API Down (5xx Errors) › Investigation Steps — Heroku', 'From backend server');
    expect(psql).toMatchObject({ command: 'psql $DATABASE_URL -c "SELECT 1"', placeholders: ['$DATABASE_URL'], readOnly: true });
    expect(stepNamed(x, 'API Down (5xx Errors) › Investigation Steps — Heroku', 'Check Redis connectivity').placeholders).toEqual(['$REDIS_URL']);
    expect(stepNamed(x, 'Frontend Not Loading › Rollback — Vercel', 'Vercel').placeholders).toEqual(['<deployment-url>']);
    expect(stepNamed(x, 'Frontend Not Loading › Rollback — Netlify', 'Netlify').placeholders).toEqual(['<deploy-id>']);
  });

  it('flags the Heroku rollback, restart and scale-down as destructive; no command needs a host', () => {
    expect(destructiveSteps(x)).toEqual([
      'API Down (5xx Errors) › Rollback — Heroku / Heroku',
      'Memory Leak › Emergency Fix — Restart application / Restart application',
      'Memory Leak › Emergency Fix — Scale down and up / Scale down and up (1/2)',
    ]);
    expect(x.procedures.flatMap((p) => p.steps).filter((s) => s.needsHost)).toEqual([]);
  });

  it('keeps the status page and Slack messages as communication templates and the review as a post-mortem', () => {
    expect(x.templates.map((t) => [t.title, t.kind, t.placeholders.length])).toEqual([
      ['Status Page Update', 'communication', 2],
      ['Slack Update', 'communication', 6],
      ['Post-Incident Review Template', 'postmortem', 17],
    ]);
    expect(x.templates[0].placeholders).toEqual(['[issue description]', '[root cause]']);
    expect(x.templates[0].body.startsWith('[INVESTIGATING] We are currently investigating reports of [issue description].')).toBe(true);
    expect(x.templates[1].placeholders).toEqual([
      '[Title]',
      '[1/2/3/4]',
      '[Investigating/Identified/Monitoring/Resolved]',
      '[Description of user impact]',
      '[Estimated time to resolution]',
      '[name]',
    ]);
    expect(x.templates[2].placeholders).toEqual([
      '[Title]', '[Date]', '[Start time]', '[End time]', '[1/2/3/4]', '[Name]', '[Brief description of what happened]',
      '[number/percentage]', '[list]', '[if applicable]', '[Time]', '[Detailed explanation of what caused the incident]',
      '[What was done to fix the issue]', '[Action item 1]', '[Action item 2]', '[link]', '[links]',
    ]);
  });

  it('reads the escalation path with its times and the emergency contacts', () => {
    expect(x.escalation.map((e) => [e.severity, e.path, e.afterMinutes])).toEqual([
      [null, ['On-call engineer'], 15],
      [null, ['Team lead'], 30],
      [null, ['Engineering manager'], 60],
      [null, ['CTO'], 120],
    ]);
    expect(x.contacts.map((c) => [c.role, c.contact])).toEqual([
      ['Team Lead', '[phone/email]'],
      ['Database Admin', '[phone/email]'],
      ['DevOps', '[phone/email]'],
      ['AWS Support', '[support plan details]'],
    ]);
  });

  it('finds the thresholds written in prose', () => {
    expect(x.thresholds).toEqual([
      'High error rates (>5%)',
      'Slow response times (p95 > 5s)',
      'Slow response times (p95 > 2s)',
      'p95 response time > 2 seconds',
    ]);
  });

  it('explains the three typescript blocks it did not import', () => {
    expect(x.warnings).toHaveLength(3);
    expect(x.warnings.map((w) => w.slice(0, w.indexOf(':')))).toEqual(['line 106', 'line 136', 'line 223']);
    expect(x.warnings[0]).toContain('typescript block under "Common Incidents › Database Connection Issues › Emergency Fix"');
  });
});
