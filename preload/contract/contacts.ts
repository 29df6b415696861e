import { z } from 'zod';
import { type Checked, checkedBy, issueText } from './checked-input';

export const Contact = z
  .object({
    /** A standard role key, or any other role an escalation path names ("Manager", "CTO"). */
    role: z.string().trim().min(1, { message: 'is required' }).max(60, { message: 'must be at most 60 characters' }),
    name: z.string().trim().min(1, { message: 'is required' }).max(120, { message: 'must be at most 120 characters' }),
    email: z.email({ message: 'is not an e-mail address' }).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{3,30}$/, { message: 'must be a phone number such as +1-555-0100' })
      .optional(),
    /** Free text such as a Slack handle or office hours. */
    note: z.string().max(500, { message: 'must be at most 500 characters' }).optional(),
  })
  .strict();
export type Contact = z.infer<typeof Contact>;

const ContactList = z.array(Contact).max(200, { message: 'must hold at most 200 contacts' });

export const ContactLink = z.object({ label: z.string(), href: z.string() });
export type ContactLink = z.infer<typeof ContactLink>;

// Who to call for one role of a level's escalation path, as the incident window lists them.
export const EscalationTarget = z.object({ role: z.string(), contacts: z.array(z.object({ name: z.string(), links: z.array(ContactLink) })) });
export type EscalationTarget = z.infer<typeof EscalationTarget>;

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const [index, field] = issue.path;
  if (typeof index !== 'number') return `Contacts: ${issue.message}`;
  const name = Array.isArray(input) ? (input[index] as { name?: unknown })?.name : undefined;
  const who = typeof name === 'string' && name.trim() ? `Contact ${name.trim()} (entry ${index + 1})` : `Contact ${index + 1}`;
  return `${who}${field === undefined ? '' : `, field ${String(field)}`}: ${issueText(issue)}`;
}

/** Checks a contact list; each problem names the contact (by name when it has one) and the field. */
export function checkContacts(input: unknown): Checked<Contact[]> {
  const parsed = ContactList.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(issue, input)) };
}

export const ContactsInput = checkedBy(checkContacts);
