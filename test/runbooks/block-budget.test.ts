import { describe, expect, it } from 'vitest';
import { countBlocks, MAX_RUNBOOK_BLOCKS } from '../../main/engine/runbooks/importer/block-budget';
import { importRunbook } from '../../main/engine/runbooks/importer';
import { headingFlood, refusal, richHeadings } from './heavy-runbooks';
import { runbookText } from './runbooks';

const md = (...lines: string[]): string => lines.join('\n');

describe('countBlocks', () => {
  it('counts headings, paragraphs, list items, quotes, table rows and each fenced block once', () => {
    const text = md(
      '# Title',
      'Intro line one',
      'still the same paragraph',
      '',
      'Second paragraph',
      '- item one',
      '- item two',
      '  continued',
      '1. first',
      '> quoted',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '```sh',
      '# a comment, not a heading',
      '- not an item',
      '',
      'not a paragraph',
      '```',
      'After the fence',
      '~~~~',
      '~~~',
      '# still code: the fence needs four tildes to close',
      '~~~~',
      '---',
    );
    // Title, intro, second paragraph, 2 items, 1 ordered item, quote, 3 table lines, fence, after, tilde fence, rule.
    expect(countBlocks(text)).toBe(14);
  });

  it('keeps every example runbook far below the budget', () => {
    for (const name of ['gitquest-incident-playbook.md', 'healing-guard-incident-response.md', 'heroforge-incident-response.md', 'hotdash-incident-response.md', 'monitoring-system-incident-response.md']) {
      const text = runbookText(name);
      const perKib = countBlocks(text) / (Buffer.byteLength(text) / 1024);
      // Runbooks written by people: 10 to 30 blocks per KiB; the budget allows 39 per KiB at the size limit.
      expect(perKib, name).toBeGreaterThan(10);
      expect(perKib, name).toBeLessThan(30);
    }
  });
});

describe('the block budget on import', () => {
  it('refuses 512 KiB of one-character headings at once, saying how many blocks and what to do', () => {
    const error = refusal(() => importRunbook(headingFlood(), { fileName: 'headings.md' }));
    expect(error.code).toBe('too-many-blocks');
    expect(error.message).toBe(
      `headings.md has 131,071 headings, paragraphs, list items, table rows and code blocks; a runbook can have up to ${MAX_RUNBOOK_BLOCKS.toLocaleString('en-US')} (runbooks written by people have about 18 per KiB). Split it into smaller runbooks, one per service or kind of incident.`,
    );
  });

  it('reads a document at the budget to the end and refuses one block more', () => {
    // Sections of a heading and 99 checklist items: 100 blocks each.
    const sections = MAX_RUNBOOK_BLOCKS / 100;
    const at = Array.from({ length: sections }, (_, s) => md(`## Checks ${s}`, ...Array.from({ length: 99 }, (_, i) => `- [ ] check ${s}.${i}`))).join('\n');
    expect(countBlocks(at)).toBe(MAX_RUNBOOK_BLOCKS);
    const x = importRunbook(at);
    expect(x.checklists).toHaveLength(sections);
    expect(x.checklists.reduce((n, c) => n + c.items.length, 0)).toBe(sections * 99);

    expect(refusal(() => importRunbook(`${at}\n- [ ] one more`)).code).toBe('too-many-blocks');
  });

  it('reads the slowest document known under the budget', () => {
    const x = importRunbook(richHeadings(), { fileName: 'rich.md' });
    expect(x.title).toBe('a b c e f');
  }, 60_000);
});
