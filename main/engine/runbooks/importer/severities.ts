import type { List, Nodes, Paragraph, Table } from 'mdast';
import type { Block, Context } from './document-walker';
import { boldField, firstParagraph, lineOf, nodeText } from './node-text';
import { nearestHeading } from './section-context';
import { applyField, emptyLevel, fieldKind, LevelSection, responseInProse, splitExamples } from './severity-fields';
import { DEFINITION_COLUMN, ESCALATION_COLUMN, EXAMPLES_COLUMN, LEVEL_COLUMN, SEVERITY_COLUMN, SEVERITY_CONTEXT, UPDATE_COLUMN } from './severity-vocabulary';
import { levelCodeAtStart, levelInCell, namedLevelAtStart, normalizeKey, RESPONSE_FIELD, severityKeyAtStart } from './text-patterns';
import type { RunbookSeverity } from './types';

export interface SeverityExtraction {
  severities: RunbookSeverity[];
  /** Nodes holding settings (response time, cadence, escalation): not prose for threshold hunting. */
  settingNodes: Set<Nodes>;
  warnings: string[];
}

type Key = { key: string; rest: string };

function cells(row: Table['children'][number]): string[] {
  return row.children.map((cell) => nodeText(cell));
}

function column(header: string[], pattern: RegExp, taken: readonly number[] = []): number {
  return header.findIndex((h, i) => pattern.test(h) && !taken.includes(i));
}

/** The nearest label or heading (the document's title aside) is about severity levels. */
function aboutSeverity(ctx: Context): boolean {
  const label = ctx.labels[ctx.labels.length - 1];
  const heading = [...ctx.headings].reverse().find((h) => !h.isTitle);
  return SEVERITY_CONTEXT.test(label ?? heading?.text ?? '');
}

/** A level named in a heading or bold label: a key ("P1", "SEV 2"), or under a severity heading a named level or code. */
function levelName(text: string, inSeverityContext: boolean): Key | null {
  const keyed = severityKeyAtStart(text);
  if (keyed || !inSeverityContext) return keyed;
  const code = levelCodeAtStart(text);
  return namedLevelAtStart(text) ?? (code && /^[A-Z]\d?$/.test(code.key) ? code : null);
}

/**
 * A table with one level per row and a response-time or definition column. A column headed by a
 * severity word ("Severity", "Schweregrad", "Priority") names levels in any form ("A", "S1",
 * "Critical"); otherwise only keys such as P1 or SEV-2 count.
 */
function levelsFromTable(table: Table, ctx: Context): RunbookSeverity[] {
  const [head, ...rows] = table.children;
  if (!head) return [];
  const header = cells(head);
  const response = column(header, RESPONSE_FIELD);
  const definition = column(header, DEFINITION_COLUMN, [response]);
  if (response < 0 && definition < 0) return [];
  const taken = [response, definition];
  const severity = column(header, SEVERITY_COLUMN, taken);
  const level = severity >= 0 ? severity : aboutSeverity(ctx) ? column(header, LEVEL_COLUMN, taken) : -1;
  const nameColumn = level >= 0 ? level : 0;
  const examples = column(header, EXAMPLES_COLUMN);
  const update = column(header, UPDATE_COLUMN, taken);
  const escalation = column(header, ESCALATION_COLUMN, taken);
  const levels: RunbookSeverity[] = [];
  for (const row of rows) {
    const values = cells(row);
    const named = values[nameColumn] ?? '';
    const key = level >= 0 ? levelInCell(named) : severityKeyAtStart(named);
    if (!key) continue;
    const found = emptyLevel(key.key, key.rest, lineOf(row));
    if (response >= 0) applyField(found, 'response', values[response] ?? '', []);
    if (definition >= 0) found.definition = values[definition] ?? '';
    if (examples >= 0) found.examples = splitExamples(values[examples] ?? '');
    if (update >= 0) applyField(found, 'update', values[update] ?? '', []);
    if (escalation >= 0) applyField(found, 'escalation', values[escalation] ?? '', []);
    levels.push(found);
  }
  return levels;
}

