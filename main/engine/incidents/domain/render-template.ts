import type { RenderedTemplate, TemplateSegment } from '../../../../preload/contract';
import { findPlaceholders } from '../../lib/shell/placeholders';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders. Empty or missing values stay visible as `{{name}}` so a preview
 * can highlight them and nobody posts "ETA: " by accident. Braces that do not form a placeholder
 * are left as they are. Blanks the body leaves for a person (a runbook's "[Brief description]")
 * are reported too; only the body's own text is searched, never a value filled in, so a title
 * such as "[EU] checkout down" is not taken for one.
 */
export function renderTemplate(body: string, values: Record<string, string | null | undefined>): RenderedTemplate {
  const segments: TemplateSegment[] = [];
  const unfilled: string[] = [];
  const literal = (text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.placeholder === undefined) last.text += text;
    else segments.push({ text, filled: true });
  };
  let from = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    literal(body.slice(from, match.index));
    const name = match[1].toLowerCase();
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined || value === null || value.trim() === '') {
      segments.push({ text: `{{${name}}}`, placeholder: name, filled: false });
      if (!unfilled.includes(name)) unfilled.push(name);
    } else {
      segments.push({ text: value, placeholder: name, filled: true });
    }
    from = match.index + match[0].length;
  }
  literal(body.slice(from));
  const blanks = [...new Set(segments.filter((s) => s.placeholder === undefined).flatMap((s) => findPlaceholders(s.text, { mode: 'template' })))];
  return { text: segments.map((s) => s.text).join(''), segments, unfilled, blanks };
}

/** Placeholder names a template uses, each once. */
export function placeholdersIn(body: string): string[] {
  const names: string[] = [];
  for (const m of body.matchAll(PLACEHOLDER)) {
    const name = m[1].toLowerCase();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
