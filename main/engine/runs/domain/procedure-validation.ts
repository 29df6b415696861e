import { classifyCommand } from '../../lib/shell/classify-command';
import { placeholderUses, UNQUOTABLE } from './command-placeholders';
import { optionProblem, paramsInOptionPosition } from './option-guard';
import { procedureSchema, type ParamSpec, type Procedure, type ProcedureInput, type Step } from './procedure-types';
import { placeholdersIn } from './templates';

export class ProcedureDefinitionError extends Error {
  override name = 'ProcedureDefinitionError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a valid procedure:\n  - ${problems.join('\n  - ')}`);
  }
}

export class ProcedureInputError extends Error {
  override name = 'ProcedureInputError';
  constructor(
    readonly procedureId: string,
    readonly problems: string[],
  ) {
    super(`Cannot run "${procedureId}":\n  - ${problems.join('\n  - ')}`);
  }
}

// An ssh config alias or [user@]host[:port]: no spaces, quotes or shell
// characters, and no leading dash that ssh tooling could read as an option.
export function isValidHostAlias(text: string): boolean {
  return /^[A-Za-z0-9_.@:[\]%+-]+$/.test(text) && !text.startsWith('-');
}

// Parses procedure data and checks what the schema cannot: every
// placeholder names a declared parameter and stands where its value can be
// quoted, captured values are only used after the step that captures them,
// and diagnostics stay read-only.
export function defineProcedure(raw: unknown, source = 'procedure'): Procedure {
  const parsed = procedureSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ProcedureDefinitionError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`),
    );
  }
  const procedure = parsed.data;
  const problems: string[] = [];
  const declared = new Set<string>();
  for (const param of procedure.params) {
    if (declared.has(param.name)) problems.push(`params: "${param.name}" is declared twice`);
    declared.add(param.name);
    if (param.pattern !== undefined) {
      try {
        new RegExp(param.pattern);
      } catch (err) {
        problems.push(`params: pattern of "${param.name}" is not a valid regular expression: ${(err as Error).message}`);
      }
    }
  }
  const capturedAt = new Map<string, number>();
  procedure.steps.forEach((step, index) => {
    const where = `steps.${index} ("${step.title}")`;
    for (const name of stepPlaceholders(step)) {
      if (!declared.has(name)) problems.push(`${where}: {{${name}}} is not a declared parameter`);
      const captured = capturedAt.get(name);
      if (captured === undefined && procedure.steps.some((s, i) => i >= index && s.kind === 'command' && s.capture?.param === name)) {
        problems.push(`${where}: {{${name}}} is used before the step that captures it`);
      }
    }
    if (step.kind === 'verify-health') {
      if (!step.url === !step.monitor) problems.push(`${where}: a verify-health step needs exactly one of url or monitor`);
      return;
    }
    for (const use of placeholderUses(step.command)) {
      if (use.unquotable) problems.push(`${where}: {{${use.name}}} ${UNQUOTABLE[use.unquotable]}`);
    }
    if (step.capture) {
      if (!declared.has(step.capture.param)) problems.push(`${where}: captures into undeclared parameter "${step.capture.param}"`);
      if (capturedAt.has(step.capture.param)) problems.push(`${where}: "${step.capture.param}" is already captured by an earlier step`);
      capturedAt.set(step.capture.param, index);
    }
    if (procedure.kind === 'diagnostic') {
      // By allow-list: a diagnostic runs without asking, on many hosts at once, so every command in it must be known to only read.
      const verdict = classifyCommand(step.command);
      if (!verdict.readOnly) {
        const what = verdict.destructive ? 'this command is destructive' : 'this command is not on the read-only list';
        problems.push(`${where}: diagnostics must be read-only, but ${what} (${verdict.reasons.join('; ')}); make it a resolution procedure, where each such step is confirmed`);
      }
    }
  });
  if (problems.length) throw new ProcedureDefinitionError(`${source} "${procedure.id}"`, problems);
  return procedure;
}

export function capturedParams(procedure: Procedure): Set<string> {
  return new Set(procedure.steps.flatMap((s) => (s.kind === 'command' && s.capture ? [s.capture.param] : [])));
}

// Checks a run's host and values before anything runs and returns the
// values with defaults filled in. Values captured from a step's output may
// be given in advance; otherwise they are chosen when that step has run.
export function resolveProcedureInput(procedure: Procedure, input: ProcedureInput): Record<string, string> {
  const problems: string[] = [];
  if (!input.host) problems.push('no host given; name an ssh config alias');
  else if (!isValidHostAlias(input.host)) problems.push(`host "${printable(input.host)}" is not a valid ssh alias`);

  const specs = new Map(procedure.params.map((p) => [p.name, p]));
  const captured = capturedParams(procedure);
  const optionPositions = paramsInOptionPosition(procedure);
  const values: Record<string, string> = {};
  const accept = (spec: ParamSpec, value: string) => {
    const problem = valueProblem(spec, value, optionPositions.has(spec.name));
    if (problem) problems.push(problem);
    else values[spec.name] = value;
  };
  for (const [name, value] of Object.entries(input.params)) {
    const spec = specs.get(name);
    if (spec) accept(spec, value);
    else {
      const known = procedure.params.map((p) => p.name).join(', ') || 'none';
      problems.push(`unknown parameter "${name}"; this procedure takes: ${known}`);
    }
  }
  for (const spec of procedure.params) {
    if (Object.prototype.hasOwnProperty.call(input.params, spec.name) || captured.has(spec.name)) continue;
    if (spec.default !== undefined) accept(spec, spec.default);
    else if (spec.required) {
      const hint = spec.example ? ` (e.g. --param ${spec.name}=${spec.example})` : '';
      problems.push(`missing value for "${spec.name}" — ${spec.label}${hint}`);
    }
  }
  for (const step of procedure.steps) {
    if (step.kind !== 'command' || !step.host) continue;
    for (const name of placeholdersIn(step.host)) {
      const value = values[name];
      if (value !== undefined && !isValidHostAlias(value)) {
        problems.push(`parameter "${name}" is used as a host in "${step.title}" but "${printable(value)}" is not a valid ssh alias`);
      }
    }
  }
  if (problems.length) throw new ProcedureInputError(procedure.id, problems);
  return values;
}

// Why a value cannot be used for this parameter, or null when it can.
// optionPosition: some command could read the value as an option (see option-guard.ts).
export function valueProblem(spec: ParamSpec, value: string, optionPosition: boolean): string | null {
  if (value.includes('\0')) return `parameter "${spec.name}" contains a NUL character, which no shell command can carry`;
  if (spec.pattern !== undefined && !new RegExp(`^(?:${spec.pattern})$`).test(value)) {
    return `parameter "${spec.name}" = "${printable(value)}" does not match the expected form /${spec.pattern}/`;
  }
  return optionPosition ? optionProblem(spec, value) : null;
}

function stepPlaceholders(step: Step): string[] {
  if (step.kind === 'verify-health') return placeholdersIn(step.url ?? '');
  return [...placeholdersIn(step.command), ...placeholdersIn(step.host ?? '')];
}

function printable(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
