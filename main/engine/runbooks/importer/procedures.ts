import type { Code, List, PhrasingContent } from 'mdast';
import { classifyCommand } from '../../lib/shell/destructive';
import { findPlaceholders } from '../../lib/shell/placeholders';
import { procedureKind, type CodeRole } from './block-roles';
import type { Block, Context } from './document-walker';
import { remoteTarget } from './host-target';
import { itemOwnText, lineOf } from './node-text';
import { sectionKey, sectionPath, sectionTitle } from './section-context';
import { splitShell } from './shell-split';
import { cleanTitle } from './text-patterns';
import type { RunbookProcedure, RunbookStep } from './types';

export interface ProcedureExtraction {
  procedures: RunbookProcedure[];
  warnings: string[];
}

const TITLE_LIMIT = 80;
/** `docker restart heroforge`, not `#incidents`, `https://…` or `PRAGMA journal_mode=WAL;`. */
const INLINE_COMMAND = /^[a-z][\w.-]*\s+\S/;

function firstLine(command: string): string {
  const line = command.split('\n', 1)[0];
  return line.length > TITLE_LIMIT ? `${line.slice(0, TITLE_LIMIT - 1)}…` : line;
}

function makeStep(title: string, command: string, line: number, defined: ReadonlySet<string>): RunbookStep {
  const classification = classifyCommand(command);
  const remote = remoteTarget(command);
  return {
    title,
    command,
    destructive: classification.destructive,
    destructiveReasons: classification.reasons,
    placeholders: findPlaceholders(command, { mode: 'command', definedVariables: defined }),
    needsHost: remote !== null,
    host: remote?.target ?? null,
    line,
  };
}

/** Line of the first line of a code block's content: fenced blocks start one line below their fence. */
function contentLine(code: Code): number {
  const start = lineOf(code);
  const span = code.position ? code.position.end.line - code.position.start.line + 1 : 0;
  return span > code.value.split('\n').length ? start + 1 : start;
}

function inlineCommands(children: readonly PhrasingContent[]): string[] {
  const found: string[] = [];
  const stack = [...children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as PhrasingContent;
    if (node.type === 'inlineCode') {
      const value = node.value.trim();
      if (INLINE_COMMAND.test(value) && !value.split(/\s/, 1)[0].includes(':')) found.push(value);
    } else if ('children' in node && node.type !== 'link') {
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as PhrasingContent);
    }
  }
  return found;
}

class ProcedureBuilder {
  readonly procedures: RunbookProcedure[] = [];
  readonly warnings: string[] = [];
  private readonly bySection = new Map<string, RunbookProcedure>();

  constructor(
    private readonly documentTitle: string,
    private readonly defined: ReadonlySet<string>,
  ) {}

  private procedureFor(ctx: Context, line: number): RunbookProcedure {
    const key = sectionKey(ctx);
    let procedure = this.bySection.get(key);
    if (!procedure) {
      const title = sectionTitle(ctx, this.documentTitle);
      procedure = { title, kind: procedureKind(ctx).kind, section: sectionPath(ctx) || title, host: null, steps: [], line };
      this.bySection.set(key, procedure);
      this.procedures.push(procedure);
    }
    return procedure;
  }

  private add(ctx: Context, step: RunbookStep, login: boolean): void {
    const procedure = this.procedureFor(ctx, step.line);
    if (login && procedure.host === null) procedure.host = step.host;
    procedure.steps.push(step);
  }

  addShell(block: Extract<Block, { kind: 'code' }>, role: Extract<CodeRole, { role: 'shell' }>): void {
    const where = sectionPath(block.ctx) || this.documentTitle;
    const split = splitShell(block.node.value, role.dialect);
    const base = contentLine(block.node);
    for (const problem of split.problems) {
      this.warnings.push(`line ${base + problem.line}: ${problem.message} in the shell block under "${where}"`);
    }
    if (role.untagged) this.warnings.push(`line ${block.line}: the code block without a language under "${where}" was read as shell commands`);
    if (split.groups.length === 0) {
      this.warnings.push(`line ${block.line}: the ${role.dialect === 'console' ? 'console block has no `$ ` command lines' : 'shell block has no commands'} ("${where}")`);
      return;
    }
    split.groups.forEach((group, index) => {
      const command = group.commands.join('\n');
      const lead = index === 0 && block.lead ? cleanTitle(block.lead) : '';
      const title = group.title || lead || firstLine(command);
      const step = makeStep(title, command, base + group.line, this.defined);
      this.add(block.ctx, step, remoteTarget(command)?.login === true);
    });
  }

  /** `1. Clean Docker: \`docker system prune -af\`` in a resolution or rollback section. */
  addInlineSteps(list: List, ctx: Context): void {
    const reading = procedureKind(ctx);
    if (!reading.explicit || reading.kind === 'diagnostic') return;
    for (const item of list.children) {
      if (typeof item.checked === 'boolean') continue;
      const paragraphs = item.children.filter((c) => c.type === 'paragraph');
      const commands = paragraphs.flatMap((p) => (p.type === 'paragraph' ? inlineCommands(p.children) : []));
      if (commands.length === 0) continue;
      const prose = cleanTitle(itemOwnText(item, { skipInlineCode: true }).replace(/[\s:–—-]+$/, ''));
      for (const command of commands) this.add(ctx, makeStep(prose || firstLine(command), command, lineOf(item), this.defined), false);
    }
  }
}

/**
 * Procedures from shell blocks and from commands quoted inline in resolution/rollback lists,
 * one per heading and bold label, in document order. Each comment above commands titles a step.
 */
export function extractProcedures(
  blocks: readonly Block[],
  roles: ReadonlyMap<Code, CodeRole>,
  documentTitle: string,
  defined: ReadonlySet<string>,
): ProcedureExtraction {
  const builder = new ProcedureBuilder(documentTitle, defined);
  for (const block of blocks) {
    if (block.kind === 'code') {
      const role = roles.get(block.node);
      if (role?.role === 'shell') builder.addShell(block, role);
    } else if (block.kind === 'list') {
      builder.addInlineSteps(block.node, block.ctx);
    }
  }
  return { procedures: builder.procedures.filter((p) => p.steps.length > 0), warnings: builder.warnings };
}
