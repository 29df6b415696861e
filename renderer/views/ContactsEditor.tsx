import { useState } from 'react';
import type { Contact } from '../../preload/contract';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';

const ROLES = ['primary', 'secondary', 'commander', 'engineering-lead', 'security', 'infrastructure'];
const EMPTY: Contact = { role: 'primary', name: '' };

export function ContactsEditor() {
  const api = useApi();
  const query = useQuery('contacts.get');
  // The saved list until someone edits it here.
  const [draft, setDraft] = useState<Contact[] | null>(null);
  const saving = useMutation(query.refresh);
  const contacts = draft ?? query.data ?? [];

  const update = (i: number, field: keyof Contact, value: string) => setDraft(contacts.map((c, j) => (j === i ? { ...c, [field]: value || undefined } : c)));
  const save = async () => {
    const cleaned = contacts.filter((c) => c.name?.trim()).map(withoutBlanks);
    if ((await saving.run(() => api.call('contacts.set', { contacts: cleaned }), () => 'Contacts saved.')).ok) setDraft(null);
  };

  return (
    <section className="panel" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Contacts and escalation</h2>
      <QueryStatus query={query} what="the contacts" />
      <datalist id="roles">
        {ROLES.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {contacts.map((c, i) => (
        <div className="row" key={i}>
          <input aria-label="Role" list="roles" value={c.role} onChange={(e) => update(i, 'role', e.target.value)} />
          <input aria-label="Name" value={c.name} onChange={(e) => update(i, 'name', e.target.value)} placeholder="Name" />
          <input aria-label="E-mail" value={c.email ?? ''} onChange={(e) => update(i, 'email', e.target.value)} placeholder="e-mail" />
          <input aria-label="Phone" value={c.phone ?? ''} onChange={(e) => update(i, 'phone', e.target.value)} placeholder="phone" />
          <button type="button" aria-label={`Remove ${c.name || 'contact'}`} onClick={() => setDraft(contacts.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <div className="row">
        <button type="button" onClick={() => setDraft([...contacts, { ...EMPTY }])}>
          Add contact
        </button>
        <button type="button" className="primary" disabled={saving.busy} onClick={() => void save()}>
          Save contacts
        </button>
      </div>
      <StatusLine message={saving.message} />
    </section>
  );
}

// Blank optional fields are left out rather than saved as empty strings.
function withoutBlanks(contact: Contact): Contact {
  const { role, name, email, phone, note } = contact;
  return { role, name, ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(note ? { note } : {}) };
}
