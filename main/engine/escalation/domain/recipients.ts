import type { Contact, EscalationStep } from '../../../../preload/contract';
import { isOnCallStep } from '../../incidents/domain/escalation-chain';
import { roleId } from '../../incidents/domain/contacts';

/** Someone a step reaches, with the address a channel pages them at. */
export interface Recipient {
  name: string;
  email?: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function byNameOrRole(to: string, contacts: readonly Contact[]): Contact[] {
  const named = contacts.filter((c) => same(c.name, to));
  if (named.length) return named;
  return contacts.filter((c) => roleId(c.role) === roleId(to));
}

/**
 * Who a step reaches: "on-call" is whoever is on call (their contact entry gives the e-mail), a
 * contact's name is that contact, anything else is a role and reaches everyone filling it. A chain
 * read from an older level names several roles at once ("Manager, CTO").
 */
export function stepRecipients(step: EscalationStep, contacts: readonly Contact[], onCallPerson: string | null): Recipient[] {
  if (isOnCallStep(step)) {
    if (!onCallPerson) return [];
    const contact = contacts.find((c) => same(c.name, onCallPerson));
    return [{ name: onCallPerson, ...(contact?.email ? { email: contact.email } : {}) }];
  }
  let found = byNameOrRole(step.to, contacts);
  if (!found.length && step.to.includes(',')) found = step.to.split(',').flatMap((part) => byNameOrRole(part, contacts));
  return found.map((c) => ({ name: c.name, ...(c.email ? { email: c.email } : {}) }));
}

/** "L2 (Dana Lee)", "the on-call (Sam Ortiz)", "CISO (no contact on file)". */
export function describeTarget(step: EscalationStep, people: readonly Recipient[]): string {
  const who = isOnCallStep(step) ? 'the on-call' : step.to;
  return `${who} (${people.length ? people.map((p) => p.name).join(', ') : isOnCallStep(step) ? 'nobody on call' : 'no contact on file'})`;
}
