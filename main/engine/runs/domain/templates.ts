import { shellQuote } from '../../lib/shell/shell-quote';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

// Replaces {{name}} with the value; names without a value stay as written,
// so a dry run can show where a later step's choice will go.
export function renderTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
  quote: (value: string) => string,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? quote(values[name]) : whole,
  );
}

export function renderCommand(template: string, values: Readonly<Record<string, string>>): string {
  return renderTemplate(template, values, shellQuote);
}

// Host aliases and URLs are not shell text: substituted as they are, and
// validated where they are used.
export function renderPlain(template: string, values: Readonly<Record<string, string>>): string {
  return renderTemplate(template, values, (v) => v);
}
