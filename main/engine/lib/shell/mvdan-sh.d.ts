// The part of mvdan-sh (mvdan.cc/sh/v3/syntax compiled to JavaScript by GopherJS) that
// shell-parser.ts uses. A parsed file's `__internal_object__` is the Go value itself: reading
// it directly is many times faster than through the package's JavaScript wrappers.
declare module 'mvdan-sh' {
  /** A GopherJS type: `string` is the Go type's name, e.g. `*syntax.CallExpr`. */
  export interface GoType {
    string: string;
    kind: number;
    nil?: unknown;
    elem?: GoType & { fields?: GoField[] };
  }

  export interface GoField {
    name: string;
    prop: string;
    typ: GoType;
  }

  /** A Go value: struct pointers have their fields as properties and `Pos()`/`End()` methods. */
  export interface GoValue {
    constructor: GoType;
    [field: string]: unknown;
  }

  export interface ParseError {
    Text: string;
    Pos: { Line(): number };
  }

  export interface Parser {
    /** Throws a ParseError. */
    Parse(source: string, name: string): { __internal_object__: GoValue };
  }

  const sh: { syntax: { NewParser(): Parser } };
  export default sh;
}
