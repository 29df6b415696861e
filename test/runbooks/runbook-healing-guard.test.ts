import { describe, expect, it } from 'vitest';
import { destructiveSteps, importExample, procedureOutline, stepNamed } from './runbooks';

// healing-guard-incident-response.md: a P0-P3 severity table, an on-call table, escalation
// chains written with arrows, numbered steps each with its own bash block, no task lists.
const x = importExample('healing-guard-incident-response.md');

describe('healing-guard-incident-response.md', () => {
  it('reads the severity table: minutes, description and the comma-separated examples', () => {
    expect(x.title).toBe('Incident Response Runbook');
    expect(x.severities.map((s) => [s.name, s.label, s.responseMinutes, s.definition, s.examples])).toEqual([
      ['P0', 'Critical', 15, 'Complete service outage', ['API completely down', 'database failure']],
      ['P1', 'High', 60, 'Major functionality impaired', ['Healing strategies not working', 'webhook failures']],
      ['P2', 'Medium', 240, 'Minor functionality impaired', ['Dashboard issues', 'delayed notifications']],
      ['P3', 'Low', 1440, 'Cosmetic or documentation issues', ['UI glitches', 'documentation errors']],
    ]);
    expect(x.severities.map((s) => s.line)).toEqual([11, 12, 13, 14]);
  });

  it('finds no update cadence outside the templates and no checklists', () => {
    expect(x.updateCadenceMinutes).toBeNull();
    expect(x.severities.every((s) => s.updateCadenceMinutes === null)).toBe(true);
    expect(x.checklists).toEqual([]);
  });

  it('imports every bash block, one procedure per heading, step titles from comments or the numbered item', () => {
    expect(procedureOutline(x)).toEqual([
      {
        title: 'Immediate Actions (0-15 minutes)',
        kind: 'resolution',
        steps: ['Update status page', 'Check service health', 'Check infrastructure status', 'Check recent deployments'],
      },
      {
        title: 'Investigation Phase (15-30 minutes)',
        kind: 'diagnostic',
        steps: [
          'Check application logs',
          'Check system metrics',
          'Check database connectivity',
          'Check recent deployments',
          'Check recent code changes',
          'Check configuration changes',
        ],
      },
      {
        title: 'Containment Actions',
        kind: 'resolution',
        steps: [
          'Rollback to previous version',
          'Verify rollback',
          'Check database connections',
          'Restart database if needed',
          'Check database logs',
          'Scale up application',
          'Add more resources',
        ],
      },
      { title: 'Resolution Phase', kind: 'resolution', steps: ['Test critical endpoints', 'Run smoke tests', 'Update status page'] },
      {
        title: 'Healing Strategies Not Working',
        kind: 'resolution',
        steps: ['Check strategy engine logs', 'Check strategy configuration', 'Check model loading', 'Test model inference', 'Restart strategy engine if needed'],
      },
      {
        title: 'Webhook Processing Failures',
        kind: 'resolution',
        steps: ['Test webhook endpoints', 'Check Redis queue depth', 'Check worker status', 'Scale webhook workers if needed'],
      },
      {
        title: 'High Response Times',
        kind: 'resolution',
        steps: [
          'Check response time metrics',
          'Check database query performance',
          'Check CPU and memory usage',
          'Check database connections',
          'Scale application horizontally',
          'Scale database resources',
        ],
      },
      {
        title: 'Memory Leaks',
        kind: 'resolution',
        steps: ['Check memory usage over time', 'Check for memory leaks in application', 'Trigger garbage collection', 'Restart pods if memory usage is critical'],
      },
      {
        title: 'Database Corruption',
        kind: 'resolution',
        steps: ['Check database integrity', 'Stop application', 'Restore database from latest backup', 'Restart application'],
      },
      { title: 'Configuration Corruption', kind: 'resolution', steps: ['Backup current configuration', 'Restore known good configuration'] },
      {
        title: 'Unauthorized Access',
        kind: 'resolution',
        steps: ['Check active sessions', 'Revoke all API tokens', 'Change all passwords', 'Check access logs', 'Check unusual API usage'],
      },
    ]);
    expect(x.procedures.reduce((n, p) => n + p.steps.length, 0)).toBe(50);
  });

  it('joins continuations and flags the status page token and incident id, which the runbook never sets', () => {
    const post = stepNamed(x, 'Immediate Actions (0-15 minutes)', 'Update status page');
    expect(post.command).toBe(
      'curl -X POST https://status.terragonlabs.com/api/incidents -H "Authorization: Bearer $STATUS_PAGE_TOKEN" -d \'{"title": "Service Degradation", "status": "investigating"}\'',
    );
    expect(post.placeholders).toEqual(['$STATUS_PAGE_TOKEN']);
    expect(stepNamed(x, 'Resolution Phase', 'Update status page').placeholders).toEqual(['$INCIDENT_ID', '$STATUS_PAGE_TOKEN']);
    expect(stepNamed(x, 'Resolution Phase', 'Test critical endpoints').command.split('\n')).toHaveLength(2);
  });

  it('keeps a quoted script that spans lines in one step', () => {
    const python = stepNamed(x, 'Memory Leaks', 'Check for memory leaks in application');
    expect(python.command).toBe(
      [
        'kubectl exec -it deployment/healing-guard -n healing-guard -- python -c "',
        'import psutil',
        'import gc',
        "print(f'Memory usage: {psutil.virtual_memory().percent}%')",
        "print(f'Objects in memory: {len(gc.get_objects())}')",
        '"',
      ].join('\n'),
    );
    expect(stepNamed(x, 'Database Corruption', 'Check database integrity').command).toContain("WHERE schemaname = 'public';");
  });

  it('flags pod deletions and the database restore as destructive', () => {
    expect(destructiveSteps(x)).toEqual([
      'Containment Actions / Restart database if needed',
      'Healing Strategies Not Working / Restart strategy engine if needed',
      'Memory Leaks / Restart pods if memory usage is critical',
      'Database Corruption / Restore database from latest backup',
    ]);
    expect(stepNamed(x, 'Containment Actions', 'Restart database if needed').destructiveReasons).toEqual(['`kubectl delete` deletes cluster resources']);
  });

  it('keeps the three notification templates with their placeholders', () => {
    expect(x.templates.map((t) => [t.title, t.kind, t.placeholders])).toEqual([
      ['Initial Incident Notification', 'communication', ['[Brief description]', '[Customer/service impact]', '[Estimated resolution time]', '[Name]']],
      ['Status Updates', 'communication', ['[Investigating/Identified/Resolving/Resolved]', "[What's been done]", "[What's being done next]", '[Updated ETA]']],
      [
        'Resolution Notification',
        'communication',
        ['[What fixed the issue]', '[Brief root cause]', '[What will prevent recurrence]', '[Total incident duration]', '[Link to post-mortem document]'],
      ],
    ]);
    expect(x.templates[0].body.split('\n')[0]).toBe('🚨 INCIDENT ALERT - P0');
  });

  it('reads the on-call table as contacts and the arrow chains as escalation paths', () => {
    expect(x.contacts.map((c) => [c.role, c.name, c.backup, c.contact])).toEqual([
      ['Incident Commander', 'John Doe', 'Jane Smith', '+1-555-0100'],
      ['Engineering Lead', 'Alice Johnson', 'Bob Wilson', '+1-555-0101'],
      ['Security Lead', 'Charlie Brown', 'Diana Prince', '+1-555-0102'],
      ['Infrastructure Lead', 'Eve Davis', 'Frank Miller', '+1-555-0103'],
    ]);
    expect(x.escalation.map((e) => [e.path, e.afterMinutes])).toEqual([
      [['L1 Support', 'L2 Engineering', 'Engineering Lead', 'VP Engineering'], null],
      [['Security Issues', 'Security Lead', 'CISO', 'CEO'], null],
      [['Legal/Compliance', 'Legal Team', 'Chief Legal Officer'], null],
    ]);
  });

  it('has no thresholds in prose and nothing to warn about', () => {
    expect(x.thresholds).toEqual([]);
    expect(x.warnings).toEqual([]);
  });
});
