// The communication templates' {{placeholder}} syntax, filled for machines instead of people: a
// JSON body gets each value escaped inside its string, a URL gets it percent-encoded, a header
// gets it on one line. A name no message has is an error (a typo would otherwise go out as text).
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type FillMode = 'json' | 'url' | 'header';

export class TemplateError extends Error {}

const RAW_IN_URL = new Set(['url', 'secret']);

function escaped(name: string, value: string, mode: FillMode): string {
  if (mode === 'json') return JSON.stringify(value).slice(1, -1);
  if (mode === 'url') return RAW_IN_URL.has(name) ? value : encodeURIComponent(value);
  return value.replace(/[\r\n]+/g, ' ');
}

export function fillTemplate(template: string, values: Record<string, string>, mode: FillMode, where: string): string {
  return template.replace(PLACEHOLDER, (_whole, raw: string) => {
    const name = raw.toLowerCase();
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      throw new TemplateError(`${where} uses {{${raw}}}, which no message has; the placeholders are ${Object.keys(values).sort().join(', ')}.`);
    }
    return escaped(name, values[name], mode);
  });
}

/** Fills a JSON body template and checks the result is JSON, so a broken template fails before anything goes out. */
export function fillJsonBody(template: string, values: Record<string, string>, where: string): string {
  const filled = fillTemplate(template, values, 'json', where);
  try {
    JSON.parse(filled);
  } catch (err) {
    throw new TemplateError(`${where} is not valid JSON once filled (${(err as Error).message}); put each {{placeholder}} inside a "string".`);
  }
  return filled;
}
