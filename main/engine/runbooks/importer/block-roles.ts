import type { Context } from './document-walker';
import { contextChain, firstMatch } from './section-context';
import type { ShellDialect } from './shell-split';
import type { RunbookProcedureKind, RunbookTemplateKind } from './types';

const BASH_LANGS = new Set(['bash', 'sh', 'shell', 'zsh']);
const CONSOLE_LANGS = new Set(['console', 'shell-session', 'shellsession']);
const TEXT_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'markdown', 'md']);

const POSTMORTEM = /post[- ]?mortem|incident report|retrospective|post-incident review|\brca\b/i;
const COMMUNICATION = /communicat|status[- ]?page|\bupdates?\b|notif|\balerts?\b|announce|message|slack|e-?mail|template|broadcast/i;
const ESCALATION = /escalat/i;
const CONTACTS = /contact|on-?call|personnel|roster|who to call|phone/i;

// Earliest keyword in a heading or label decides: "Verify Fix" is diagnostic, "Recovery Verification" resolution.
const KIND_PATTERNS: [RunbookProcedureKind, RegExp][] = [
  ['rollback', /roll(?:ing)?[\s-]?back|revert|restor|\bundo\b|downgrad/i],
  ['diagnostic', /diagnos|investigat|\bcheck|health|assess|gather|analy[sz]|symptom|verif|monitor|review|inspect|identif|troubleshoot|debug/i],
  ['resolution', /resol|\bfix|hotfix|mitigat|contain|recover|remediat|restart|\bscal(?:e|ing)\b|emergency|apply|workaround|clean|clear|document|notif|acknowledg|communicat|update|deploy|\baction/i],
];

export interface KindReading {
  kind: RunbookProcedureKind;
  /** False when nothing above the block named a kind and `resolution` was assumed. */
  explicit: boolean;
}

function kindOf(text: string): RunbookProcedureKind | null {
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

export function templateKind(ctx: Context, body: string): RunbookTemplateKind | null {
  const chain = contextChain(ctx);
  const firstLine = body.trimStart().split('\n', 1)[0] ?? '';
  if (chain.some((t) => POSTMORTEM.test(t)) || POSTMORTEM.test(firstLine)) return 'postmortem';
  return chain.some((t) => COMMUNICATION.test(t)) ? 'communication' : null;
}

/** Whether the nearest heading or label that speaks of people is about contacts rather than escalation. */
export function sectionAbout(ctx: Context): 'contacts' | 'escalation' | null {
  const found = firstMatch(contextChain(ctx), [ESCALATION, CONTACTS]);
  return found === 0 ? 'escalation' : found === 1 ? 'contacts' : null;
}

export type CodeRole =
  | { role: 'shell'; dialect: ShellDialect; untagged: boolean }
  | { role: 'template'; kind: RunbookTemplateKind }
  | { role: 'contacts' }
  | { role: 'skipped'; language: string };

/**
 * What a code block is: shell commands (bash/sh/shell/zsh/console), a message or post-mortem
 * template (plain text under such a heading), a list of contacts, or something not imported.
 * A block without a language under an explicit diagnostic/rollback/resolution heading is read as shell.
 */
export function codeRole(lang: string | null | undefined, body: string, ctx: Context): CodeRole {
  const language = (lang ?? '').trim().toLowerCase();
  if (BASH_LANGS.has(language)) return { role: 'shell', dialect: 'bash', untagged: false };
  if (CONSOLE_LANGS.has(language)) return { role: 'shell', dialect: 'console', untagged: false };
  if (!TEXT_LANGS.has(language)) return { role: 'skipped', language };
  const template = templateKind(ctx, body);
  if (template) return { role: 'template', kind: template };
  if (sectionAbout(ctx) === 'contacts') return { role: 'contacts' };
  if (language === '' && procedureKind(ctx).explicit) return { role: 'shell', dialect: 'bash', untagged: true };
  return { role: 'skipped', language: language || 'untagged' };
}
