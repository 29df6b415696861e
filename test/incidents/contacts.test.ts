import { describe, expect, it } from 'vitest';
import type { Contact } from '../../preload/contract';
import {
  contactLinks,
  escalationMatrix,
  escalationSummary,
  escalationTargets,
  roleId,
  roleLabel,
  validateContacts,
} from '../../main/engine/incidents/domain/contacts';
import { DEFAULT_SCHEME, copyScheme } from '../../main/engine/incidents/domain/scheme-catalog';
import { requireLevel } from '../../main/engine/incidents/domain/severity-schemes';

const team: Contact[] = [
  { role: 'primary-oncall', name: 'John Doe', phone: '+1-555-0100', email: 'john@example.com' },
  { role: 'Engineering Lead', name: 'Alice Johnson', phone: '+1 (555) 0101' },
  { role: 'Manager', name: 'Dana Lee', email: 'dana+oncall@example.com' },
  { role: 'security', name: 'Charlie Brown', phone: '+1-555-0102' },
];

describe('contacts', () => {
  it('accepts a valid list and names the contact and field at fault otherwise', () => {
    expect(validateContacts(team)).toEqual({ ok: true, contacts: team });
    expect(validateContacts([{ role: 'CTO', name: 'Eve', email: 'eve-at-example' }, { role: '', name: '', phone: 'call me' }])).toEqual({
      ok: false,
      errors: [
        'Contact Eve (entry 1), field email: is not an e-mail address',
        'Contact 2, field role: is required',
        'Contact 2, field name: is required',
        'Contact 2, field phone: must be a phone number such as +1-555-0100',
      ],
    });
  });

  it('makes mailto: and tel: links', () => {
    expect(contactLinks(team[0])).toEqual([
      { kind: 'email', label: 'john@example.com', href: 'mailto:john@example.com' },
      { kind: 'phone', label: '+1-555-0100', href: 'tel:+15550100' },
    ]);
    expect(contactLinks(team[1])).toEqual([{ kind: 'phone', label: '+1 (555) 0101', href: 'tel:+15550101' }]);
    expect(contactLinks(team[2])[0].href).toBe('mailto:dana%2Boncall@example.com');
  });

  it('understands the role names the runbooks use', () => {
    expect(roleId('Primary On-Call')).toBe('primary-oncall');
    expect(roleId('Team lead')).toBe('engineering-lead');
    expect(roleId('Security Lead')).toBe('security');
    expect(roleId('CEO')).toBe('ceo');
    expect(roleLabel('infra')).toBe('Infrastructure Lead');
    expect(roleLabel('VP Engineering')).toBe('VP Engineering');
  });

  it('offers the people to escalate to for a level, and says when nobody fills a role', () => {
    const targets = escalationTargets(requireLevel(copyScheme('sev-1-4-gitquest'), 'SEV-1'), team);
    expect(targets.map((t) => [t.role, t.contacts.map((c) => c.name)])).toEqual([
      ['Team lead', ['Alice Johnson']],
      ['Engineering manager', []],
      ['CTO', []],
    ]);
    expect(targets[0].contacts[0].links).toEqual([{ kind: 'phone', label: '+1 (555) 0101', href: 'tel:+15550101' }]);
    expect(escalationSummary(escalationTargets(requireLevel(DEFAULT_SCHEME, 'P0'), team))).toEqual(['CEO: no contact on file']);
    expect(escalationSummary(escalationTargets(requireLevel(DEFAULT_SCHEME, 'P1'), team))).toEqual(['Manager: Dana Lee, dana+oncall@example.com']);
  });

  it('writes the escalation matrix of a scheme as the runbook does', () => {
    expect(escalationMatrix(DEFAULT_SCHEME).map((r) => [r.severity, r.rule])).toEqual([
      ['P0', 'Escalate to CEO immediately'],
      ['P1', 'Escalate to Manager if unresolved after 15 min'],
      ['P2', 'Escalate to Manager if unresolved after 1 h'],
      ['P3', 'No escalation'],
    ]);
    expect(escalationMatrix(copyScheme('p0-p3-monitoring-system'))[0].rule).toBe('Escalate to Manager when needed');
  });
});
