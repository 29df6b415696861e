import { useState } from 'react';
import type { ProcedureInfo } from '../../../preload/contract';
import { plural } from '../../../main/shared/time-format';
import { useApi } from '../../app-context';
import { useMutation } from '../../store/use-mutation';
import { StatusLine } from '../StatusLine';

const EXAMPLE = `id: check-queue
title: Check the job queue
kind: diagnostic        # diagnostic | rollback | resolution
description: Is the worker running and how long is the queue?
tags: [service-unavailable]
params:
  - name: container
    label: Worker container
    example: heroforge-worker
    pattern: '[A-Za-z0-9][A-Za-z0-9_.-]*'
steps:
  - title: Is the worker running?
    command: docker ps --filter name={{container}}
  - title: Last log lines
    command: docker logs --tail 50 {{container}} 2>&1
    timeout: 30
`;

// The built-in procedures and the team's own, written in YAML and checked
// with the same rules as the built-ins before they are saved.
export function ProceduresPanel({ procedures, refresh }: { procedures: ProcedureInfo[]; refresh: () => Promise<void> }) {
  const api = useApi();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; problems: string[] } | null>(null);
  const saving = useMutation(refresh);
  const removing = useMutation(refresh);

  // The problems are listed one by one under the editor, so the message keeps only its first line.
  const save = async () => {
    const outcome = await saving.run(() => api.call('procedures.save', { text: text ?? '' }));
    if (outcome.ok) {
      setText(null);
      setError(null);
    } else {
      setError({ message: outcome.error.split('\n')[0], problems: outcome.issues.map((i) => i.message) });
    }
  };

  return (
    <section className="panel" aria-labelledby="procedures-heading">
      <h2 id="procedures-heading">Procedures</h2>
      <table className="hosts">
        <tbody>
          {procedures.map((p) => (
            <tr key={p.id}>
              <td>
                <strong>{p.title}</strong>
                <div className="muted small">
                  <code>{p.id}</code> · {p.kind} · {plural(p.steps.length, 'step')}{p.params.length > 0 && ` · params: ${p.params.map((x) => x.name).join(', ')}`}
                </div>
              </td>
              <td className="muted">{p.source === 'team' ? 'team' : 'built-in'}</td>
              <td>
                {p.source === 'team' && (
                  <div className="cell-actions">
                    <button type="button" onClick={() => setText(p.text)}>
                      Edit
                    </button>
                    <button type="button" disabled={removing.busy} onClick={() => void removing.run(() => api.call('procedures.delete', { id: p.id }))} aria-label={`Delete ${p.id}`}>
                      Delete
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StatusLine message={removing.message} />
      {text === null ? (
        <button type="button" onClick={() => setText(EXAMPLE)}>
          New procedure
        </button>
      ) : (
        <div className="procedure-editor">
          <label>
            Procedure (YAML)
            <textarea rows={18} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
          </label>
          <p className="muted small">
            Steps: title, command ({'{{param}}'} values are shell-quoted), host, confirm, timeout (s), continueOnFailure, capture {'{ param, pick }'}; or kind:
            verify-health with url and deadline. Diagnostics must be read-only; destructive commands always ask for the host name.
          </p>
          {error && (
            <div className="error-text" role="alert">
              <p>{error.message}</p>
              <ul>
                {error.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="primary" disabled={saving.busy} onClick={() => void save()}>
              Save procedure
            </button>
            <button type="button" onClick={() => (setText(null), setError(null))}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
