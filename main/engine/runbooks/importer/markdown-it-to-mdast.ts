// markdown-it reads Markdown in linear time but gives a flat token stream with block line
// ranges; the importer reads an mdast tree with positions. This builds that tree: the node
// types and fields of mdast with its GFM and front matter extensions, positions where the
// importer reads them (block nodes and table rows; phrasing nodes have none).
import type {
  Blockquote,
  Code,
  Heading,
  List,
  ListItem,
  Nodes,
  Parent,
  Paragraph,
  PhrasingContent,
  Root,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import markdownIt, { type MarkdownIt, type StateBlock, type Token } from 'markdown-it';

type Position = NonNullable<Nodes['position']>;

/**
 * Deepest nesting of blocks and of inline markup markdown-it reads; past it markdown-it drops
 * the rest of the enclosing block. Above twice the document walker's own limit (a list level is
 * two), so the walker sees that content and reports it skipped; lines that could nest deeper are
 * left out before parsing (MAX_PREFIX_COLUMNS in markdown-chunks.ts).
 */
const MAX_PARSER_NESTING = 256;

interface Env {
  /** Offset where the block whose first token has this index starts (after container markers and indentation). */
  blockStarts: Map<number, number>;
}

function createParser(): MarkdownIt {
  const md = markdownIt('default', { html: true, linkify: false, typographer: false, maxNesting: MAX_PARSER_NESTING });
  // Every URL is kept as written: nothing is rendered.
  md.validateLink = () => true;
  md.normalizeLink = (url: string) => url;
  // Runs before every other block rule at the start of each block and never matches: it notes
  // where the block starts, which the tokens do not say (they only carry line ranges).
  md.block.ruler.before('table', 'block_start', (state: StateBlock, line: number, _end: number, silent: boolean) => {
    if (!silent) (state.env as unknown as Env).blockStarts.set(state.tokens.length, state.bMarks[line] + state.tShift[line]);
    return false;
  });
  return md;
}

const parser = createParser();

/** Offsets of line starts, to turn markdown-it's line ranges into positions. */
class Lines {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Offset of the end of a line's text, trailing blanks left out. */
  end(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    const from = this.starts[line];
    while (end > from && (this.text[end - 1] === ' ' || this.text[end - 1] === '\t')) end -= 1;
    return end;
  }

  blank(line: number): boolean {
    return this.end(line) === this.starts[line];
  }

  /** Offset of the first character on a line that is not a blank. */
  firstText(line: number): number {
    const end = this.end(line);
    let at = this.starts[line];
    while (at < end && (this.text[at] === ' ' || this.text[at] === '\t')) at += 1;
    return at;
  }

  /**
   * A position for 0-based lines `[from, to)`: ends on the last line that is not blank (or on
   * the last line, for fenced code whose content runs to its end unclosed), at the end of its text.
   */
  position(from: number, to: number, startOffset: number | undefined, keepBlankEnd = false): Position {
    let last = Math.max(from, Math.min(to, this.starts.length) - 1);
    while (!keepBlankEnd && last > from && this.blank(last)) last -= 1;
    const start = startOffset ?? this.firstText(from);
    const end = Math.max(start, this.end(last));
    return {
      start: { line: from + 1, column: start - this.starts[from] + 1, offset: start },
      end: { line: last + 1, column: end - this.starts[last] + 1, offset: end },
    };
  }
}

function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

function plain(nodes: readonly PhrasingContent[]): string {
  let out = '';
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as PhrasingContent;
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'image') out += node.alt ?? '';
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]);
  }
  return out;
}

/** Appends text, merged with the text before it: mdast has one text node for a run of text. */
function pushText(into: PhrasingContent[], value: string): void {
  if (value === '') return;
  const last = into[into.length - 1];
  if (last && last.type === 'text') last.value += value;
  else into.push({ type: 'text', value });
}

