import { type FormEvent, useState } from 'react';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { ExplainedButton } from './ExplainedButton';
import { StatusLine } from './StatusLine';

export function NoteForm({ incidentId, refresh }: { incidentId: number; refresh: () => Promise<void> }) {
  const api = useApi();
  const [note, setNote] = useState('');
  const saving = useMutation(refresh);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!note.trim() || saving.busy) return;
    // On failure the text stays in the box, beside the reason.
    if ((await saving.run(() => api.call('incidents.addNote', { id: incidentId, text: note }))).ok) setNote('');
  };

  return (
    <form className="note-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor="note">Add a note</label>
      <textarea
        id="note"
        value={note}
        rows={2}
        placeholder="What did you find or do? (Ctrl+Enter to add)"
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      />
      <div className="row">
        <ExplainedButton type="submit" className="primary" disabled={saving.busy} blockedBy={note.trim() ? null : 'Type a note first.'}>
          Add note
        </ExplainedButton>
      </div>
      <StatusLine message={saving.message} />
    </form>
  );
}
