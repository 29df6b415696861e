import { placeholderUses } from './command-placeholders';
import type { ParamSpec, Procedure } from './procedure-types';

// Parameters a command could read as an option: the value begins an
// argument and no "--" before it ended the options. Quoting keeps a value
// one word, but `ls '-la'` is still `ls -la`.
export function paramsInOptionPosition(procedure: Procedure): Set<string> {
  const names = new Set<string>();
  for (const step of procedure.steps) {
    if (step.kind !== 'command') continue;
    for (const use of placeholderUses(step.command)) if (use.startsArgument && !use.afterOptions) names.add(use.name);
  }
  return names;
}

// Why this value, in an option position, would become an option; null when it cannot.
export function optionProblem(spec: ParamSpec, value: string): string | null {
  if (!value.startsWith('-') || patternAllowsLeadingDash(spec.pattern, value)) return null;
  return (
    `parameter "${spec.name}" = "${JSON.stringify(value).slice(1, -1)}" starts with "-", so the command would take it as an option. ` +
    `Give a value without the leading "-"; a procedure that needs one puts "--" before {{${spec.name}}} in the command, ` +
    `or declares a pattern that allows a leading "-" (e.g. -?[0-9]+)`
  );
}

// Explicitly: the pattern takes the value, but not with just any character
// in place of its "-". So -?[0-9]+ and [-a-z]+ allow one; .* and \S+ do not.
function patternAllowsLeadingDash(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined) return false;
  const full = new RegExp(`^(?:${pattern})$`);
  return full.test(value) && !full.test(`\u0001${value.slice(1)}`);
}