/** Phrasing content from an inline token's children. */
function phrasing(tokens: readonly Token[] | null): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: { into: PhrasingContent[] }[] = [{ into: root }];
  for (const token of tokens ?? []) {
    const into = stack[stack.length - 1].into;
    switch (token.type) {
      case 'text':
      case 'text_special':
        pushText(into, token.content);
        break;
      case 'softbreak':
        pushText(into, '\n');
        break;
      case 'hardbreak':
        into.push({ type: 'break' });
        break;
      case 'code_inline':
        into.push({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline':
        into.push({ type: 'html', value: token.content });
        break;
      case 'image':
        into.push({ type: 'image', url: attr(token, 'src') ?? '', title: attr(token, 'title'), alt: plain(phrasing(token.children)) });
        break;
      case 'strong_open':
      case 'em_open':
      case 's_open':
      case 'link_open': {
        const children: PhrasingContent[] = [];
        const node: PhrasingContent =
          token.type === 'strong_open'
            ? { type: 'strong', children }
            : token.type === 'em_open'
              ? { type: 'emphasis', children }
              : token.type === 's_open'
                ? { type: 'delete', children }
                : { type: 'link', url: attr(token, 'href') ?? '', title: attr(token, 'title'), children };
        into.push(node);
        stack.push({ into: children });
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        if (stack.length > 1) stack.pop();
        break;
      default:
        pushText(into, token.content);
    }
  }
  return root;
}

/** A GFM task item (`[ ]`/`[x]` then a blank) has its check read into `checked` and removed from its text. */
function readTaskCheck(item: ListItem): void {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return;
  const text = first.children[0];
  if (!text || text.type !== 'text') return;
  const m = /^\[([ \txX])\](?:[ \t]+|(?=\n))/.exec(text.value);
  if (!m) return;
  if (m[0].length === text.value.length && first.children.length === 1) return;
  item.checked = m[1] === 'x' || m[1] === 'X';
  // As in mdast's GFM task items, the paragraph starts after the check.
  const start = first.position?.start;
  if (start?.offset !== undefined && !m[0].includes('\n')) {
    start.offset += m[0].length;
    start.column += m[0].length;
  }
  text.value = text.value.slice(m[0].length).replace(/^\n/, '');
  if (text.value === '') first.children.shift();
}

function align(token: Token): 'left' | 'right' | 'center' | null {
  const m = /text-align:(left|right|center)/.exec(attr(token, 'style') ?? '');
  return m ? (m[1] as 'left' | 'right' | 'center') : null;
}

/** Code value from markdown-it's content: its lines without the last line ending. */
function codeValue(content: string): string {
  return content.endsWith('\n') ? content.slice(0, -1) : content;
}

type Open = { node: Parent };

/**
 * Builds the tree from markdown-it's tokens for `text` (line endings already `\n`). `starts`
 * gives the start offset of a block by the index of its first token.
 */
function buildTree(tokens: readonly Token[], text: string, starts: ReadonlyMap<number, number>): Root {
  const lines = new Lines(text);
  const root: Root = { type: 'root', children: [] };
  const stack: Open[] = [{ node: root }];
  const positionOf = (token: Token, index: number): Position | undefined =>
    token.map ? lines.position(token.map[0], token.map[1], starts.get(index), token.type === 'fence') : undefined;
  const add = (node: Nodes): void => {
    (stack[stack.length - 1].node.children as Nodes[]).push(node);
  };
  const open = (node: Parent): void => {
    add(node as Nodes);
    stack.push({ node });
  };
  let tableAlign: ('left' | 'right' | 'center' | null)[] = [];

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const position = positionOf(token, i);
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[i + 1];
        const heading: Heading = { type: 'heading', depth: Number(token.tag.slice(1)) as Heading['depth'], children: phrasing(inline?.children ?? null), position };
        add(heading);
        i += 2;
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const paragraph: Paragraph = { type: 'paragraph', children: phrasing(inline?.children ?? null), position };
        add(paragraph);
        // markdown-it hides the paragraphs of tight lists: a shown one in an item makes its list loose.
        const parent = stack[stack.length - 1].node;
        const list = stack[stack.length - 2]?.node;
        if (!token.hidden && parent.type === 'listItem' && list?.type === 'list') (list as List).spread = true;
        i += 2;
        break;
      }
      case 'blockquote_open': {
        const quote: Blockquote = { type: 'blockquote', children: [], position };
        open(quote);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const list: List = { type: 'list', ordered, start: ordered ? Number(attr(token, 'start') ?? 1) : null, spread: false, children: [], position };
        open(list);
        break;
      }
      case 'list_item_open': {
        const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position };
        open(item);
        break;
      }
      case 'fence':
      case 'code_block': {
        const fenced = token.type === 'fence';
        // Split at spaces and tabs only: `ba\ufeffsh` is one (odd) language, not `ba`.
        const info = fenced ? token.info.replace(/^[ \t]+|[ \t]+$/g, '') : '';
        const space = info.search(/[ \t]/);
        const lang = info === '' ? null : space < 0 ? info : info.slice(0, space);
        const meta = space < 0 ? null : info.slice(space).trim() || null;
        const code: Code = { type: 'code', lang, meta, value: codeValue(token.content), position };
        add(code);
        break;
      }
      case 'html_block':
        add({ type: 'html', value: token.content.replace(/\n+$/, ''), position });
        break;
      case 'hr':
        add({ type: 'thematicBreak', position });
        break;
      case 'table_open': {
        const table: Table = { type: 'table', align: [], children: [], position };
        tableAlign = table.align as typeof tableAlign;
        open(table);
        break;
      }
      case 'tr_open': {
        const row: TableRow = { type: 'tableRow', children: [], position };
        open(row);
        break;
      }
      case 'th_open':
      case 'td_open': {
        if (token.type === 'th_open') tableAlign.push(align(token));
        const cell: TableCell = { type: 'tableCell', children: phrasing(tokens[i + 1]?.children ?? null) };
        add(cell);
        i += 2;
        break;
      }
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'table_close':
      case 'tr_close':
        closeNode(stack.pop());
        break;
      default:
        // thead/tbody wrappers have no mdast node; anything else markdown-it adds is not Markdown the importer reads.
        break;
    }
  }
  return root;
}

/** Finishes a container: a task item's check, a loose list's items. */
function closeNode(open: Open | undefined): void {
  if (!open) return;
  const node = open.node as Nodes;
  if (node.type === 'listItem') readTaskCheck(node);
  if (node.type === 'list') for (const item of node.children) item.spread = node.spread ?? false;
}

/** Parses `text` (line endings `\n`) into an mdast tree. */
export function markdownItToMdast(text: string): Root {
  // markdown-it drops a last line of blanks with no line ending; it belongs to code that runs to the end.
  const source = /\n[ \t]+$/.test(text) ? `${text}\n` : text;
  const env: Env = { blockStarts: new Map() };
  const tokens = parser.parse(source, env as unknown as Record<string, unknown>);
  return buildTree(tokens, source, env.blockStarts);
}
