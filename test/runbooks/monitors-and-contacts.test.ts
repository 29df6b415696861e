import { describe, expect, it } from 'vitest';
import { checkContacts } from '../../preload/contract';
import { parseMonitorConfig } from '../../main/engine/monitors';
import { importFixture } from './runbooks';

// Thresholds become monitors the monitors file accepts as they are, with what to fill in said;
// a monitor's conditions state what is healthy.
const x = importFixture('thresholds-contacts.md');

describe('suggested monitors', () => {
  it('turns each threshold into a monitor that says what healthy is', () => {
    expect(x.suggestedMonitors.map((m) => [m.kind, m.source, m.fillIn])).toEqual([
      ['ssh', 'Disk usage > 85% for 5 minutes on any gateway node', ['host']],
      ['prometheus', 'Error rate > 5% for 2 minutes', ['prometheus', 'query']],
      ['prometheus', 'p99 latency above 800 ms for 10 minutes', ['prometheus', 'query']],
      ['ssh', 'Memory usage over 90%', ['host']],
      ['ssh', 'Free disk space below 10%', ['host']],
      ['tls', 'Certificate expires in less than 14 days', ['url']],
      ['prometheus', 'Queue depth > 1000 for 15 minutes', ['prometheus', 'query']],
      ['ssh', 'CPU load average above 8', ['host']],
    ]);
    expect(x.suggestedMonitors[0].yaml).toBe(
      [
        '- name: Disk usage > 85% for 5 minutes on any gateway node',
        '  kind: ssh',
        '  host: server-1  # fill in: a Host alias from your ssh config or the SSH window',
        '  command: df --output=pcent / | tail -1',
        '  conditions:',
        '    - "[VALUE] < 85"',
        '  for: 5m',
      ].join('\n'),
    );
    expect(x.suggestedMonitors[0].line).toBe(12);
  });

  it('writes entries the monitors file accepts, with the healthy side of each threshold', () => {
    const config = parseMonitorConfig(`monitors:\n${x.suggestedMonitors.map((m) => m.yaml.replace(/^/gm, '  ')).join('\n')}\n`, 'suggested.yml');
    expect(config.monitors.map((m) => [m.kind, m.conditions.map((c) => c.source), m.forMs])).toEqual([
      ['ssh', ['[VALUE] < 85'], 300_000],
      ['prometheus', ['[VALUE] < 5'], 120_000],
      ['prometheus', ['[VALUE] < 0.8'], 600_000],
      ['ssh', ['[VALUE] < 90'], 0],
      // Free space below 10% is used space above 90%: healthy is used below 90.
      ['ssh', ['[VALUE] < 90'], 0],
      ['tls', ['[CERTIFICATE_EXPIRATION] > 14d'], 0],
      ['prometheus', ['[VALUE] < 1000'], 900_000],
      ['ssh', ['[VALUE] < 8'], 0],
    ]);
  });
});

describe('contacts for Settings', () => {
  it('offers named people in the shape Settings keeps, and no blanks', () => {
    expect(x.settingsContacts).toEqual([
      { role: 'Primary On-Call', name: 'Amara Okafor', email: 'amara@example.org', phone: '+1 415 555 0142' },
      { role: 'Primary On-Call (backup)', name: 'Lena Hoffmann' },
    ]);
    expect(checkContacts(x.settingsContacts).ok).toBe(true);
    expect(importFixture('severity-headings-plain.md').settingsContacts).toEqual([
      { role: 'Incident Commander', name: 'Priya Natarajan', phone: '+44 20 7946 0012' },
      { role: 'Payments lead', name: 'Tomás Ferreira', email: 'tomas.ferreira@example.com' },
    ]);
  });
});
