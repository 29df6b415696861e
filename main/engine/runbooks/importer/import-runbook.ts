import type { Code } from 'mdast';
import { findAssignedVariables } from '../../lib/shell/placeholders';
import { extractChecklists } from './checklists';
import { codeRoles, type CodeRole } from './code-blocks';
import { walkDocument, type Block } from './document-walker';
import { readFrontMatter } from './front-matter';
import { countBlocks, MAX_RUNBOOK_BLOCKS } from './block-budget';
import { MAX_RUNBOOK_BYTES, tooLarge, tooManyBlocks } from './import-error';
import { parseMarkdown, normalizeText } from './parse-markdown';
import { extractContacts, extractEscalation } from './people';
import { extractProcedures } from './procedures';
import { applyProseSettings, extractThresholds } from './prose-signals';
import { settingsContacts } from './settings-contacts';
import { extractSeverities } from './severities';
import { suggestMonitors } from './suggested-monitors';
import { documentTemplate, extractTemplates, isPostmortemDocument } from './templates';
import { firstSentence, normalizeKey } from './text-patterns';
import type { RunbookEscalation, RunbookExtraction, RunbookSeverity } from './types';

export interface ImportOptions {
  /** Shown in warnings and used as the title when the runbook has none. */
  fileName?: string;
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

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Turns a Markdown runbook into severities, checklists, procedures, templates, contacts,
 * escalation rules, thresholds and the monitors they suggest, working on its syntax tree.
 * Never throws on content: what cannot be used is listed in `warnings`. Throws `ImportError`
 * only for text over `MAX_RUNBOOK_BYTES` or with more than `MAX_RUNBOOK_BLOCKS` blocks. Runs
 * on the calling thread; the engine uses `importRunbookAsync`, which runs this in a worker with
 * a deadline.
 */
export function importRunbook(source: string, options: ImportOptions = {}): RunbookExtraction {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > MAX_RUNBOOK_BYTES) throw tooLarge(bytes, options.fileName ?? null);

  const normalized = normalizeText(source);
  const blockCount = countBlocks(normalized);
  if (blockCount > MAX_RUNBOOK_BLOCKS) throw tooManyBlocks(blockCount, MAX_RUNBOOK_BLOCKS, options.fileName ?? null);
  const parsed = parseMarkdown(normalized);
  const walk = walkDocument(parsed.root, normalized);
  const { blocks } = walk;
  const warnings = [...parsed.warnings, ...walk.warnings];

  let frontMatter: Record<string, unknown> | null = null;
  let bodyStart = 0;
  for (const block of blocks) {
    if (block.kind !== 'frontmatter') continue;
    const read = readFrontMatter(block.format, block.value, block.line);
    frontMatter = read.data;
    bodyStart = block.end;
    if (read.warning) warnings.push(read.warning);
  }
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  const title =
    text(frontMatter?.title) ||
    firstSentence(text(frontMatter?.description)) ||
    walk.titleHeading?.text ||
    (firstHeading?.kind === 'heading' ? firstHeading.heading.text : '') ||
    fileTitle(options.fileName) ||
    'Untitled runbook';

  const roles = codeRoles(blocks, warnings);
  const severityResult = extractSeverities(blocks);
  const severities = severityResult.severities;
  warnings.push(...severityResult.warnings);
  const updateCadenceMinutes = applyProseSettings(blocks, severities, severityResult.settingNodes);
  const escalation = extractEscalation(blocks);
  applyEscalation(severities, escalation);
  const procedures = extractProcedures(blocks, roles, title, variablesSetBy(blocks, roles));
  warnings.push(...procedures.warnings);
  const thresholds = extractThresholds(blocks, severityResult.settingNodes);
  const contacts = extractContacts(blocks, roles);

  // A post-mortem template written as a document: its task lists and headings are blanks to fill in.
  const body = normalized.slice(bodyStart);
  const wholeTemplate = procedures.procedures.length === 0 && isPostmortemDocument(blocks, body);
  if (severities.length === 0 && !wholeTemplate) {
    warnings.push('no severity levels found: expected a table, a bold list, or one heading per level (such as "P1 - Critical") with a response time');
  }

  return {
    title,
    fileName: options.fileName ?? null,
    frontMatter,
    severities,
    updateCadenceMinutes,
    checklists: wholeTemplate ? [] : extractChecklists(blocks, severities),
    procedures: procedures.procedures,
    templates: wholeTemplate ? [documentTemplate(title, body, walk.titleHeading?.line ?? 1)] : extractTemplates(blocks, roles, title, normalized),
    contacts,
    settingsContacts: settingsContacts(contacts),
    escalation,
    thresholds: thresholds.map((t) => t.text),
    suggestedMonitors: suggestMonitors(thresholds),
    warnings: warnings.sort((a, b) => lineNumber(a) - lineNumber(b)),
  };
}

function lineNumber(warning: string): number {
  const m = /^lines? (\d+)/.exec(warning);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}
