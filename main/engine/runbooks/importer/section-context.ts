import type { Context, HeadingInfo } from './document-walker';
import { cleanTitle } from './text-patterns';

/** Labels that only announce what follows ("**Template:**") and name nothing. */
const GENERIC_LABEL = /^(templates?|examples?|example usage|usage|code|commands?|note|notes)$/i;

export function nearestHeading(ctx: Context): HeadingInfo | null {
  return ctx.headings[ctx.headings.length - 1] ?? null;
}

/** The most recent bold label under the nearest heading that names something. */
export function effectiveLabel(ctx: Context): string | null {
  for (let i = ctx.labels.length - 1; i >= 0; i -= 1) {
    const label = cleanTitle(ctx.labels[i]);
    if (label && !GENERIC_LABEL.test(label)) return label;
  }
  return null;
}

/** "Disk Space Full › Diagnostic Steps": the nearest heading and its label, numbering removed. */
export function sectionTitle(ctx: Context, fallback: string): string {
  const heading = nearestHeading(ctx);
  const label = effectiveLabel(ctx);
  const head = heading ? cleanTitle(heading.text) : '';
  if (head && label) return `${head} › ${label}`;
  return head || label || fallback;
}

/** Every heading below the title, outermost first, then the label: "Common Incidents › Disk Space Full › Resolution". */
export function sectionPath(ctx: Context): string {
  const parts = ctx.headings.filter((h) => !h.isTitle).map((h) => cleanTitle(h.text)).filter(Boolean);
  const label = effectiveLabel(ctx);
  if (label) parts.push(label);
  return parts.join(' › ');
}

/** Identifies "the same place": same nearest heading and same label. */
export function sectionKey(ctx: Context): string {
  return `${nearestHeading(ctx)?.line ?? 0}|${effectiveLabel(ctx) ?? ''}`;
}

/** The label and heading texts nearest first: what a block is about, most specific first, the title last. */
export function contextChain(ctx: Context): string[] {
  const chain: string[] = [];
  for (let i = ctx.labels.length - 1; i >= 0; i -= 1) chain.push(ctx.labels[i]);
  for (let i = ctx.headings.length - 1; i >= 0; i -= 1) chain.push(ctx.headings[i].text);
  return chain;
}

/**
 * The chain without the document's title: what a section is about, not what the whole document is.
 * "Payments On-call Runbook" titles every section of it, and none is a contact list for that.
 */
export function sectionChain(ctx: Context): string[] {
  const chain: string[] = [];
  for (let i = ctx.labels.length - 1; i >= 0; i -= 1) chain.push(ctx.labels[i]);
  for (let i = ctx.headings.length - 1; i >= 0; i -= 1) if (!ctx.headings[i].isTitle) chain.push(ctx.headings[i].text);
  return chain;
}

/** The first entry of the chain that any of the patterns match, with the index of the pattern. */
export function firstMatch(chain: readonly string[], patterns: readonly RegExp[]): number {
  for (const text of chain) {
    for (let p = 0; p < patterns.length; p += 1) if (patterns[p].test(text)) return p;
  }
  return -1;
}
