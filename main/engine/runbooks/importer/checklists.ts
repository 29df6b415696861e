import type { List } from 'mdast';
import type { Block } from './document-walker';
import { itemOwnText } from './node-text';
import { contextChain, effectiveLabel, nearestHeading, sectionPath } from './section-context';
import { cleanTitle, mentionedKeys, normalizeKey } from './text-patterns';
import type { RunbookChecklist, RunbookSeverity } from './types';

/** Task items of a list in order, with those of task lists nested under a task item. */
function taskItems(list: List, out: string[], depth: number): void {
  for (const item of list.children) {
    if (typeof item.checked !== 'boolean') continue;
    const text = itemOwnText(item);
    if (text) out.push(text);
    if (depth > 32) continue;
    for (const child of item.children) if (child.type === 'list') taskItems(child, out, depth + 1);
  }
}

/**
 * Every GFM task list (`- [ ]`, `* [ ]`, `+ [ ]`, `1. [ ]`, `[x]`) becomes a checklist titled by
 * the nearest bold label or heading, or by the list item it is nested under. Task lists in code
 * blocks are never seen here (they are code), and those under a template heading are skipped.
 */
export function extractChecklists(blocks: readonly Block[], severities: readonly RunbookSeverity[]): RunbookChecklist[] {
  const known = new Map(severities.map((s) => [normalizeKey(s.name), s.name]));
  const checklists: RunbookChecklist[] = [];
  for (const block of blocks) {
    if (block.kind !== 'list' || block.underTaskItem) continue;
    if (!block.node.children.some((item) => typeof item.checked === 'boolean')) continue;
    if (contextChain(block.ctx).some((t) => /template/i.test(t))) continue;
    const items: string[] = [];
    taskItems(block.node, items, 0);
    if (items.length === 0) continue;
    const heading = nearestHeading(block.ctx);
    const title = block.parentItemText
      ? cleanTitle(block.parentItemText)
      : (effectiveLabel(block.ctx) ?? (heading ? cleanTitle(heading.text) : 'RunbookChecklist'));
    const severitiesNamed = [...new Set(mentionedKeys(title).map((k) => known.get(normalizeKey(k))).filter((k): k is string => !!k))];
    checklists.push({ title, items, severities: severitiesNamed, section: sectionPath(block.ctx), line: block.line });
  }
  return checklists;
}
