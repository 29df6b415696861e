import type { SeverityScheme } from '../../../../preload/contract';

/**
 * From heroforge-incident-response.md: "Severity Levels" table, "Internal Updates" (every 30
 * minutes during active P1/P2 incidents) and the P1 checklist line "Resolve or escalate within
 * 15 minutes". It names no escalation target, so the next rows of its contact table are used.
 */
export const HEROFORGE_P1_P4: SeverityScheme = {
  id: 'p1-p4-heroforge',
  name: 'P1–P4 with 30 min updates for P1/P2',
  source: 'heroforge-incident-response.md',
  levels: [
    {
      key: 'P1',
      name: 'Critical',
      definition: 'Service completely unavailable, data loss, security breach',
      examples: ['Site down', 'Database corruption', 'Security incident'],
      responseMinutes: 15,
      updateCadenceMinutes: 30,
      escalateAfterMinutes: 15,
      escalateTo: ['Secondary On-Call', 'Engineering Lead'],
      postFixWatchMinutes: null,
    },
    {
      key: 'P2',
      name: 'High',
      definition: 'Major feature broken, significant user impact',
      examples: ['Authentication failing', 'Scans not running', 'WebSocket broken'],
      responseMinutes: 60,
      updateCadenceMinutes: 30,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: null,
    },
    {
      key: 'P3',
      name: 'Medium',
      definition: 'Minor feature broken, workaround available',
      examples: ['Report generation failing', 'Specific integration broken'],
      responseMinutes: 4 * 60,
      updateCadenceMinutes: null,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: null,
    },
    {
      key: 'P4',
      name: 'Low',
      definition: 'Cosmetic issue, minimal impact',
      examples: ['UI glitch', 'Typo', 'Performance degradation'],
      responseMinutes: 24 * 60,
      updateCadenceMinutes: null,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: null,
    },
  ],
};

/**
 * From gitquest-incident-playbook.md: "Incident Severity Levels", "4. Communication" (post
 * updates every 30 minutes) and "Escalation Path" (on-call engineer 15 min, team lead 30 min,
 * engineering manager 1 h, CTO 2 h). SEV-1's "Immediate" is read as the on-call engineer's
 * 15 minutes; SEV-4 is handled as a ticket, so it carries no timers.
 */
export const GITQUEST_SEV: SeverityScheme = {
  id: 'sev-1-4-gitquest',
  name: 'SEV-1–SEV-4 with escalation path',
  source: 'gitquest-incident-playbook.md',
  levels: [
    {
      key: 'SEV-1',
      name: 'Critical',
      definition: 'Complete service outage, data loss or corruption, security breach; all hands on deck',
      examples: ['Complete service outage', 'Data loss or corruption', 'Security breach'],
      responseMinutes: 15,
      updateCadenceMinutes: 30,
      escalateAfterMinutes: 30,
      escalateTo: ['Team lead', 'Engineering manager', 'CTO'],
      postFixWatchMinutes: null,
    },
    {
      key: 'SEV-2',
      name: 'High',
      definition: 'Partial service degradation; notify the on-call engineer and team lead',
      examples: ['Partial service degradation', 'High error rates (>5%)', 'Slow response times (p95 > 5s)'],
      responseMinutes: 30,
      updateCadenceMinutes: 30,
      escalateAfterMinutes: 30,
      escalateTo: ['Team lead', 'Engineering manager', 'CTO'],
      postFixWatchMinutes: null,
    },
    {
      key: 'SEV-3',
      name: 'Medium',
      definition: 'Minor service degradation; notify the on-call engineer',
      examples: ['Minor service degradation', 'Elevated error rates (1-5%)', 'Slow response times (p95 > 2s)'],
      responseMinutes: 2 * 60,
      updateCadenceMinutes: 30,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: null,
    },
    {
      key: 'SEV-4',
      name: 'Low',
      definition: 'Cosmetic issues, non-critical bugs; create a ticket',
      examples: ['Cosmetic issues', 'Non-critical bugs'],
      responseMinutes: null,
      updateCadenceMinutes: null,
      escalateAfterMinutes: null,
      escalateTo: [],
      postFixWatchMinutes: null,
    },
  ],
};
