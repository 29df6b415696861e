import type { Migration } from '../migration-types';
import { CORE_MIGRATIONS } from './core-schema';
import { WORKFLOW_MIGRATIONS } from './workflow-schema';

// One line per area; versions: 1-2 core, 3 workflow and shared infrastructure, 4 monitors,
// 5 SSH runs and procedures, 6 runbook packs, 7 alert sources.
export const ALL_MIGRATIONS: readonly Migration[] = [...CORE_MIGRATIONS, ...WORKFLOW_MIGRATIONS];
