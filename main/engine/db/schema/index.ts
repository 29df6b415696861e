import type { Migration } from '../migration-types';
import { ALERTS_MIGRATIONS } from './alerts-schema';
import { CHANNELS_MIGRATIONS } from './channels-schema';
import { CORE_MIGRATIONS } from './core-schema';
import { ESCALATION_MIGRATIONS } from './escalation-schema';
import { INCIDENT_HISTORY_MIGRATIONS } from './incident-history-schema';
import { INTAKE_MIGRATIONS } from './intake-schema';
import { MONITORS_MIGRATIONS } from './monitors-schema';
import { NOTIFICATIONS_MIGRATIONS } from './notifications-schema';
import { PACKS_MIGRATIONS } from './packs-schema';
import { RUNS_MIGRATIONS } from './runs-schema';
import { WORKFLOW_MIGRATIONS } from './workflow-schema';

// One line per area. Versions are global and contiguous: 1-2 core, 3 workflow and shared
// infrastructure, 4 SSH runs, 5 monitors, 6 alert sources, 7 runbook packs, 8 notification
// delivery leases, 9 incident levels, checklist sources and post-mortem actions, 10 incident intake,
// 11 channels and their outbox, 12 escalation chains and on-call handoffs, 13 monitor events, 14 notices summed up;
// a new area takes the next number.
export const ALL_MIGRATIONS: readonly Migration[] = [
  ...CORE_MIGRATIONS,
  ...WORKFLOW_MIGRATIONS,
  ...RUNS_MIGRATIONS,
  ...MONITORS_MIGRATIONS,
  ...ALERTS_MIGRATIONS,
  ...PACKS_MIGRATIONS,
  ...NOTIFICATIONS_MIGRATIONS,
  ...INCIDENT_HISTORY_MIGRATIONS,
  ...INTAKE_MIGRATIONS,
  ...CHANNELS_MIGRATIONS,
  ...ESCALATION_MIGRATIONS,
];
