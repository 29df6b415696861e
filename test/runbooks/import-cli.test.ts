import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { headingFlood } from './heavy-runbooks';
import { FIXTURE_DIR, RUNBOOK_DIR } from './runbooks';

// `trayage import` as built (npm run build): it reads on the import worker beside the CLI, and
// with --save saves through the engine's packs.save, as the window does.
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'import', ...args], { encoding: 'utf8' });
const dir = tempDir();
afterAll(() => removeDir(dir));

describe('trayage import', () => {
  it('saves a pack whose ways become team procedures listed by `trayage procedures`', () => {
    const saved = run(path.join(RUNBOOK_DIR, 'gitquest-incident-playbook.md'), '--save', '--service', 'gitquest', '--data-dir', dir);
    expect(saved.stderr).toBe('');
    expect(saved.status).toBe(0);
    expect(saved.stdout).toBe('Saved pack "Incident Response Playbook" for gitquest: 3 checklists, 9 procedures, 3 templates.\nIts procedures are listed by "trayage procedures".\n');
    const listed = spawnSync(process.execPath, [CLI, 'procedures', '--json', '--data-dir', dir], { encoding: 'utf8' });
    const titles = (JSON.parse(listed.stdout) as { id: string; title: string }[]).filter((p) => p.id.startsWith('pack-gitquest-')).map((p) => p.title);
    expect(titles).toEqual(
      expect.arrayContaining(['API Down (5xx Errors) › Rollback — Heroku (gitquest runbook)', 'API Down (5xx Errors) › Rollback — AWS ECS (gitquest runbook)']),
    );
    expect(titles).toHaveLength(9);
  });

  it('maps the hosts the runbook logs into and names those left unmapped', () => {
    const file = path.join(RUNBOOK_DIR, 'heroforge-incident-response.md');
    const unmapped = run(file, '--save', '--service', 'heroforge', '--data-dir', dir);
    expect(unmapped.stdout).toContain('  root@heroforge.genialarchitect.io is mapped to no host alias; add --map-host root@heroforge.genialarchitect.io=ALIAS\n');
    const mapped = run(file, '--save', '--service', 'heroforge', '--map-host', 'root@heroforge.genialarchitect.io=web-1', '--json', '--data-dir', dir);
    const result = JSON.parse(mapped.stdout);
    expect(result.created).toBe(false);
    expect(result.pack.content.procedures[0].host).toBe('web-1');
  });

  it('prints every step with readOnly and destructive beside its command in --json', () => {
    const x = JSON.parse(run(path.join(FIXTURE_DIR, 'rollback-choices.md'), '--json').stdout);
    const step = x.procedures[0].steps[2];
    expect(step).toMatchObject({ command: 'heroku rollback -a storefront', readOnly: false, destructive: true });
    expect(x.procedures.flatMap((p: { steps: object[] }) => p.steps).every((s: object) => 'readOnly' in s && 'destructive' in s)).toBe(true);
  });

  it('prints no control characters that came from the document: they are shown as escapes', () => {
    const file = path.join(dir, 'hostile.md');
    writeFileSync(file, '# Ops \u001b]0;pwned\u0007title\n\n## Restart \u001b[31mweb\u001b[0m\n\n```bash\n# Restart \u202ebew\nsystemctl restart web\n```\n');
    const text = run(file).stdout;
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text.split('\n')[0]).toBe('Ops \\u001b]0;pwned\\u0007title  (hostile.md)');
    const json = run(file, '--json').stdout;
    expect(json).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json).procedures[0].steps[0].title).toBe('Restart \u202ebew');
  });

  it('says what is wrong with the command line', () => {
    expect(run('x.md', '--save').stderr).toMatch(/^--save needs --service NAME: the service the pack is for\.\nUsage: trayage import/);
    expect(run('x.md', '--service', 'web').stderr).toMatch(/^--service, --map-host and --data-dir go with --save\./);
    expect(run('x.md', '--save', '--service', 'web', '--map-host', 'nohost').stderr).toMatch(/^--map-host takes RUNBOOKHOST=ALIAS/);
    expect(run(path.join(dir, 'missing.md')).status).toBe(2);
  });

  it('refuses a flood of blocks at once with exit 2, saying how many and what to do', () => {
    const file = path.join(dir, 'flood.md');
    writeFileSync(file, headingFlood());
    const refused = run(file);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^flood\.md has 131,071 headings, paragraphs, list items, table rows and code blocks; a runbook can have up to 20,000 .*Split it into smaller runbooks/);
  });
});
