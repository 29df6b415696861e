import { useEffect, useRef } from 'react';
import type { SchemeChangePreview, SeverityScheme } from '../../preload/contract';
import type { StatusMessage } from '../store/use-mutation';
import { type LevelChange, levelChanges, minutesText, TIMER_FIELDS } from './scheme-diff';
import { StatusLine } from './StatusLine';

interface Props {
  current: SeverityScheme;
  preview: SchemeChangePreview;
  busy: boolean;
  message: StatusMessage | null;
  onConfirm: () => void;
  onCancel: () => void;
}

// Nothing changes until "Use this scheme": the dialog says what new incidents would get and that open ones keep their level.
export function SchemeChangeDialog({ current, preview, busy, message, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const next = preview.scheme;
  const changes = levelChanges(current, next);

  return (
    <div className="scheme-change-backdrop">
      <section
        ref={dialog}
        tabIndex={-1}
        className="panel scheme-change"
        role="dialog"
        aria-modal="true"
        aria-labelledby="scheme-change-title"
        aria-describedby="scheme-change-message"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          // Escape closes the dialog only; it must not also leave Settings.
          e.stopPropagation();
          onCancel();
        }}
      >
        <h2 id="scheme-change-title">Change the severity scheme to “{next.name}”?</h2>
        <p id="scheme-change-message">{preview.message}</p>
        <p className="muted small">
          Open incidents keep their timers too. The times below apply to incidents declared after the change; now in use: “{current.name}”.
        </p>
        <table className="scheme scheme-diff" aria-label="What changes, level by level">
          <thead>
            <tr>
              <th>Level</th>
              <th>Now</th>
              <th>With “{next.name}”</th>
              <th>Timers</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <LevelRow key={change.key} change={change} />
            ))}
          </tbody>
        </table>
        <StatusLine message={message} />
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
            Use this scheme
          </button>
          <button type="button" disabled={busy} onClick={onCancel}>
            Keep “{current.name}”
          </button>
        </div>
      </section>
    </div>
  );
}

function LevelRow({ change }: { change: LevelChange }) {
  const { key, before, after } = change;
  return (
    <tr className={after ? undefined : 'dropped'}>
      <th scope="row">{key}</th>
      <td>{before ? before.name : <span className="muted">not in use</span>}</td>
      <td>{after ? after.name : <span className="muted">not in this scheme</span>}</td>
      <td>
        <TimerChanges change={change} />
      </td>
    </tr>
  );
}

function TimerChanges({ change: { key, before, after, changed } }: { change: LevelChange }) {
  if (!after) return <span className="muted">New incidents cannot be declared {key}; open {key} incidents keep theirs.</span>;
  if (changed.length === 0) return <span className="muted">same times</span>;
  return (
    <ul className="timer-changes">
      {TIMER_FIELDS.filter(([field]) => changed.includes(field)).map(([field, label]) => (
        <li key={field}>
          {label}: {before ? `${minutesText(before[field])} → ` : ''}
          <strong>{minutesText(after[field])}</strong>
        </li>
      ))}
    </ul>
  );
}
