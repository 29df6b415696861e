import type { Code } from 'mdast';
import { findPlaceholders } from '../../lib/shell/placeholders';
import type { CodeRole } from './block-roles';
import type { Block } from './document-walker';
import { sectionPath, sectionTitle } from './section-context';
import type { RunbookTemplate } from './types';

/** Plain-text blocks under communication / status-update headings and post-mortem templates. */
export function extractTemplates(blocks: readonly Block[], roles: ReadonlyMap<Code, CodeRole>, documentTitle: string): RunbookTemplate[] {
  const templates: RunbookTemplate[] = [];
  for (const block of blocks) {
    if (block.kind !== 'code') continue;
    const role = roles.get(block.node);
    if (role?.role !== 'template') continue;
    const body = block.node.value;
    templates.push({
      title: sectionTitle(block.ctx, documentTitle),
      kind: role.kind,
      body,
      placeholders: findPlaceholders(body, { mode: 'template' }),
      section: sectionPath(block.ctx),
      line: block.line,
    });
  }
  return templates;
}
