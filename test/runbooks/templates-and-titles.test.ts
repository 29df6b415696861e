import { describe, expect, it } from 'vitest';
import { packContent } from '../../main/engine/runbooks/domain/pack-content';
import { importRunbook } from '../../main/engine/runbooks/importer';
import { fixtureText, importFixture } from './runbooks';

describe('templates', () => {
  it('takes a document that is a post-mortem template as one template, titled by its front matter', () => {
    const x = importFixture('postmortem-template.md');
    expect(x.title).toBe('Post-incident review template');
    expect(x.templates).toHaveLength(1);
    expect(x.templates[0]).toMatchObject({ title: 'Post-incident review template', kind: 'postmortem', line: 6 });
    expect(x.templates[0].body).toBe(fixtureText('postmortem-template.md').split('---\n')[2].trim());
    expect(x.templates[0].placeholders.slice(0, 4)).toEqual(['[Service]', 'YYYY-MM-DD', '[Two or three sentences: what broke, for whom, for how long.]', '[number or share]']);
    // Its task lists are blanks of the template, not checklists; and it needs no severity levels.
    expect(x.checklists).toEqual([]);
    expect(x.warnings).toEqual([]);
  });

  it('takes message sections, a quote with blanks and a report section as templates', () => {
    const x = importFixture('comms-templates.md');
    expect(x.templates.map((t) => [t.title, t.kind, t.placeholders])).toEqual([
      ['First notice', 'communication', ['[feature]', '[symptom]', '[time]']],
      ['Resolved', 'communication', ['[feature]', '[time]', '[Short cause]']],
      ['Status page', 'communication', ['[symptom]', '[30 minutes]']],
      ['Incident report template', 'postmortem', ['[date]', '[start]', '[end]', '[cause]', '[ticket links]']],
    ]);
    expect(x.templates[0].body).toBe('We are investigating problems with [feature]. Customers may see [symptom].\nNext update by [time].');
    expect(x.templates[2].body).toBe('**Identified** — We found the cause of [symptom] and are rolling out a fix. Next update in [30 minutes].');
  });

  it('keeps the templates kept in the pack', () => {
    const x = importFixture('comms-templates.md');
    const content = packContent(x, { checklists: [], procedures: [], templates: [0, 3] }, {});
    expect(content.templates.map((t) => t.title)).toEqual(['First notice', 'Incident report template']);
  });
});

describe('titles', () => {
  it('takes the first sentence of the front matter description when there is no title', () => {
    expect(importFixture('comms-templates.md').title).toBe('Billing on-call guide');
  });

  it('prefers the front matter title to the headings, and the headings to the file name', () => {
    expect(importRunbook('---\ntitle: From front matter\ndescription: Not this. Nor this.\n---\n# Heading\n').title).toBe('From front matter');
    expect(importRunbook('---\nowner: ops\n---\n# Heading\n').title).toBe('Heading');
    expect(importRunbook('text only', { fileName: 'dir/pager.md' }).title).toBe('pager');
  });
});
