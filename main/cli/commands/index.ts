import type { CliCommand } from '../cli-types';
import { alertsCommand } from './alerts-command';
import { declareCommand } from './declare-command';
import { incidentsCommand } from './incidents-command';
import { postmortemCommand } from './postmortem-command';
import { serveCommand } from './serve-command';
import { statusCommand } from './status-command';

// One line per command, in the order `trayage --help` lists them.
export const COMMANDS: readonly CliCommand[] = [
  serveCommand,
  incidentsCommand,
  declareCommand,
  statusCommand,
  postmortemCommand,
  alertsCommand,
];
