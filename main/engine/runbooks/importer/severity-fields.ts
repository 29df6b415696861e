import type { List, ListItem, Nodes, Paragraph } from 'mdast';
import { boldField, firstParagraph, itemOwnText } from './node-text';
import { firstDurationMinutes, parseEvery, parseMinutes, RESPONSE_FIELD } from './text-patterns';
import type { RunbookSeverity } from './types';

export type FieldKind = 'examples' | 'escalation' | 'update' | 'postfix' | 'response' | 'definition' | 'notify';

const FIELD_PATTERNS: [FieldKind, RegExp][] = [
  ['examples', /example/i],
  ['escalation', /escalat/i],
  ['update', /update|cadence|communicat/i],
  ['postfix', /post-?fix|watch|monitor/i],
  ['response', RESPONSE_FIELD],
  ['definition', /defin|descr|impact|criteria|meaning|scope/i],
  ['notify', /notif|page|who/i],
];

export function fieldKind(name: string): FieldKind | null {
  for (const [kind, pattern] of FIELD_PATTERNS) if (pattern.test(name)) return kind;
  return null;
}

/** Fields whose text is a setting, not prose: their numbers are no monitor thresholds. */
export const SETTING_FIELDS: ReadonlySet<FieldKind> = new Set(['response', 'update', 'escalation', 'notify', 'postfix']);

export function emptyLevel(name: string, label: string, line: number): RunbookSeverity {
  return {
    name,
    label,
    responseMinutes: null,
    responseText: '',
    definition: '',
    examples: [],
    updateCadenceMinutes: null,
    escalation: null,
    escalateAfterMinutes: null,
    escalateTo: [],
    postFixWatchMinutes: null,
    notify: null,
    line,
  };
}

export function splitExamples(text: string): string[] {
  return text
    .split(/[;,]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies one `**Field**: value` to a level. */
export function applyField(level: RunbookSeverity, kind: FieldKind, value: string, nested: string[]): void {
  switch (kind) {
    case 'response':
      level.responseText = value;
      level.responseMinutes = parseMinutes(value);
      break;
    case 'definition':
      level.definition = value;
      break;
    case 'examples':
      level.examples = nested.length > 0 ? nested : splitExamples(value);
      break;
    case 'escalation':
      level.escalation = value || null;
      level.escalateAfterMinutes ??= firstDurationMinutes(value);
      break;
    case 'update':
      level.updateCadenceMinutes = parseEvery(value) ?? firstDurationMinutes(value);
      break;
    case 'postfix':
      level.postFixWatchMinutes = firstDurationMinutes(value);
      break;
    case 'notify':
      level.notify = value || null;
      break;
  }
}

/** The section of one level: its bullets and paragraphs, read as fields or as definition text. */
export class LevelSection {
  readonly level: RunbookSeverity;
  readonly settingNodes: Nodes[] = [];
  private readonly prose: string[] = [];
  private hasDefinition = false;
  hasResponse = false;

  constructor(name: string, label: string, line: number) {
    this.level = emptyLevel(name, label, line);
  }

  addParagraph(paragraph: Paragraph, text: string): void {
    const field = boldField(paragraph);
    if (field && !field.standalone && this.addField(paragraph, field.name, field.value, [])) return;
    if (text) this.prose.push(text);
  }

  addList(list: List): void {
    for (const item of list.children) this.addItem(item);
  }

  private addItem(item: ListItem): void {
    const paragraph = firstParagraph(item);
    const field = paragraph ? boldField(paragraph) : null;
    const nested = item.children
      .filter((c): c is List => c.type === 'list')
      .flatMap((l) => l.children.map((i) => itemOwnText(i)))
      .filter(Boolean);
    if (field && this.addField(item, field.name, field.value, nested)) return;
    const text = itemOwnText(item);
    if (text) this.prose.push(text);
  }

  private addField(node: Nodes, name: string, value: string, nested: string[]): boolean {
    const kind = fieldKind(name);
    if (!kind) return false;
    applyField(this.level, kind, value, nested);
    if (kind === 'response') this.hasResponse = true;
    if (kind === 'definition') this.hasDefinition = true;
    if (SETTING_FIELDS.has(kind)) this.settingNodes.push(node);
    return true;
  }

  finish(): RunbookSeverity {
    if (!this.hasDefinition) this.level.definition = this.prose.join('; ');
    return this.level;
  }
}
