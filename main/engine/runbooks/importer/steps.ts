// One command of the runbook as a step: what it does (read-only, destructive and why, from the
// shell library), the form it runs in when the written one never ends, its placeholders and
// the machine it connects to.
import { classifyCommand } from '../../lib/shell/classify-command';
import { findPlaceholders, restorePlaceholders } from '../../lib/shell/placeholders';
import { classifySql } from '../../lib/shell/sql';
import { remoteTarget } from './host-target';
import { memoized } from './memo';
import type { RunbookStep } from './types';

const TITLE_LIMIT = 80;

export function firstLine(command: string): string {
  const line = command.split('\n', 1)[0].trim();
  return line.length > TITLE_LIMIT ? `${line.slice(0, TITLE_LIMIT - 1)}…` : line;
}

interface StepText {
  title: string;
  /** As written. */
  text: string;
  /** With `<placeholders>` masked, which the parser reads as plain words. */
  masked: string;
  line: number;
  condition: string | null;
}

/** Judged once per distinct command; each step gets its own copy of the reasons. */
const classify = memoized(classifyCommand);

/** A shell step; `login` tells whether it only logs into another machine (`ssh host`). */
export function shellStep(input: StepText, defined: ReadonlySet<string>): { step: RunbookStep; login: boolean } {
  const verdict = classify(input.masked);
  const reasons = [...verdict.reasons];
  let command = input.text;
  let written: string | null = null;
  let note: string | null = null;
  let refused: string | null = null;
  if (verdict.never?.bounded) {
    command = restorePlaceholders(verdict.never.bounded, input.text);
    written = input.text;
    note = `${verdict.never.reason}; it runs as \`${firstLine(command)}\``;
  } else if (verdict.never) {
    refused = `${verdict.never.reason}, and Trayage only runs steps that end on their own`;
  }
  const remote = remoteTarget(verdict.commands);
  const step: RunbookStep = {
    title: input.title,
    kind: 'shell',
    command,
    written,
    readOnly: verdict.readOnly,
    destructive: verdict.destructive,
    destructiveReasons: verdict.destructive ? reasons : [],
    reasons,
    note,
    refused,
    condition: input.condition,
    placeholders: findPlaceholders(command, { mode: 'command', definedVariables: defined }),
    needsHost: remote !== null,
    host: remote?.target ?? null,
    line: input.line,
  };
  return { step, login: remote?.login === true };
}

/** A SQL step, judged by the SQL it holds; it runs only through a database client chosen when saving. */
export function sqlStep(input: Omit<StepText, 'masked'>): RunbookStep {
  const verdict = classifySql(input.text);
  const destructive = [...new Set(verdict.destructive)];
  const reasons = [...new Set([...destructive, ...verdict.writes])];
  return {
    title: input.title,
    kind: 'sql',
    command: input.text,
    written: null,
    readOnly: reasons.length === 0,
    destructive: destructive.length > 0,
    destructiveReasons: destructive,
    reasons,
    note: null,
    refused: verdict.never ? `${verdict.never}, and Trayage only runs steps that end on their own` : null,
    condition: input.condition,
    placeholders: findPlaceholders(input.text, { mode: 'command', definedVariables: new Set() }).filter((p) => !p.startsWith('$')),
    needsHost: false,
    host: null,
    line: input.line,
  };
}
