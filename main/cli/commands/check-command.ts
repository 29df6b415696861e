import path from 'node:path';
import { defaultConfigFile } from '../../engine/monitors/monitors-area';
import { ConfigError } from '../../engine/lib/config/config-errors';
import { createDefaultRegistry } from '../../engine/monitors/checks/kind-registry';
import { loadMonitorConfig } from '../../engine/monitors/config-loader';
import { formatCheckLine, runChecksOnce } from '../../engine/monitors/run-once';
import { RunnerProvider } from '../../engine/hosts/runner-provider';
import { trustedKnownHostsFile } from '../../engine/hosts/ssh-settings';
import { SshRunner } from '../../engine/lib/ssh/ssh-runner';
import { defaultDataDir } from '../../engine/paths';
import type { CliCommand } from '../cli-types';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';
import { readCliRunContext } from '../run/cli-context';

const usage = 'trayage check [--config FILE] [--json] [--data-dir DIR] [--ssh-config FILE] [--known-hosts FILE]…';

// Exit codes scripts and CI jobs can rely on.
const ALL_UP = 0;
const SOME_DOWN = 1;
const INVALID_CONFIG = 2;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Run every monitor of a monitors file once; exit 0 all up, 1 any down, 2 invalid file',
  usage,
  async run(args, io) {
    const { values } = parseFlags(
      args,
      {
        config: { type: 'string' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        'ssh-config': { type: 'string' },
        'known-hosts': { type: 'string', multiple: true },
      },
      usage,
    );
    const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
    const file = path.resolve(values.config ?? defaultConfigFile(dataDir));
    let config;
    try {
      config = loadMonitorConfig(file);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      io.err(err.message);
      return INVALID_CONFIG;
    }
    if (config.blank) {
      io.err(`${file} is empty: there is nothing to check. Write a 'monitors:' list (see README, Monitors).`);
      return INVALID_CONFIG;
    }
    const loaded = config.monitors;
    // A paused monitor is one the team chose not to check now: it is listed, not run, and cannot fail the run.
    const monitors = loaded.filter((m) => !m.paused);
    const paused = loaded.filter((m) => m.paused);
    // Only SSH monitors need the data dir; a file of HTTP checks never opens its database.
    const runners = monitors.some((m) => m.kind === 'ssh') ? await sshRunners(dataDir, values['ssh-config'], values['known-hosts'] ?? []) : undefined;
    const registry = createDefaultRegistry({ ssh: runners });
    let results;
    try {
      results = await runChecksOnce(monitors, { registry });
    } finally {
      registry.close();
      // Closing the connections lets the process exit as soon as the results are printed.
      runners?.close();
    }
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else if (loaded.length === 0) io.out(`No monitors in ${file}.`);
    else {
      for (const result of results) io.out(formatCheckLine(result));
      for (const monitor of paused) io.out(`paused  ${monitor.name}  not checked (paused: true in the file)`);
    }
    return results.every((r) => r.ok) ? ALL_UP : SOME_DOWN;
  },
};

/**
 * SSH the way `trayage run` does it: the data dir's ssh config (hosts added in the app included)
 * and known_hosts files unless the flags name others, its trusted keys, ssh-agent from
 * SSH_AUTH_SOCK. Host keys are checked, never trusted from here.
 */
async function sshRunners(dataDir: string, sshConfig: string | undefined, knownHosts: string[]): Promise<RunnerProvider> {
  const context = sshConfig === undefined || knownHosts.length === 0 ? await withEngine(dataDir, readCliRunContext) : undefined;
  const configPath = sshConfig ? path.resolve(sshConfig) : (context?.sshConfigPath ?? undefined);
  const knownHostsFiles = knownHosts.length > 0 ? knownHosts.map((f) => path.resolve(f)) : context!.knownHostsFiles;
  return new RunnerProvider(
    () =>
      new SshRunner({
        sshConfigPath: configPath,
        knownHostsFiles: knownHostsFiles.length > 0 ? knownHostsFiles : undefined,
        trustedKnownHostsFile: trustedKnownHostsFile(dataDir),
      }),
  );
}
