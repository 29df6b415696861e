import type { List, ListItem, Nodes, Paragraph } from 'mdast';
import { cadenceOf, cadenceWord } from './cadence';
import { boldField, firstParagraph, itemOwnText, nodeLines } from './node-text';
import { BUSINESS_DAYS, DEFINITION_COLUMN, ESCALATION_COLUMN, ESCALATION_SENTENCE, EXAMPLES_COLUMN, UPDATE_COLUMN } from './severity-vocabulary';
import { firstDurationMinutes, parseEvery, parseMinutes, RESPONSE_FIELD } from './text-patterns';
import type { RunbookSeverity } from './types';

export type FieldKind = 'examples' | 'escalation' | 'update' | 'postfix' | 'response' | 'definition' | 'notify';

const FIELD_PATTERNS: [FieldKind, RegExp][] = [
  ['examples', EXAMPLES_COLUMN],
  ['escalation', ESCALATION_COLUMN],
  ['update', new RegExp(`${UPDATE_COLUMN.source}|communicat`, 'i')],
  ['postfix', /post-?fix|watch|monitor/i],
  ['response', RESPONSE_FIELD],
  ['definition', DEFINITION_COLUMN],
  ['notify', /notif|page|who/i],
];

/** `Response time: 15 minutes` written as a plain line, not in bold. */
const PLAIN_FIELD = /^([\p{L}][\p{L} /()-]{1,40}?)\s*:\s+(.+)$/u;
/** A sentence about how fast to respond: "Respond within 15 minutes", "must be acknowledged within 5 min". */
const RESPONSE_SENTENCE = /respon|acknowledg|\back(?:nowledge)?\b|\breact|reaktion|antwort|r[ée]pon|respuesta|responder|rispost|resposta|reageer/i;

const sentences = (text: string): string[] => text.split(/(?<=[.;!?])\s+/);
const withoutStop = (sentence: string): string => sentence.replace(/[.;!?]$/, '');

/**
 * The response time a sentence of prose states, or null. "Respond within 1 business day" states
 * one too, with no minutes: it is counted in business days, not on the clock.
 */
export function responseInProse(text: string): { minutes: number | null; text: string } | null {
  for (const sentence of sentences(text)) {
    // "Slow response times (p95 > 5s)" states a threshold, not a time to respond.
    if (!RESPONSE_SENTENCE.test(sentence) || /[<>≤≥]/.test(sentence)) continue;
    const minutes = parseMinutes(sentence);
    if (minutes !== null || BUSINESS_DAYS.test(sentence)) return { minutes, text: withoutStop(sentence) };
  }
  return null;
}

/** The first sentence of prose about escalating ("Escalate to the Head of Data after 45 minutes"), or null. */
export function escalationInProse(text: string): string | null {
  const sentence = sentences(text).find((s) => ESCALATION_SENTENCE.test(s));
  return sentence ? withoutStop(sentence) : null;
}

/** A level states a response time: in minutes, or in business days ("next business day"). */
export function statesResponse(level: RunbookSeverity): boolean {
  return level.responseMinutes !== null || BUSINESS_DAYS.test(level.responseText);
}

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
      level.updateCadenceMinutes = parseEvery(value) ?? firstDurationMinutes(value) ?? cadenceWord(value);
      break;
    case 'postfix':
      level.postFixWatchMinutes = firstDurationMinutes(value);
      break;
    case 'notify':
      level.notify = value || null;
      break;
  }
}

/**
 * The section of one level: its bullets and paragraphs, read as fields or as definition text. A
 * heading opens one, and so does a bold level name or a list item naming a level (the text after
 * the name and the items nested under it are its section).
 */
export class LevelSection {
  readonly level: RunbookSeverity;
  readonly settingNodes: Nodes[] = [];
  private readonly prose: string[] = [];
  private hasDefinition = false;
  private responseField = false;
  private fields = 0;
  /** The first sentence of prose that says how fast to respond, used when no field does. */
  private proseResponse: { text: string; node: Nodes } | null = null;

