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

  it('imports the rollbacks, the diagnostics of each incident and the inline resolution commands, one step per command', () => {
    const quickRollback = [
      'SSH to production server',
      'Navigate to HeroForge directory',
      'View recent commits/tags (1/2)',
      'View recent commits/tags (2/2)',
      'Rollback to previous known-good version',
      'Rebuild backend',
      'Restart container (1/3)',
      'Restart container (2/3)',
      'Restart container (3/3)',
      'Verify service is healthy (1/2)',
      'Verify service is healthy (2/2)',
    ];
    const forceRenewal = ['If still failing, force renewal (1/3)', 'If still failing, force renewal (2/3)', 'If still failing, force renewal (3/3)'];
    expect(procedureOutline(x)).toEqual([
      // "Rebuild frontend (if needed)" is a choice: the rollback without it, and with it.
      { title: 'Quick Rollback (< 5 minutes)', kind: 'rollback', steps: quickRollback },
      {
        title: 'Quick Rollback (< 5 minutes) — with Rebuild frontend',
        kind: 'rollback',
        steps: [...quickRollback.slice(0, 5), 'Rebuild frontend (if needed)', ...quickRollback.slice(5)],
      },
      {
        title: 'Database Rollback',
        kind: 'rollback',
        steps: ['Stop service', 'Backup current (possibly corrupted) database', 'Find most recent backup', 'Restore from backup', 'Restart service', 'Verify data integrity'],
      },
      {
        title: 'Service Unavailable (502/503/504) › Diagnostic Steps',
        kind: 'diagnostic',
        steps: [
          'Check if container is running',
          'Check container logs',
          'Check if backend is listening',
          'Check Traefik logs',
          'Check system resources (1/3)',
          'Check system resources (2/3)',
          'Check system resources (3/3)',
        ],
      },
      // "If container stopped: …" and "If Traefik issue: …" are cases to choose from.
      { title: 'Service Unavailable (502/503/504) › Resolution — if container stopped', kind: 'resolution', steps: ['If container stopped'] },
      { title: 'Service Unavailable (502/503/504) › Resolution — if Traefik issue', kind: 'resolution', steps: ['If Traefik issue'] },
      // A login POST is not read-only: no diagnostic may run it. A sqlite3 `.timeout` only sets how long to wait for a lock.
      {
        title: 'Authentication Failures › Diagnostic Steps',
        kind: 'resolution',
        steps: ['Check if auth endpoints respond', 'Check JWT_SECRET is set', 'Check database connection'],
      },
      { title: 'Database Locked › Diagnostic Steps', kind: 'diagnostic', steps: ['Check for long-running queries', 'Check WAL status'] },
      { title: 'Database Locked › Resolution', kind: 'resolution', steps: ['Restart the service'] },
      { title: 'High Memory Usage › Diagnostic Steps', kind: 'diagnostic', steps: ['Check container memory', 'Check for memory leaks'] },
      { title: 'High Memory Usage › Resolution', kind: 'resolution', steps: ['Restart container'] },
      { title: 'SSL Certificate Expired › Diagnostic Steps', kind: 'diagnostic', steps: ['Check certificate expiration', 'Check Traefik ACME'] },
      // "If not: …" and "If still failing, …" are each done only when needed.
      { title: 'SSL Certificate Expired › Resolution — with force renewal', kind: 'resolution', steps: forceRenewal },
      { title: 'SSL Certificate Expired › Resolution — with docker compose restart traefik', kind: 'resolution', steps: ['Traefik should auto-renew. If not'] },
      {
        title: 'SSL Certificate Expired › Resolution — with docker compose restart traefik and force renewal',
        kind: 'resolution',
        steps: ['Traefik should auto-renew. If not', ...forceRenewal],
      },
      { title: 'Disk Space Full › Diagnostic Steps', kind: 'diagnostic', steps: ['Check disk usage', 'Find large files', 'Check log sizes (1/2)', 'Check log sizes (2/2)'] },
      { title: 'Disk Space Full › Resolution', kind: 'resolution', steps: ['Clean up old backups', 'Clean Docker', 'Clean logs'] },
    ]);
    expect(x.procedures[1].choice).toEqual({ of: 'Quick Rollback (< 5 minutes)', option: 'with Rebuild frontend', count: 2 });
    expect(x.procedures[0].choice).toEqual({ of: 'Quick Rollback (< 5 minutes)', option: 'without Rebuild frontend', count: 2 });
  });

  it('maps the quick rollback to the host it logs into and keeps the previous tag as a placeholder', () => {
    const rollback = x.procedures[0];
    expect(rollback.host).toBe('root@heroforge.genialarchitect.io');
    expect(rollback.steps[0]).toMatchObject({ command: 'ssh root@heroforge.genialarchitect.io', needsHost: true, host: 'root@heroforge.genialarchitect.io', line: 51 });
    expect(rollback.steps.slice(1).every((s) => !s.needsHost)).toBe(true);
    expect(rollback.steps.slice(2, 4).map((s) => [s.command, s.readOnly, s.line])).toEqual([
      ['git log --oneline -10', true, 57],
      ['git tag -l --sort=-version:refname | head -5', true, 58],
    ]);
    expect(rollback.steps[4]).toMatchObject({ command: 'git checkout <previous-tag-or-commit>', placeholders: ['<previous-tag-or-commit>'], destructive: false, readOnly: false });
    expect(rollback.steps.slice(6, 9).map((s) => s.command)).toEqual(['cd /root', 'docker compose build heroforge', 'docker compose up -d heroforge']);
  });

  it('gives every command of "Check system resources" its own step, titled by their comment', () => {
    const steps = x.procedures[3].steps.slice(4);
    expect(steps.map((s) => [s.title, s.command, s.readOnly, s.line])).toEqual([
      ['Check system resources (1/3)', 'docker stats heroforge --no-stream', true, 124],
      ['Check system resources (2/3)', 'df -h /root', true, 125],
      ['Check system resources (3/3)', 'free -h', true, 126],
    ]);
  });

  it('flags the service stops and restarts, the restore over the live database, the volume removal and the disk cleanup as destructive', () => {
    expect(destructiveSteps(x)).toEqual([
      'Database Rollback / Stop service',
      'Database Rollback / Restore from backup',
      'Service Unavailable (502/503/504) › Resolution — if Traefik issue / If Traefik issue',
      'Database Locked › Resolution / Restart the service',
      'High Memory Usage › Resolution / Restart container',
      'SSL Certificate Expired › Resolution — with force renewal / If still failing, force renewal (1/3)',
      'SSL Certificate Expired › Resolution — with force renewal / If still failing, force renewal (2/3)',
      'SSL Certificate Expired › Resolution — with docker compose restart traefik / Traefik should auto-renew. If not',
      'SSL Certificate Expired › Resolution — with docker compose restart traefik and force renewal / Traefik should auto-renew. If not',
      'SSL Certificate Expired › Resolution — with docker compose restart traefik and force renewal / If still failing, force renewal (1/3)',
      'SSL Certificate Expired › Resolution — with docker compose restart traefik and force renewal / If still failing, force renewal (2/3)',
      'Disk Space Full › Resolution / Clean up old backups',
      'Disk Space Full › Resolution / Clean Docker',
      'Disk Space Full › Resolution / Clean logs',
    ]);
    const restore = stepNamed(x, 'Database Rollback', 'Restore from backup');
    expect(restore.placeholders).toEqual(['<timestamp>']);
    expect(restore.destructiveReasons).toEqual(['the `>` redirection overwrites the database file heroforge.db', '`gunzip` is not on the list of read-only commands']);
    expect(stepNamed(x, 'Disk Space Full › Resolution', 'Clean Docker')).toMatchObject({ command: 'docker system prune -af', line: 238 });
    expect(stepNamed(x, 'Disk Space Full › Resolution', 'Clean logs').command).toBe('truncate -s 0 /var/log/*.log');
    expect(
      x.procedures.find((p) => p.title === 'SSL Certificate Expired › Resolution — with force renewal')?.steps.map((s) => s.command),
    ).toEqual(['docker compose down', 'docker volume rm root_traefik_data', 'docker compose up -d']);
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

  it('reads the contact table, whose blanks are no contacts for Settings; warns of the diagnostics that change things', () => {
    expect(x.contacts.map((c) => [c.role, c.name, c.contact])).toEqual([
      ['Primary On-Call', '[Your Name]', '[Phone/Email]'],
      ['Secondary On-Call', '[Backup Name]', '[Phone/Email]'],
      ['Engineering Lead', '[Lead Name]', '[Phone/Email]'],
      ['Infrastructure', '[Infra Contact]', '[Phone/Email]'],
    ]);
    expect(x.settingsContacts).toEqual([]);
    expect(x.escalation).toEqual([]);
    expect(x.thresholds).toEqual([]);
    expect(x.suggestedMonitors).toEqual([]);
    expect(x.warnings).toEqual([
      'line 142: "Authentication Failures › Diagnostic Steps" reads as a diagnostic, but its step "Check if auth endpoints respond" is not read-only (`curl -X POST` sends a request that can change data); it is imported as a resolution, run one step at a time with destructive steps confirmed',
    ]);
  });
});
