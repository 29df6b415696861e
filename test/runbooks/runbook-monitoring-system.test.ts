import { describe, expect, it } from 'vitest';
import { destructiveSteps, importExample, procedureOutline, stepNamed } from './runbooks';

// monitoring-system-incident-response.md: P0-P3 as level-4 sections with nested example lists,
// deep phase headings with bold labels, typescript and sql blocks, alert thresholds, contacts
// in lists and in a plain code block.
const x = importExample('monitoring-system-incident-response.md');

describe('monitoring-system-incident-response.md', () => {
  it('reads the levels with nested examples; "Next business day" is no time', () => {
    expect(x.severities.map((s) => [s.name, s.label, s.responseMinutes, s.responseText])).toEqual([
      ['P0', 'Critical (Complete Service Outage)', 15, 'Immediate (< 15 minutes)'],
      ['P1', 'High (Major Service Degradation)', 60, '1 hour'],
      ['P2', 'Medium (Minor Service Issues)', 240, '4 hours during business hours'],
      ['P3', 'Low (Informational)', null, 'Next business day'],
    ]);
    expect(x.severities[0].examples).toEqual(['Website completely down', 'Database unavailable', 'Security breach', 'Data corruption']);
    expect(x.severities[1].examples).toEqual(['Slow response times (>5s)', 'Authentication failures', 'Payment processing issues', 'High error rates (>10%)']);
    expect(x.severities[3].definition).toBe("Issues that don't immediately affect users");
  });

  it('sets the update cadence per level from the "During Incident" list', () => {
    expect(x.severities.map((s) => s.updateCadenceMinutes)).toEqual([30, 60, 240, null]);
    expect(x.updateCadenceMinutes).toBeNull();
  });

  it('has no task list outside its templates', () => {
    expect(x.checklists).toEqual([]);
  });

  it('imports every shell and SQL block, one step per command, grouped by heading and bold label', () => {
    const before = ['Restart application', 'Check service status', 'Check database file (1/2)', 'Check database file (2/2)'];
    const after = ['Clear temporary files (1/2)', 'Clear temporary files (2/2)', 'Revert to last known good config', 'Restart with safe defaults'];
    const mitigation = 'Immediate Mitigation › Common Mitigation Steps';
    expect(procedureOutline(x)).toEqual([
      // `open URL` is no read-only command: this assessment is a resolution.
      {
        title: 'Initial Assessment',
        kind: 'resolution',
        steps: ['Quick system health check', 'Check monitoring dashboard', 'Review recent logs', 'Check system resources (1/2)', 'Check system resources (2/2)'],
      },
      {
        title: 'Investigation & Diagnosis › System Health Check',
        kind: 'diagnostic',
        steps: ['Check all health endpoints (1/2)', 'Check all health endpoints (2/2)', 'Review monitoring metrics', 'Check recent deployments', 'Review system logs'],
      },
      {
        title: 'Investigation & Diagnosis › Performance Analysis',
        kind: 'diagnostic',
        steps: [
          'Check memory usage (1/2)',
          'Check memory usage (2/2)',
          'Check disk usage (1/2)',
          'Check disk usage (2/2)',
          'Check network connectivity (1/2)',
          'Check network connectivity (2/2)',
        ],
      },
      // The sql block is read: one guarded SQL step per statement.
      { title: 'Investigation & Diagnosis › Database Health', kind: 'diagnostic', steps: ['Check database connectivity', 'Check for locks', 'Verify recent data (1/2)', 'Verify recent data (2/2)'] },
      // "Restore from backup if needed" and "Clear logs if disk full" are each a choice.
      { title: mitigation, kind: 'resolution', steps: [...before, ...after] },
      { title: `${mitigation} — with Clear logs`, kind: 'resolution', steps: [...before, 'Clear logs if disk full', ...after] },
      { title: `${mitigation} — with Restore from backup`, kind: 'resolution', steps: [...before, 'Restore from backup if needed', ...after] },
      {
        title: `${mitigation} — with Restore from backup and Clear logs`,
        kind: 'resolution',
        steps: [...before, 'Restore from backup if needed', 'Clear logs if disk full', ...after],
      },
      // Exporting writes files: not a diagnostic.
      { title: 'Root Cause Analysis › Data Collection', kind: 'resolution', steps: ['Export system metrics', 'Export relevant logs', 'Export database state'] },
      { title: 'Permanent Fix Implementation › Code Changes', kind: 'resolution', steps: ['Create fix branch', 'Test fix (1/2)', 'Test fix (2/2)', 'Deploy fix'] },
      { title: 'Permanent Fix Implementation › Configuration Updates', kind: 'resolution', steps: ['Update monitoring thresholds', 'Restart monitoring'] },
      {
        title: 'Verification › System Verification',
        kind: 'diagnostic',
        steps: ['Verify fix is working (1/2)', 'Verify fix is working (2/2)', 'Check error rates', 'Monitor for 30 minutes'],
      },
      {
        title: 'Database Connection Issues › Investigation',
        kind: 'diagnostic',
        steps: ['Check database connectivity', 'Check for locks', 'Review connection patterns'],
      },
      { title: 'High Memory Usage › Investigation', kind: 'diagnostic', steps: ['Check memory usage (1/2)', 'Check memory usage (2/2)'] },
      {
        title: 'Security Incidents › Investigation',
        kind: 'diagnostic',
        steps: ['Check security logs', 'Review recent access logs', 'Check for suspicious patterns'],
      },
      {
        title: 'Common Commands',
        kind: 'resolution',
        steps: ['System health check', 'View recent logs', 'Check system resources (1/3)', 'Check system resources (2/3)', 'Check system resources (3/3)', 'Restart services', 'Check database'],
      },
    ]);
  });

  it('reads the sql block as SQL steps, judged by what the SQL does', () => {
    const sql = x.procedures[3].steps;
    expect(sql.map((s) => [s.kind, s.command, s.readOnly, s.destructive, s.line])).toEqual([
      ['sql', 'SELECT 1;', true, false, 157],
      ['sql', 'SELECT * FROM sqlite_master LIMIT 1;', true, false, 160],
      ['sql', 'SELECT COUNT(*) FROM portfolio_projects;', true, false, 163],
      ['sql', 'SELECT COUNT(*) FROM blog_posts;', true, false, 164],
    ]);
  });

  it('drops comments with no command after them ("# ... make necessary changes ...") and runs each command alone', () => {
    expect(x.procedures[9].steps.map((s) => [s.title, s.command])).toEqual([
      ['Create fix branch', 'git checkout -b fix/incident-YYYY-MM-DD'],
      ['Test fix (1/2)', 'npm test'],
      ['Test fix (2/2)', 'npm run e2e'],
      ['Deploy fix', 'git push origin fix/incident-YYYY-MM-DD'],
    ]);
    expect(stepNamed(x, 'Permanent Fix Implementation › Code Changes', 'Deploy fix')).toMatchObject({ placeholders: ['YYYY-MM-DD'], line: 247 });
  });

  it('runs what never ends in a form that does, and refuses what has none', () => {
    expect(stepNamed(x, 'Initial Assessment', 'Review recent logs')).toMatchObject({
      command: 'tail -n 200 ./logs/application.log | grep ERROR',
      written: 'tail -f ./logs/application.log | grep ERROR',
    });
    expect(stepNamed(x, 'Investigation & Diagnosis › Performance Analysis', 'Check network connectivity (1/2)').command).toBe('ping -c 4 google.com');
    expect(stepNamed(x, 'Verification › System Verification', 'Monitor for 30 minutes').command).toBe('curl -s http://localhost:4321/api/health | jq .status');
    expect(stepNamed(x, 'Permanent Fix Implementation › Configuration Updates', 'Update monitoring thresholds')).toMatchObject({
      command: 'vim monitoring.config.json',
      refused: '`vim` waits for keyboard input, and Trayage only runs steps that end on their own',
    });
  });

  it('reads quoting correctly: a command substitution with nested quotes is one command', () => {
    expect(stepNamed(x, 'Root Cause Analysis › Data Collection', 'Export relevant logs').command).toBe(
      'grep -C 10 "$(date -d \'1 hour ago\' +%Y-%m-%d\\ %H)" ./logs/application.log > incident-logs.txt',
    );
  });

  it('flags the restarts, the file overwrite, truncation and deletions in the mitigation steps', () => {
    const mitigation = x.procedures.filter((p) => p.title.startsWith('Immediate Mitigation'));
    expect(mitigation[3].steps.filter((s) => s.destructive).map((s) => s.title)).toEqual([
      'Restart application',
      'Restore from backup if needed',
      'Clear logs if disk full',
      'Clear temporary files (1/2)',
      'Clear temporary files (2/2)',
    ]);
    expect(stepNamed(x, mitigation[3].title, 'Restore from backup if needed').destructiveReasons).toEqual(['`cp` overwrites a database file']);
    expect(destructiveSteps(x).filter((s) => !s.startsWith('Immediate Mitigation'))).toEqual([
      'Permanent Fix Implementation › Configuration Updates / Restart monitoring',
      'Common Commands / Restart services',
    ]);
  });

  it('keeps the status update and the post-mortem document', () => {
    expect(x.templates.map((t) => [t.title, t.kind, t.placeholders.length])).toEqual([
      ['Status Updates › Communication Template', 'communication', 7],
      ['Post-Mortem Document', 'postmortem', 17],
    ]);
    expect(x.templates[0].placeholders).toEqual([
      '[TIMESTAMP]',
      '[TITLE]',
      '[Investigating/Identified/Monitoring/Resolved]',
      '[Description of user impact]',
      "[What we're doing to fix it]",
      '[Expected resolution time]',
      "[When we'll provide next update]",
    ]);
    expect(x.templates[1].placeholders.slice(0, 5)).toEqual(['[Incident Title]', '[Date]', '[Total duration]', '[User impact description]', '[Primary cause]']);
    expect(x.templates[1].placeholders.slice(-3)).toEqual(['[Due date]', '[Action item 2]', '[Key takeaways]']);
  });

  it('collects contacts from the on-call list, key personnel and the emergency contacts block', () => {
    expect(x.contacts.map((c) => [c.role, c.contact])).toEqual([
      ['Primary', '[Phone/Email]'],
      ['Secondary', '[Phone/Email]'],
      ['Escalation', '[Manager Phone/Email]'],
      ['Incident Commander', '[Contact]'],
      ['Technical Lead', '[Contact]'],
      ['Product Owner', '[Contact]'],
      ['Customer Support', '[Contact]'],
      ['Primary On-Call', '+1-XXX-XXX-XXXX'],
      ['Secondary On-Call', '+1-XXX-XXX-XXXX'],
      ['Manager', '+1-XXX-XXX-XXXX'],
      ['Security Team', 'security@company.com'],
    ]);
    expect(x.contacts[10].line).toBe(526);
    expect(x.escalation).toEqual([]);
  });

  it('finds every threshold: the examples, the declaration criteria and the alert thresholds', () => {
    expect(x.thresholds).toEqual([
      'Slow response times (>5s)',
      'High error rates (>10%)',
      'Service unavailability > 5 minutes',
      'Error rate > 5% for > 2 minutes',
      'Response time > 5 seconds for > 5 minutes',
      'Response Time: > 2 seconds',
      'Error Rate: > 5%',
      'Memory Usage: > 80%',
      'Disk Usage: > 85%',
      'Database Connections: > 90% of pool',
    ]);
  });

  it('explains the typescript blocks it left out and the checks that change things', () => {
    expect(x.warnings.map((w) => w.slice(0, w.indexOf(':')))).toEqual(['line 68', 'line 92', 'line 216', 'line 307']);
    expect(x.warnings[0]).toMatch(/^line 68: "Initial Assessment" reads as a diagnostic, but its step "Check monitoring dashboard" is not read-only/);
    expect(x.warnings[1]).toMatch(/^line 92: the typescript block/);
    expect(x.warnings[3]).toMatch(/^line 307: the typescript block/);
  });
});
