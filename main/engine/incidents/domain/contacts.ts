import { checkContacts, type Contact, type ContactLink, type SeverityLevel, type SeverityScheme } from '../../../../preload/contract';
import { formatMinutes } from './format-time';

export type StandardRole =
  | 'primary-oncall'
  | 'secondary-oncall'
  | 'incident-commander'
  | 'engineering-lead'
  | 'security'
  | 'infrastructure';

/** The roles the runbooks' contact tables share; aliases are the other names they use for them. */
export const STANDARD_ROLES: readonly { key: StandardRole; label: string; aliases: string[] }[] = [
  { key: 'primary-oncall', label: 'Primary On-Call', aliases: ['Primary', 'On-call engineer', 'On-call'] },
  { key: 'secondary-oncall', label: 'Secondary On-Call', aliases: ['Secondary', 'Backup on-call'] },
  { key: 'incident-commander', label: 'Incident Commander', aliases: ['IC'] },
  { key: 'engineering-lead', label: 'Engineering Lead', aliases: ['Team lead', 'Technical Lead', 'Tech lead'] },
  { key: 'security', label: 'Security Lead', aliases: ['Security', 'Security team'] },
  { key: 'infrastructure', label: 'Infrastructure Lead', aliases: ['Infrastructure', 'Infra'] },
];

export type ContactsCheck = { ok: true; contacts: Contact[] } | { ok: false; errors: string[] };

/** Checks a contact list; each error names the contact (by name when it has one) and the field. */
export function validateContacts(input: unknown): ContactsCheck {
  const check = checkContacts(input);
  return check.ok ? { ok: true, contacts: check.value } : { ok: false, errors: check.problems };
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The standard role key a free-text role name means, or the normalised text itself. */
export function roleId(role: string): string {
  const n = norm(role);
  const standard = STANDARD_ROLES.find((r) => [r.key, r.label, ...r.aliases].some((name) => norm(name) === n));
  return standard?.key ?? n;
}

export function roleLabel(role: string): string {
  const id = roleId(role);
  return STANDARD_ROLES.find((r) => r.key === id)?.label ?? role.trim();
}

/** A link to reach a contact, and whether it writes or dials. */
export type ContactMethod = ContactLink & { kind: 'email' | 'phone' };

/** mailto: and tel: links for a contact; the tel: link keeps only + and digits, as dialers expect. */
export function contactLinks(contact: Contact): ContactMethod[] {
  const links: ContactMethod[] = [];
  if (contact.email) links.push({ kind: 'email', label: contact.email, href: `mailto:${encodeURIComponent(contact.email).replace(/%40/g, '@')}` });
  if (contact.phone) {
    const digits = contact.phone.replace(/[^0-9+]/g, '').replace(/(?!^)\+/g, '');
    links.push({ kind: 'phone', label: contact.phone, href: `tel:${digits}` });
  }
  return links;
}

/** One role of a level's escalation path, with all that is on file for the people who fill it. */
export interface EscalationStep {
  /** The role as the severity level names it. */
  role: string;
  contacts: (Contact & { links: ContactMethod[] })[];
}

/** Who to call for a level's escalation, in the level's order; a role nobody fills has no contacts. */
export function escalationTargets(level: SeverityLevel, contacts: Contact[]): EscalationStep[] {
  return level.escalateTo.map((role) => ({
    role,
    contacts: contacts.filter((c) => roleId(c.role) === roleId(role)).map((c) => ({ ...c, links: contactLinks(c) })),
  }));
}

/** One line per target for a notification: "Manager: Dana Lee, +1 555 0101, dana@example.com". */
export function escalationSummary(targets: EscalationStep[]): string[] {
  return targets.map((t) =>
    t.contacts.length
      ? `${t.role}: ${t.contacts.map((c) => [c.name, c.phone, c.email].filter(Boolean).join(', ')).join(' / ')}`
      : `${t.role}: no contact on file`,
  );
}

export interface EscalationRule {
  severity: string;
  name: string;
  afterMinutes: number | null;
  escalateTo: string[];
  /** The rule as the escalation matrix says it. */
  rule: string;
}

/** The escalation matrix of a scheme, one row per level, as the contacts window shows it. */
export function escalationMatrix(scheme: SeverityScheme): EscalationRule[] {
  return scheme.levels.map((l) => {
    const to = l.escalateTo.join(' → ');
    const rule =
      l.escalateAfterMinutes === null
        ? to
          ? `Escalate to ${to} when needed`
          : 'No escalation'
        : l.escalateAfterMinutes === 0
          ? `Escalate to ${to} immediately`
          : `Escalate to ${to} if unresolved after ${formatMinutes(l.escalateAfterMinutes)}`;
    return { severity: l.key, name: l.name, afterMinutes: l.escalateAfterMinutes, escalateTo: [...l.escalateTo], rule };
  });
}
