import { terminalText } from '../../main/cli/terminal-text';
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
      'Procedures (17: 5 diagnostic, 3 rollback, 9 resolution; 64 steps)',
      'Templates (3: 2 communication, 1 postmortem)',
      'Contacts (4; 0 ready for Settings)',
      'Escalation (0)',
      'Thresholds (0)',
      'Suggested monitors (0)',
      'Warnings (1)',
    ]) {
      expect(lines).toContain(heading);
    }
  });

  it('shows response times, cadences and checklist sizes', () => {
    expect(lines).toContain('  P1     Critical                 respond 15 min · updates every 30 min');
    expect(lines).toContain('  P4     Low                      respond 24 h');
    expect(lines).toContain('  P2-P4 Incidents — 5 items  [P2, P3, P4]');
  });

  it('flags hosts, placeholders, read-only and destructive steps under each step', () => {
    const rollback = lines.indexOf('  rollback    Quick Rollback (< 5 minutes) — 11 steps · logs into root@heroforge.genialarchitect.io · one of 2 ways');
    expect(lines.slice(rollback + 1, rollback + 6)).toEqual([
      '     1. SSH to production server',
      '        $ ssh root@heroforge.genialarchitect.io',
      '        @ needs a host: root@heroforge.genialarchitect.io',
      '     2. Navigate to HeroForge directory  (read-only)',
      '        $ cd /root/Development/HeroForge',
    ]);
    expect(lines).toContain('        ? fill in: <previous-tag-or-commit>');
    expect(lines).toContain('  resolution  SSL Certificate Expired › Resolution — with force renewal — 3 steps · 2 destructive · one of 3 ways');
    expect(lines).toContain('        ! destructive: `docker volume rm` deletes the volume and its data');
  });

  it('says how a command that never ends runs, and which it will not run', () => {
    const text = formatExtraction(importExample('monitoring-system-incident-response.md'));
    expect(text).toContain('        $ tail -n 200 ./logs/application.log | grep ERROR\n        i `tail -f` follows the file and never ends; it runs as `tail -n 200 ./logs/application.log | grep ERROR`\n');
    expect(text).toContain('        x not run: `vim` waits for keyboard input, and Trayage only runs steps that end on their own\n');
    expect(text).toContain('        SQL> SELECT 1;\n');
  });

  it('is shown through the one sanitiser of the CLI: controls from the document become visible escapes', () => {
    const text = terminalText(formatExtraction(importRunbook('# Ops\u001b]0;owned\u0007 runbook\n\n## Restart\n\n```bash\n# Restart \u001b[2Jweb\nsystemctl restart web\u202e\n```\n')));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text.split('\n')[0]).toBe('Ops\\u001b]0;owned\\u0007 runbook');
    expect(text).toContain('     1. Restart \\u001b[2Jweb\n');
  });

  it('lists escalation, thresholds and warnings when there are some', () => {
    const text = formatExtraction(importExample('hotdash-incident-response.md'));
    expect(text).toContain('  P0     Critical (All hands)     respond 5 min · updates every 15 min · escalate immediately to CEO · watch 2 h after the fix\n');
    expect(text).toContain('  P1: DevOps → Manager (after 15 min)\n');
    expect(text).toContain('Thresholds (3)\n  P95 >10s\n');
    const empty = formatExtraction(importRunbook('', { fileName: 'empty.md' }));
    expect(text).toContain('Suggested monitors (3)\n  - name: P95 >10s\n    kind: prometheus\n');
    expect(empty).toContain('Warnings (1)\n  no severity levels found');
  });
});
