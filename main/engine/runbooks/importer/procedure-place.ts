// Which procedure a block's commands belong to: one per heading and bold label, except that a
// heading or label naming one of several ways ("### On Heroku", "**Option B: Hotfix**") adds its
// commands to the procedure of the section above it, as that way.
import { choiceMarker, type ChoiceMarker } from './choice-markers';
import type { Context } from './document-walker';
import { effectiveLabel, nearestHeading, sectionKey, sectionPath, sectionTitle } from './section-context';
import { cleanTitle } from './text-patterns';

export interface ProcedurePlace {
  key: string;
  title: string;
  section: string;
  /** The context the procedure's kind is read from: the section above when this one is a way (whose own title is read first). */
  kindContext: Context;
  /** The way this section is, with the section's own title as its unit. */
  unit: { id: string; marker: ChoiceMarker | null; title: string };
}

const SECTION_MARKERS = new Set(['option', 'or', 'case', 'optional']);

function asWay(text: string): ChoiceMarker | null {
  const marker = choiceMarker(cleanTitle(text));
  return marker && SECTION_MARKERS.has(marker.kind) ? marker : null;
}

export function procedurePlace(ctx: Context, documentTitle: string): ProcedurePlace {
  const label = effectiveLabel(ctx);
  const heading = nearestHeading(ctx);
  const labelWay = label ? asWay(label) : null;
  if (label && labelWay) {
    const parent: Context = { headings: ctx.headings, labels: [] };
    const title = sectionTitle(parent, documentTitle);
    return { key: sectionKey(parent), title, section: sectionPath(parent) || title, kindContext: parent, unit: { id: sectionKey(ctx), marker: labelWay, title: label } };
  }
  const headingWay = !label && heading && !heading.isTitle && ctx.headings.length > 1 ? asWay(heading.text) : null;
  if (heading && headingWay) {
    const parent: Context = { headings: ctx.headings.slice(0, -1), labels: [] };
    const title = sectionTitle(parent, documentTitle);
    return { key: sectionKey(parent), title, section: sectionPath(parent) || title, kindContext: parent, unit: { id: sectionKey(ctx), marker: headingWay, title: cleanTitle(heading.text) } };
  }
  const title = sectionTitle(ctx, documentTitle);
  return { key: sectionKey(ctx), title, section: sectionPath(ctx) || title, kindContext: ctx, unit: { id: sectionKey(ctx), marker: null, title } };
}