function levelFromField(name: string, value: string, line: number, inSeverityContext: boolean): RunbookSeverity | null {
  const key = levelName(name, inSeverityContext);
  if (!key) return null;
  const level = emptyLevel(key.key, key.rest, line);
  const text = value.replace(/^[-–—:]\s*/, '');
  level.definition = text;
  const response = responseInProse(text);
  if (response) {
    level.responseText = text;
    level.responseMinutes = response.minutes;
  } else if (/\(\s*[<≤]?\s*\d/.test(text)) {
    applyField(level, 'response', text, []);
    level.responseText = text;
  }
  return level;
}

/** `- **P1** — Site down; respond within 15 minutes` under a severity heading. */
function levelsFromBoldList(list: List, ctx: Context): RunbookSeverity[] {
  if (!aboutSeverity(ctx)) return [];
  const levels: RunbookSeverity[] = [];
  for (const item of list.children) {
    const paragraph = firstParagraph(item);
    const field = paragraph ? boldField(paragraph) : null;
    const level = field ? levelFromField(field.name, field.value, lineOf(item), true) : null;
    if (!field || !level) continue;
    for (const nested of item.children) {
      if (nested.type !== 'list') continue;
      for (const sub of nested.children) {
        const subParagraph = firstParagraph(sub);
        const subField = subParagraph ? boldField(subParagraph) : null;
        const kind = subField ? fieldKind(subField.name) : null;
        if (subField && kind) applyField(level, kind, subField.value, []);
      }
    }
    levels.push(level);
  }
  return levels;
}

/** `**SEV1** Complete outage. Respond within 15 minutes.`: a bold level name and prose, under a severity heading. */
function levelFromBoldParagraph(paragraph: Paragraph, ctx: Context): RunbookSeverity | null {
  const field = boldField(paragraph);
  if (!field || field.standalone || !aboutSeverity(ctx)) return null;
  const level = levelFromField(field.name, field.value, lineOf(paragraph), true);
  return level && level.responseMinutes !== null ? level : null;
}

/**
 * Severity levels from a table (GFM or HTML), from one section per level (a heading starting
 * with the level and a response-time field or sentence), from a bold list, or from bold level
 * names followed by prose. The first definition of a key wins.
 */
export function extractSeverities(blocks: readonly Block[]): SeverityExtraction {
  const found: RunbookSeverity[] = [];
  const settingNodes = new Set<Nodes>();
  let section: { level: LevelSection; heading: number } | null = null;

  const close = (): void => {
    if (section?.level.hasResponse) {
      found.push(section.level.finish());
      for (const node of section.level.settingNodes) settingNodes.add(node);
    }
    section = null;
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      close();
      const parents: Context = { headings: block.ctx.headings.slice(0, -1), labels: [] };
      const key = levelName(block.heading.text, aboutSeverity(parents));
      if (key) section = { level: new LevelSection(key.key, key.rest, block.heading.line), heading: block.heading.line };
      continue;
    }
    if (block.kind === 'frontmatter') continue;
    const current = section;
    const open = current && nearestHeading(block.ctx)?.line === current.heading ? current.level : null;
    if (block.kind === 'table') {
      const levels = levelsFromTable(block.node, block.ctx);
      if (levels.length > 0) settingNodes.add(block.node);
      found.push(...levels);
    } else if (block.kind === 'paragraph') {
      if (open) open.addParagraph(block.node, block.text);
      else {
        const level = levelFromBoldParagraph(block.node, block.ctx);
        if (level) {
          found.push(level);
          settingNodes.add(block.node);
        }
      }
    } else if (block.kind === 'list' && block.parentItemText === null) {
      if (open) open.addList(block.node);
      else found.push(...levelsFromBoldList(block.node, block.ctx));
    }
  }
  close();

  const severities: RunbookSeverity[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, RunbookSeverity>();
  for (const level of found) {
    const earlier = seen.get(normalizeKey(level.name));
    if (earlier) {
      warnings.push(`line ${level.line}: severity "${level.name}" is defined again; the definition on line ${earlier.line} is kept`);
      continue;
    }
    seen.set(normalizeKey(level.name), level);
    severities.push(level);
    if (level.responseMinutes === null && /\d/.test(level.responseText)) {
      warnings.push(`line ${level.line}: the response time "${level.responseText}" of ${level.name} is not a duration in minutes, hours or days; set it after import`);
    }
  }
  return { severities, settingNodes, warnings };
}
