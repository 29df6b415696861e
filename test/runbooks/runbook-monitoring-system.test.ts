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

  it('imports every bash block, grouped by heading and bold label', () => {
    expect(procedureOutline(x)).toEqual([
      {
        title: 'Initial Assessment',
        kind: 'diagnostic',
        steps: ['Quick system health check', 'Check monitoring dashboard', 'Review recent logs', 'Check system resources'],
      },
      {
        title: 'Investigation & Diagnosis › System Health Check',
        kind: 'diagnostic',
        steps: ['Check all health endpoints', 'Review monitoring metrics', 'Check recent deployments', 'Review system logs'],
      },
      {
        title: 'Investigation & Diagnosis › Performance Analysis',
        kind: 'diagnostic',
        steps: ['Check memory usage', 'Check disk usage', 'Check network connectivity'],
      },
      {
        title: 'Immediate Mitigation › Common Mitigation Steps',
        kind: 'resolution',
        steps: [
          'Restart application',
          'Check service status',
          'Check database file',
          'Restore from backup if needed',
          'Clear logs if disk full',
          'Clear temporary files',
          'Revert to last known good config',
          'Restart with safe defaults',
        ],
      },
      {
        title: 'Root Cause Analysis › Data Collection',
        kind: 'diagnostic',
        steps: ['Export system metrics', 'Export relevant logs', 'Export database state'],
      },
      { title: 'Permanent Fix Implementation › Code Changes', kind: 'resolution', steps: ['Create fix branch', 'Test fix', 'Deploy fix'] },
      { title: 'Permanent Fix Implementation › Configuration Updates', kind: 'resolution', steps: ['Update monitoring thresholds', 'Restart monitoring'] },
      {
        title: 'Verification › System Verification',
        kind: 'diagnostic',
        steps: ['Verify fix is working', 'Check error rates', 'Monitor for 30 minutes'],
      },
      {
        title: 'Database Connection Issues › Investigation',
        kind: 'diagnostic',
        steps: ['Check database connectivity', 'Check for locks', 'Review connection patterns'],
      },
      { title: 'High Memory Usage › Investigation', kind: 'diagnostic', steps: ['Check memory usage'] },
      {
        title: 'Security Incidents › Investigation',
        kind: 'diagnostic',
        steps: ['Check security logs', 'Review recent access logs', 'Check for suspicious patterns'],
      },
      {
        title: 'Common Commands',
        kind: 'resolution',
        steps: ['System health check', 'View recent logs', 'Check system resources', 'Restart services', 'Check database'],
      },
    ]);
  });

  it('drops comments with no command after them ("# ... make necessary changes ...")', () => {
    expect(stepNamed(x, 'Permanent Fix Implementation › Code Changes', 'Test fix').command).toBe('npm test\nnpm run e2e');
    expect(stepNamed(x, 'Permanent Fix Implementation › Code Changes', 'Deploy fix')).toMatchObject({
      command: 'git push origin fix/incident-YYYY-MM-DD',
      placeholders: ['YYYY-MM-DD'],
      line: 247,
    });
    expect(stepNamed(x, 'High Memory Usage › Investigation', 'Check memory usage').command).toBe('free -h\nps aux --sort=-%mem | head -10');
  });

  it('reads quoting correctly: a command substitution with nested quotes is one command', () => {
    expect(stepNamed(x, 'Root Cause Analysis › Data Collection', 'Export relevant logs').command).toBe(
      'grep -C 10 "$(date -d \'1 hour ago\' +%Y-%m-%d\\ %H)" ./logs/application.log > incident-logs.txt',
    );
  });

  it('flags the file overwrite, truncation and deletions in the mitigation steps', () => {
    expect(destructiveSteps(x)).toEqual([
      'Immediate Mitigation › Common Mitigation Steps / Restore from backup if needed',
      'Immediate Mitigation › Common Mitigation Steps / Clear logs if disk full',
      'Immediate Mitigation › Common Mitigation Steps / Clear temporary files',
    ]);
    expect(stepNamed(x, 'Immediate Mitigation › Common Mitigation Steps', 'Restore from backup if needed').destructiveReasons).toEqual([
      '`cp` overwrites the database file ./local.db',
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

  it('explains the typescript and sql blocks it left out', () => {
    expect(x.warnings).toHaveLength(3);
    expect(x.warnings[0]).toMatch(/^line 92: the typescript block/);
    expect(x.warnings[1]).toMatch(/^line 155: the sql block under ".*Database Health"/);
    expect(x.warnings[2]).toMatch(/^line 307: the typescript block/);
  });
});
