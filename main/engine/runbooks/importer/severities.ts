import type { List, Nodes, Table } from 'mdast';
import type { Block, Context } from './document-walker';
import { boldField, firstParagraph, lineOf, nodeText } from './node-text';
import { contextChain, nearestHeading } from './section-context';
import { applyField, emptyLevel, fieldKind, LevelSection, splitExamples } from './severity-fields';
import { normalizeKey, parseMinutes, RESPONSE_FIELD, severityKeyAtStart } from './text-patterns';
import type { RunbookSeverity } from './types';

export interface SeverityExtraction {
  severities: RunbookSeverity[];
  /** Nodes holding settings (response time, cadence, escalation): not prose for threshold hunting. */
  settingNodes: Set<Nodes>;
  warnings: string[];
}

const SEVERITY_CONTEXT = /sever|priorit|classif|level|impact|urgenc/i;

function cells(row: Table['children'][number]): string[] {
  return row.children.map((cell) => nodeText(cell));
}

function column(header: string[], pattern: RegExp): number {
  return header.findIndex((h) => pattern.test(h));
}

/** A table with one level per row and a response-time or definition column. */
function levelsFromTable(table: Table): RunbookSeverity[] {
  const [head, ...rows] = table.children;
  if (!head) return [];
  const header = cells(head);
  const response = column(header, RESPONSE_FIELD);
  const definition = column(header, /defin|descr|impact|criteria|meaning/i);
  if (response < 0 && definition < 0) return [];
  const nameColumn = Math.max(0, column(header, /sever|level|priorit|\bsev\b|name/i));
  const examples = column(header, /example/i);
  const update = column(header, /update|cadence/i);
  const escalation = column(header, /escalat/i);
  const levels: RunbookSeverity[] = [];
  for (const row of rows) {
    const values = cells(row);
    const key = severityKeyAtStart(values[nameColumn] ?? '');
    if (!key) continue;
    const level = emptyLevel(key.key, key.rest, lineOf(row));
    if (response >= 0) applyField(level, 'response', values[response] ?? '', []);
    if (definition >= 0) level.definition = values[definition] ?? '';
    if (examples >= 0) level.examples = splitExamples(values[examples] ?? '');
    if (update >= 0) applyField(level, 'update', values[update] ?? '', []);
    if (escalation >= 0) applyField(level, 'escalation', values[escalation] ?? '', []);
    levels.push(level);
  }
  return levels;
}

/** `- **P1** — Site down; respond within 15 minutes` under a severity heading. */
function levelsFromBoldList(list: List, ctx: Context): RunbookSeverity[] {
  if (!contextChain(ctx).some((t) => SEVERITY_CONTEXT.test(t))) return [];
  const levels: RunbookSeverity[] = [];
  for (const item of list.children) {
    const paragraph = firstParagraph(item);
    const field = paragraph ? boldField(paragraph) : null;
    const key = field ? severityKeyAtStart(field.name) : null;
    if (!field || !key) continue;
    const level = emptyLevel(key.key, key.rest, lineOf(item));
    const value = field.value.replace(/^[-–—:]\s*/, '');
    level.definition = value;
    if (/respon|within|acknowledg|\(\s*[<≤]?\s*\d/i.test(value)) {
      level.responseText = value;
      level.responseMinutes = parseMinutes(value);
    }
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

/**
 * Severity levels from a table, from one section per level (a heading starting with the key and
 * a `**Response Time**` field), or from a bold list. The first definition of a key wins.
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
      const key = severityKeyAtStart(block.heading.text);
      if (key) section = { level: new LevelSection(key.key, key.rest, block.heading.line), heading: block.heading.line };
      continue;
    }
    const current = section;
    const open = current && 'ctx' in block && nearestHeading(block.ctx)?.line === current.heading ? current.level : null;
    if (block.kind === 'table') {
      const levels = levelsFromTable(block.node);
      if (levels.length > 0) settingNodes.add(block.node);
      found.push(...levels);
    } else if (block.kind === 'paragraph' && open) {
      open.addParagraph(block.node, block.text);
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
