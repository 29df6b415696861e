import type { ListItem, Nodes, Paragraph } from 'mdast';
import { oneLine } from './text-patterns';

interface TextOptions {
  /** Leave `inline code` out, e.g. to title a step by the prose around its command. */
  skipInlineCode?: boolean;
}

/**
 * The visible text of a node, on one line. HTML (comments included) is left out. Iterative,
 * so absurdly deep nesting in a hostile document cannot overflow the stack.
 */
export function nodeText(node: Nodes, options: TextOptions = {}): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    switch (current.type) {
      case 'text':
        parts.push(current.value);
        break;
      case 'inlineCode':
        if (!options.skipInlineCode) parts.push(current.value);
        break;
      case 'break':
        parts.push(' ');
        break;
      case 'image':
        parts.push(current.alt ?? '');
        break;
      case 'html':
      case 'code':
      case 'yaml':
        break;
      default:
        if ('children' in current) {
          for (let i = current.children.length - 1; i >= 0; i -= 1) stack.push(current.children[i] as Nodes);
        }
    }
  }
  return oneLine(parts.join(''));
}

/** The visible text of a paragraph line by line, for `Field: value` lines written one under another. */
export function nodeLines(node: Nodes): string[] {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    if (current.type === 'text' || current.type === 'inlineCode') parts.push(current.value);
    else if (current.type === 'break') parts.push('\n');
    else if (current.type !== 'html' && 'children' in current) {
      for (let i = current.children.length - 1; i >= 0; i -= 1) stack.push(current.children[i] as Nodes);
    }
  }
  return parts
    .join('')
    .split('\n')
    .map(oneLine)
    .filter(Boolean);
}

/** The text of a list item itself, without its nested lists or code blocks. */
export function itemOwnText(item: ListItem, options: TextOptions = {}): string {
  return oneLine(
    item.children
      .filter((child) => child.type === 'paragraph' || child.type === 'heading')
      .map((child) => nodeText(child, options))
      .join(' '),
  );
}

/** The first paragraph of a list item, where a field such as `**Response Time**: 15 min` sits. */
export function firstParagraph(item: ListItem): Paragraph | null {
  const first = item.children[0];
  return first && first.type === 'paragraph' ? first : null;
}

export interface BoldField {
  /** The bold text, trailing colon removed: "Response Time". */
  name: string;
  /** What follows it, leading colon removed: "Immediate (< 15 min)". */
  value: string;
  /** Nothing but bold text (and maybe a colon or a parenthesis): a heading in disguise. */
  standalone: boolean;
}

/** Reads a paragraph that starts with bold text: `**Name**: value` or `**Name:** value` or `**Name**`. */
export function boldField(paragraph: Paragraph): BoldField | null {
  const children = paragraph.children;
  let i = 0;
  while (i < children.length && children[i].type === 'text' && nodeText(children[i]) === '') i += 1;
  const strong = children[i];
  if (!strong || strong.type !== 'strong') return null;
  const name = nodeText(strong).replace(/\s*:\s*$/, '').trim();
  if (name === '') return null;
  const rest = nodeText({ type: 'paragraph', children: children.slice(i + 1) });
  const value = rest.replace(/^:\s*/, '').trim();
  return { name, value, standalone: value === '' || /^\(.*\)$/.test(value) };
}

/** 1-based line where a node starts, or 0 when the parser gave no position. */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}
