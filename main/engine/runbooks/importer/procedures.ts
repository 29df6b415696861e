import type { Code, List, PhrasingContent } from 'mdast';
import { maskPlaceholders } from '../../lib/shell/placeholders';
import { choiceMarker, type ChoiceMarker } from './choice-markers';
import type { CodeRole } from './code-blocks';
import { statementVerdict } from './command-recognition';
import { isKnownProgram } from './known-programs';
import type { Block, Context } from './document-walker';
import { itemOwnText, lineOf } from './node-text';
import { ProcedureDraft, type DraftStep, type Unit } from './procedure-draft';
import { procedurePlace } from './procedure-place';
import { expandDraft } from './procedure-variants';
import { sectionPath } from './section-context';
import { withStatedDestruction } from './stated-destruction';
import { firstLine, shellStep, sqlStep } from './steps';
import { cleanTitle } from './text-patterns';
import type { RunbookProcedure } from './types';

export interface ProcedureExtraction {
  procedures: RunbookProcedure[];
  warnings: string[];
}

type CodeBlock = Extract<Block, { kind: 'code' }>;
type DraftInput = Omit<DraftStep, 'memberships'>;

/** Line of the first line of a code block's content: fenced blocks start one line below their fence. */
function contentLine(code: Code): number {
  const start = lineOf(code);
  const span = code.position ? code.position.end.line - code.position.start.line + 1 : 0;
  return span > code.value.split('\n').length ? start + 1 : start;
}

/** Commands of one group titled together: "Check system resources (1/3)", or by their own first line. */
function titles(title: string | null, count: number, commands: readonly string[]): string[] {
  if (!title) return commands.map(firstLine);
  return count === 1 ? [title] : commands.map((_, i) => `${title} (${i + 1}/${count})`);
}

/** "# Or scale down and up" titles its commands "Scale down and up": the "or" is the choice, not the step. */
function stepTitle(comment: string | null): string | null {
  const marker = comment ? choiceMarker(comment) : null;
  return marker?.kind === 'or' && marker.label ? marker.label : comment;
}

interface Grouped {
  comment: string | null;
  groupStart: boolean;
}

/** Runs of commands under one comment, or after a blank line. */
function commentGroups<T extends Grouped>(commands: readonly T[]): { comment: string | null; commands: T[] }[] {
  const groups: { comment: string | null; commands: T[] }[] = [];
  for (const command of commands) {
    if (command.groupStart || groups.length === 0) groups.push({ comment: command.comment ? cleanTitle(command.comment) || null : null, commands: [] });
    groups[groups.length - 1].commands.push(command);
  }
  return groups;
}

function inlineCommands(children: readonly PhrasingContent[]): { text: string; orBefore: boolean }[] {
  const found: { text: string; orBefore: boolean }[] = [];
  let orBefore = false;
  const stack = [...children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as PhrasingContent;
    if (node.type === 'inlineCode') {
      const value = node.value.trim();
      // `docker system prune -af`, not `kubectl` or `/etc/app.conf` named in prose.
      const program = value.split(/\s/, 1)[0];
      if (/\s/.test(value) && isKnownProgram(program) && statementVerdict(maskPlaceholders(value)) === 'known') found.push({ text: value, orBefore: orBefore && found.length > 0 });
      orBefore = false;
    } else if (node.type === 'text') {
      if (/\bor\b/i.test(node.value)) orBefore = true;
    } else if ('children' in node && node.type !== 'link') {
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as PhrasingContent);
    }
  }
  return found;
}

class ProcedureBuilder {
  readonly warnings: string[] = [];
  private readonly drafts = new Map<string, ProcedureDraft>();

  constructor(
    private readonly documentTitle: string,
    private readonly defined: ReadonlySet<string>,
  ) {}

  private draftFor(ctx: Context, line: number): { draft: ProcedureDraft; section: Unit } {
    const place = procedurePlace(ctx, this.documentTitle);
    let draft = this.drafts.get(place.key);
    if (!draft) {
      draft = new ProcedureDraft(place, line);
      this.drafts.set(place.key, draft);
    }
    return { draft, section: place.unit };
  }

  /** A unit titled `title` (a comment, lead or item text); `action` names it when the title names no action. */
  private unitOf(id: string, title: string | null, action: string): Unit {
    const marker: ChoiceMarker | null = title ? choiceMarker(title) : null;
    if (marker?.kind === 'optional' && marker.label === null) return { id, marker, title: action };
    return { id, marker, title: (marker && marker.label) || title || action };
  }

  /** The commands of a shell block, each a step, grouped under their comments. */
  addShell(block: CodeBlock, role: Extract<CodeRole, { role: 'shell' }>): void {
    const where = sectionPath(block.ctx) || this.documentTitle;
    const base = contentLine(block.node);
    for (const problem of role.reading.problems) {
      this.warnings.push(`line ${base + problem.line}: the shell block under "${where}" does not parse from here (${problem.message}); its lines are read one by one`);
    }
    this.reportOutput(role.reading.outputLines, base, `command output or prose in the shell block under "${where}"`);
    if (role.guessed) this.warnings.push(`line ${block.line}: the code block without a language under "${where}" was read as shell commands`);
    if (role.reading.commands.length === 0) this.warnings.push(`line ${block.line}: the shell block under "${where}" has no commands`);
    this.addCommands(block, role.reading.commands, (title, command) =>
      shellStep({ title, text: command.text, masked: command.masked, line: base + command.line, condition: null }, this.defined),
    );
  }

