import type { CliCommand } from '../cli-types';
import { alertsCommand } from './alerts-command';
import { checkCommand } from './check-command';
import { declareCommand } from './declare-command';
import { importCommand } from './import-command';
import { incidentsCommand } from './incidents-command';
import { integrationsCommand } from './integrations-command';
import { monitorsCommand } from './monitors-command';
import { noticesCommand } from './notices-command';
import { oncallCommand } from './oncall-command';
import { postmortemCommand } from './postmortem-command';
import { proceduresCommand } from './procedures-command';
import { runCommand } from './run-command';
import { runsCommand } from './runs-command';
import { serveCommand } from './serve-command';
import { statusCommand } from './status-command';

// One line per command, in the order `trayage --help` lists them.
export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  incidentsCommand,
  declareCommand,
  statusCommand,
  checkCommand,
  monitorsCommand,
  noticesCommand,
  postmortemCommand,
  alertsCommand,
  importCommand,
  proceduresCommand,
  runCommand,
  runsCommand,
  integrationsCommand,
  oncallCommand,
];
