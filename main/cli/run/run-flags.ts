import path from 'node:path';
import { methods } from '../../../preload/contract';
import { UsageError } from '../cli-types';
import { parseFlags } from '../parse-flags';

export const RUN_USAGE =
  'trayage run PROCEDURE --host HOST [--param NAME=VALUE]… [--confirm HOST]… [--trust SHA256:…]… [--incident ID] ' +
  '[--ssh-config FILE] [--known-hosts FILE]… [--dry-run] [--json] [--data-dir DIR]';

export interface RunRequest {
  procedureId: string;
  host: string;
  params: Record<string, string>;
  incidentId: number | undefined;
  // Host names typed out: guarded steps on these hosts run, others stop the run.
  confirm: string[];
  trust: string[];
  sshConfig: string | undefined;
  knownHosts: string[];
  dryRun: boolean;
  json: boolean;
  dataDir: string | undefined;
}

// The contract's field names, as the command line spells them.
const FLAG_FOR: Record<string, string> = {
  procedureId: 'PROCEDURE',
  hosts: '--host',
  alias: '--host',
  params: '--param',
  incidentId: '--incident',
  confirmations: '--confirm',
  fingerprint: '--trust',
};

export function parseRunFlags(args: string[]): RunRequest {
  const { values, positionals } = parseFlags(
    args,
    {
      host: { type: 'string' },
      param: { type: 'string', multiple: true },
      confirm: { type: 'string', multiple: true },
      trust: { type: 'string', multiple: true },
      incident: { type: 'string' },
      'ssh-config': { type: 'string' },
      'known-hosts': { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
    RUN_USAGE,
    1,
  );
  const procedureId = positionals[0];
  if (!procedureId) throw new UsageError('Name the procedure to run (see trayage procedures).', RUN_USAGE);
  if (!values.host) throw new UsageError('--host is required: the ssh config alias (or [user@]host[:port]) to run on.', RUN_USAGE);
  const request: RunRequest = {
    procedureId,
    host: values.host,
    params: paramValues(values.param ?? []),
    incidentId: values.incident === undefined ? undefined : incidentNumber(values.incident),
    confirm: values.confirm ?? [],
    trust: values.trust ?? [],
    sshConfig: values['ssh-config'] === undefined ? undefined : path.resolve(values['ssh-config']),
    knownHosts: (values['known-hosts'] ?? []).map((file) => path.resolve(file)),
    dryRun: values['dry-run'] ?? false,
    json: values.json ?? false,
    dataDir: values['data-dir'],
  };
  // The engine checks these again; checking here first makes a typo a usage error that names its flag.
  checkFields('runs.start', {
    procedureId: request.procedureId,
    hosts: [request.host],
    params: request.params,
    incidentId: request.incidentId,
    confirmations: request.confirm,
  });
  for (const fingerprint of request.trust) checkFields('hosts.trust', { alias: request.host, fingerprint });
  return request;
}

function paramValues(pairs: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param "${pair}" must look like NAME=VALUE.`, RUN_USAGE);
    const name = pair.slice(0, eq);
    if (name in params) throw new UsageError(`--param ${name} is given twice; give each parameter once.`, RUN_USAGE);
    params[name] = pair.slice(eq + 1);
  }
  return params;
}

function incidentNumber(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id)) throw new UsageError(`--incident must be an incident number (see trayage incidents), not '${text}'.`, RUN_USAGE);
  return id;
}

function checkFields(method: 'runs.start' | 'hosts.trust', params: Record<string, unknown>): void {
  const parsed = methods[method].params.safeParse(params);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const field = String(issue.path[0] ?? '');
  const value = field === 'hosts' || field === 'confirmations' ? (params[field] as string[])[Number(issue.path[1] ?? 0)] : params[field];
  const shown = typeof value === 'string' ? ` "${value}"` : '';
  throw new UsageError(`${FLAG_FOR[field] ?? field}${shown}: ${issue.message}.`, RUN_USAGE);
}
