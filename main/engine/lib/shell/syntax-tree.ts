// The syntax tree of a shell command as plain objects, converted once from mvdan/sh's Go
// values. Node and field names are those of mvdan.cc/sh/v3/syntax; positions are UTF-8 byte
// offsets into the parsed text.

export interface Node {
  /** The Go type's name: `CallExpr`, `Stmt`, `Word`, … */
  type: string;
  pos: number;
  end: number;
}

export interface File extends Node {
  Stmts: Stmt[];
}

export interface Stmt extends Node {
  /** Null for a statement that is only redirections, e.g. `> file`. */
  Cmd: Node | null;
  Redirs: Redirect[];
  Negated: boolean;
  Background: boolean;
}

export interface CallExpr extends Node {
  Assigns: Node[];
  Args: Word[];
}

export interface BinaryCmd extends Node {
  OpPos: number;
  X: Stmt;
  Y: Stmt;
}

export interface WhileClause extends Node {
  Until: boolean;
  Cond: Stmt[];
  Do: Stmt[];
}

export interface ForClause extends Node {
  Loop: Node;
}

export interface CStyleLoop extends Node {
  Cond: Node | null;
}

export interface FuncDecl extends Node {
  Name: Lit;
}

export interface Redirect extends Node {
  OpPos: number;
  Word: Word;
  /** The body of a here-document; null when it is empty. */
  Hdoc: Word | null;
}

export interface Word extends Node {
  Parts: Node[];
}

export interface Lit extends Node {
  Value: string;
}

export interface SglQuoted extends Node {
  Dollar: boolean;
  Value: string;
}

export interface DblQuoted extends Node {
  Parts: Node[];
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** The nodes directly below `node`, in source order. */
export function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) children.push(...value.filter(isNode));
    else if (isNode(value)) children.push(value);
  }
  return children;
}

/**
 * Calls `visit` for `node` and every node below it, depth first in source order; when
 * `visit` returns false the nodes below that one are skipped.
 */
export function walk(node: Node, visit: (node: Node) => boolean): void {
  if (!visit(node)) return;
  for (const key in node) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit);
    } else if (isNode(value)) {
      walk(value, visit);
    }
  }
}
