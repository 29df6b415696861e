import { PLACEHOLDERS, PLACEHOLDER_FACTS, type Condition, type ConditionFact, type PlaceholderName } from './condition-types';

// Every run has a duration, whatever it checked.
const ALWAYS: ReadonlySet<ConditionFact> = new Set(['responseTimeMs']);

/** The placeholders a check reporting `facts` gives values to, in the order the docs list them. */
export function placeholdersFor(facts: readonly ConditionFact[]): PlaceholderName[] {
  const reported = new Set([...ALWAYS, ...facts]);
  return PLACEHOLDERS.filter((p) => reported.has(PLACEHOLDER_FACTS[p]));
}

/** The placeholder of `condition` when a check reporting `facts` never gives it a value. */
export function unreportedPlaceholder(condition: Condition, facts: readonly ConditionFact[]): PlaceholderName | undefined {
  const { placeholder } = condition.subject;
  return placeholdersFor(facts).includes(placeholder) ? undefined : placeholder;
}
