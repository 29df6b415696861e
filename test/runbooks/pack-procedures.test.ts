import { describe, expect, it } from 'vitest';
import { leftOutSteps, procedureId, toProcedureDefinition } from '../../main/engine/runbooks/domain/pack-procedures';
import { defineProcedure } from '../../main/engine/runs/domain/procedure-validation';
import { renderCommand } from '../../main/engine/runs/domain/templates';
import { importRunbook } from '../../main/engine/runbooks/importer';
import { importFixture } from './runbooks';

const runbook = (body: string) => importRunbook(`# Ops\n\n${body}`);

describe('team procedures from a pack', () => {
  it('runs SQL steps through the database client set for the pack, and leaves them out without one', () => {
    const x = importFixture('transcripts.md');
    const queries = x.procedures.find((p) => p.title === 'Queries')!;
    const without = toProcedureDefinition('shop', queries);
    expect(without.steps).toEqual([]);
    expect(leftOutSteps(queries)[0]).toBe('step 1 "SELECT pid, state FROM pg_stat_activity": it is SQL, and no database client was set to run it through');
    const withClient = toProcedureDefinition('shop', queries, { sqlClient: 'psql -X -h db.internal shop' });
    expect(withClient.steps[3]).toEqual({ title: 'Remove the test orders', command: "psql -X -h db.internal shop <<'SQL'\nDELETE FROM orders WHERE customer_id = 0;\nSQL", confirm: true });
    expect(() => defineProcedure(withClient)).not.toThrow();
    expect(withClient.description).toBe('Imported from the shop runbook, section "Queries".');
  });

  it('leaves out a step that never ends and has no bounded form, and says so', () => {
    const x = runbook('## Reach the database\n\n```bash\nkubectl port-forward svc/db 5432:5432\npsql -h localhost -c "SELECT 1"\n```\n');
    const definition = toProcedureDefinition('db', x.procedures[0]);
    expect(definition.steps.map((s) => s.command)).toEqual(['psql -h localhost -c "SELECT 1"']);
    expect(definition.description).toContain('Left out: step 1 "kubectl port-forward svc/db 5432:5432": `kubectl port-forward` runs until it is stopped, and Trayage only runs steps that end on their own.');
  });

  it('keeps Go templates for kubectl while placeholders become run parameters', () => {
    const x = runbook("## Check pods\n\n```bash\nkubectl get pods -n <namespace> -o go-template='{{range .items}}{{.metadata.name}}{{end}}'\n```\n");
    const definition = toProcedureDefinition('k8s', x.procedures[0]);
    expect(definition.steps[0].command).toBe("kubectl get pods -n {{namespace}} -o go-template='{{range .items}}{{.metadata.name}}{''{end}}'");
    expect(definition.params).toEqual([{ name: 'namespace', label: '<namespace>', required: true }]);
    const procedure = defineProcedure(definition);
    // What reaches the shell is the template kubectl expects.
    expect(renderCommand((procedure.steps[0] as { command: string }).command, { namespace: 'shop' })).toBe(
      "kubectl get pods -n 'shop' -o go-template='{{range .items}}{{.metadata.name}}{''{end}}'",
    );
  });

  it('asks before a step the runbook calls destructive, even one the runner would not know to be', () => {
    const x = runbook('## Revoke access\n\n```bash\n# Revoke every session token\ncurl -X POST https://auth.example/admin/revoke-all\n```\n');
    expect(x.procedures[0].steps[0].destructive).toBe(true);
    expect(toProcedureDefinition('auth', x.procedures[0]).steps[0]).toEqual({ title: 'Revoke every session token', command: 'curl -X POST https://auth.example/admin/revoke-all', confirm: true });
  });

  it('asks before every rollback step that changes anything, and runs its read-only checks without asking', () => {
    const x = runbook('## Rollback\n\n```bash\n# Point the service at the last good task\naws ecs update-service --cluster c --service web --task-definition web:41\n# See what runs now\naws ecs describe-services --cluster c --services web\n```\n');
    expect(x.procedures[0].kind).toBe('rollback');
    expect(x.procedures[0].steps[0].destructive).toBe(false);
    const steps = toProcedureDefinition('web', x.procedures[0]).steps;
    expect(steps.map((s) => [s.title, 'confirm' in s && s.confirm === true])).toEqual([
      ['Point the service at the last good task', true],
      ['See what runs now', false],
    ]);
    expect(x.procedures[0].steps[1].readOnly).toBe(true);
  });

  it('asks before a step the runbook runs only in some cases, when no way of its own settles it', () => {
    const steps = Array.from({ length: 4 }, (_, i) => `# Step ${i} if needed\ntouch /tmp/step-${i}`).join('\n\n');
    const x = runbook(`## Tidy up\n\n\`\`\`bash\n${steps}\n\`\`\`\n`);
    expect(toProcedureDefinition('ops', x.procedures[0]).steps[0]).toEqual({ title: 'Step 0 if needed', command: 'touch /tmp/step-0', confirm: true });
    const restart = runbook('## Recover\n\n```bash\n# Restart the app\nsystemctl restart app\n```\n\n```bash\n# Clear the cache when the restart did not help\nrm -rf /var/cache/app\n```\n');
    expect(restart.procedures.map((p) => p.title)).toEqual(['Recover']);
  });

  it('gives every title its own id, readable, within what the runs area takes', () => {
    expect(procedureId('heroforge', 'Quick Rollback (< 5 minutes)')).toBe('pack-heroforge-quick-rollback-5-minutes');
    const long = ['Service Unavailable (502/503/504) › Resolution — if container stopped', 'Service Unavailable (502/503/504) › Resolution — if Traefik issue'];
    const ids = long.map((t) => procedureId('heroforge', t));
    expect(ids[0]).toMatch(/^pack-heroforge-service-unavailable-502-503-504-container-stopped-[0-9a-z]{6}$/);
    expect(new Set(ids).size).toBe(2);
    expect(procedureId('a'.repeat(200), 'b'.repeat(500)).length).toBeLessThanOrEqual(100);
  });
});
