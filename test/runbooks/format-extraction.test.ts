import { describe, expect, it } from 'vitest';
import { formatExtraction, importRunbook } from '../../main/engine/runbooks/importer';
import { importExample } from './runbooks';

describe('formatExtraction', () => {
  const heroforge = formatExtraction(importExample('heroforge-incident-response.md'));
  const lines = heroforge.split('\n');

  it('prints each section with its count', () => {
    expect(lines[0]).toBe('HeroForge Incident Response Runbook  (heroforge-incident-response.md)');
    for (const heading of [
      'Severities (4)',
      'Checklists (2)',
      'Procedures (13: 6 diagnostic, 2 rollback, 5 resolution; 40 steps)',
      'Templates (3: 2 communication, 1 postmortem)',
      'Contacts (4)',
      'Escalation (0)',
      'Thresholds (0)',
      'Warnings (0)',
    ]) {
      expect(lines).toContain(heading);
    }
  });

  it('shows response times, cadences and checklist sizes', () => {
    expect(lines).toContain('  P1     Critical                 respond 15 min · updates every 30 min');
    expect(lines).toContain('  P4     Low                      respond 24 h');
    expect(lines).toContain('  P2-P4 Incidents — 5 items  [P2, P3, P4]');
  });

  it('flags hosts, placeholders and destructive steps under each step', () => {
    const rollback = lines.indexOf('  rollback    Quick Rollback (< 5 minutes) — 8 steps · logs into root@heroforge.genialarchitect.io');
    expect(lines.slice(rollback + 1, rollback + 4)).toEqual([
      '     1. SSH to production server',
      '        $ ssh root@heroforge.genialarchitect.io',
      '        @ needs a host: root@heroforge.genialarchitect.io',
    ]);
    expect(lines).toContain('        ? fill in: <previous-tag-or-commit>');
    expect(lines).toContain('        $ cd /root (+2 lines)');
    expect(lines).toContain('  resolution  SSL Certificate Expired › Resolution — 2 steps · 1 destructive');
    expect(lines).toContain('        ! destructive: `docker volume rm` deletes the volume and its data');
  });

  it('lists escalation, thresholds and warnings when there are some', () => {
    const text = formatExtraction(importExample('hotdash-incident-response.md'));
    expect(text).toContain('  P0     Critical (All hands)     respond 5 min · updates every 15 min · escalate immediately to CEO · watch 2 h after the fix\n');
    expect(text).toContain('  P1: DevOps → Manager (after 15 min)\n');
    expect(text).toContain('Thresholds (3)\n  P95 >10s\n');
    const empty = formatExtraction(importRunbook('', { fileName: 'empty.md' }));
    expect(empty).toContain('Warnings (1)\n  no severity levels found');
  });
});
