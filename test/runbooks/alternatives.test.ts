import { describe, expect, it } from 'vitest';
import { toProcedureDefinition } from '../../main/engine/runbooks/domain/pack-procedures';
import { defineProcedure } from '../../main/engine/runs/domain/procedure-validation';
import { importRunbook } from '../../main/engine/runbooks/importer';
import { importFixture, procedureOutline } from './runbooks';

// Ways to choose from: sections and labels per platform ("### On Heroku", "**Vercel:**"), leads
// ("On Kubernetes:"), "# or" between commands, "… or …" between quoted commands and steps done
// "if needed". Each way is a procedure of its own, named by the option.
const x = importFixture('rollback-choices.md');
const byTitle = (title: string) => {
  const found = x.procedures.find((p) => p.title === title);
  if (!found) throw new Error(`no procedure "${title}"`);
  return found;
};

describe('choices in a runbook', () => {
  it('makes one procedure per way, common steps in each, in document order', () => {
    expect(procedureOutline(x)).toEqual([
      {
        title: 'Roll back a bad deploy — Heroku',
        kind: 'rollback',
        steps: ['Tell #deploys that a rollback is starting', 'heroku releases -a storefront', 'heroku rollback -a storefront'],
      },
      { title: 'Roll back a bad deploy — AWS ECS', kind: 'rollback', steps: ['Tell #deploys that a rollback is starting', 'aws ecs update-service --cluster prod --service storefront \\'] },
      { title: 'Roll back the static site — Vercel', kind: 'rollback', steps: ['Vercel'] },
      { title: 'Roll back the static site — Netlify', kind: 'rollback', steps: ['Netlify'] },
      { title: 'Restart the workers — Kubernetes', kind: 'resolution', steps: ['On Kubernetes'] },
      { title: 'Restart the workers — systemd hosts', kind: 'resolution', steps: ['On systemd hosts'] },
      { title: 'Clear a stuck queue — Remove the poisoned job', kind: 'resolution', steps: ['Look at the queue', 'Remove the poisoned job'] },
      { title: 'Clear a stuck queue — Drop the whole queue', kind: 'resolution', steps: ['Look at the queue', 'Drop the whole queue'] },
      { title: 'Free disk space — docker image prune -af', kind: 'resolution', steps: ['Check what uses the space', 'Prune unused images'] },
      { title: 'Free disk space — docker image prune -af, with remove old logs', kind: 'resolution', steps: ['Check what uses the space', 'Prune unused images', 'If necessary, remove old logs'] },
      { title: 'Free disk space — docker system prune -af', kind: 'resolution', steps: ['Check what uses the space', 'Prune unused images'] },
      { title: 'Free disk space — docker system prune -af, with remove old logs', kind: 'resolution', steps: ['Check what uses the space', 'Prune unused images', 'If necessary, remove old logs'] },
    ]);
  });

  it('says which choice each procedure is and how many ways there are', () => {
    expect(byTitle('Roll back a bad deploy — AWS ECS').choice).toEqual({ of: 'Roll back a bad deploy', option: 'AWS ECS', count: 2 });
    expect(byTitle('Clear a stuck queue — Drop the whole queue').choice).toEqual({ of: 'Clear a stuck queue', option: 'Drop the whole queue', count: 2 });
    expect(byTitle('Free disk space — docker system prune -af, with remove old logs').choice).toEqual({
      of: 'Free disk space',
      option: 'docker system prune -af, with remove old logs',
      count: 4,
    });
    expect(byTitle('Roll back a bad deploy — Heroku').steps.map((s) => [s.command, s.destructive])).toEqual([
      ['./scripts/announce.sh "rollback started"', false],
      ['heroku releases -a storefront', false],
      ['heroku rollback -a storefront', true],
    ]);
    expect(byTitle('Free disk space — docker system prune -af').steps[1].command).toBe('docker system prune -af');
  });

  it('keeps an optional step inline, to decide on the way, when the ways would be too many', () => {
    const steps = Array.from({ length: 4 }, (_, i) => `# Step ${i} if needed\ntouch /tmp/step-${i}`).join('\n\n');
    const many = importRunbook(`## Tidy up\n\n\`\`\`bash\n${steps}\n\`\`\`\n`);
    expect(many.procedures).toHaveLength(1);
    expect(many.procedures[0].steps.map((s) => s.condition)).toEqual(['if needed', 'if needed', 'if needed', 'if needed']);
  });
});

describe('choices as team procedures', () => {
  it('gives each way its own procedure, with an id that names the option, that the runs area accepts', () => {
    const definitions = x.procedures.map((p) => toProcedureDefinition('storefront', p));
    expect(definitions.slice(0, 2).map((d) => [d.id, d.title, d.description])).toEqual([
      [
        'pack-storefront-roll-back-a-bad-deploy-heroku',
        'Roll back a bad deploy — Heroku (storefront runbook)',
        'Imported from the storefront runbook, section "Roll back a bad deploy". One of 2 ways the runbook offers for "Roll back a bad deploy": Heroku.',
      ],
      [
        'pack-storefront-roll-back-a-bad-deploy-aws-ecs',
        'Roll back a bad deploy — AWS ECS (storefront runbook)',
        'Imported from the storefront runbook, section "Roll back a bad deploy". One of 2 ways the runbook offers for "Roll back a bad deploy": AWS ECS.',
      ],
    ]);
    expect(new Set(definitions.map((d) => d.id)).size).toBe(definitions.length);
    for (const d of definitions) expect(() => defineProcedure(d)).not.toThrow();
    expect(definitions[1].params).toEqual([{ name: 'previous_revision', label: '<previous-revision>', required: true }]);
  });
});
