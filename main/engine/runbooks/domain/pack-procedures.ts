import type { PackProcedure } from '../../../../preload/contract';

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'x';

// A runbook placeholder (<previous-tag>, $APP_DIR, ${APP_DIR}) becomes a run parameter, and its
// text a {{param}} that the runner fills in shell-quoted.
function paramName(placeholder: string): string | null {
  const inner = placeholder.replace(/^\$\{?|\}$/g, '').replace(/^<|>$/g, '');
  const name = inner.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : null;
}

// `ssh root@host` alone only logs in: in Trayage the run is already on the host, so that step goes.
const isLoginOnly = (command: string) => /^ssh(\s+-\S+(\s+\S+)?)*\s+\S+\s*$/.test(command.trim());

export function procedureId(service: string, title: string): string {
  return `pack-${slug(service)}-${slug(title)}`.slice(0, 90).replace(/-+$/, '');
}

// The definition the SSH area's procedure store accepts (see main/engine/procedures/procedure-types.ts).
export function toProcedureDefinition(service: string, procedure: PackProcedure) {
  const params = new Map<string, string>();
  const steps = procedure.steps
    .filter((step) => !isLoginOnly(step.command))
    .map((step) => {
      let command = step.command;
      for (const placeholder of step.placeholders) {
        const name = paramName(placeholder);
        if (!name || !command.includes(placeholder)) continue;
        params.set(name, placeholder);
        command = command.split(placeholder).join(`{{${name}}}`);
      }
      return { title: step.title, command, ...(step.host && !step.host.includes('@') ? { host: step.host } : {}) };
    });
  return {
    id: procedureId(service, procedure.title),
    title: `${procedure.title} (${service} runbook)`,
    kind: procedure.kind,
    description: `Imported from the ${service} runbook, section "${procedure.section}".`,
    tags: [service],
    params: [...params].map(([name, placeholder]) => ({ name, label: placeholder, required: true })),
    steps,
  };
}
