import type { Code } from 'mdast';
import { findPlaceholders } from '../../lib/shell/placeholders';
import type { CodeRole } from './code-blocks';
import type { Block, HeadingInfo } from './document-walker';
import { sectionPath, sectionTitle } from './section-context';
import { isPostmortemTitle, templateKind } from './section-kinds';
import { cleanTitle } from './text-patterns';
import type { RunbookTemplate } from './types';

// Templates are messages and reports with blanks to fill in: plain-text blocks and quotes under
// communication or post-mortem headings, a Markdown section titled as a template, or a whole
// document that is a post-mortem template (Summary, Timeline, Root Cause… with blanks).

/** Section names of a post-mortem, in English, German, French and Spanish. */
const POSTMORTEM_SECTION =
  /^(?:executive |incident )?summary|^impact|^customer impact|^timeline|^root causes?|^contributing factors?|^trigger|^detection|^resolution|^recovery|^action items?|^follow[- ]?ups?|^lessons learned|^what went (?:well|wrong)|^where we got lucky|^corrective actions?|^preventive (?:measures|actions)|^zusammenfassung|^auswirkung|^zeitlinie|^ursache|^maßnahmen|^r[ée]sum[ée]|^chronologie|^cause racine|^actions? correctives?|^resumen|^cronolog[íi]a|^causa ra[íi]z|^acciones/i;
/** The fewest post-mortem sections that make a document or section one. */
const POSTMORTEM_SECTIONS_NEEDED = 3;
const TEMPLATE_WORD = /template|vorlage|mod[èe]le|plantilla/i;
/** Blanks written as lines or empty fields: "Owner: ____", "Date:", "| | |". */
const EMPTY_FIELDS = /_{3,}|:[ \t]*$|\|[ \t]*\|/m;

function hasBlanks(body: string): boolean {
  return findPlaceholders(body, { mode: 'template' }).length > 0 || EMPTY_FIELDS.test(body) || /\bTBD\b/.test(body);
}

function template(title: string, kind: RunbookTemplate['kind'], body: string, section: string, line: number): RunbookTemplate {
  return { title, kind, body, placeholders: findPlaceholders(body, { mode: 'template' }), section, line };
}

interface Section {
  heading: HeadingInfo;
  section: string;
  /** Offsets of the section's content: after its heading, up to the next heading as high as it. */
  from: number;
  to: number;
  subheadings: string[];
  children: Section[];
  hasCode: boolean;
}

function sections(blocks: readonly Block[], textLength: number): Section[] {
  const out: Section[] = [];
  const open: Section[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      while (open.length > 0 && open[open.length - 1].heading.depth >= block.heading.depth) {
        const closed = open.pop() as Section;
        closed.to = block.heading.start;
      }
      for (const parent of open) parent.subheadings.push(cleanTitle(block.heading.text));
      const section: Section = { heading: block.heading, section: sectionPath(block.ctx), from: block.heading.end, to: textLength, subheadings: [], children: [], hasCode: false };
      open[open.length - 1]?.children.push(section);
      open.push(section);
      out.push(section);
    } else if (block.kind === 'code') {
      for (const parent of open) parent.hasCode = true;
    }
  }
  return out;
}

/** A section that is a template: titled as one ("Status update template"), or holding the sections of a post-mortem. */
function sectionKind(s: Section): RunbookTemplate['kind'] | null {
  const title = s.heading.text;
  const postmortemParts = s.subheadings.filter((h) => POSTMORTEM_SECTION.test(h)).length;
  if (isPostmortemTitle(title) && (TEMPLATE_WORD.test(title) || postmortemParts >= POSTMORTEM_SECTIONS_NEEDED)) return 'postmortem';
  if (TEMPLATE_WORD.test(title)) return templateKind({ headings: [s.heading], labels: [] }, '') ?? 'communication';
  return null;
}

/** Whether the whole document is a post-mortem template: its headings are a post-mortem's, with blanks. */
export function isPostmortemDocument(blocks: readonly Block[], body: string): boolean {
  const headings = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && !b.heading.isTitle);
  const parts = headings.filter((h) => POSTMORTEM_SECTION.test(cleanTitle(h.heading.text))).length;
  return parts >= POSTMORTEM_SECTIONS_NEEDED && parts * 2 >= headings.length && hasBlanks(body);
}

/** The whole document as one post-mortem template. */
export function documentTemplate(title: string, body: string, line: number): RunbookTemplate {
  return template(title, 'postmortem', body.trim(), '', line);
}

/**
 * Templates: plain-text blocks under communication or post-mortem headings, quotes with blanks
 * under communication headings, and Markdown sections that are templates (with no code block
 * of their own, which would be the template instead).
 */
export function extractTemplates(blocks: readonly Block[], roles: ReadonlyMap<Code, CodeRole>, documentTitle: string, text: string): RunbookTemplate[] {
  const found: RunbookTemplate[] = [];
  for (const block of blocks) {
    if (block.kind === 'code') {
      const role = roles.get(block.node);
      if (role?.role === 'template') found.push(template(sectionTitle(block.ctx, documentTitle), role.kind, block.node.value, sectionPath(block.ctx), block.line));
    } else if (block.kind === 'quote' && templateKind(block.ctx, '') === 'communication') {
      const start = block.node.position?.start.offset;
      const end = block.node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      const body = text.slice(start, end).replace(/^[ \t]*>[ \t]?/gm, '');
      if (findPlaceholders(body, { mode: 'template' }).length > 0) {
        found.push(template(sectionTitle(block.ctx, documentTitle), 'communication', body, sectionPath(block.ctx), block.line));
      }
    }
  }
  const taken = new Set<Section>();
  const add = (s: Section, kind: RunbookTemplate['kind']): void => {
    const body = text.slice(s.from, s.to).trim();
    if (!s.hasCode && body && hasBlanks(body)) found.push(template(cleanTitle(s.heading.text), kind, body, s.section, s.heading.line));
  };
  for (const s of sections(blocks, text.length)) {
    const kind = taken.has(s) ? null : sectionKind(s);
    if (!kind) continue;
    // "Communication templates" with a section per message: each message is a template.
    const parts = kind === 'communication' && s.children.length > 0 ? s.children : [s];
    for (const part of parts) add(part, kind);
    const mark = (x: Section): void => {
      taken.add(x);
      x.children.forEach(mark);
    };
    mark(s);
  }
  return found.sort((a, b) => a.line - b.line);
}
