import type { Code, List, ListItem, Nodes, Paragraph, Root, Table } from 'mdast';
import { boldField, itemOwnText, lineOf, nodeText } from './node-text';

export interface HeadingInfo {
  text: string;
  depth: number;
  line: number;
  /** The document's title: named in no section path, consulted last when classifying. */
  isTitle: boolean;
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
  | { kind: 'frontmatter'; format: 'yaml' | 'toml'; value: string; line: number };

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

class Walker {
  readonly blocks: Block[] = [];
  readonly warnings: string[] = [];
  private ctx: Context = { headings: [], labels: [] };
  private tooDeepReported = false;

  constructor(private readonly titleNode: Nodes | null) {}

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
    const line = lineOf(node);
    switch (node.type) {
      case 'heading': {
        const heading = { text: nodeText(node), depth: node.depth, line, isTitle: node === this.titleNode };
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
        this.walkFlow(node.children, depth + 1, null);
        break;
      case 'yaml':
        this.blocks.push({ kind: 'frontmatter', format: 'yaml', value: node.value, line });
        break;
      default:
        if ((node as { type: string }).type === 'toml') {
          this.blocks.push({ kind: 'frontmatter', format: 'toml', value: (node as unknown as { value: string }).value, line });
        }
    }
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

/** Flattens a Markdown tree into blocks in document order, each with the headings and labels above it. */
export function walkDocument(root: Root): WalkResult {
  const titleNode = findTitleHeading(root);
  const walker = new Walker(titleNode);
  walker.walkFlow(root.children, 0, null);
  const titleHeading =
    titleNode && titleNode.type === 'heading' ? { text: nodeText(titleNode), depth: titleNode.depth, line: lineOf(titleNode), isTitle: true } : null;
  return { blocks: walker.blocks, titleHeading, warnings: walker.warnings };
}
