import { useEffect, useState } from 'react';
import type { Contact } from '../../preload/contract';
import { useApi } from '../app-context';
import { type StatusMessage, StatusLine } from './StatusLine';

const ROLES = ['primary', 'secondary', 'commander', 'engineering-lead', 'security', 'infrastructure'];
const EMPTY: Contact = { role: 'primary', name: '' };

export function ContactsEditor() {
  const api = useApi();
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  useEffect(() => {
    void api.call('contacts.get').then(setContacts).catch(() => {});
  }, [api]);

  const update = (i: number, field: keyof Contact, value: string) =>
    setContacts(contacts.map((c, j) => (j === i ? { ...c, [field]: value || undefined } : c)));
  const save = async () => {
    try {
      const cleaned = contacts.filter((c) => c.name?.trim()).map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== '')));
      setContacts(await api.call('contacts.set', { contacts: cleaned }));
      setMessage({ ok: true, text: 'Contacts saved.' });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };

  return (
    <section className="panel" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Contacts and escalation</h2>
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
          <button type="button" aria-label={`Remove ${c.name || 'contact'}`} onClick={() => setContacts(contacts.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <div className="row">
        <button type="button" onClick={() => setContacts([...contacts, { ...EMPTY }])}>
          Add contact
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save contacts
        </button>
      </div>
      <StatusLine message={message} />
    </section>
  );
}
