// Values a person must fill in before a command can run or a message can be sent:
// `<previous-tag-or-commit>`, `[Brief description]`, `{{title}}`, `YYYY-MM-DD`, and in
// commands `$VAR` when nothing sets it. Every scan is a single regular-expression pass.
// A Go or Helm template handed to a program in quotes (`-o go-template='{{range .items}}…'`)
// is the program's own syntax, not a blank.

export type PlaceholderMode = 'command' | 'template';

export interface PlaceholderOptions {
  /** `command` (default) also reports `$VAR`; `template` accepts looser `[…]` placeholders. */
  mode?: PlaceholderMode;
  /** Shell variables the runbook sets itself; they need no value. */
  definedVariables?: ReadonlySet<string>;
}

/** Variables every shell or CI environment provides. */
const ENVIRONMENT_VARIABLES = new Set([
  'HOME', 'USER', 'PATH', 'PWD', 'OLDPWD', 'SHELL', 'HOSTNAME', 'LANG', 'TERM', 'TMPDIR', 'UID', 'EUID',
  'PPID', 'RANDOM', 'SECONDS', 'LINENO', 'IFS', 'PS1', 'EDITOR', 'LOGNAME', 'BASH_SOURCE', 'FUNCNAME', 'REPLY',
]);

const HTML_TAGS = new Set([
  'a', 'b', 'i', 'p', 'br', 'hr', 'em', 'strong', 'code', 'pre', 'kbd', 'sub', 'sup', 'div', 'span', 'img',
  'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'details', 'summary', 'small',
]);

interface Found {
  index: number;
  text: string;
}

const ANGLE = /<([A-Za-z][^<>\n]{0,80})>/g;
const MUSTACHE = /\{\{\s*[A-Za-z_][\w.\- ]{0,60}\}\}/g;
const BRACKET = /\[([^[\]\n]{1,80})\]/g;
const FORMAT_TOKENS = /\b(?:YYYY-MM-DD|HH:MM(?::SS)?|X{2,})\b/g;
// `{title}` in a message template (Python's format, many chat tools); in commands braces are the shell's.
const SINGLE_BRACE = /(?<![{$\\])\{([A-Za-z_][\w.-]{0,40})\}(?!\})/g;
// `[{{severity}}]`, `[<host>]`: brackets around a placeholder are the message's own text, not a second blank.
const WRAPS_PLACEHOLDER = /^(?:\{\{[^{}]*\}\}|\{[A-Za-z_][\w.-]*\}|<[^<>]+>)$/;

