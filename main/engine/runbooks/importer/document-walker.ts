import type { Blockquote, Code, Html, List, ListItem, Nodes, Paragraph, Root, Table } from 'mdast';
import { readHtmlTable } from './html-tables';
import { boldField, itemOwnText, lineOf, nodeText } from './node-text';

export interface HeadingInfo {
  text: string;
  depth: number;
  line: number;
  /** The document's title: named in no section path, consulted last when classifying. */
  isTitle: boolean;
  /** Offsets in the document text where the heading starts and where its line ends. */
  start: number;
  end: number;
}

/** Where a block sits: the headings above it and the bold labels (`**Rollback:**`) since the last one. */
export interface Context {
  /** Outermost first. */
  headings: readonly HeadingInfo[];
  /** Standalone bold paragraphs since the nearest heading, oldest first. */
  labels: readonly string[];
}

export type Block =
  | { kind: 'heading'; heading: HeadingInfo; ctx: Context }
  | { kind: 'paragraph'; node: Paragraph; text: string; line: number; ctx: Context }
  | { kind: 'item'; node: ListItem; text: string; line: number; ctx: Context }
  | { kind: 'list'; node: List; line: number; ctx: Context; underTaskItem: boolean; parentItemText: string | null }
  | { kind: 'code'; node: Code; line: number; ctx: Context; lead: string | null }
  | { kind: 'table'; node: Table; line: number; ctx: Context }
  | { kind: 'quote'; node: Blockquote; line: number; ctx: Context }
  /** `end`: the offset just after it, where the document's body starts. */
  | { kind: 'frontmatter'; format: 'yaml' | 'toml'; value: string; line: number; end: number };

export interface WalkResult {
  blocks: Block[];
  /** The heading taken as the document's title, if one stands above all others. */
  titleHeading: HeadingInfo | null;
  warnings: string[];
}

/** Deeper nesting than this (only seen in hostile input) is skipped with a warning. */
const MAX_DEPTH = 64;
/** Only the most recent labels under a heading matter; keeping a few bounds the copying. */
const MAX_LABELS = 8;

/** The first heading, when it is the document's only level-1 heading. */
function findTitleHeading(root: Root): Nodes | null {
  const level1 = root.children.filter((child) => child.type === 'heading' && child.depth === 1);
  const first = root.children.find((child) => child.type === 'heading');
  return level1.length === 1 && first === level1[0] ? first : null;
}

function headingInfo(node: Extract<Nodes, { type: 'heading' }>, isTitle: boolean): HeadingInfo {
  const position = node.position;
  return { text: nodeText(node), depth: node.depth, line: lineOf(node), isTitle, start: position?.start.offset ?? 0, end: position?.end.offset ?? 0 };
}

class Walker {
  readonly blocks: Block[] = [];
  readonly warnings: string[] = [];
  private ctx: Context = { headings: [], labels: [] };
  private tooDeepReported = false;
  /** Where the last HTML table read ends: the HTML blocks before it are part of it. */
  private htmlTableEnd = -1;

  constructor(
    private readonly titleNode: Nodes | null,
    private readonly text: string,
  ) {}

  walkFlow(children: readonly Nodes[], depth: number, inItem: ListItem | null): void {
    if (depth > MAX_DEPTH) {
      if (!this.tooDeepReported) {
        this.warnings.push(`line ${lineOf(children[0])}: content nested more than ${MAX_DEPTH} levels deep was skipped`);
        this.tooDeepReported = true;
      }
      return;
    }
    let previous: Nodes | null = null;
    for (const node of children) {
      this.visit(node, previous, depth, inItem);
      previous = node;
    }
  }

