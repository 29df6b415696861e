import type { List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import type { Block, Context } from './document-walker';
import { boldField, firstParagraph, itemOwnText, lineOf, nodeText } from './node-text';
import { nearestHeading } from './section-context';
import { applyField, emptyLevel, LevelSection, splitExamples, statesResponse } from './severity-fields';
import {
  BUSINESS_DAYS,
  DEFINITION_COLUMN,
  ESCALATION_COLUMN,
  EXAMPLES_COLUMN,
  LABEL_COLUMN,
  LEVEL_COLUMN,
  NOTIFY_COLUMN,
  SEVERITY_COLUMN,
  SEVERITY_CONTEXT,
  UPDATE_COLUMN,
} from './severity-vocabulary';
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
  // "| Level | Name |": the level is in "Level" and "Name" is its label, though "Name" alone may name levels.
  const byLevelWord = header.findIndex((h, i) => LEVEL_COLUMN.test(h) && !LABEL_COLUMN.test(h) && !taken.includes(i));
  const level = severity >= 0 ? severity : !aboutSeverity(ctx) ? -1 : byLevelWord >= 0 ? byLevelWord : column(header, LEVEL_COLUMN, taken);
  const nameColumn = level >= 0 ? level : 0;
  const label = column(header, LABEL_COLUMN, [...taken, nameColumn]);
  const examples = column(header, EXAMPLES_COLUMN);
  const update = column(header, UPDATE_COLUMN, taken);
  const escalation = column(header, ESCALATION_COLUMN, taken);
  const notify = column(header, NOTIFY_COLUMN, [...taken, nameColumn, label, update, escalation]);
  const levels: RunbookSeverity[] = [];
  for (const row of rows) {
    const values = cells(row);
    const named = values[nameColumn] ?? '';
    const key = level >= 0 ? levelInCell(named) : severityKeyAtStart(named);
    if (!key) continue;
    const found = emptyLevel(key.key, values[label]?.trim() || key.rest, lineOf(row));
    if (response >= 0) applyField(found, 'response', values[response] ?? '', []);
    if (definition >= 0) found.definition = values[definition] ?? '';
    if (examples >= 0) found.examples = splitExamples(values[examples] ?? '');
    if (update >= 0) applyField(found, 'update', values[update] ?? '', []);
    if (escalation >= 0) applyField(found, 'escalation', values[escalation] ?? '', []);
    if (notify >= 0) applyField(found, 'notify', values[notify] ?? '', []);
    levels.push(found);
  }
  return levels;
}

/** A level read from its name and the text after it; `finish` it once its nested items are added. */
function levelSection(name: string, value: string, node: Nodes, inSeverityContext: boolean): LevelSection | null {
  const key = levelName(name, inSeverityContext);
  if (!key) return null;
  const section = new LevelSection(key.key, key.rest, lineOf(node));
  section.addValue(node, value);
  return section;
}

/**
 * A plain list item as a level's name and the text after it: the text before a colon (`SEV1
 * (Critical): …`); all of it when fields are nested under it (`SEV1 — Critical`); else the text
 * before a dash (`SEV1 — full outage, respond within 5 minutes`).
 */
function plainNameAndValue(text: string, hasNestedList: boolean): [string, string] {
  const colon = /^([^:]{1,48}):\s*(.*)$/.exec(text);
  if (colon) return [colon[1], colon[2]];
  if (hasNestedList) return [text, ''];
  const dash = /^(.{1,48}?)\s[-–—]\s(.*)$/.exec(text);
  return dash ? [dash[1], dash[2]] : [text, ''];
}

/**
 * The level a list item names, bold (`**P1** — Site down`, `**SEV1**`) or plain (`SEV1`,
 * `SEV1 (Critical):`, `SEV1 — Critical`). In a plain name the key must stand alone, followed by
 * nothing or a separator, so "High error rates: …" names no level.
 */
function itemLevel(item: ListItem): { section: LevelSection; bold: boolean } | null {
  const paragraph = firstParagraph(item);
  const field = paragraph ? boldField(paragraph) : null;
  if (field) {
    // `**SEV1** (Critical)`: a parenthesis alone after the bold name is part of the name, its label.
    const [name, value] = field.standalone ? [`${field.name} ${field.value}`, ''] : [field.name, field.value];
    const section = levelSection(name, value, item, true);
    return section ? { section, bold: true } : null;
  }
  const [name, value] = plainNameAndValue(itemOwnText(item), item.children.some((c) => c.type === 'list'));
  const key = levelName(name, true);
  const alone = key !== null && /^\s*(?:$|[-–—:(|])/.test(name.trimStart().slice(key.key.length));
  const section = alone ? levelSection(name, value, item, true) : null;
  return section ? { section, bold: false } : null;
}

/**
 * `- **P1** — Site down; respond within 15 minutes`, or a level named in a list item with its
 * fields nested under it (`- SEV1` / `  - Response: 5 minutes`), under a severity heading. The
 * nested items are that level's, never every level's. A plain item is a level only when it says
 * how fast to respond or has fields, since a plain bullet under "Severity" may be any prose.
 */
function levelsFromList(list: List, ctx: Context, settingNodes: Set<Nodes>): RunbookSeverity[] {
  if (!aboutSeverity(ctx)) return [];
  const levels: RunbookSeverity[] = [];
  for (const item of list.children) {
    const named = itemLevel(item);
    if (!named) continue;
    const { section, bold } = named;
    for (const nested of item.children) if (nested.type === 'list') section.addList(nested);
    if (!bold && !section.hasResponse && !section.hasFields) continue;
    levels.push(section.finish());
    for (const node of section.settingNodes) settingNodes.add(node);
  }
  return levels;
}

/** `**SEV1** Complete outage. Respond within 15 minutes.`: a bold level name and prose, under a severity heading. */
function levelFromBoldParagraph(paragraph: Paragraph, ctx: Context, settingNodes: Set<Nodes>): RunbookSeverity | null {
  const field = boldField(paragraph);
  if (!field || field.standalone || !aboutSeverity(ctx)) return null;
  const level = levelSection(field.name, field.value, paragraph, true)?.finish();
  // Only a paragraph that says how fast to respond (in minutes or business days) defines a level.
  if (!level || !statesResponse(level)) return null;
  settingNodes.add(paragraph);
  return level;
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
        const level = levelFromBoldParagraph(block.node, block.ctx, settingNodes);
        if (level) found.push(level);
      }
    } else if (block.kind === 'list' && block.parentItemText === null) {
      if (open) open.addList(block.node);
      else found.push(...levelsFromList(block.node, block.ctx, settingNodes));
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
    // "1 business day" is a response time, counted in business days rather than minutes.
    if (level.responseMinutes === null && /\d/.test(level.responseText) && !BUSINESS_DAYS.test(level.responseText)) {
      warnings.push(`line ${level.line}: the response time "${level.responseText}" of ${level.name} is not a duration in minutes, hours or days; set it after import`);
    }
  }
  return { severities, settingNodes, warnings };
}
