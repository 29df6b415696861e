// The runbook's contacts in the shape Settings keeps them (role, name, e-mail, phone, note),
// for the window to offer. Only people with a real name are offered: a row such as
// "Primary On-Call | [Your Name] | [Phone/Email]" is a blank to fill in, not a contact.
import { checkContacts, type Contact } from '../../../../preload/contract';
import type { RunbookContact } from './types';

export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
export const PHONE = /\+?\d[\d ().-]{5,28}\d/;
const BLANK = /^\s*$|[[\]<>{}]|^(?:tbd|tba|n\/a|none|name|todo|xxx+|-+|—)$/i;

function contactFor(role: string, name: string, details: string | null): Contact | null {
  const text = details ?? '';
  const email = EMAIL.exec(text)?.[0];
  const phone = PHONE.exec(text.replace(EMAIL, ''))?.[0].trim();
  // What is left once the e-mail and phone are taken out, without the commas and brackets that held them.
  const rest = text
    .replace(EMAIL, '')
    .replace(PHONE, '')
    .replace(/\(\s*[,;/\s]*\)/g, '')
    .replace(/^[\s/,;|()—–-]+|[\s/,;|()—–-]+$/g, '')
    .trim();
  const contact: Contact = { role: role.trim().slice(0, 60), name: name.trim().slice(0, 120) };
  if (email) contact.email = email;
  if (phone) contact.phone = phone;
  if (rest && !BLANK.test(rest)) contact.note = rest.slice(0, 500);
  return checkContacts([contact]).ok ? contact : null;
}

const PERSON = /^\s*((?:\p{Lu}[\p{L}'.-]*\s+){0,3}\p{Lu}[\p{L}'.-]*)\s*(?:[,(—–-]|$)/u;

/** "Dana Lee, +1 555 0101": the name at the start of a contact line, when it reads like one. */
function leadingName(text: string | null): { name: string; rest: string } | null {
  const m = text ? PERSON.exec(text) : null;
  if (!m || !text || EMAIL.test(m[1])) return null;
  return { name: m[1], rest: text.slice(m[0].length) };
}

/** Settings contacts from the runbook's: one per named person, the backup as "<role> (backup)". */
export function settingsContacts(contacts: readonly RunbookContact[]): Contact[] {
  const out: Contact[] = [];
  for (const c of contacts) {
    if (!c.role.trim()) continue;
    const named = c.name && !BLANK.test(c.name) ? { name: c.name, rest: c.contact } : leadingName(c.contact);
    if (named && !BLANK.test(named.name)) {
      const found = contactFor(c.role, named.name, named.rest);
      if (found) out.push(found);
    }
    if (c.backup && !BLANK.test(c.backup)) {
      const found = contactFor(`${c.role} (backup)`, c.backup, null);
      if (found) out.push(found);
    }
  }
  // The same person may be listed under Contacts and again in the escalation list.
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.role.toLowerCase()}|${c.name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
