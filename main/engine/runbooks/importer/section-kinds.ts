// What a section is about, read from its bold label and headings: the kind of procedure its
// commands form, whether its plain text is a message or post-mortem template, and whether it
// lists contacts or escalation. Whether a code block holds commands is never decided here: that
// is read from the block itself (code-blocks.ts).
import type { Context } from './document-walker';
import { contextChain, firstMatch, sectionChain } from './section-context';
import type { RunbookProcedureKind, RunbookTemplateKind } from './types';

// English first, then the words German, Spanish, French and Portuguese runbooks use for the same sections.
const POSTMORTEM = /post[- ]?mortem|incident report|retrospectiv|retrospektiv|rétrospectiv|post-incident review|\brca\b|nachbetrachtung|lessons learned|informe (?:del? )?incidente|rapport d'incident|retour d'expérience/i;
const COMMUNICATION =
  /communicat|status[- ]?page|\bupdates?\b|notif|\balerts?\b|announce|message|slack|e-?mail|template|broadcast|kommunikation|comunica|benachrichtigung|mitteilung|nachricht|vorlage|statusseite|plantilla|mensaje|modèle|annonce|aviso/i;
const ESCALATION = /escal|eskal/i;
const CONTACTS = /contact|on-?call|personnel|roster|who to call|phone|kontakt|ansprechpartner|bereitschaft|erreichbar|guardia|astreinte|interlocuteur|plantão|telefon|teléfono|téléphone/i;

// Whole words only, so "Containerd" is not "contain" and "Checkout" is not "check".
const words = (...list: string[]) => new RegExp(`(?<![\\p{L}])(?:${list.join('|')})(?![\\p{L}])`, 'iu');

// Earliest word in a heading or label decides: "Verify Fix" is diagnostic, "Recovery Verification" resolution.
const KIND_PATTERNS: [RunbookProcedureKind, RegExp][] = [
  ['rollback', words('roll(?:ing|ed)?[\\s-]?backs?', 'revert(?:s|ed|ing)?', 'restor(?:e|es|ed|ing|ation)', 'undo', 'downgrad(?:e|es|ed|ing)')],
  [
    'diagnostic',
    words(
      'diagnos(?:e|es|is|tics?|ing)', 'investigat(?:e|ion|ions|ing)', 'checks?', 'checking', 'health(?:[\\s-]?checks?)?', 'assess(?:ment)?',
      'gather(?:ing)?', 'analy(?:sis|ze|se|zing|sing)', 'symptoms?', 'verif(?:y|ies|ication|ying)', 'monitor(?:ing)?', 'review(?:ing)?',
      'inspect(?:ion|ing)?', 'identif(?:y|ication|ying)', 'troubleshoot(?:ing)?', 'debug(?:ging)?', 'triage',
    ),
  ],
  [
    'resolution',
    words(
      'resol(?:ve|ves|ution|ving)', 'fix(?:es|ing)?', 'hotfix(?:es)?', 'mitigat(?:e|ion|ions|ing)', 'contain(?:ment)?', 'recover(?:y|ing)?',
      'remediat(?:e|ion|ing)', 'restart(?:s|ing)?', 'scal(?:e|es|ing)', 'emergency', 'apply', 'workarounds?', 'clean(?:[\\s-]?up|ing)?',
      'clear(?:ing)?', 'document', 'notify', 'notification', 'acknowledg(?:e|ement)', 'communicat(?:e|ion)', 'updates?', 'deploy(?:ment)?',
      'actions?',
    ),
  ],
];

export interface KindReading {
  kind: RunbookProcedureKind;
  /** False when nothing above the block named a kind and `resolution` was assumed. */
  explicit: boolean;
}

/** The kind a single title names by its earliest telling word, or null. */
export function kindOf(text: string): RunbookProcedureKind | null {
  let best: RunbookProcedureKind | null = null;
  let bestIndex = Infinity;
  for (const [kind, pattern] of KIND_PATTERNS) {
    const m = pattern.exec(text);
    if (m && m.index < bestIndex) {
      best = kind;
      bestIndex = m.index;
    }
  }
  return best;
}

/** The kind of procedure a block belongs to, read from its label, then its headings, nearest first. */
export function procedureKind(ctx: Context): KindReading {
  for (const text of contextChain(ctx)) {
    const kind = kindOf(text);
    if (kind) return { kind, explicit: true };
  }
  return { kind: 'resolution', explicit: false };
}

// A document titled "Post-mortem template" is one; one titled "Communication plan" holds more than messages.
export function templateKind(ctx: Context, body: string): RunbookTemplateKind | null {
  const firstLine = body.trimStart().split('\n', 1)[0] ?? '';
  if (contextChain(ctx).some((t) => POSTMORTEM.test(t)) || POSTMORTEM.test(firstLine)) return 'postmortem';
  return sectionChain(ctx).some((t) => COMMUNICATION.test(t)) ? 'communication' : null;
}

/** Whether the nearest heading or label below the title that speaks of people is about contacts rather than escalation. */
export function sectionAbout(ctx: Context): 'contacts' | 'escalation' | null {
  const found = firstMatch(sectionChain(ctx), [ESCALATION, CONTACTS]);
  return found === 0 ? 'escalation' : found === 1 ? 'contacts' : null;
}

/** A heading that names a post-mortem template: "Post-mortem template", "Incident report". */
export function isPostmortemTitle(text: string): boolean {
  return POSTMORTEM.test(text);
}
