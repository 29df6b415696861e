import { parseArgs } from 'node:util';

export interface RunArgs {
  procedure: string;
  host: string;
  params: Record<string, string>;
  confirm: string[];
  trust: string[];
  sshConfig?: string;
  knownHosts: string[];
  json: boolean;
  dryRun: boolean;
}

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

export const RUN_USAGE =
  'Usage: trayage run PROCEDURE --host HOST [--param NAME=VALUE]… [--confirm HOST] [--trust SHA256:…]\n' +
  '                  [--ssh-config FILE] [--known-hosts FILE] [--dry-run] [--json]';

export function parseRunArgs(args: string[]): RunArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        host: { type: 'string' },
        param: { type: 'string', multiple: true },
        confirm: { type: 'string', multiple: true },
        trust: { type: 'string', multiple: true },
        'ssh-config': { type: 'string' },
        'known-hosts': { type: 'string', multiple: true },
        json: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new CliUsageError(`${(err as Error).message}\n${RUN_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new CliUsageError(`${positionals.length ? 'Give exactly one procedure' : 'Name the procedure to run'} (see "trayage procedures").\n${RUN_USAGE}`);
  }
  if (!values.host) throw new CliUsageError(`--host is required: the ssh config alias to run on.\n${RUN_USAGE}`);
  const params: Record<string, string> = {};
  for (const pair of values.param ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliUsageError(`--param "${pair}" must look like NAME=VALUE.`);
    const name = pair.slice(0, eq);
    if (name in params) throw new CliUsageError(`--param ${name} is given twice.`);
    params[name] = pair.slice(eq + 1);
  }
  for (const fingerprint of values.trust ?? []) {
    if (!/^SHA256:[A-Za-z0-9+/]{43}$/.test(fingerprint)) {
      throw new CliUsageError(`--trust "${fingerprint}" is not a SHA256 fingerprint; copy it as printed, e.g. SHA256:AbC…(43 characters).`);
    }
  }
  return {
    procedure: positionals[0],
    host: values.host,
    params,
    confirm: values.confirm ?? [],
    trust: values.trust ?? [],
    sshConfig: values['ssh-config'],
    knownHosts: values['known-hosts'] ?? [],
    json: values.json ?? false,
    dryRun: values['dry-run'] ?? false,
  };
}

export function wantsJson(args: string[]): boolean {
  return args.includes('--json');
}
