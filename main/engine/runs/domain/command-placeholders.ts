// Where each {{name}} stands in a command template, as the shell will read
// it: inside which quotes (so the value is quoted to fit), whether the value
// begins an argument (so a leading "-" would reach the program as an
// option), and whether a "--" before it has ended the options.

export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type Quoting = 'none' | 'single' | 'double';

// Places where no quoting keeps a value literal, or where this reading of
// the template could be wrong about the quotes around it.
export type Unquotable =
  | 'backticks'
  | 'here-document'
  | 'backslash'
  | 'dollar'
  | 'ansi-c-quotes'
  | 'parameter-expansion'
  | 'case-in-substitution';

// Completes "{{name}} …" in a procedure definition error.
export const UNQUOTABLE: Record<Unquotable, string> = {
  backticks: 'is inside backticks, where no quoting keeps its value literal; use $( … ) instead',
  'here-document': 'is in a here-document, where no quoting keeps its value literal; set a variable to it before (v={{…}}) and use $v inside',
  backslash: 'follows a backslash, which would make the opening quote of its value literal; remove the backslash',
  dollar: 'follows a "$", which would make its value part of an expansion; remove the "$" or put a space after it',
  'ansi-c-quotes': "is inside $'…', which reads backslash escapes in its value; put it outside those quotes",
  'parameter-expansion': 'is inside ${…}, where bash and sh read quotes in its value differently; set a variable to it before (v={{…}}) and use ${v…}',
  'case-in-substitution': 'comes after a case … esac inside $( … ), where the quotes around it cannot be told; move it before the case or out of the $( … )',
};

export interface PlaceholderUse {
  name: string;
  start: number;
  end: number;
  quoting: Quoting;
  unquotable: Unquotable | null;
  // Only quotes or expansions that may be empty come before the value in
  // its word, and the word is an argument (not the file of a redirection).
  startsArgument: boolean;
  // An unquoted "--" ended the options of this command before the value.
  afterOptions: boolean;
}

// "open": options may follow. "dashes": the last word was "--"; the next
// word tells whose: a plain word there (`sudo -- rm {{x}}`, `kubectl exec
// pod -- cat {{x}}`) is a command the wrapper runs, whose options are open.
type Options = 'open' | 'dashes' | 'ended';

interface Word {
  started: boolean;
  // Nothing yet that is certainly not empty.
  empty: boolean;
  // Only unquoted literal characters so far.
  plain: boolean;
  text: string;
  redirect: boolean;
}

// $'…' (bash) reads backslash escapes, so \' does not end it.
type Reading = Quoting | 'ansi-c';

// What a $( … ) interrupts, restored at its ")".
interface Frame {
  quoting: Reading;
  word: Word;
  options: Options;
  // Unclosed "(" inside the substitution.
  parens: number;
}

const newWord = (redirect = false): Word => ({ started: false, empty: true, plain: true, text: '', redirect });
const NAME_CHAR = /[A-Za-z0-9_]/;