  constructor(name: string, label: string, line: number) {
    this.level = emptyLevel(name, label, line);
  }

  addParagraph(paragraph: Paragraph, text: string): void {
    const field = boldField(paragraph);
    if (field && !field.standalone && this.addField(paragraph, field.name, field.value, [])) return;
    const prose: string[] = [];
    for (const line of text ? nodeLines(paragraph) : []) {
      const m = PLAIN_FIELD.exec(line);
      if (!m || !this.addField(paragraph, m[1], m[2], [])) prose.push(line);
    }
    if (prose.length > 0) this.addProse(paragraph, prose.join(' '));
  }

  /**
   * The text after a level's name (`**P1** — Site down. Respond within 10 minutes.`): its
   * definition, and the response, cadence and escalation its sentences state. "Degraded (30 min)"
   * gives its response time in a parenthesis.
   */
  addValue(node: Nodes, text: string): void {
    const value = text.replace(/^[-–—:]\s*/, '');
    if (!value) return;
    this.addProse(node, value);
    if (!this.proseResponse && /\(\s*[<≤]?\s*\d/.test(value)) this.proseResponse = { text: value, node };
  }

  /** A level is one when it says how fast to respond, in a field or in a sentence. */
  get hasResponse(): boolean {
    return this.responseField || this.proseResponse !== null;
  }

  /** Fields were read under it (`Response: 5 minutes`, `Updates: every hour`). */
  get hasFields(): boolean {
    return this.fields > 0;
  }

  /** Prose in a level's section may still say how fast to respond, how often to update or when to escalate. */
  private addProse(node: Nodes, text: string): void {
    if (!this.proseResponse) {
      const response = responseInProse(text);
      if (response) this.proseResponse = { text: response.text, node };
    }
    const cadence = cadenceOf(text);
    if (cadence !== null && this.level.updateCadenceMinutes === null) {
      this.level.updateCadenceMinutes = cadence;
      this.settingNodes.push(node);
    }
    // "Escalate to the Head of Data after 45 minutes" is the level's escalation, as in a table's column.
    const escalation = this.level.escalation === null ? escalationInProse(text) : null;
    if (escalation) {
      applyField(this.level, 'escalation', escalation, []);
      this.settingNodes.push(node);
    }
    this.prose.push(text);
  }

  addList(list: List): void {
    for (const item of list.children) this.addItem(item);
  }

  private addItem(item: ListItem): void {
    // A task list under a level is its checklist, not its definition.
    if (typeof item.checked === 'boolean') return;
    const paragraph = firstParagraph(item);
    const field = paragraph ? boldField(paragraph) : null;
    const nested = item.children
      .filter((c): c is List => c.type === 'list')
      .flatMap((l) => l.children.map((i) => itemOwnText(i)))
      .filter(Boolean);
    if (field && this.addField(item, field.name, field.value, nested)) return;
    const text = itemOwnText(item);
    const plain = field ? null : PLAIN_FIELD.exec(text);
    if (plain && this.addField(item, plain[1], plain[2], nested)) return;
    if (text) this.addProse(item, text);
  }

  private addField(node: Nodes, name: string, value: string, nested: string[]): boolean {
    const kind = fieldKind(name);
    if (!kind) return false;
    applyField(this.level, kind, value, nested);
    this.fields += 1;
    if (kind === 'response') this.responseField = true;
    if (kind === 'definition') this.hasDefinition = true;
    if (SETTING_FIELDS.has(kind)) this.settingNodes.push(node);
    return true;
  }

  finish(): RunbookSeverity {
    if (!this.hasDefinition) this.level.definition = this.prose.join('; ');
    if (!this.responseField && this.proseResponse) {
      applyField(this.level, 'response', this.proseResponse.text, []);
      this.settingNodes.push(this.proseResponse.node);
    }
    return this.level;
  }
}
