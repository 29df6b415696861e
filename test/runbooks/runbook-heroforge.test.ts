import { describe, expect, it } from 'vitest';
import { destructiveSteps, importExample, procedureOutline, stepNamed } from './runbooks';

// heroforge-incident-response.md: a P1-P4 table, per-severity checklists, the quick rollback over
// ssh, the database rollback, diagnostics per incident and resolutions quoted inline.
const x = importExample('heroforge-incident-response.md');

describe('heroforge-incident-response.md', () => {
  it('reads the severity table and the "every 30 minutes during P1/P2" update cadence', () => {
    expect(x.title).toBe('HeroForge Incident Response Runbook');
    expect(x.severities.map((s) => [s.name, s.label, s.responseMinutes, s.responseText, s.updateCadenceMinutes])).toEqual([
      ['P1', 'Critical', 15, 'Immediate (< 15 min)', 30],
      ['P2', 'High', 60, '< 1 hour', 30],
      ['P3', 'Medium', 240, '< 4 hours', null],
      ['P4', 'Low', 1440, '< 24 hours', null],
    ]);
    expect(x.severities[0].definition).toBe('Service completely unavailable, data loss, security breach');
    expect(x.severities[0].examples).toEqual(['Site down', 'database corruption', 'security incident']);
    expect(x.severities[3].examples).toEqual(['UI glitch', 'typo', 'performance degradation']);
    expect(x.updateCadenceMinutes).toBeNull();
  });

  it('turns both quick-response task lists into checklists tied to their severities', () => {
    expect(x.checklists.map((c) => [c.title, c.items.length, c.severities])).toEqual([
      ['P1 - Critical Incident', 7, ['P1']],
      ['P2-P4 Incidents', 5, ['P2', 'P3', 'P4']],
    ]);
    expect(x.checklists[0].items[0]).toBe('Acknowledge incident (respond in monitoring channel)');
    expect(x.checklists[0].items[5]).toBe('Resolve or escalate within 15 minutes');
  });

  it('imports the rollbacks, the diagnostics of each incident and the inline resolution commands', () => {
    expect(procedureOutline(x)).toEqual([
      {
        title: 'Quick Rollback (< 5 minutes)',
        kind: 'rollback',
        steps: [
          'SSH to production server',
          'Navigate to HeroForge directory',
          'View recent commits/tags',
          'Rollback to previous known-good version',
          'Rebuild frontend (if needed)',
          'Rebuild backend',
          'Restart container',
          'Verify service is healthy',
        ],
      },
      {
        title: 'Database Rollback',
        kind: 'rollback',
        steps: ['Stop service', 'Backup current (possibly corrupted) database', 'Find most recent backup', 'Restore from backup', 'Restart service', 'Verify data integrity'],
      },
      {
        title: 'Service Unavailable (502/503/504) › Diagnostic Steps',
        kind: 'diagnostic',
        steps: ['Check if container is running', 'Check container logs', 'Check if backend is listening', 'Check Traefik logs', 'Check system resources'],
      },
      { title: 'Service Unavailable (502/503/504) › Resolution', kind: 'resolution', steps: ['If container stopped', 'If Traefik issue'] },
      {
        title: 'Authentication Failures › Diagnostic Steps',
        kind: 'diagnostic',
        steps: ['Check if auth endpoints respond', 'Check JWT_SECRET is set', 'Check database connection'],
      },
      { title: 'Database Locked › Diagnostic Steps', kind: 'diagnostic', steps: ['Check for long-running queries', 'Check WAL status'] },
      { title: 'Database Locked › Resolution', kind: 'resolution', steps: ['Restart the service'] },
      { title: 'High Memory Usage › Diagnostic Steps', kind: 'diagnostic', steps: ['Check container memory', 'Check for memory leaks'] },
      { title: 'High Memory Usage › Resolution', kind: 'resolution', steps: ['Restart container'] },
      { title: 'SSL Certificate Expired › Diagnostic Steps', kind: 'diagnostic', steps: ['Check certificate expiration', 'Check Traefik ACME'] },
      {
        title: 'SSL Certificate Expired › Resolution',
        kind: 'resolution',
        steps: ['Traefik should auto-renew. If not', 'If still failing, force renewal'],
      },
      { title: 'Disk Space Full › Diagnostic Steps', kind: 'diagnostic', steps: ['Check disk usage', 'Find large files', 'Check log sizes'] },
      { title: 'Disk Space Full › Resolution', kind: 'resolution', steps: ['Clean up old backups', 'Clean Docker', 'Clean logs'] },
    ]);
  });

  it('maps the quick rollback to the host it logs into and keeps the previous tag as a placeholder', () => {
    const rollback = x.procedures[0];
    expect(rollback.host).toBe('root@heroforge.genialarchitect.io');
    expect(rollback.steps[0]).toMatchObject({ command: 'ssh root@heroforge.genialarchitect.io', needsHost: true, host: 'root@heroforge.genialarchitect.io', line: 51 });
    expect(rollback.steps.slice(1).every((s) => !s.needsHost)).toBe(true);
    expect(rollback.steps[2].command).toBe('git log --oneline -10\ngit tag -l --sort=-version:refname | head -5');
    expect(rollback.steps[3]).toMatchObject({ command: 'git checkout <previous-tag-or-commit>', placeholders: ['<previous-tag-or-commit>'], destructive: false });
    expect(rollback.steps[6].command).toBe('cd /root\ndocker compose build heroforge\ndocker compose up -d heroforge');
  });

  it('keeps every diagnostic command of "Check system resources" in one step', () => {
    expect(stepNamed(x, 'Service Unavailable (502/503/504) › Diagnostic Steps', 'Check system resources').command).toBe(
      'docker stats heroforge --no-stream\ndf -h /root\nfree -h',
    );
  });

  it('flags the restore over the live database, the volume removal and the disk cleanup as destructive', () => {
    expect(destructiveSteps(x)).toEqual([
      'Database Rollback / Restore from backup',
      'SSL Certificate Expired › Resolution / If still failing, force renewal',
      'Disk Space Full › Resolution / Clean up old backups',
      'Disk Space Full › Resolution / Clean Docker',
      'Disk Space Full › Resolution / Clean logs',
    ]);
    const restore = stepNamed(x, 'Database Rollback', 'Restore from backup');
    expect(restore.placeholders).toEqual(['<timestamp>']);
    expect(restore.destructiveReasons).toEqual(['the `>` redirection overwrites the database file heroforge.db']);
    expect(stepNamed(x, 'Disk Space Full › Resolution', 'Clean Docker')).toMatchObject({ command: 'docker system prune -af', line: 238 });
    expect(stepNamed(x, 'Disk Space Full › Resolution', 'Clean logs').command).toBe('truncate -s 0 /var/log/*.log');
    expect(stepNamed(x, 'SSL Certificate Expired › Resolution', 'If still failing, force renewal').command).toBe(
      'docker compose down\ndocker volume rm root_traefik_data\ndocker compose up -d',
    );
  });

  it('keeps the internal update and customer notice as communication and the incident report as a post-mortem', () => {
    expect(x.templates.map((t) => [t.title, t.kind, t.placeholders])).toEqual([
      ['Internal Updates', 'communication', ['[Brief description]', "[What we're doing]", '[If known]']],
      ['External Communication', 'communication', ['[service/feature]', '[What users are experiencing]', '[30 minutes / 1 hour]']],
      [
        'Incident Report Template',
        'postmortem',
        [
          '[Title]', '[Start time]', '[End time]', '[Total downtime]', '[1-4]', '[Number of affected users, features]', 'HH:MM',
          '[Detailed technical explanation]', '[What was done to fix the issue]', '[Number]', '[If applicable]', '[Yes/No, details]',
          '[Preventive measure 1]', '[Preventive measure 2]', '[Monitoring improvement]', '[Key takeaways]',
        ],
      ],
    ]);
    expect(x.templates[0].body.split('\n')[0]).toBe('[INCIDENT UPDATE - HeroForge]');
  });

  it('reads the contact table; nothing else', () => {
    expect(x.contacts.map((c) => [c.role, c.name, c.contact])).toEqual([
      ['Primary On-Call', '[Your Name]', '[Phone/Email]'],
      ['Secondary On-Call', '[Backup Name]', '[Phone/Email]'],
      ['Engineering Lead', '[Lead Name]', '[Phone/Email]'],
      ['Infrastructure', '[Infra Contact]', '[Phone/Email]'],
    ]);
    expect(x.escalation).toEqual([]);
    expect(x.thresholds).toEqual([]);
    expect(x.warnings).toEqual([]);
  });
});
