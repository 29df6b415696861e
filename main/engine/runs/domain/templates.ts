import { shellQuote, shellQuoteWithin } from '../../lib/shell/shell-quote';
import { PLACEHOLDER, placeholderUses } from './command-placeholders';

export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

const has = (values: Readonly<Record<string, string>>, name: string) => Object.prototype.hasOwnProperty.call(values, name);

// Replaces {{name}} with the value quoted for where it stands: a word of its
// own, or text inside the quotes the command put around it. Names without a
// value stay as written, so a dry run can show where a later step's choice
// will go.
export function renderCommand(template: string, values: Readonly<Record<string, string>>): string {
  let text = '';
  let from = 0;
  for (const use of placeholderUses(template)) {
    text += template.slice(from, use.start);
    from = use.end;
    if (!has(values, use.name)) text += template.slice(use.start, use.end);
    else if (use.quoting === 'none') text += shellQuote(values[use.name]);
    else text += shellQuoteWithin(use.quoting === 'single' ? "'" : '"', values[use.name]);
  }
  return text + template.slice(from);
}

// Host aliases and URLs are not shell text: substituted as they are, and
// validated where they are used.
export function renderPlain(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (has(values, name) ? values[name] : whole));
}
