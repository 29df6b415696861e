import { useState } from 'react';
import type { ProcedureInfo } from '../../../preload/contract';
import { groupProcedures, type ProcedureKind } from './procedure-groups';

const KIND_HEADING: Record<ProcedureKind, { title: string; note: string }> = {
  diagnostic: { title: 'Diagnostics', note: 'read-only, several hosts at once' },
  rollback: { title: 'Rollbacks', note: 'step by step, asks before each change' },
  resolution: { title: 'Resolutions', note: 'step by step, asks before each change' },
};

interface Props {
  procedures: ProcedureInfo[];
  services: ReadonlySet<string>;
  // The incident's service, whose procedures come first.
  firstService: string | null;
  value: string;
  onChange: (id: string) => void;
}

// Every procedure at once, by service and kind, narrowed as the person types. One radio group, so the
// arrow keys move through all of them.
export function ProcedurePicker({ procedures, services, firstService, value, onChange }: Props) {
  const [query, setQuery] = useState('');
  const groups = groupProcedures(procedures, services, query, firstService);
  const chosen = procedures.find((p) => p.id === value);
  const hiddenChoice = chosen && !groups.some((g) => g.kinds.some((k) => k.procedures.includes(chosen)));
  return (
    <fieldset className="procedure-picker">
      <legend>Procedure</legend>
      <input
        type="search"
        aria-label="Search procedures"
        placeholder="Search by name, service, kind or tag"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Escape empties the search before it leaves the field.
          if (e.key === 'Escape' && query) {
            e.stopPropagation();
            setQuery('');
          }
        }}
      />
      {hiddenChoice && <p className="muted small">Chosen: {chosen.title} (not among the matches)</p>}
      {groups.length === 0 && <p className="empty">{procedures.length === 0 ? 'No procedures yet.' : `No procedure matches “${query}”.`}</p>}
      <div className="procedure-list">
        {groups.map((group) => (
          <section key={group.service ?? ''} className="procedure-group" aria-label={group.service ? `Service ${group.service}` : 'Any service'}>
            <h3>{group.service ?? 'Any service'}</h3>
            {group.kinds.map(({ kind, procedures: list }) => (
              <div key={kind} role="group" aria-label={`${KIND_HEADING[kind].title} for ${group.service ?? 'any service'}`}>
                <h4>
                  {KIND_HEADING[kind].title} <span className="muted small">{KIND_HEADING[kind].note}</span>
                </h4>
                {list.map((p) => (
                  <label key={p.id} className="choice procedure-choice">
                    <input type="radio" name="procedure" value={p.id} checked={p.id === value} onChange={() => onChange(p.id)} />
                    <span>
                      {p.title}
                      {p.description && <span className="muted small"> — {p.description}</span>}
                    </span>
                  </label>
                ))}
              </div>
            ))}
          </section>
        ))}
      </div>
    </fieldset>
  );
}
