import type { Code, Heading, List, Nodes, Paragraph, Root, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { importRunbook } from '../../main/engine/runbooks/importer';
import { parseMarkdown } from '../../main/engine/runbooks/importer/parse-markdown';

// The tree markdown-it's tokens are turned into: the mdast shapes and positions the importer reads.

const md = (...lines: string[]): string => lines.join('\n');

/** Start and end as `line:offset`, the way the importer reads them. */
function span(node: Nodes | undefined): string {
  const p = node?.position;
  return p ? `${p.start.line}:${p.start.offset}-${p.end.line}:${p.end.offset}` : 'none';
}

function tree(text: string): Root {
  const parsed = parseMarkdown(text);
  expect(parsed.warnings).toEqual([]);
  return parsed.root;
}

describe('markdown-it tokens as an mdast tree', () => {
  it('gives block nodes their lines and offsets in the whole document', () => {
    const text = md('---', 'title: x', '---', '# Title', '', '> quoted', '> more', '', '  ```sh  --flag', '  ls', '  ```', '', '<div>', 'x', '</div>', '', 'Setext', '===');
    const root = tree(text);
    expect(root.children.map((n) => [n.type, span(n)])).toEqual([
      ['yaml', '1:0-3:16'],
      ['heading', '4:17-4:24'],
      ['blockquote', '6:26-7:41'],
      ['code', '9:45-11:69'],
      ['html', '13:71-15:85'],
      ['heading', '17:87-18:97'],
    ]);
    // Offsets point at the text itself: the `>` of a quote, the fence, the `<` of HTML.
    expect(root.children.map((n) => text[n.position?.start.offset ?? -1])).toEqual(['-', '#', '>', '`', '<', 'S']);
    expect(root.children[0]).toMatchObject({ type: 'yaml', value: 'title: x' });
    expect(root.children[3]).toMatchObject({ type: 'code', lang: 'sh', meta: '--flag', value: 'ls' });
    expect(root.children[4]).toMatchObject({ type: 'html', value: '<div>\nx\n</div>' });
    expect((root.children[5] as Heading).depth).toBe(1);
  });

  it('reads TOML front matter only at the very start and only when it is closed', () => {
    expect(tree(md('+++', 'title = "x"', '+++', 'body')).children.map((n) => n.type)).toEqual(['toml', 'paragraph']);
    expect(tree(md('', '---', 'title: x', '---')).children.map((n) => n.type)).toEqual(['thematicBreak', 'heading']);
    expect(tree(md('---', 'title: x')).children.map((n) => n.type)).toEqual(['thematicBreak', 'paragraph']);
  });

  it('reads GFM task items, removing the check as mdast does, and tight and loose lists', () => {
    const root = tree(md('- [ ] open', '- [x] done', '- [X] also', '- [ ]', '- plain', '', '3. a', '', '4. b'));
    const [tasks, ordered] = root.children as List[];
    expect(tasks.children.map((item) => [item.checked, (item.children[0] as Paragraph | undefined)?.children])).toEqual([
      [false, [{ type: 'text', value: 'open' }]],
      [true, [{ type: 'text', value: 'done' }]],
      [true, [{ type: 'text', value: 'also' }]],
      [null, [{ type: 'text', value: '[ ]' }]],
      [null, [{ type: 'text', value: 'plain' }]],
    ]);
    expect(span(tasks.children[0].children[0])).toBe('1:6-1:10');
    expect([tasks.spread, ordered.ordered, ordered.start, ordered.spread]).toEqual([false, true, 3, true]);
  });

  it('reads tables with their alignment and a position per row', () => {
    const table = tree(md('| Level | Response |', '|:--|--:|', '| P1 | 15 min |', '| P2 |')).children[0] as Table;
    expect(table.align).toEqual(['left', 'right']);
    expect(table.children.map((row) => [span(row), row.children.map((cell) => (cell.children[0] as { value?: string } | undefined)?.value ?? '')])).toEqual([
      ['1:0-1:20', ['Level', 'Response']],
      ['3:31-3:46', ['P1', '15 min']],
      ['4:47-4:53', ['P2', '']],
    ]);
  });

  it('reads phrasing: text with its line breaks, code, emphasis, strikethrough, links, images, HTML', () => {
    const paragraph = tree(md('~~gone~~ **b** _e_ `c  d` [l](http://u "t") ![alt *x*](i.png) <https://a.b> <br> line  ', 'next', 'soft'))
      .children[0] as Paragraph;
    expect(paragraph.children).toEqual([
      { type: 'delete', children: [{ type: 'text', value: 'gone' }] },
      { type: 'text', value: ' ' },
      { type: 'strong', children: [{ type: 'text', value: 'b' }] },
      { type: 'text', value: ' ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'e' }] },
      { type: 'text', value: ' ' },
      { type: 'inlineCode', value: 'c  d' },
      { type: 'text', value: ' ' },
      { type: 'link', url: 'http://u', title: 't', children: [{ type: 'text', value: 'l' }] },
      { type: 'text', value: ' ' },
      { type: 'image', url: 'i.png', title: null, alt: 'alt x' },
      { type: 'text', value: ' ' },
      { type: 'link', url: 'https://a.b', title: null, children: [{ type: 'text', value: 'https://a.b' }] },
      { type: 'text', value: ' ' },
      { type: 'html', value: '<br>' },
      { type: 'text', value: ' line' },
      { type: 'break' },
      { type: 'text', value: 'next\nsoft' },
    ]);
  });

  it('keeps indented code, and code left open to the end of its list item or document', () => {
    const root = tree(md('    indented', '', '1. step', '   ```bash', '   ls \\', '', '2. next', '', '```', 'tail', ' '));
    const codes: Code[] = [];
    const stack: Nodes[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as Nodes;
      if (node.type === 'code') codes.push(node);
      if ('children' in node) stack.push(...[...node.children].reverse());
    }
    expect(codes.map((c) => [c.lang, c.value, span(c)])).toEqual([
      [null, 'indented', '1:4-1:12'],
      ['bash', 'ls \\\n', '4:25-6:41'],
      [null, 'tail\n ', '9:51-11:60'],
    ]);
  });

  it('reads a reference link whose definition is far below it', () => {
    const text = md('See [the dashboard][dash].', '', ...Array.from({ length: 3_000 }, (_, i) => `Paragraph ${i} of filler text.\n`), '[dash]: https://grafana.example/d/1');
    const first = tree(text).children[0] as Paragraph;
    expect(first.children[1]).toMatchObject({ type: 'link', url: 'https://grafana.example/d/1' });
  });
});

describe('input too deep to read', () => {
  it('leaves out a line nesting more than 32 block quotes and keeps the rest', () => {
    const x = importRunbook(md('## A', '', `${'> '.repeat(40)}deep`, '', '## B', '', '- [ ] kept'));
    expect(x.checklists.map((c) => c.title)).toEqual(['B']);
    expect(x.warnings[0]).toBe('lines 3-4 were not imported: they nest block quotes or lists more than 32 levels deep; simplify them or separate their parts with blank lines');
  });

  it('leaves out lists nested deeper, over many lines, than the parser reads, and keeps what follows', () => {
    const nested = Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- level ${i}`);
    const x = importRunbook(md('## Deep', '', ...nested, '', '## After', '', '- [ ] kept'));
    expect(x.checklists.map((c) => [c.title, c.items])).toEqual([['After', ['kept']]]);
    expect(x.warnings[0]).toMatch(/^lines 1-153 were not imported: they nest block quotes or lists more than 32 levels deep;/);
  });

  it('reads lists nested 60 levels deep, as far as the importer walks', () => {
    const nested = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i}`);
    let node: Nodes | undefined = tree(md('## Deep', '', ...nested)).children[1];
    let depth = 0;
    while (node?.type === 'list') {
      depth += 1;
      node = (node as List).children[0]?.children[1];
    }
    expect(depth).toBe(60);
  });
});