export function placeholderUses(template: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  const frames: Frame[] = [];
  const placeholder = new RegExp(PLACEHOLDER.source, 'y');
  let quoting = 'none' as Reading;
  let word = newWord();
  let options: Options = 'open';
  let backticks = false;
  // The character just before a placeholder that changes how its value reads.
  let joinedTo: 'backslash' | 'dollar' | null = null;
  let hereDocument: 'no' | 'next line' | 'yes' = 'no';
  let caseInSubstitution = false;
  // ${…} being read: its text may expand to nothing.
  let braces = 0;

  for (let i = 0; i < template.length; ) {
    placeholder.lastIndex = i;
    const found = placeholder.exec(template);
    if (found) {
      uses.push({
        name: found[1],
        start: i,
        end: i + found[0].length,
        quoting: quoting === 'ansi-c' ? 'single' : quoting,
        unquotable: unquotable(),
        startsArgument: word.empty && !word.redirect,
        afterOptions: options !== 'open',
      });
      joinedTo = null;
      word.started = true;
      word.plain = false;
      if (braces === 0) word.empty = false;
      i += found[0].length;
      continue;
    }
    const ch = template[i];
    const next = template[i + 1] ?? '';

    if (quoting === 'single') {
      if (ch === "'") quoting = 'none';
      else literal(ch, false);
      i++;
    } else if (ch === '\\' && startsPlaceholder(i + 1)) {
      // The next character is literal: a value's opening quote would be too.
      joinedTo = 'backslash';
      i++;
    } else if (quoting === 'ansi-c') {
      if (ch === "'") quoting = 'none';
      else literal(ch, false);
      i += ch === '\\' ? 2 : 1;
    } else if (ch === '\\') {
      // A backslash-newline joins lines; anything else escaped is literal.
      if (next !== '\n') literal(next, false);
      i += 2;
    } else if (ch === '$') {
      i = expansion(i);
    } else if (ch === '`') {
      backticks = !backticks;
      word.started = true;
      word.plain = false;
      i++;
    } else if (braces > 0 && ch === '}') {
      braces--;
      i++;
    } else if (quoting === 'double') {
      if (ch === '"') quoting = 'none';
      else literal(ch, false);
      i++;
    } else {
      i = unquoted(i);
    }
  }
  return uses;

  function startsPlaceholder(at: number): boolean {
    placeholder.lastIndex = at;
    return placeholder.test(template);
  }

  function unquotable(): Unquotable | null {
    if (joinedTo) return joinedTo;
    if (quoting === 'ansi-c') return 'ansi-c-quotes';
    if (backticks) return 'backticks';
    if (hereDocument === 'yes') return 'here-document';
    if (braces > 0) return 'parameter-expansion';
    if (caseInSubstitution) return 'case-in-substitution';
    return null;
  }

  function literal(ch: string, unquoted: boolean): void {
    word.started = true;
    word.text += ch;
    if (!unquoted) word.plain = false;
    if (braces === 0) word.empty = false;
  }

  function endWord(next?: Word): void {
    // Blanks between a redirection and its file keep waiting for the file.
    if (!word.started && !next) return;
    if (word.started && !word.redirect) {
      if (word.plain && word.text === '--') options = options === 'ended' ? 'ended' : 'dashes';
      else if (options === 'dashes') options = word.plain ? 'open' : 'ended';
      // A `case` inside $( … ) has patterns ending in ")", which this reading
      // would take for the end of the substitution.
      if (word.plain && word.text === 'case' && frames.length > 0) caseInSubstitution = true;
    }
    word = next ?? newWord();
  }

  function endCommand(): void {
    endWord();
    options = 'open';
  }

  function unquoted(i: number): number {
    const ch = template[i];
    if (ch === "'" || ch === '"') {
      quoting = ch === "'" ? 'single' : 'double';
      word.started = true;
      word.plain = false;
      return i + 1;
    }
    if (ch === '#' && !word.started) {
      // A comment: values in it are quoted like any, and never options.
      const end = template.indexOf('\n', i);
      const stop = end === -1 ? template.length : end;
      for (const m of template.slice(i, stop).matchAll(PLACEHOLDER)) {
        const start = i + m.index;
        uses.push({ name: m[1], start, end: start + m[0].length, quoting: 'none', unquotable: null, startsArgument: false, afterOptions: true });
      }
      return stop;
    }
    if (ch === ' ' || ch === '\t') {
      endWord();
      return i + 1;
    }
    if (ch === '(') {
      if (frames.length) frames[frames.length - 1].parens++;
      endCommand();
      return i + 1;
    }
    if (ch === ')') {
      const frame = frames[frames.length - 1];
      if (frame && frame.parens > 0) {
        frame.parens--;
        endCommand();
      } else if (frame) {
        frames.pop();
        endWord();
        ({ quoting, word, options } = frame);
        word.started = true;
        word.plain = false;
      } else {
        endCommand();
      }
      return i + 1;
    }
    if (ch === '\n' || ch === ';' || ch === '&' || ch === '|') {
      if (ch === '\n' && hereDocument === 'next line') hereDocument = 'yes';
      endCommand();
      return i + 1;
    }
    if (ch === '<' || ch === '>') {
      const op = /^[<>][<>&|]?[<>-]?/.exec(template.slice(i))![0];
      // The body starts on the next line and is not shell words.
      if (op.startsWith('<<') && op !== '<<<' && hereDocument === 'no') hereDocument = 'next line';
      endWord(newWord(true));
      return i + op.length;
    }
    literal(ch, true);
    return i + 1;
  }

  // $name, ${…}, $( … ), $(( … )), $'…', $? and the like: text that may be empty.
  function expansion(i: number): number {
    const next = template[i + 1] ?? '';
    word.started = true;
    word.plain = false;
    if (startsPlaceholder(i + 1)) {
      // `$'…'` in bash reads escapes; in "…" the value would be a name or $( … ).
      joinedTo = 'dollar';
      return i + 1;
    }
    if (next === '(') {
      frames.push({ quoting, word, options, parens: 0 });
      quoting = 'none';
      word = newWord();
      options = 'open';
      return i + 2;
    }
    if (next === '{') {
      braces++;
      return i + 2;
    }
    if (next === "'" && quoting === 'none') {
      quoting = 'ansi-c';
      return i + 2;
    }
    let end = i + 1;
    if (NAME_CHAR.test(next)) while (end < template.length && NAME_CHAR.test(template[end])) end++;
    else if (next && '@*#?$!-'.includes(next)) end++;
    else literal('$', quoting === 'none');
    return end;
  }
}
