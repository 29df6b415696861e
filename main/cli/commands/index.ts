import type { CliCommand } from '../cli-types';
import { incidentsCommand } from './incidents-command';
import { serveCommand } from './serve-command';

export const COMMANDS: readonly CliCommand[] = [serveCommand, incidentsCommand];
