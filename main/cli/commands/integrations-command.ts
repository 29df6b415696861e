import type { Integration, IntakeKind } from '../../../preload/contract';
import type { CliCommand, CliIo } from '../cli-types';
import { UsageError } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';
import { textTable } from '../text-table';

const usage = 'trayage integrations [add NAME --kind alertmanager|json | rotate NAME | delete NAME] [--json] [--data-dir DIR]';
const KINDS: readonly IntakeKind[] = ['alertmanager', 'json'];

export const integrationsCommand: CliCommand = {
  name: 'integrations',
  summary: 'List, add, rotate or delete incident intake integrations (tokens are shown once)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { kind: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, usage, 2);
    const [action, name] = positionals;
    const json = values.json === true;
    if (action === undefined) {
      if (values.kind !== undefined) throw new UsageError('--kind goes with `integrations add NAME`.', usage);
      const { integrations, listener } = await withEngine(values['data-dir'], (engine) => call(engine, 'integrations.list', {}));
      io.out(json ? JSON.stringify(integrations, null, 2) : formatList(integrations, `${listener.host}:${listener.port}`));
      return 0;
    }
    if (!['add', 'rotate', 'delete'].includes(action)) throw new UsageError(`Unknown action '${action}': use add, rotate or delete.`, usage);
    if (!name) throw new UsageError(`Name the integration: trayage integrations ${action} NAME.`, usage);
    if (action === 'delete') {
      await withEngine(values['data-dir'], (engine) => call(engine, 'integrations.delete', { name }));
      io.out(json ? JSON.stringify({ name, deleted: true }) : `Integration '${name}' deleted; its token no longer works.`);
      return 0;
    }
    if (action === 'add' && !KINDS.includes(values.kind as IntakeKind)) {
      throw new UsageError(values.kind === undefined ? '--kind is required: alertmanager or json.' : `--kind must be alertmanager or json, not '${values.kind}'.`, usage);
    }
    if (action === 'rotate' && values.kind !== undefined) throw new UsageError('--kind goes with add only: an integration keeps its kind.', usage);
    const made = await withEngine(values['data-dir'], (engine) =>
      action === 'add' ? call(engine, 'integrations.add', { name, kind: values.kind as IntakeKind }) : call(engine, 'integrations.rotate', { name }),
    );
    printToken(io, json, made, action === 'add' ? 'added' : 'has a new token; the old one no longer works');
    return 0;
  },
};

function printToken(io: CliIo, json: boolean, made: Integration & { token: string }, what: string): void {
  if (json) {
    io.out(JSON.stringify({ name: made.name, kind: made.kind, token: made.token, path: made.path }, null, 2));
    return;
  }
  io.out(
    [
      `Integration '${made.name}' (${made.kind}) ${what}. Its token is shown only now:`,
      `  ${made.token}`,
      `POST to ${made.path} on the \`trayage serve\` port (or the app's intake listener) with the header`,
      `  Authorization: Bearer ${made.token}`,
    ].join('\n'),
  );
}

function formatList(list: Integration[], listener: string): string {
  if (list.length === 0) return 'No integrations. Add one with: trayage integrations add NAME --kind alertmanager|json';
  const rows = list.map((i) => [i.name, i.kind, i.path, i.lastUsedAt === null ? 'never used' : `last used ${new Date(i.lastUsedAt).toISOString()}`]);
  return `${textTable(rows)}\nThe app listens for these on ${listener}; \`trayage serve\` takes them on its own port.`;
}
