// A runbook often says in words what a command does to data: "Delete the dead-letter topic",
// "remove it from the cluster", "Fail over". When the shell library does not know the command
// (an etcdctl sub-command, a rabbitmqctl action, SQL it reads as a mere write), those words still
// call for the typed confirmation. Read-only commands are never flagged this way: the library
// knows they only read.
import type { RunbookStep } from './types';

const DESTROYING =
  /\b(?:delet(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|purg(?:e|es|ed|ing)|wip(?:e|es|ed|ing)|destroy(?:s|ed|ing)?|eras(?:e|es|ed|ing)|truncat(?:e|es|ed|ing)|flush(?:es|ed|ing)?|kill(?:s|ed|ing)?|terminat(?:e|es|ed|ing)|reset(?:s|ting)?|overwrit(?:e|es|ing|ten)|fail(?:ing)?[- ]?over|reboot(?:s|ed|ing)?|shut(?:s|ting)?[- ]?down|uninstall(?:s|ed|ing)?|revok(?:e|es|ed|ing)|discard(?:s|ed|ing)?|tear(?:s|ing)?[- ]?down|data (?:is|will be) lost|data loss|irreversibl[ey]|cannot be undone|permanently)\b/i;
const NEGATED = /\b(?:not|don't|do not|never|without|no need to)\s+(?:\w+\s+)?$/i;

/** The words of `texts` (a step's title, the sentence that introduces it, its section) that say it destroys, or null. */
function statedDestruction(texts: readonly (string | null)[]): string | null {
  for (const text of texts) {
    if (!text) continue;
    const m = DESTROYING.exec(text);
    if (m && !NEGATED.test(text.slice(0, m.index))) return text;
  }
  return null;
}

/**
 * The step, flagged destructive when its command changes things and the runbook's words about it
 * (its comment, the sentence that introduces it, its section; never the command itself) say it destroys.
 */
export function withStatedDestruction(step: RunbookStep, texts: readonly (string | null)[]): RunbookStep {
  if (step.destructive || step.readOnly) return step;
  const said = statedDestruction(texts);
  if (!said) return step;
  const reason = `the runbook says it destroys or stops something: "${said}"`;
  return { ...step, destructive: true, destructiveReasons: [reason, ...step.reasons], reasons: [reason, ...step.reasons] };
}
