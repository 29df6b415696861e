import type { ProcedureInfo } from '../../../preload/contract';

interface Props {
  params: ProcedureInfo['params'];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}

// A field per parameter typed before the run; values picked from a step's
// output are listed, and chosen when that step has run.
export function ParamFields({ params, values, onChange }: Props) {
  if (params.length === 0) return null;
  return (
    <fieldset className="params">
      <legend>Parameters</legend>
      {params.map((p) =>
        p.captured ? (
          <p key={p.name} className="muted small">
            <strong>{p.label}</strong>: chosen from an earlier step's output during the run{p.description ? ` — ${p.description}` : ''}
          </p>
        ) : (
          <label key={p.name}>
            {p.label}
            {!p.required || p.default !== undefined ? <span className="muted small"> (optional)</span> : null}
            <input
              name={p.name}
              value={values[p.name] ?? ''}
              placeholder={p.default !== undefined ? `default: ${p.default}` : p.example ? `e.g. ${p.example}` : undefined}
              spellCheck={false}
              onChange={(e) => onChange({ ...values, [p.name]: e.target.value })}
            />
            {p.description && <span className="muted small">{p.description}</span>}
          </label>
        ),
      )}
    </fieldset>
  );
}
