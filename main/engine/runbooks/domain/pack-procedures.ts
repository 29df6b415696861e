import type { PackProcedure } from '../../../../preload/contract';
import { placeholderUses } from '../../runs/domain/command-placeholders';
import type { RunbookChoice, RunbookStep } from '../importer';

/** A pack's procedure as saved: what the contract lists, with the importer's newer fields when the pack has them. */
type SavedStep = PackProcedure['steps'][number] & Partial<Pick<RunbookStep, 'kind' | 'refused' | 'condition'>>;
export type SavedProcedure = Omit<PackProcedure, 'steps'> & { steps: SavedStep[]; choice?: RunbookChoice | null };

export interface DefinitionOptions {
  /**
   * The command SQL steps are run through, reading the SQL on its input (`psql -X -h db app`,
   * `mysql app`). Without one, SQL steps are shown in the pack but left out of its procedures.
   */
  sqlClient?: string;
}

/** Ids stay readable and within the 100 characters the runs area takes. */
const TITLE_SLUG = 60;
const SERVICE_SLUG = 30;

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'x';

/** FNV-1a, base 36: tells apart titles whose slugs were cut to the same text. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36).padStart(6, '0').slice(-6);
}

// A runbook placeholder (<previous-tag>, $APP_DIR, ${APP_DIR}) becomes a run parameter, and its
// text a {{param}} that the runner fills in shell-quoted.
function paramName(placeholder: string): string | null {
  const inner = placeholder.replace(/^\$\{?|\}$/g, '').replace(/^<|>$/g, '');
  const name = inner.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : null;
}

// `ssh root@host` alone only logs in: in Trayage the run is already on the host, so that step goes.
const isLoginOnly = (command: string) => /^ssh(\s+-\S+(\s+\S+)?)*\s+\S+\s*$/.test(command.trim());

/** The first and last words of a slug, within `length`: ways of one procedure differ at the end of their titles. */
function shortened(name: string, length: number): string {
  const words = name.split('-');
  const head: string[] = [];
  const tail: string[] = [];
  const size = (parts: string[]) => parts.join('-').length;
  while (words.length > 0 && size([...head, words[0]]) <= length * 0.6) head.push(words.shift() as string);
  while (words.length > 0 && size([...head, ...tail, words[words.length - 1]]) < length - 8) tail.unshift(words.pop() as string);
  return ([...head, ...tail].join('-') || name).slice(0, length - 7).replace(/-+$/, '');
}

/** Unique per title; readable, with a short hash when the title is too long to keep whole. */
export function procedureId(service: string, title: string): string {
  const name = slug(title);
  const tail = name.length > TITLE_SLUG ? `${shortened(name, TITLE_SLUG)}-${shortHash(title)}` : name;
  return `pack-${slug(service).slice(0, SERVICE_SLUG).replace(/-+$/, '')}-${tail}`;
}

/**
 * `{{range .items}}…{{end}}` handed to kubectl or helm is theirs, not a run parameter: the braces
 * are split by an empty quote (`{''{end}}`), which the shell removes, so the runner leaves them alone.
 */
function keepForeignBraces(command: string, params: ReadonlySet<string>): string {
  let out = command;
  for (const use of [...placeholderUses(command)].reverse()) {
    if (params.has(use.name) || use.unquotable) continue;
    const quote = use.quoting === 'double' ? '""' : "''";
    out = `${out.slice(0, use.start + 1)}${quote}${out.slice(use.start + 1)}`;
  }
  return out;
}

/** SQL read from a here-document by the client, with a delimiter the SQL does not contain. */
function sqlCommand(client: string, sql: string): string {
  let delimiter = 'SQL';
  while (sql.split('\n').some((line) => line.trim() === delimiter)) delimiter += '_';
  return `${client.trim()} <<'${delimiter}'\n${sql}\n${delimiter}`;
}

/** Why a step cannot be part of a team procedure, or null. */
function leftOutReason(step: SavedStep, options: DefinitionOptions): string | null {
  if (step.refused) return step.refused;
  if (step.kind !== 'sql') return null;
  if (!options.sqlClient?.trim()) return 'it is SQL, and no database client was set to run it through';
  if (step.placeholders.length > 0) return `its SQL has blanks to fill in first (${step.placeholders.join(', ')})`;
  return null;
}

/** The steps of a procedure Trayage cannot run, with why: "step 3 "Check locks": it is SQL, …". */
export function leftOutSteps(procedure: SavedProcedure, options: DefinitionOptions = {}): string[] {
  return procedure.steps.flatMap((step, i) => {
    const reason = leftOutReason(step, options);
    return reason ? [`step ${i + 1} "${step.title}": ${reason}`] : [];
  });
}

// The definition the runs area's procedure store accepts (see main/engine/runs/domain/procedure-types.ts).
// A step the import found destructive (by its command or by the runbook's own words), a rollback
// step that changes anything, or one the runbook runs only in some cases, asks before it runs,
// whatever the runner's own reading.
export function toProcedureDefinition(service: string, procedure: SavedProcedure, options: DefinitionOptions = {}) {
  const params = new Map<string, string>();
  const steps = procedure.steps
    .filter((step) => !isLoginOnly(step.command) && leftOutReason(step, options) === null)
    .map((step) => {
      const ask = step.condition || step.destructive || (procedure.kind === 'rollback' && !step.readOnly) ? { confirm: true } : {};
      if (step.kind === 'sql') return { title: step.title, command: sqlCommand(options.sqlClient as string, step.command), ...ask };
      let command = step.command;
      const own = new Set<string>();
      for (const placeholder of step.placeholders) {
        const name = paramName(placeholder);
        if (!name || !command.includes(placeholder)) continue;
        params.set(name, placeholder);
        own.add(name);
        command = command.split(placeholder).join(`{{${name}}}`);
      }
      if (step.command.includes('{{')) command = keepForeignBraces(command, own);
      return {
        title: step.condition && !step.title.toLowerCase().includes(step.condition) ? `${step.title} (${step.condition})` : step.title,
        command,
        ...ask,
        ...(step.host && !step.host.includes('@') ? { host: step.host } : {}),
      };
    });
  const leftOut = leftOutSteps(procedure, options);
  const description = [
    `Imported from the ${service} runbook, section "${procedure.section}".`,
    procedure.choice ? `One of ${procedure.choice.count} ways the runbook offers for "${procedure.choice.of}": ${procedure.choice.option}.` : '',
    leftOut.length > 0 ? `Left out: ${leftOut.join('; ')}.` : '',
  ];
  return {
    id: procedureId(service, procedure.title),
    title: `${procedure.title} (${service} runbook)`,
    kind: procedure.kind,
    description: description.filter(Boolean).join(' '),
    tags: [service],
    params: [...params].map(([name, placeholder]) => ({ name, label: placeholder, required: true })),
    steps,
  };
}
