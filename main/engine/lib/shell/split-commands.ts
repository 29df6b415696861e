// Splits a block of shell into its top-level commands, as the parser sees them: a command
// continued over several lines (`\`, `&&` at a line end, `if … fi`) and a command with its
// here-documents stay whole; comments between commands are dropped.
import { parseShell, type Source } from './shell-parser';
import { walk, type Redirect, type Stmt } from './syntax-tree';

/** The byte offset where a statement ends, its here-document bodies included. */
function statementEnd(stmt: Stmt, src: Source): number {
  let end = stmt.end;
  let emptyHeredoc = false;
  walk(stmt, (n) => {
    if (n.type !== 'Redirect') return true;
    const r = n as Redirect;
    const op = src.slice(r.OpPos, r.Word.pos).trim();
    if (op !== '<<' && op !== '<<-') return true;
    if (r.Hdoc) end = Math.max(end, r.Hdoc.end);
    else emptyHeredoc = true;
    return true;
  });
  // An empty here-document has no body node: its closing line follows the command's line.
  return emptyHeredoc ? src.endOfNextLine(end) : end;
}

/** The top-level commands of a shell block, in order. A block that does not parse is one command. */
export function splitCommands(block: string): string[] {
  const parsed = parseShell(block);
  if (!parsed.ok) return block.trim() ? [block.trim()] : [];
  const src = parsed.source;
  const ranges: Array<[number, number]> = [];
  for (const stmt of parsed.file.Stmts) {
    const start = stmt.pos;
    const end = statementEnd(stmt, src);
    const last = ranges[ranges.length - 1];
    // `cat <<A; cat <<B` on one line: the bodies follow both commands, so they stay together.
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges.map(([start, end]) => src.slice(start, end).trim().replace(/(?<!;);$/, '').trimEnd());
}
