import type { Root, RootContent } from 'mdast';
import { frontMatterSpan, MAX_NESTING, MAX_STRETCH_CHARS, riskyStretches, type RiskyStretch } from './markdown-chunks';
import { markdownItToMdast } from './markdown-it-to-mdast';

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

function skippedWarning(stretch: RiskyStretch): string {
  const why =
    stretch.reason === 'deep'
      ? `nest block quotes or lists more than ${MAX_NESTING} levels deep`
      : `hold ${Math.round((stretch.to - stretch.from) / 1000)} KB without a blank line or heading (at most ${MAX_STRETCH_CHARS / 1000} KB)`;
  return `lines ${stretch.firstLine}-${stretch.lastLine} were not imported: they ${why}; simplify them or separate their parts with blank lines`;
}

/** Blanks out `[from, to)` ranges, keeping line endings so that offsets and line numbers stay those of `text`. */
function blankOut(text: string, ranges: readonly { from: number; to: number }[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const range of ranges) {
    parts.push(text.slice(at, range.from), text.slice(range.from, range.to).replace(/[^\n]+/g, (run) => ' '.repeat(run.length)));
    at = range.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Parses Markdown (CommonMark with GFM tables, task lists and strikethrough; YAML and TOML front
 * matter) into an mdast tree, with markdown-it, whose time is linear in the document's length.
 * Positions are those of `text`. Stretches too long or too deeply nested to read safely are
 * left out and listed in `warnings`.
 */
export function parseMarkdown(text: string): ParsedMarkdown {
  const frontMatter = frontMatterSpan(text);
  const stretches = riskyStretches(text);
  const bodyStart = frontMatter?.end ?? 0;
  const hidden = [
    ...(frontMatter ? [{ from: 0, to: frontMatter.end }] : []),
    ...stretches.filter((s) => s.to > bodyStart).map((s) => ({ from: Math.max(s.from, bodyStart), to: s.to })),
  ];
  const root: Root = markdownItToMdast(blankOut(text, hidden));
  if (frontMatter) {
    const node = {
      type: frontMatter.format,
      value: frontMatter.value,
      position: { start: { line: 1, column: 1, offset: 0 }, end: { line: frontMatter.endLine + 1, column: 4, offset: frontMatter.end } },
    };
    root.children.unshift(node as RootContent);
  }
  return { root, warnings: stretches.map(skippedWarning) };
}
