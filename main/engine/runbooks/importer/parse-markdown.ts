import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CHUNK_CHARS, chunkStarts, MAX_NESTING, MAX_STRETCH_CHARS, type ChunkStart, type SkipReason } from './markdown-chunks';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** A piece that had to be re-joined with the next one stops growing at this size. */
const MAX_MERGED_CHARS = CHUNK_CHARS * 4;

export interface ParsedMarkdown {
  root: Root;
  /** Stretches left out because they were too long to parse safely. */
  warnings: string[];
}

/** Line endings as `\n` and no byte-order mark, so that code blocks and line numbers agree. */
export function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

function shift(tree: Root, start: ChunkStart): void {
  if (start.offset === 0 && start.line === 0) return;
  const stack: Nodes[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const position = node.position;
    if (position) {
      position.start.line += start.line;
      position.end.line += start.line;
      if (position.start.offset !== undefined) position.start.offset += start.offset;
      if (position.end.offset !== undefined) position.end.offset += start.offset;
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
}

/** Whether a piece ends inside a fenced code block or an HTML comment, i.e. was cut in the wrong place. */
function endsOpen(tree: Root, source: string): boolean {
  const last = tree.children[tree.children.length - 1];
  const from = last?.position?.start.offset;
  const to = last?.position?.end.offset;
  if (!last || from === undefined || to === undefined) return false;
  const raw = source.slice(from, to);
  if (last.type === 'html') return raw.startsWith('<!--') && !raw.includes('-->');
  if (last.type !== 'code') return false;
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
  if (!fence) return false;
  const lines = raw.trimEnd().split('\n');
  const closing = lines.length > 1 ? lines[lines.length - 1].trim() : '';
  return !(closing.startsWith(fence[1]) && closing.replace(/[`~]/g, '') === '');
}

function endOf(starts: readonly ChunkStart[], index: number, text: string): number {
  return index < starts.length ? starts[index].offset : text.length;
}

/** The parser's own consistency checks can fail on broken input; such a piece is reported, not thrown. */
function tryParse(source: string): Root | null {
  try {
    return processor.parse(source) as Root;
  } catch {
    return null;
  }
}

function skippedWarning(text: string, starts: readonly ChunkStart[], i: number, j: number, reason: SkipReason | 'unreadable'): string {
  const first = starts[i].line + 1;
  const last = j < starts.length ? starts[j].line : text.split('\n').length;
  const why =
    reason === 'deep'
      ? `nest block quotes or lists more than ${MAX_NESTING} levels deep`
      : reason === 'long'
        ? `hold ${Math.round((endOf(starts, j, text) - starts[i].offset) / 1000)} KB without a blank line or heading (at most ${MAX_STRETCH_CHARS / 1000} KB)`
        : 'could not be read as Markdown';
  return `lines ${first}-${last} were not imported: they ${why}; simplify them or separate their parts with blank lines`;
}

/**
 * Parses Markdown (GFM, YAML and TOML front matter) into an mdast tree. Long documents are
 * parsed in pieces cut between top-level blocks so the time stays linear in their length;
 * positions are those of the whole document. Pieces that cannot be parsed safely are left out
 * and listed in `warnings`.
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  const short = text.length <= CHUNK_CHARS * 2;
  let starts = chunkStarts(text);
  if (short && starts.every((s) => s.skip === null)) {
    const whole = tryParse(text);
    if (whole) return { root: whole, warnings: [] };
    starts = chunkStarts(text, 0);
  }
  const root: Root = { type: 'root', children: [] };
  const warnings: string[] = [];
  let i = 0;
  while (i < starts.length) {
    const start = starts[i];
    const skip = start.skip;
    if (skip) {
      warnings.push(skippedWarning(text, starts, i, i + 1, skip));
      i += 1;
      continue;
    }
    let j = i + 1;
    let source = text.slice(start.offset, endOf(starts, j, text));
    let tree = tryParse(source);
    while (tree && j < starts.length && !starts[j].skip && source.length < MAX_MERGED_CHARS && endsOpen(tree, source)) {
      j += 1;
      source = text.slice(start.offset, endOf(starts, j, text));
      tree = tryParse(source);
    }
    if (tree) {
      shift(tree, start);
      for (const child of tree.children as RootContent[]) root.children.push(child);
    } else {
      warnings.push(skippedWarning(text, starts, i, j, 'unreadable'));
    }
    i = j;
  }
  return { root, warnings };
}
