import type { Code } from 'mdast';
import { findAssignedVariables } from '../../lib/shell/placeholders';
import { codeRole, type CodeRole } from './block-roles';
import { extractChecklists } from './checklists';
import { walkDocument, type Block } from './document-walker';
import { readFrontMatter } from './front-matter';
import { MAX_RUNBOOK_BYTES, tooLarge } from './import-error';
import { parseMarkdown, normalizeText } from './parse-markdown';
import { extractContacts, extractEscalation } from './people';
import { extractProcedures } from './procedures';
import { applyProseSettings, extractThresholds } from './prose-signals';
import { sectionPath } from './section-context';
import { extractSeverities } from './severities';
import { extractTemplates } from './templates';
import { normalizeKey } from './text-patterns';
import type { RunbookEscalation, RunbookExtraction, RunbookSeverity } from './types';

export interface ImportOptions {
  /** Shown in warnings and used as the title when the runbook has none. */
  fileName?: string;
}

function classifyCode(blocks: readonly Block[], warnings: string[]): Map<Code, CodeRole> {
  const roles = new Map<Code, CodeRole>();
  for (const block of blocks) {
    if (block.kind !== 'code') continue;
    const role = codeRole(block.node.lang, block.node.value, block.ctx);
    roles.set(block.node, role);
    if (role.role !== 'skipped') continue;
    const where = sectionPath(block.ctx) || 'the top of the document';
    warnings.push(
      role.language === 'untagged'
        ? `line ${block.line}: the code block without a language under "${where}" was not imported: it is under no communication, post-mortem, diagnostic, rollback or resolution heading`
        : `line ${block.line}: the ${role.language} block under "${where}" was not imported: only bash, sh, shell, zsh and console blocks become steps`,
    );
  }
  return roles;
}

function variablesSetBy(blocks: readonly Block[], roles: ReadonlyMap<Code, CodeRole>): Set<string> {
  const names = new Set<string>();
  for (const block of blocks) {
    if (block.kind === 'code' && roles.get(block.node)?.role === 'shell') {
      for (const name of findAssignedVariables(block.node.value)) names.add(name);
    }
  }
  return names;
}

function applyEscalation(severities: RunbookSeverity[], rules: readonly RunbookEscalation[]): void {
  const byKey = new Map(severities.map((s) => [normalizeKey(s.name), s]));
  for (const rule of rules) {
    const level = rule.severity ? byKey.get(normalizeKey(rule.severity)) : undefined;
    if (!level) continue;
    level.escalateAfterMinutes ??= rule.afterMinutes;
    if (level.escalateTo.length === 0) level.escalateTo = rule.path.slice(1);
  }
}

function fileTitle(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(md|markdown|mdown|txt)$/i, '') || null;
}

/**
 * Turns a Markdown runbook into severities, checklists, procedures, templates, contacts,
 * escalation rules and thresholds, working on its syntax tree. Never throws on content: what
 * cannot be used is listed in `warnings`. Throws `ImportError` only for text over
 * `MAX_RUNBOOK_BYTES`.
 */
export function importRunbook(text: string, options: ImportOptions = {}): RunbookExtraction {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_RUNBOOK_BYTES) throw tooLarge(bytes, options.fileName ?? null);

  const parsed = parseMarkdown(normalizeText(text));
  const walk = walkDocument(parsed.root);
  const { blocks } = walk;
  const warnings = [...parsed.warnings, ...walk.warnings];

  let frontMatter: Record<string, unknown> | null = null;
  for (const block of blocks) {
    if (block.kind !== 'frontmatter') continue;
    const read = readFrontMatter(block.format, block.value, block.line);
    frontMatter = read.data;
    if (read.warning) warnings.push(read.warning);
  }
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  const title =
    (typeof frontMatter?.title === 'string' && frontMatter.title.trim()) ||
    walk.titleHeading?.text ||
    (firstHeading?.kind === 'heading' ? firstHeading.heading.text : '') ||
    fileTitle(options.fileName) ||
    'Untitled runbook';

  const roles = classifyCode(blocks, warnings);
  const severityResult = extractSeverities(blocks);
  const severities = severityResult.severities;
  warnings.push(...severityResult.warnings);
  const updateCadenceMinutes = applyProseSettings(blocks, severities, severityResult.settingNodes);
  const escalation = extractEscalation(blocks);
  applyEscalation(severities, escalation);
  const procedures = extractProcedures(blocks, roles, title, variablesSetBy(blocks, roles));
  warnings.push(...procedures.warnings);
  if (severities.length === 0) {
    warnings.push('no severity levels found: expected a table, a bold list, or one heading per level (such as "P1 - Critical") with a **Response Time** field');
  }

  return {
    title,
    fileName: options.fileName ?? null,
    frontMatter,
    severities,
    updateCadenceMinutes,
    checklists: extractChecklists(blocks, severities),
    procedures: procedures.procedures,
    templates: extractTemplates(blocks, roles, title),
    contacts: extractContacts(blocks, roles),
    escalation,
    thresholds: extractThresholds(blocks, severityResult.settingNodes),
    warnings: warnings.sort((a, b) => lineNumber(a) - lineNumber(b)),
  };
}

function lineNumber(warning: string): number {
  const m = /^lines? (\d+)/.exec(warning);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}
