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

  it('imports every bash block, one step per command; cases and steps done "if needed" are ways to choose from', () => {
    const healing = ['Check strategy engine logs', 'Check strategy configuration', 'Check model loading', 'Test model inference'];
    const webhooks = ['Test webhook endpoints', 'Check Redis queue depth', 'Check worker status'];
    const response = ['Check response time metrics', 'Check database query performance', 'Check CPU and memory usage', 'Check database connections'];
    const leaks = ['Check memory usage over time', 'Check for memory leaks in application', 'Trigger garbage collection'];
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
      // "1. If recent deployment caused the issue", "2. If database issues", "3. If resource exhaustion": one way each.
      { title: 'Containment Actions — if recent deployment caused the issue', kind: 'resolution', steps: ['Rollback to previous version', 'Verify rollback'] },
      { title: 'Containment Actions — if database issues', kind: 'resolution', steps: ['Check database connections', 'Check database logs'] },
      {
        title: 'Containment Actions — if database issues, with Restart database',
        kind: 'resolution',
        steps: ['Check database connections', 'Restart database if needed', 'Check database logs'],
      },
      { title: 'Containment Actions — if resource exhaustion', kind: 'resolution', steps: ['Scale up application', 'Add more resources'] },
      { title: 'Resolution Phase', kind: 'resolution', steps: ['Test critical endpoints (1/2)', 'Test critical endpoints (2/2)', 'Run smoke tests', 'Update status page'] },
      { title: 'Healing Strategies Not Working', kind: 'resolution', steps: healing },
      { title: 'Healing Strategies Not Working — with Restart strategy engine', kind: 'resolution', steps: [...healing, 'Restart strategy engine if needed'] },
      { title: 'Webhook Processing Failures', kind: 'resolution', steps: webhooks },
      { title: 'Webhook Processing Failures — with Scale webhook workers', kind: 'resolution', steps: [...webhooks, 'Scale webhook workers if needed'] },
      { title: 'High Response Times', kind: 'resolution', steps: response },
      { title: 'High Response Times — with Scale resources', kind: 'resolution', steps: [...response, 'Scale application horizontally', 'Scale database resources'] },
      { title: 'Memory Leaks', kind: 'resolution', steps: leaks },
      { title: 'Memory Leaks — with Restart pods', kind: 'resolution', steps: [...leaks, 'Restart pods if memory usage is critical'] },
      { title: 'Database Corruption', kind: 'resolution', steps: ['Check database integrity'] },
      {
        title: 'Database Corruption — with Restore from backup',
        kind: 'resolution',
        steps: ['Check database integrity', 'Stop application', 'Restore database from latest backup', 'Restart application'],
      },
      {
        title: 'Configuration Corruption',
        kind: 'resolution',
        steps: ['Backup current configuration', 'Restore known good configuration (1/2)', 'Restore known good configuration (2/2)'],
      },
      {
        title: 'Unauthorized Access',
        kind: 'resolution',
        steps: ['Check active sessions', 'Revoke all API tokens', 'Change all passwords', 'Check access logs', 'Check unusual API usage'],
      },
    ]);
    expect(x.procedures[4].choice).toEqual({ of: 'Containment Actions', option: 'if database issues, with Restart database', count: 4 });
  });

  it('keeps continuations whole and flags the status page token and incident id, which the runbook never sets', () => {
    const post = stepNamed(x, 'Immediate Actions (0-15 minutes)', 'Update status page');
    expect(post.command).toBe(
      'curl -X POST https://status.terragonlabs.com/api/incidents \\\n  -H "Authorization: Bearer $STATUS_PAGE_TOKEN" \\\n  -d \'{"title": "Service Degradation", "status": "investigating"}\'',
    );
    expect(post.placeholders).toEqual(['$STATUS_PAGE_TOKEN']);
    expect(stepNamed(x, 'Resolution Phase', 'Update status page').placeholders).toEqual(['$INCIDENT_ID', '$STATUS_PAGE_TOKEN']);
    expect(stepNamed(x, 'Resolution Phase', 'Test critical endpoints (2/2)').command).toBe('curl -f https://healing-guard.terragonlabs.com/api/v1/status');
  });

  it('runs the followed logs once, bounded, so the diagnostic ends', () => {
    expect(stepNamed(x, 'Investigation Phase (15-30 minutes)', 'Check application logs')).toMatchObject({
      command: 'kubectl logs deployment/healing-guard -n healing-guard --tail=100',
      written: 'kubectl logs -f deployment/healing-guard -n healing-guard --tail=100',
      readOnly: true,
    });
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

  it('flags pod deletions, applies, the rollback, the database restore and the token revocation as destructive', () => {
    expect(destructiveSteps(x)).toEqual([
      'Containment Actions — if recent deployment caused the issue / Rollback to previous version',
      'Containment Actions — if database issues, with Restart database / Restart database if needed',
      'Containment Actions — if resource exhaustion / Add more resources',
      'Resolution Phase / Run smoke tests',
      'Healing Strategies Not Working — with Restart strategy engine / Restart strategy engine if needed',
      'High Response Times — with Scale resources / Scale database resources',
      'Memory Leaks — with Restart pods / Restart pods if memory usage is critical',
      'Database Corruption — with Restore from backup / Stop application',
      'Database Corruption — with Restore from backup / Restore database from latest backup',
      'Configuration Corruption / Restore known good configuration (1/2)',
      'Configuration Corruption / Restore known good configuration (2/2)',
      'Unauthorized Access / Revoke all API tokens',
      'Unauthorized Access / Change all passwords',
    ]);
    // The POST is no command the shell library knows to be destructive; the runbook's words say it is.
    expect(stepNamed(x, 'Unauthorized Access', 'Revoke all API tokens').destructiveReasons[0]).toBe('the runbook says it destroys or stops something: "Revoke all API tokens"');
    expect(stepNamed(x, 'Containment Actions — if database issues, with Restart database', 'Restart database if needed').destructiveReasons[0]).toBe(
      '`kubectl delete` deletes cluster resources',
    );
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

  it('reads the on-call table as contacts, ready for Settings, and the arrow chains as escalation paths', () => {
    expect(x.contacts.map((c) => [c.role, c.name, c.backup, c.contact])).toEqual([
      ['Incident Commander', 'John Doe', 'Jane Smith', '+1-555-0100'],
      ['Engineering Lead', 'Alice Johnson', 'Bob Wilson', '+1-555-0101'],
      ['Security Lead', 'Charlie Brown', 'Diana Prince', '+1-555-0102'],
      ['Infrastructure Lead', 'Eve Davis', 'Frank Miller', '+1-555-0103'],
    ]);
    expect(x.settingsContacts.slice(0, 2)).toEqual([
      { role: 'Incident Commander', name: 'John Doe', phone: '+1-555-0100' },
      { role: 'Incident Commander (backup)', name: 'Jane Smith' },
    ]);
    expect(x.settingsContacts).toHaveLength(8);
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