  /** The statements of a SQL block, each a SQL step. */
  addSql(block: CodeBlock, role: Extract<CodeRole, { role: 'sql' }>): void {
    const where = sectionPath(block.ctx) || this.documentTitle;
    const base = contentLine(block.node);
    this.reportOutput(role.reading.outputLines, base, `query output in the SQL block under "${where}"`);
    if (role.reading.statements.length === 0) this.warnings.push(`line ${block.line}: the SQL block under "${where}" has no statements`);
    this.addCommands(block, role.reading.statements, (title, statement) => ({
      step: sqlStep({ title, text: statement.text, line: base + statement.line, condition: null }),
      login: false,
    }));
  }

  private reportOutput(lines: readonly number[], base: number, what: string): void {
    if (lines.length > 0) this.warnings.push(`${lines.length === 1 ? 'line' : 'lines'} ${spans(lines.map((l) => base + l))}: ${what} was left out`);
  }

  /**
   * Steps from a block's commands: those under one comment are a group, titled by it, the first
   * group by the sentence that introduces the block when it has no comment.
   */
  private addCommands<T extends Grouped & { text: string; line: number }>(block: CodeBlock, commands: readonly T[], make: (title: string, command: T) => DraftInput): void {
    if (commands.length === 0) return;
    const lead = block.lead ? cleanTitle(block.lead) || null : null;
    const { draft, section } = this.draftFor(block.ctx, contentLine(block.node) + commands[0].line);
    const leadUnit = this.unitOf(`${block.line}`, lead, firstLine(commands[0].text));
    commentGroups(commands).forEach((group, index) => {
      const title = stepTitle(group.comment) ?? (index === 0 ? lead : null);
      const names = titles(title, group.commands.length, group.commands.map((c) => c.text));
      const said = [group.comment, lead, section.title];
      const steps = group.commands.map((command, i) => {
        const made = make(names[i], command);
        return { ...made, step: withStatedDestruction(made.step, said) };
      });
      draft.add([section, leadUnit, this.unitOf(`${block.line}:${index}`, group.comment, firstLine(group.commands[0].text))], steps);
    });
  }

  /** `1. Clean Docker: \`docker system prune -af\``: a command quoted in a list item. */
  addInlineSteps(list: List, ctx: Context): void {
    for (const item of list.children) {
      if (typeof item.checked === 'boolean') continue;
      const paragraphs = item.children.filter((c) => c.type === 'paragraph');
      const commands = paragraphs.flatMap((p) => (p.type === 'paragraph' ? inlineCommands(p.children) : []));
      if (commands.length === 0) continue;
      // "Prune unused images: `a` or `b`" without its commands is "Prune unused images".
      const prose = cleanTitle(itemOwnText(item, { skipInlineCode: true }).replace(/(?:[\s:–—-]+|\s+(?:or|and)\b)+$/i, ''));
      const { draft, section } = this.draftFor(ctx, lineOf(item));
      const itemUnit = this.unitOf(`${lineOf(item)}`, prose || null, firstLine(commands[0].text));
      commands.forEach((command, i) => {
        const title = prose || firstLine(command.text);
        const made = shellStep({ title, text: command.text, masked: maskPlaceholders(command.text), line: lineOf(item), condition: null }, this.defined);
        const step = { ...made, step: withStatedDestruction(made.step, [prose, section.title]) };
        const marker: ChoiceMarker | null = command.orBefore ? { kind: 'or', label: firstLine(command.text) } : null;
        draft.add([section, itemUnit, { id: `${lineOf(item)}:${i}`, marker, title: firstLine(command.text) }], [step]);
      });
    }
  }

  finish(): RunbookProcedure[] {
    return [...this.drafts.values()].filter((d) => d.steps.length > 0).flatMap((d) => expandDraft(d, this.warnings));
  }
}

/** "12-14, 20" from [12, 13, 14, 20]. */
function spans(lines: readonly number[]): string {
  const parts: string[] = [];
  let from = lines[0];
  let to = lines[0];
  for (const line of [...lines.slice(1), Number.NaN]) {
    if (line === to + 1) {
      to = line;
      continue;
    }
    parts.push(from === to ? `${from}` : `${from}-${to}`);
    from = line;
    to = line;
  }
  return parts.join(', ');
}

/**
 * Procedures from shell and SQL blocks and from commands quoted inline in list items, one per
 * heading and bold label, and one per way where the runbook offers a choice.
 */
export function extractProcedures(blocks: readonly Block[], roles: ReadonlyMap<Code, CodeRole>, documentTitle: string, defined: ReadonlySet<string>): ProcedureExtraction {
  const builder = new ProcedureBuilder(documentTitle, defined);
  for (const block of blocks) {
    if (block.kind === 'code') {
      const role = roles.get(block.node);
      if (role?.role === 'shell') builder.addShell(block, role);
      else if (role?.role === 'sql') builder.addSql(block, role);
    } else if (block.kind === 'list') {
      builder.addInlineSteps(block.node, block.ctx);
    }
  }
  return { procedures: builder.finish(), warnings: builder.warnings };
}
