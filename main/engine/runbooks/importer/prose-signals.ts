import type { Nodes } from 'mdast';
import { cadenceOf } from './cadence';
import type { Block } from './document-walker';
import { nodeText } from './node-text';
import { firstDurationMinutes, mentionedKeys, normalizeKey } from './text-patterns';
import type { RunbookSeverity } from './types';

// Numbers in prose that configure Trayage: update cadences, post-fix watch times and monitor
// thresholds. Each regular expression reads the text of a single paragraph, item, heading or row.

const METRIC = /error|latenc|respon|\bp\d{2}\b|cpu|memory|\bmem\b|disk|load|connection|queue|unavailab|downtime|uptime|availability|\b[45]xx\b|throughput|\brate\b|usage|utili[sz]ation|requests|saturation|certificate|\bssl\b|\btls\b|space|inode|swap|\blag\b|backlog/i;
const COMPARISON = /(?:>=|<=|≥|≤|>|<|\babove\b|\bbelow\b|\bover\b|\bexceed(?:s|ing)?\b|\bmore than\b|\bless than\b|\bgreater than\b|\bat least\b)\s*~?\s*\d/i;
const POST_FIX = /post[- ]?fix|after (?:the )?fix|after resolution/i;
const WATCH = /monitor|watch/i;

interface ProseUnit {
  text: string;
  node: Nodes | null;
}

function proseUnits(blocks: readonly Block[]): ProseUnit[] {
  const units: ProseUnit[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') units.push({ text: block.heading.text, node: null });
    else if (block.kind === 'paragraph' || block.kind === 'item') units.push({ text: block.text, node: block.node });
  }
  return units;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Levels named by a word of three letters or more ("Critical", "Hoch") are mentioned where that word is written as is. */
function namePatterns(severities: readonly RunbookSeverity[]): [RunbookSeverity, RegExp][] {
  return severities
    .filter((s) => s.name.length >= 3 && !/^(?:P|SEV|S)\d/.test(normalizeKey(s.name)))
    .map((s) => [s, new RegExp(`(?<![\\p{L}\\d])${escape(s.name)}(?![\\p{L}\\d])`, 'u')]);
}

function levelsNamed(text: string, byKey: ReadonlyMap<string, RunbookSeverity>, names: readonly [RunbookSeverity, RegExp][]): RunbookSeverity[] {
  const levels = mentionedKeys(text).map((k) => byKey.get(normalizeKey(k)));
  const named = names.filter(([, pattern]) => pattern.test(text)).map(([level]) => level);
  return [...new Set([...levels.filter((l): l is RunbookSeverity => l !== undefined), ...named])];
}

/**
 * Sets update cadences ("Update every hour for P1", "Post updates every 30 minutes during P1/P2
 * incidents") and post-fix watch times ("P0: Monitor for 2 hours post-fix") on the levels they
 * name. Returns the cadence stated without naming a level, if any. Settings already read from a
 * level's own fields are kept.
 */
export function applyProseSettings(blocks: readonly Block[], severities: RunbookSeverity[], settingNodes: ReadonlySet<Nodes>): number | null {
  const byKey = new Map(severities.map((s) => [normalizeKey(s.name), s]));
  const names = namePatterns(severities);
  let documentCadence: number | null = null;
  for (const unit of proseUnits(blocks)) {
    if (unit.node && settingNodes.has(unit.node)) continue;
    const levels = levelsNamed(unit.text, byKey, names);
    const cadence = cadenceOf(unit.text);
    if (cadence !== null) {
      if (levels.length === 0) documentCadence ??= cadence;
      for (const level of levels) level.updateCadenceMinutes ??= cadence;
    }
    if (POST_FIX.test(unit.text) && WATCH.test(unit.text)) {
      const minutes = firstDurationMinutes(unit.text);
      for (const level of levels) level.postFixWatchMinutes ??= minutes;
    }
  }
  return documentCadence;
}

export interface Threshold {
  text: string;
  line: number;
}

/** Clauses such as "Error rate > 5% for > 2 minutes" or "Disk Usage: > 85%", in document order, each once. */
export function extractThresholds(blocks: readonly Block[], settingNodes: ReadonlySet<Nodes>): Threshold[] {
  const found = new Map<string, Threshold>();
  const consider = (text: string, line: number): void => {
    for (const clause of text.split(/[;,]\s+|\.\s+(?=[A-Z])/)) {
      const trimmed = clause.trim().replace(/\.$/, '');
      if (METRIC.test(trimmed) && COMPARISON.test(trimmed) && !found.has(trimmed)) found.set(trimmed, { text: trimmed, line });
    }
  };
  for (const block of blocks) {
    if ((block.kind === 'paragraph' || block.kind === 'item') && !settingNodes.has(block.node)) consider(block.text, block.line);
    if (block.kind === 'table' && !settingNodes.has(block.node)) {
      for (const row of block.node.children.slice(1)) consider(row.children.map((cell) => nodeText(cell)).join(': '), row.position?.start.line ?? block.line);
    }
  }
  return [...found.values()];
}
