import { describe, expect, it } from 'vitest';
import { importRunbook } from '../../main/engine/runbooks/importer';
import { procedureOutline } from './runbooks';

const md = (...lines: string[]) => lines.join('\n');

describe('front matter', () => {
  it('reads YAML front matter and takes its title first', () => {
    const x = importRunbook(md('---', 'title: Payments on-call', 'service: payments', 'reviewed: 2025-01-31', '---', '# Runbook', '', '- [ ] Page the owner'));
    expect(x.title).toBe('Payments on-call');
    expect(x.frontMatter).toEqual({ title: 'Payments on-call', service: 'payments', reviewed: '2025-01-31' });
    expect(x.checklists).toEqual([{ title: 'Runbook', items: ['Page the owner'], severities: [], section: '', line: 8 }]);
  });

  it('reads TOML front matter', () => {
    const x = importRunbook(md('+++', 'title = "Search"', 'owners = ["ops", "search"]', 'updated = 2024-05-01T10:00:00Z', '+++', '', '## Checks', '- [x] Done'));
    expect(x.title).toBe('Search');
    expect(x.frontMatter).toEqual({ title: 'Search', owners: ['ops', 'search'], updated: '2024-05-01T10:00:00.000Z' });
  });

  it('reports broken front matter instead of failing', () => {
    const x = importRunbook(md('---', 'title: [unclosed', '---', '# Runbook'));
    expect(x.frontMatter).toBeNull();
    expect(x.title).toBe('Runbook');
    expect(x.warnings[0]).toMatch(/^line 1: the YAML front matter could not be read \(.+\) and was ignored$/);
  });
});

describe('headings, fences and code', () => {
  const doc = md(
    'Disk runbook',
    '============',
    '',
    'Disk full',
    '---------',
    '',
    '**Diagnostic Steps:**',
    '',
    '~~~sh',
    '# Usage',
    'df -h /',
    '~~~',
    '',
    '**Rollback:**',
    '',
    '    # Restore the old config',
    '    cp /etc/app.conf.bak /etc/app.conf',
    '',
    '## Status page',
    '',
    '    We are investigating [issue].',
    '',
    '## Notes',
    '',
    '    just some indented text',
  );

  it('reads setext headings, `~~~` fences and indented code', () => {
    const x = importRunbook(doc);
    expect(x.title).toBe('Disk runbook');
    expect(procedureOutline(x)).toEqual([
      { title: 'Disk full › Diagnostic Steps', kind: 'diagnostic', steps: ['Usage'] },
      { title: 'Disk full › Rollback', kind: 'rollback', steps: ['Restore the old config'] },
    ]);
    expect(x.procedures[0].steps[0]).toMatchObject({ command: 'df -h /', line: 11 });
    expect(x.procedures[1].steps[0]).toMatchObject({ command: 'cp /etc/app.conf.bak /etc/app.conf', line: 17 });
    expect(x.templates.map((t) => [t.title, t.kind, t.body, t.placeholders])).toEqual([
      ['Status page', 'communication', 'We are investigating [issue].', ['[issue]']],
    ]);
  });

  it('says which code blocks without a language it read as commands and which it left out', () => {
    const x = importRunbook(doc);
    expect(x.warnings).toEqual([
      'line 16: the code block without a language under "Disk full › Rollback" was read as shell commands',
      'line 25: the code block without a language under "Notes" was not imported: it holds no shell commands and is under no communication, post-mortem or contacts heading',
      expect.stringMatching(/^no severity levels found/),
    ]);
  });

  it('gives the same result for CRLF line endings', () => {
    expect(importRunbook(doc.replace(/\n/g, '\r\n'))).toEqual(importRunbook(doc));
  });

  it('reads fenced code inside nested list items and titles it by its item', () => {
    const x = importRunbook(
      md('## Rollback', '', '1. Find the release', '   - List tags:', '     ```bash', '     git tag -l | tail -3', '     ```', '2. Deploy it', '   ```zsh', '   deploy <tag>', '   ```'),
    );
    expect(procedureOutline(x)).toEqual([{ title: 'Rollback', kind: 'rollback', steps: ['List tags', 'Deploy it'] }]);
    expect(x.procedures[0].steps.map((s) => [s.command, s.placeholders])).toEqual([
      ['git tag -l | tail -3', []],
      ['deploy <tag>', ['<tag>']],
    ]);
  });

  it('reads console blocks: only `$ ` lines, without their output', () => {
    const x = importRunbook(md('## Check disk', '', '```console', '$ df -h /', 'Filesystem  Size', '/dev/sda1   50G', '$ du -sh /var/log', '```'));
    expect(x.procedures[0].steps.map((s) => [s.title, s.command])).toEqual([
      ['df -h /', 'df -h /'],
      ['du -sh /var/log', 'du -sh /var/log'],
    ]);
  });
});

