// Just enough of the shell's quoting rules to know where one command ends: quotes, command
// substitutions and subshells may span lines, `\` joins lines, a trailing pipe or `&&` continues
// the command, `<<EOF` starts a here-document, and `#` after a blank starts a comment.

export type QuoteMode = 'single' | 'double' | 'paren' | 'backtick';

export interface HeredocStart {
  delimiter: string;
  /** `<<-EOF`: leading tabs of the body and of the delimiter line are ignored. */
  stripTabs: boolean;
}

export interface LineScan {
  /** Why the command goes on to the next line, if it does. */
  continued: 'none' | 'backslash' | 'operator';
  heredocs: HeredocStart[];
}

const HEREDOC = /^<<(-?)[ \t]*(['"]?)([A-Za-z_][\w.-]*)\2/;
const WORD_BREAK = /[\s;&|(]/;

/**
 * Scans one physical line, updating `stack` (the quotes and parentheses still open at its end).
 * Linear in the length of the line.
 */
export function scanLine(line: string, stack: QuoteMode[]): LineScan {
  const heredocs: HeredocStart[] = [];
  let lastCode = -1;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    const top = stack[stack.length - 1];
    if (top === 'single') {
      if (c === "'") stack.pop();
      lastCode = i;
      continue;
    }
    if (c === '\\') {
      if (i === line.length - 1) return { continued: 'backslash', heredocs };
      i += 1;
      lastCode = i;
      continue;
    }
    if (top === 'backtick') {
      if (c === '`') stack.pop();
      lastCode = i;
      continue;
    }
    if (top === 'double') {
      if (c === '"') stack.pop();
      else if (c === '$' && line[i + 1] === '(') {
        stack.push('paren');
        i += 1;
      } else if (c === '`') stack.push('backtick');
      lastCode = i;
      continue;
    }
    if (c === '#' && (i === 0 || WORD_BREAK.test(line[i - 1]))) break;
    if (c === "'") stack.push('single');
    else if (c === '"') stack.push('double');
    else if (c === '`') stack.push('backtick');
    else if (c === '$' && line[i + 1] === '(') {
      stack.push('paren');
      i += 1;
    } else if (c === '(') stack.push('paren');
    else if (c === ')') {
      if (top === 'paren') stack.pop();
    } else if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<' && line[i - 1] !== '<') {
      const m = HEREDOC.exec(line.slice(i, i + 120));
      if (m) {
        heredocs.push({ delimiter: m[3], stripTabs: m[1] === '-' });
        i += m[0].length - 1;
      }
    }
    if (c !== ' ' && c !== '\t') lastCode = i;
  }
  const tail = line.slice(Math.max(0, lastCode - 1), lastCode + 1);
  const continued = stack.length === 0 && lastCode >= 0 && /(\|\||&&|\|)$/.test(tail) ? 'operator' : 'none';
  return { continued, heredocs };
}
