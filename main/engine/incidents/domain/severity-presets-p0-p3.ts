import type { SeverityScheme } from '../../../../preload/contract';

// Each scheme copies one example runbook from shared/runbooks. Where a runbook is silent on a
// value (no update cadence, no watch time) the value is null, which means "no timer", rather
// than a number the runbook never gave.

/**
 * From hotdash-incident-response.md: "Incident Severity Levels", "Escalation Matrix",
 * "Progress Update (Every 15 min for P0)" and "4.2 Extended Monitoring" (P0 2 h, P1 1 h, P2 30 min).
 * The matrix is used over the looser per-level "Escalation" lines because it gives times.
 */
export const HOTDASH_P0_P3: SeverityScheme = {
  id: 'p0-p3-hotdash',
  name: 'P0–P3 with escalation matrix and post-fix watch',
  source: 'hotdash-incident-response.md',
  levels: [
    {
      key: 'P0',
      name: 'Critical (All hands)',
      definition: 'Production completely down, data loss, security breach',
      examples: ['Database unavailable', 'Application returning 500 errors', 'Secrets exposed'],
      responseMinutes: 5,
      updateCadenceMinutes: 15,
      escalateAfterMinutes: 0,
      escalateTo: ['CEO'],
      postFixWatchMinutes: 120,
    },
    {
      key: 'P1',
      name: 'High (Urgent)',
      definition: 'Major feature broken, significant user impact, performance degraded',
      examples: ['Approvals drawer broken', 'Dashboard tiles not loading', 'P95 >10s'],
      responseMinutes: 15,
      updateCadenceMinutes: null,
      escalateAfterMinutes: 15,
      escalateTo: ['Manager'],
      postFixWatchMinutes: 60,
    },
    {
      key: 'P2',
      name: 'Medium (Important)',
      definition: 'Minor feature broken, limited user impact',
      examples: ['Single tile failing', 'Non-critical API endpoint error'],
      responseMinutes: 60,
      updateCadenceMinutes: null,
      escalateAfterMinutes: 60,
      escalateTo: ['Manager'],
      postFixWatchMinutes: 30,
    },
    {
      key: 'P3',
      name: 'Low (Tracking)',
      definition: 'Cosmetic issues, no user impact',
      examples: ['Typos', 'Minor UI glitches', 'Documentation errors'],
      responseMinutes: 24 * 60,
      updateCadenceMinutes: null,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: null,
    },
  ],
};

/**
 * From healing-guard-incident-response.md: "Severity Levels" table, and the P0 notice
 * "Updates: Will update every 15 minutes". Its escalation path gives no times, so no timer.
 */
export const HEALING_GUARD_P0_P3: SeverityScheme = {
  id: 'p0-p3-healing-guard',
  name: 'P0–P3 with 15 min to 24 h response',
  source: 'healing-guard-incident-response.md',
  levels: [
    {
      key: 'P0',
      name: 'Critical',
      definition: 'Complete service outage',
      examples: ['API completely down', 'Database failure'],
      responseMinutes: 15,
      updateCadenceMinutes: 15,
      escalateAfterMinutes: null,
      escalateTo: ['Engineering Lead', 'VP Engineering'],
      postFixWatchMinutes: null,
    },
    {
      key: 'P1',
      name: 'High',
      definition: 'Major functionality impaired',
      examples: ['Healing strategies not working', 'Webhook failures'],
      responseMinutes: 60,
      updateCadenceMinutes: null,
      escalateAfterMinutes: null,
      escalateTo: ['Engineering Lead', 'VP Engineering'],
      postFixWatchMinutes: null,
    },
    {
      key: 'P2',
      name: 'Medium',
      definition: 'Minor functionality impaired',
      examples: ['Dashboard issues', 'Delayed notifications'],
      responseMinutes: 4 * 60,
      updateCadenceMinutes: null,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: null,
    },
    {
      key: 'P3',
      name: 'Low',
      definition: 'Cosmetic or documentation issues',
      examples: ['UI glitches', 'Documentation errors'],
      responseMinutes: 24 * 60,
      updateCadenceMinutes: null,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: null,
    },
  ],
};

/**
 * From monitoring-system-incident-response.md: "Severity Levels", "4.1 Status Updates"
 * (P0 every 30 min, P1 hourly, P2 every 4 h) and "3.3 Verification" (monitor for 30 minutes).
 * "Next business day" has no clock time, so P3 carries no acknowledgement timer.
 */
export const MONITORING_SYSTEM_P0_P3: SeverityScheme = {
  id: 'p0-p3-monitoring-system',
  name: 'P0–P3 with 30 min / 1 h / 4 h updates',
  source: 'monitoring-system-incident-response.md',
  levels: [
    {
      key: 'P0',
      name: 'Critical (Complete Service Outage)',
      definition: 'Complete service unavailability affecting all users',
      examples: ['Website completely down', 'Database unavailable', 'Security breach', 'Data corruption'],
      responseMinutes: 15,
      updateCadenceMinutes: 30,
      escalateAfterMinutes: null,
      escalateTo: ['Manager'],
      postFixWatchMinutes: 30,
    },
    {
      key: 'P1',
      name: 'High (Major Service Degradation)',
      definition: 'Significant service degradation affecting most users',
      examples: ['Slow response times (>5s)', 'Authentication failures', 'Payment processing issues', 'High error rates (>10%)'],
      responseMinutes: 60,
      updateCadenceMinutes: 60,
      escalateAfterMinutes: null,
      escalateTo: ['Manager'],
      postFixWatchMinutes: 30,
    },
    {
      key: 'P2',
      name: 'Medium (Minor Service Issues)',
      definition: 'Service issues affecting some users or features',
      examples: ['Non-critical feature failures', 'Performance degradation', 'Third-party service issues', 'Monitoring alerts'],
      responseMinutes: 4 * 60,
      updateCadenceMinutes: 4 * 60,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: 30,
    },
    {
      key: 'P3',
      name: 'Low (Informational)',
      definition: "Issues that don't immediately affect users",
      examples: ['Capacity warnings', 'Maintenance notifications', 'Documentation updates', 'Minor configuration changes'],
      responseMinutes: null,
      updateCadenceMinutes: null,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: null,
    },
  ],
};