describe('HTML comments', () => {
  it('ignores task lists and code blocks inside comments, and comments inside items', () => {
    const x = importRunbook(
      md('## Checklist', '', '<!--', '- [ ] hidden item', '```bash', 'rm -rf /', '```', '-->', '', '- [ ] Visible <!-- note --> item', '- [ ] Second'),
    );
    expect(x.checklists.map((c) => c.items)).toEqual([['Visible item', 'Second']]);
    expect(x.procedures).toEqual([]);
  });
});

describe('task lists', () => {
  it('accepts every marker, checked boxes and wrapped lines', () => {
    const x = importRunbook(
      md('## Handoff', '', '- [ ] dash', '* [x] star', '+ [ ] plus', '', '1. [ ] numbered item whose text', '   wraps onto a second line', '2. [X] done'),
    );
    expect(x.checklists.map((c) => [c.title, c.items])).toEqual([
      ['Handoff', ['dash']],
      ['Handoff', ['star']],
      ['Handoff', ['plus']],
      ['Handoff', ['numbered item whose text wraps onto a second line', 'done']],
    ]);
  });

  it('folds task lists nested under a task into it, and titles one nested under plain text by that text', () => {
    const x = importRunbook(
      md('## Deploy', '', '- [ ] Build', '  - [ ] frontend', '  - [ ] backend', '- [ ] Ship', '', '## Phases', '', '- During the incident:', '  - [ ] Page', '  - [ ] Post update'),
    );
    expect(x.checklists.map((c) => [c.title, c.items])).toEqual([
      ['Deploy', ['Build', 'frontend', 'backend', 'Ship']],
      ['During the incident', ['Page', 'Post update']],
    ]);
  });

  it('does not take task lists in code blocks or under a template heading as checklists', () => {
    const x = importRunbook(
      md('## Post-mortem template', '', '### Action items', '', '- [ ] [Action]', '', '## Notes', '', '```markdown', '- [ ] in code', '```'),
    );
    expect(x.checklists).toEqual([]);
  });
});

describe('severities in other shapes', () => {
  it('reads a bold list under a severity heading', () => {
    const x = importRunbook(md('## Severity levels', '', '- **SEV1** — Full outage, respond within 10 minutes', '- **SEV2**: Degraded (30 min)', '- **SEV3**: Minor issue'));
    expect(x.severities.map((s) => [s.name, s.definition, s.responseMinutes])).toEqual([
      ['SEV1', 'Full outage, respond within 10 minutes', 10],
      ['SEV2', 'Degraded (30 min)', 30],
      ['SEV3', 'Minor issue', null],
    ]);
  });

  it('keeps the first definition of a level and says so', () => {
    const x = importRunbook(md('| Level | Response Time |', '|---|---|', '| P1 | 15 min |', '', '### P1 - Critical', '- **Response Time**: 5 min'));
    expect(x.severities.map((s) => [s.name, s.responseMinutes])).toEqual([['P1', 15]]);
    expect(x.warnings).toEqual(['line 5: severity "P1" is defined again; the definition on line 3 is kept']);
  });
});

describe('emoji and other languages', () => {
  it('keeps headings in any script as titles', () => {
    const x = importRunbook(
      md(
        '# 🚨 Инцидент-ранбук',
        '',
        '### P1 – Критический',
        '- **Response Time**: 15 min',
        '',
        '### P2 – Высокий',
        '- **Response Time**: 2 часа',
        '',
        '## 🔍 Диагностика',
        '',
        '```bash',
        '# Проверить диск',
        'df -h',
        '```',
        '',
        '## ✅ チェックリスト',
        '',
        '- [ ] 担当者に連絡する',
      ),
    );
    expect(x.title).toBe('🚨 Инцидент-ранбук');
    expect(x.severities.map((s) => [s.name, s.label, s.responseMinutes])).toEqual([
      ['P1', 'Критический', 15],
      ['P2', 'Высокий', null],
    ]);
    expect(x.warnings).toEqual(['line 6: the response time "2 часа" of P2 is not a duration in minutes, hours or days; set it after import']);
    expect(procedureOutline(x)).toEqual([{ title: '🔍 Диагностика', kind: 'resolution', steps: ['Проверить диск'] }]);
    expect(x.checklists.map((c) => [c.title, c.items])).toEqual([['✅ チェックリスト', ['担当者に連絡する']]]);
  });
});

describe('input that tripped a parser', () => {
  // "- +" followed by "[ ] x" tripped an internal check of remark's GFM task-list extension.
  it('reads "- +" followed by "[ ] x" and imports the rest', () => {
    const x = importRunbook(md('## A', '', '- +', '[ ] x', '', '## B', '', '- [ ] kept'));
    expect(x.checklists.map((c) => [c.title, c.items])).toContainEqual(['B', ['kept']]);
    expect(x.warnings.filter((w) => w.includes('not imported'))).toEqual([]);
  });
});

describe('documents with little in them', () => {
  it('imports an empty document without failing', () => {
    const x = importRunbook('');
    expect(x).toMatchObject({ title: 'Untitled runbook', severities: [], checklists: [], procedures: [], templates: [] });
  });

  it('takes the title from the file name when there is no heading', () => {
    expect(importRunbook('just text', { fileName: '/tmp/db-failover.md' }).title).toBe('db-failover');
  });
});
