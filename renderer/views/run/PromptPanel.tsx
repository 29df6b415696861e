import { type FormEvent, useState } from 'react';
import type { RunPrompt } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { useMutation } from '../../store/use-mutation';
import { ExplainedButton } from '../ExplainedButton';
import { StatusLine } from '../StatusLine';

// What a running procedure waits for: the host name typed before a guarded
// step, or the value to use from an earlier step's output.
export function PromptPanel({ runId, prompt }: { runId: number; prompt: RunPrompt }) {
  const api = useApi();
  const [typed, setTyped] = useState('');
  const [choice, setChoice] = useState(prompt.kind === 'choose' ? (prompt.suggested ?? prompt.choices[0] ?? '') : '');
  const answering = useMutation();

  const answer = (value: string | null) => answering.run(() => api.call('runs.respond', { runId, promptId: prompt.id, value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void answer(prompt.kind === 'confirm' ? typed : choice);
  };

  if (prompt.kind === 'choose') {
    return (
      <form className="panel prompt" onSubmit={submit} aria-label={`Choose ${prompt.label}`}>
        <h2>
          Step {prompt.stepIndex + 1} on {prompt.host}: choose {prompt.label}
        </h2>
        <fieldset className="choices">
          <legend className="muted">From the step's output{prompt.suggested ? `; "${prompt.suggested}" is suggested` : ''}</legend>
          {prompt.choices.map((c) => (
            <label key={c} className="choice">
              <input type="radio" name={`choice-${prompt.id}`} value={c} checked={choice === c} onChange={() => setChoice(c)} />
              <code>{c}</code>
              {c === prompt.suggested && <span className="muted small"> suggested</span>}
            </label>
          ))}
        </fieldset>
        <StatusLine message={answering.message} />
        <div className="form-actions">
          <ExplainedButton type="submit" className="primary" disabled={answering.busy} blockedBy={choice ? null : 'Choose a value first.'}>
            Use {choice || 'this value'}
          </ExplainedButton>
          <button type="button" disabled={answering.busy} onClick={() => void answer(null)}>
            Use the suggestion
          </button>
        </div>
      </form>
    );
  }

  const matches = typed.trim() === prompt.target;
  return (
    <form className="panel prompt guarded" onSubmit={submit} aria-label={`Confirm step ${prompt.stepIndex + 1}`}>
      <h2>
        Step {prompt.stepIndex + 1}: {prompt.title}
      </h2>
      <p>
        {prompt.destructive ? 'This command is destructive' : 'This step changes the server'}
        {prompt.reasons.length > 0 && ` (${prompt.reasons.join('; ')})`}. It runs on <strong>{prompt.target}</strong>:
      </p>
      <pre className="output short">$ {prompt.command}</pre>
      <label className="confirm-field">
        Type the host name <code>{prompt.target}</code> to run it
        <input
          value={typed}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
          // Escape here clears the field rather than leaving the run.
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setTyped('');
            }
          }}
        />
      </label>
      <StatusLine message={answering.message} />
      <div className="form-actions">
        <ExplainedButton type="submit" className="primary danger" disabled={answering.busy} blockedBy={matches ? null : `Type ${prompt.target} exactly to run it.`}>
          Run on {prompt.target}
        </ExplainedButton>
        <button type="button" disabled={answering.busy} onClick={() => void answer(null)}>
          Do not run it (stop here)
        </button>
      </div>
    </form>
  );
}
