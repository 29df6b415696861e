import type { CommTemplate } from '../../../../preload/contract';

/** Placeholders every template may use; templateValues fills all of these it can. */
export const PLACEHOLDERS = [
  'title',
  'severity',
  'status',
  'impact',
  'started',
  'duration',
  'eta',
  'commander',
  'next_update',
  'actions',
  'service',
  'now',
  'resolved',
  'watch',
  'cause',
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

// Bodies follow the runbooks line for line; their [bracketed] blanks became placeholders.
// {{cause}} is filled only once someone notes the cause; until then the person writes it.
export const COMM_TEMPLATES: readonly CommTemplate[] = [
  {
    id: 'initial-alert',
    name: 'Initial alert',
    audience: 'internal',
    source: 'hotdash-incident-response.md, "Initial Alert (P0/P1)"',
    body: '🚨 INCIDENT: {{title}}\n\nSeverity: {{severity}}\nStarted: {{started}}\nStatus: {{status}}\nImpact: {{impact}}\nETA: {{eta}}\n\nNext update: {{next_update}}',
  },
  {
    id: 'progress-update',
    name: 'Progress update',
    audience: 'internal',
    source: 'hotdash-incident-response.md, "Progress Update"',
    body: '📢 UPDATE: {{title}}\n\nTime: {{now}}\nProgress: {{actions}}\nCurrent status: {{status}}\nNext update: {{next_update}}\nETA: {{eta}}',
  },
  {
    id: 'resolution',
    name: 'Resolution notice',
    audience: 'internal',
    source: 'hotdash-incident-response.md, "Resolution (All clear)"',
    body: '✅ RESOLVED: {{title}}\n\nResolved: {{resolved}}\nDuration: {{duration}}\nFix: {{actions}}\nMonitoring: ongoing for {{watch}}',
  },
  {
    id: 'internal-update',
    name: 'Internal update',
    audience: 'internal',
    source: 'heroforge-incident-response.md, "Internal Updates"',
    body: '[INCIDENT UPDATE - {{title}}]\nStatus: {{status}}\nImpact: {{impact}}\nCurrent Actions: {{actions}}\nETA: {{eta}}',
  },
  {
    id: 'stakeholder-update',
    name: 'Stakeholder update',
    audience: 'internal',
    source: 'monitoring-system-incident-response.md, "4.1 Status Updates"',
    body: 'INCIDENT UPDATE - {{now}}\nIncident: {{title}}\nStatus: {{status}}\nImpact: {{impact}}\nActions: {{actions}}\nETA: {{eta}}\nNext Update: {{next_update}}',
  },
  {
    id: 'customer-notice',
    name: 'External / customer notice',
    audience: 'external',
    source: 'heroforge-incident-response.md, "External Communication"',
    body: 'We are currently experiencing issues with {{service}}.\nImpact: {{impact}}\nStatus: Our team is actively investigating.\nWe will provide the next update by {{next_update}}.',
  },
  {
    id: 'status-investigating',
    name: 'Status page: investigating',
    audience: 'status-page',
    source: 'gitquest-incident-playbook.md, "Status Page Update"',
    body: '[INVESTIGATING] We are currently investigating reports of {{title}}.\nUpdates will be provided as we learn more.',
  },
  {
    id: 'status-identified',
    name: 'Status page: identified',
    audience: 'status-page',
    source: 'gitquest-incident-playbook.md, "Status Page Update"',
    body: '[IDENTIFIED] We have identified the issue as {{cause}}.\nWe are working on a fix.',
  },
  {
    id: 'status-monitoring',
    name: 'Status page: monitoring',
    audience: 'status-page',
    source: 'gitquest-incident-playbook.md, "Status Page Update"',
    body: '[MONITORING] A fix has been deployed. We are monitoring the situation.',
  },
  {
    id: 'status-resolved',
    name: 'Status page: resolved',
    audience: 'status-page',
    source: 'gitquest-incident-playbook.md, "Status Page Update"',
    body: '[RESOLVED] The issue has been resolved. All systems are operational.',
  },
  {
    id: 'slack-update',
    name: 'Slack update',
    audience: 'slack',
    source: 'gitquest-incident-playbook.md, "Slack Update"',
    body: '🚨 INCIDENT: {{title}}\nSeverity: {{severity}}\nStatus: {{status}}\nImpact: {{impact}}\nETA: {{eta}}\nIncident Commander: @{{commander}}',
  },
];

export function findCommTemplate(id: string): CommTemplate {
  const found = COMM_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`There is no communication template '${id}'; choose one of ${COMM_TEMPLATES.map((t) => t.id).join(', ')}.`);
  return found;
}

/** The status-page template matching a lifecycle status key, if the runbook has one. */
export function statusPageTemplateFor(statusKey: string): CommTemplate | undefined {
  return COMM_TEMPLATES.find((t) => t.id === `status-${statusKey}`);
}
