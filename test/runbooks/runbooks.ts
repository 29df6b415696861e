import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importRunbook, type RunbookExtraction } from '../../main/engine/runbooks/importer';

/** The example runbooks live beside the repository: ../shared/runbooks. */
export const RUNBOOK_DIR = path.resolve(import.meta.dirname, '../../../shared/runbooks');

export function runbookText(name: string): string {
  return readFileSync(path.join(RUNBOOK_DIR, name), 'utf8');
}

export function importExample(name: string): RunbookExtraction {
  return importRunbook(runbookText(name), { fileName: name });
}

/** Runbooks written for these tests, one per shape a team's runbook may take: test/fixtures/runbooks. */
export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/runbooks');

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
}

export function importFixture(name: string): RunbookExtraction {
  return importRunbook(fixtureText(name), { fileName: name });
}

/** Procedures as title, kind and step titles: the shape a person checks against the document. */
export function procedureOutline(x: RunbookExtraction): { title: string; kind: string; steps: string[] }[] {
  return x.procedures.map((p) => ({ title: p.title, kind: p.kind, steps: p.steps.map((s) => s.title) }));
}

export function stepNamed(x: RunbookExtraction, procedure: string, step: string) {
  const found = x.procedures.find((p) => p.title === procedure)?.steps.find((s) => s.title === step);
  if (!found) throw new Error(`no step "${step}" in procedure "${procedure}"`);
  return found;
}

/** Every step whose command is flagged destructive, as "procedure / step". */
export function destructiveSteps(x: RunbookExtraction): string[] {
  return x.procedures.flatMap((p) => p.steps.filter((s) => s.destructive).map((s) => `${p.title} / ${s.title}`));
}
