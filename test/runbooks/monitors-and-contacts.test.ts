import { describe, expect, it } from 'vitest';
import { importRunbook } from '../../main/engine/runbooks/importer';
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

describe('a document title that speaks of people', () => {
  it('does not make every section a contact list or an escalation: only a section headed so is', () => {
    const text = [
      '# Payments API — On-call & Escalation Runbook',
      '',
      '## Severity',
      '',
      '| Level | Name | Ack within |',
      '|---|---|---|',
      '| S1 | Outage | 15 min |',
      '| S2 | Degraded | 1 hr |',
      '',
      '## Alerts',
      '',
      '- PaymentsHighErrorRate: 5xx rate > 2% for 5 minutes',
      '- Owner: payments-sre',
      '',
      '## On-call',
      '',
      '- Primary: Alex Chen, alex@example.com',
      '',
    ].join('\n');
    const x = importRunbook(text, { fileName: 'payments.md' });
    expect(x.severities.map((s) => s.name)).toEqual(['S1', 'S2']);
    expect(x.contacts.map((c) => c.role)).toEqual(['Primary']);
    expect(x.settingsContacts).toEqual([{ role: 'Primary', name: 'Alex Chen', email: 'alex@example.com' }]);
    expect(x.escalation).toEqual([]);
  });
});

describe('people written in other common shapes', () => {
  it('reads "Role — Name — phone" lines, details in brackets, and contact tables headed in German or Spanish', () => {
    const text = [
      '## On-call',
      '',
      '- Incident commander — Maria Gonzalez — +1 (206) 555-0100',
      '- Secondary: Dana Lee (dana@example.com, +1 415 555 0100)',
      '',
      '## Ansprechpartner',
      '',
      '| Rolle | Name | Telefon | E-Mail |',
      '|---|---|---|---|',
      '| Teamleitung | Anna Schmidt | +49 170 9876543 | anna.schmidt@example.de |',
      '',
      '## Contactos',
      '',
      '| Rol | Nombre | Teléfono | Correo |',
      '|---|---|---|---|',
      '| DBA | Lucía Pérez | +34 600 123 456 | lucia@example.es |',
      '',
    ].join('\n');
    expect(importRunbook(text).settingsContacts).toEqual([
      { role: 'Incident commander', name: 'Maria Gonzalez', phone: '+1 (206) 555-0100' },
      { role: 'Secondary', name: 'Dana Lee', email: 'dana@example.com', phone: '+1 415 555 0100' },
      { role: 'Teamleitung', name: 'Anna Schmidt', email: 'anna.schmidt@example.de', phone: '+49 170 9876543' },
      { role: 'DBA', name: 'Lucía Pérez', email: 'lucia@example.es', phone: '+34 600 123 456' },
    ]);
  });

  it('reads an escalation list of people: who, without their number, and the level a note limits it to; each is a contact too', () => {
    const text = [
      '## Contacts',
      '',
      '- Primary on-call: Maria Gonzalez, +1 (206) 555-0100',
      '',
      '## Escalation',
      '',
      '1. Primary on-call — Maria Gonzalez — +1 (206) 555-0100',
      "2. Engineering manager — Sarah O'Brien — +1 (206) 555-0199 (after 30 minutes without progress)",
      '3. VP Engineering — David Kim — +1 (206) 555-0150 (SEV1 only, after 1 hour)',
      '',
    ].join('\n');
    expect(importRunbook(text).settingsContacts).toEqual([
      { role: 'Primary on-call', name: 'Maria Gonzalez', phone: '+1 (206) 555-0100' },
      { role: 'Engineering manager', name: "Sarah O'Brien", phone: '+1 (206) 555-0199' },
      { role: 'VP Engineering', name: 'David Kim', phone: '+1 (206) 555-0150' },
    ]);
    expect(importRunbook(text).escalation.map((e) => [e.severity, e.path, e.afterMinutes])).toEqual([
      [null, ['Maria Gonzalez (Primary on-call)'], null],
      [null, ["Sarah O'Brien (Engineering manager)"], 30],
      ['SEV1', ['David Kim (VP Engineering)'], 60],
    ]);
  });

  it('keeps a communication template under a German or Spanish heading', () => {
    const text = ['## Kommunikation', '', '```', '[{{severity}}] Störung: {{title}}', 'Auswirkung: [Auswirkung]', '```', ''].join('\n');
    expect(importRunbook(text).templates.map((t) => [t.kind, t.placeholders])).toEqual([['communication', ['{{severity}}', '{{title}}', '[Auswirkung]']]]);
    const spanish = ['## Comunicación', '', '```', 'Incidente {{severity}}: {{title}}', '```', ''].join('\n');
    expect(importRunbook(spanish).templates.map((t) => t.kind)).toEqual(['communication']);
  });

  it('lists {single-brace} blanks of a message template, and brackets around a blank are not a second one', () => {
    const text = ['## Slack update', '', '```', '*{severity}* incident — {title}', 'Impact: {impact}. Started {start_time}. [{{ticket}}] ${HOME} {{owner}}', '```', ''].join('\n');
    expect(importRunbook(text).templates.map((t) => t.placeholders)).toEqual([['{severity}', '{title}', '{impact}', '{start_time}', '{{ticket}}', '{{owner}}']]);
  });

  it('reads an escalation matrix of people in order, each one with a time a step, and a path written with arrows', () => {
    const text = [
      '## Escalation matrix',
      '',
      '| Severity | First | Then (after) | Finally |',
      '|---|---|---|---|',
      '| P1 | Primary | Secondary (15 min) | Head of Data (45 min) |',
      '| P2 | Primary | Secondary (2 h) | — |',
      '',
      '## Paths',
      '',
      '| Severity | Escalation path |',
      '|---|---|',
      '| P3 | Primary → Team lead |',
      '',
    ].join('\n');
    expect(importRunbook(text).escalation.map((e) => [e.severity, e.path, e.afterMinutes])).toEqual([
      ['P1', ['Primary', 'Secondary'], 15],
      ['P1', ['Primary', 'Secondary', 'Head of Data'], 45],
      ['P2', ['Primary', 'Secondary'], 120],
      ['P3', ['Primary', 'Team lead'], null],
    ]);
  });
});