/** A Go template action: `{{.Name}}`, `{{ .Values.x }}`, `{{range …}}`, `{{- end }}`, `{{ include "x" . }}`. */
const GO_ACTION = /\{\{-?\s*(?:[.$]|(?:range|end|if|else|with|define|template|block|include|printf|print|index|len|not|and|or|eq|ne|lt|le|gt|ge|toYaml|default|quote)\b)/;

/** Where quoted text holding a Go template is: its mustaches are not placeholders. */
function goTemplateSpans(command: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  let quote = '';
  for (let i = 0; i < command.length; i += 1) {
    const c = command[i];
    if (quote === '') {
      if (c === '\\') i += 1;
      else if (c === "'" || c === '"') {
        quote = c;
        open = i;
      }
    } else if (quote === '"' && c === '\\') {
      i += 1;
    } else if (c === quote) {
      if (GO_ACTION.test(command.slice(open, i))) spans.push([open, i]);
      quote = '';
    }
  }
  return spans;
}

function angleMatches(text: string, mode: PlaceholderMode): RegExpMatchArray[] {
  const found: RegExpMatchArray[] = [];
  for (const m of text.matchAll(ANGLE)) {
    const inner = m[1];
    const index = m.index ?? 0;
    if (index > 0 && text[index - 1] === '<') continue; // heredoc `<<EOF>`
    if (/\s$/.test(inner) || /[:@=]/.test(inner)) continue; // redirections, URLs, e-mail, HTML attributes
    if (HTML_TAGS.has(inner.toLowerCase())) continue;
    if (mode === 'command' && /[()|&;$`"']/.test(inner)) continue;
    found.push(m);
  }
  return found;
}

function angle(text: string, mode: PlaceholderMode, out: Found[]): void {
  for (const m of angleMatches(text, mode)) out.push({ index: m.index ?? 0, text: m[0] });
}

function mustache(text: string, mode: PlaceholderMode, out: Found[]): void {
  const spans = mode === 'command' && text.includes('{{') ? goTemplateSpans(text) : [];
  for (const m of text.matchAll(MUSTACHE)) {
    const index = m.index ?? 0;
    if (spans.some(([from, to]) => index > from && index < to)) continue;
    out.push({ index, text: m[0] });
  }
}

/**
 * The command with each `<placeholder>` replaced by a plain word of the same length
 * (`<pod-name>` → `_pod_name_`), so the shell parser reads it as the value it stands for rather
 * than as redirections. Offsets stay the same; `restorePlaceholders` undoes it.
 */
export function maskPlaceholders(command: string): string {
  const matches = angleMatches(command, 'command');
  if (matches.length === 0) return command;
  let out = '';
  let from = 0;
  for (const m of matches) {
    const index = m.index ?? 0;
    out += command.slice(from, index) + maskOf(m[0]);
    from = index + m[0].length;
  }
  return out + command.slice(from);
}

function maskOf(placeholder: string): string {
  return placeholder.replace(/[^A-Za-z0-9]/g, '_');
}

/** Puts the placeholders of `original` back into text made from its masked form (a rewritten command). */
export function restorePlaceholders(text: string, original: string): string {
  let out = text;
  for (const m of angleMatches(original, 'command')) out = out.split(maskOf(m[0])).join(m[0]);
  return out;
}

/** A bracketed tag such as `[INVESTIGATING] We are…` or `"[INCIDENT P0] Production down"`: text, not a blank. */
function isLeadingTag(text: string, index: number, inner: string): boolean {
  const firstWord = inner.split(/[\s-]+/)[0];
  if (!/^[A-Z][A-Z0-9]+$/.test(firstWord)) return false;
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const before = text.slice(lineStart, index);
  return /^\s*$/.test(before) || /["']$/.test(before);
}

function bracket(text: string, mode: PlaceholderMode, out: Found[]): void {
  for (const m of text.matchAll(BRACKET)) {
    const inner = m[1];
    const index = m.index ?? 0;
    const after = text[index + m[0].length];
    const prev = index > 0 ? text[index - 1] : '';
    if (after === '(' || after === '[' || prev === ']' || prev === '[' || prev === '!') continue; // links, images, `[[`
    if (/^\s|\s$/.test(inner) || /^[xX]$/.test(inner)) continue; // task boxes, shell tests
    if (mode === 'template' ? !/[\p{L}\p{N}]/u.test(inner) : !/^[A-Za-z][A-Za-z0-9 ,.'/_-]*\s[A-Za-z0-9 ,.'/_-]*$/.test(inner)) continue;
    if (isLeadingTag(text, index, inner)) continue;
    if (WRAPS_PLACEHOLDER.test(inner)) continue;
    out.push({ index, text: m[0] });
  }
}

function simple(text: string, re: RegExp, out: Found[]): void {
  for (const m of text.matchAll(re)) out.push({ index: m.index ?? 0, text: m[0] });
}

function shellVariables(command: string): Found[] {
  const found: Found[] = [];
  const seen = new Set<string>();
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < command.length; i += 1) {
    const c = command[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === '\\') {
      i += 1;
    } else if (c === "'" && quote === '') {
      quote = "'";
    } else if (c === '"') {
      quote = quote === '"' ? '' : '"';
    } else if (c === '$') {
      const m = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(:?[-=?+][^}]*)?\})/.exec(command.slice(i, i + 200));
      if (!m) continue;
      const name = m[1] ?? m[2];
      if (!m[3] && !seen.has(name)) {
        seen.add(name);
        found.push({ index: i, text: `$${name}` });
      }
      i += m[0].length - 1;
    }
  }
  return found;
}

/**
 * `$NAME` and `${NAME}` outside single quotes, in order of appearance, without duplicates.
 * `${NAME:-default}` is left out: it has a value to fall back on.
 */
export function findShellVariables(command: string): string[] {
  return shellVariables(command).map((f) => f.text);
}

const ASSIGNMENT = /(?:^|[;&|({`]\s*|\b(?:export|local|declare|readonly|typeset)\s+(?:-\w+\s+)*)([A-Za-z_][A-Za-z0-9_]*)=/gm;
const READ = /\bread\s+(?:-\w+\s+)*([A-Za-z_][A-Za-z0-9_]*(?:\s+[A-Za-z_][A-Za-z0-9_]*)*)/g;
const FOR_LOOP = /\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g;

/** Shell variables a command sets: `NAME=…`, `export NAME=…`, `read NAME`, `for NAME in`. */
export function findAssignedVariables(command: string): string[] {
  const names = new Set<string>();
  for (const line of command.split('\n')) {
    const trimmed = line.trimStart();
    for (const m of trimmed.matchAll(ASSIGNMENT)) names.add(m[1]);
    for (const m of trimmed.matchAll(READ)) for (const n of m[1].trim().split(/\s+/)) names.add(n);
    for (const m of trimmed.matchAll(FOR_LOOP)) names.add(m[1]);
  }
  return [...names];
}

/**
 * The placeholders in a command or template, as written, in order of first appearance.
 */
export function findPlaceholders(text: string, options: PlaceholderOptions = {}): string[] {
  const mode = options.mode ?? 'command';
  const found: Found[] = [];
  angle(text, mode, found);
  mustache(text, mode, found);
  bracket(text, mode, found);
  simple(text, FORMAT_TOKENS, found);
  if (mode === 'template') simple(text, SINGLE_BRACE, found);
  if (mode === 'command') {
    const defined = options.definedVariables ?? new Set<string>();
    for (const variable of shellVariables(text)) {
      const name = variable.text.slice(1);
      if (!defined.has(name) && !ENVIRONMENT_VARIABLES.has(name)) found.push(variable);
    }
  }
  found.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const result: string[] = [];
  for (const f of found) {
    if (seen.has(f.text)) continue;
    seen.add(f.text);
    result.push(f.text);
  }
  return result;
}
