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
  /** `NAME=value` before the command, or alone. */
  Assigns: Assign[];
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

export interface FuncDecl extends Node {
  Name: Lit;
}

/** `export`, `declare`, `typeset`, `local`, `readonly` or `nameref` and what follows. */
export interface DeclClause extends Node {
  Variant: Lit;
  Args: Assign[];
}

/**
 * `NAME=value`, `NAME[i]=value`, `NAME=(…)`; in a DeclClause also a bare word (`Naked`):
 * an option such as `-x` or a name alone, held in `Name` or, when quoted, in `Value`.
 */
export interface Assign extends Node {
  Naked: boolean;
  Name: Lit | null;
  /** The subscript of `NAME[i]=…`: arithmetic for indexed arrays. */
  Index: Node | null;
  Value: Word | null;
  Array: ArrayExpr | null;
}

export interface ArrayExpr extends Node {
  Elems: ArrayElem[];
}

export interface ArrayElem extends Node {
  /** The subscript of `[i]=value`. */
  Index: Node | null;
  Value: Word | null;
}

/** `$x`, `${x}`, `${#x}`, `${!x}`, `${a[i]}`, `${x:1:2}`, `${x@P}`, `${x:-y}`, … */
export interface ParamExp extends Node {
  Short: boolean;
  /** `${!x}` (indirect), `${!prefix*}` (with `Names`) or `${!a[@]}` (with `Index`). */
  Excl: boolean;
  /** `${#x}`. */
  Length: boolean;
  /** Non-zero for `${!prefix*}` and `${!prefix@}`, which list names. */
  Names: number;
  Param: Lit;
  Index: Node | null;
  Slice: { Offset: Node | null; Length: Node | null } | null;
  Exp: { Op: number; Word: Word | null } | null;
}

/** `$((…))`, `$[…]`, `((…))`: X is the arithmetic expression. */
export interface ArithmExp extends Node {
  X: Node;
}

export interface LetClause extends Node {
  Exprs: Node[];
}

export interface CStyleLoop extends Node {
  Init: Node | null;
  Cond: Node | null;
  Post: Node | null;
}

/** `[[ -v x ]]`: the operator is the text from OpPos to X. */
export interface UnaryTest extends Node {
  OpPos: number;
  X: Node;
}

/** `[[ a -eq b ]]`: the operator is the text from OpPos to Y. */
export interface BinaryTest extends Node {
  OpPos: number;
  X: Node;
  Y: Node;
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
