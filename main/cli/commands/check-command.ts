import path from 'node:path';
import { defaultConfigFile } from '../../engine/monitors/monitors-area';
import { ConfigError } from '../../engine/lib/config/config-errors';
import { loadMonitorConfig } from '../../engine/monitors/config-loader';
import { formatCheckLine, runChecksOnce } from '../../engine/monitors/run-once';
import { defaultDataDir } from '../../engine/paths';
import type { CliCommand } from '../cli-types';
import { parseFlags } from '../parse-flags';

const usage = 'trayage check [--config FILE] [--json] [--data-dir DIR]';

// Exit codes scripts and CI jobs can rely on.
const ALL_UP = 0;
const SOME_DOWN = 1;
const INVALID_CONFIG = 2;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Run every monitor of a monitors file once; exit 0 all up, 1 any down, 2 invalid file',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, { config: { type: 'string' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, usage);
    const file = path.resolve(values.config ?? defaultConfigFile(values['data-dir'] ?? defaultDataDir()));
    let monitors;
    try {
      monitors = loadMonitorConfig(file).monitors;
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      io.err(err.message);
      return INVALID_CONFIG;
    }
    const results = await runChecksOnce(monitors);
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else if (results.length === 0) io.out(`No monitors in ${file}.`);
    else for (const result of results) io.out(formatCheckLine(result));
    return results.every((r) => r.ok) ? ALL_UP : SOME_DOWN;
  },
};