  private visit(node: Nodes, previous: Nodes | null, depth: number, inItem: ListItem | null): void {
    // The rest of an HTML table that a blank line split into other blocks was read with the table.
    if (this.htmlTableEnd >= 0 && (node.position?.start.offset ?? Infinity) < this.htmlTableEnd) return;
    const line = lineOf(node);
    switch (node.type) {
      case 'heading': {
        const heading = headingInfo(node, node === this.titleNode);
        const kept = this.ctx.headings.filter((h) => h.depth < node.depth);
        this.ctx = { headings: [...kept, heading], labels: [] };
        this.blocks.push({ kind: 'heading', heading, ctx: this.ctx });
        break;
      }
      case 'paragraph': {
        const field = inItem ? null : boldField(node);
        if (field?.standalone) {
          this.ctx = { headings: this.ctx.headings, labels: [...this.ctx.labels.slice(-(MAX_LABELS - 1)), field.name] };
        }
        if (!inItem) this.blocks.push({ kind: 'paragraph', node, text: nodeText(node), line, ctx: this.ctx });
        break;
      }
      case 'list':
        this.visitList(node, depth, inItem);
        break;
      case 'code':
        this.blocks.push({ kind: 'code', node, line, ctx: this.ctx, lead: this.leadFor(node, previous, inItem) });
        break;
      case 'table':
        this.blocks.push({ kind: 'table', node, line, ctx: this.ctx });
        break;
      case 'blockquote':
        this.blocks.push({ kind: 'quote', node, line, ctx: this.ctx });
        this.walkFlow(node.children, depth + 1, null);
        break;
      case 'html':
        this.visitHtml(node);
        break;
      case 'yaml':
        this.blocks.push({ kind: 'frontmatter', format: 'yaml', value: node.value, line, end: node.position?.end.offset ?? 0 });
        break;
      default:
        if ((node as { type: string }).type === 'toml') {
          const toml = node as unknown as { value: string; position?: { end: { offset?: number } } };
          this.blocks.push({ kind: 'frontmatter', format: 'toml', value: toml.value, line, end: toml.position?.end.offset ?? 0 });
        }
    }
  }

  /** A `<table>` in raw HTML is read as a table; other HTML is not content. */
  private visitHtml(node: Html): void {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    const open = /<table[\s>]/i.exec(node.value);
    if (!open) return;
    const read = readHtmlTable(this.text, start + open.index, lineOf(node) + (node.value.slice(0, open.index).match(/\n/g)?.length ?? 0));
    if (!read) return;
    this.htmlTableEnd = read.end;
    this.blocks.push({ kind: 'table', node: read.table, line: lineOf(read.table), ctx: this.ctx });
  }

  private visitList(list: List, depth: number, parent: ListItem | null): void {
    this.blocks.push({
      kind: 'list',
      node: list,
      line: lineOf(list),
      ctx: this.ctx,
      underTaskItem: parent !== null && typeof parent.checked === 'boolean',
      parentItemText: parent ? itemOwnText(parent) : null,
    });
    for (const item of list.children) {
      this.blocks.push({ kind: 'item', node: item, text: itemOwnText(item), line: lineOf(item), ctx: this.ctx });
      this.walkFlow(item.children, depth + 1, item);
    }
  }

  /** The prose that introduces a code block: its list item's text, or the paragraph or list item just before it. */
  private leadFor(code: Code, previous: Nodes | null, inItem: ListItem | null): string | null {
    if (inItem && inItem.children[0] !== code) return itemOwnText(inItem) || null;
    if (!previous) return null;
    if (previous.type === 'paragraph') return nodeText(previous) || null;
    if (previous.type === 'list') {
      const last = previous.children[previous.children.length - 1];
      return last ? itemOwnText(last) || null : null;
    }
    return null;
  }
}

/**
 * Flattens a Markdown tree into blocks in document order, each with the headings and labels
 * above it. `text` is the document the tree was parsed from (HTML tables are read from it).
 */
export function walkDocument(root: Root, text: string): WalkResult {
  const titleNode = findTitleHeading(root);
  const walker = new Walker(titleNode, text);
  walker.walkFlow(root.children, 0, null);
  const titleHeading = titleNode && titleNode.type === 'heading' ? headingInfo(titleNode, true) : null;
  return { blocks: walker.blocks, titleHeading, warnings: walker.warnings };
}
