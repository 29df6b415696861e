import type { ChecklistPhase, SeverityScheme } from '../../../../preload/contract';
import { DEFAULT_SCHEME } from './scheme-catalog';
import { severityRank } from './severity-schemes';

/** Phases attached automatically when an incident is declared, in the order they are worked. */
export const DECLARE_PHASES: readonly ChecklistPhase[] = ['response', 'during'];
/** Attached when the incident is resolved. Handoff lists are attached only on request. */
export const RESOLVE_PHASE: ChecklistPhase = 'post-incident';

export interface ChecklistTemplate {
  id: string;
  title: string;
  phase: ChecklistPhase;
  /**
   * 'critical': the scheme's most severe level only; 'non-critical': every other level; 'all': any.
   * Matching by rank lets one template serve P0–P3, P1–P4 and SEV-1–SEV-4 alike.
   */
  appliesTo: 'critical' | 'non-critical' | 'all';
  source: string;
  items: string[];
}

export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [
  {
    // heroforge-incident-response.md, "Quick Response Checklist" → "P1 - Critical Incident".
    id: 'critical-quick-response',
    title: 'Critical incident: quick response',
    phase: 'response',
    appliesTo: 'critical',
    source: 'heroforge-incident-response.md',
    items: [
      'Acknowledge incident (respond in monitoring channel)',
      'Assess scope and impact',
      'Execute rollback if code change caused issue',
      'Notify stakeholders',
      'Document timeline in incident log',
      'Resolve or escalate within 15 minutes',
      'Post-incident: Schedule retrospective',
    ],
  },
  {
    // heroforge-incident-response.md, "Quick Response Checklist" → "P2-P4 Incidents".
    id: 'quick-response',
    title: 'Incident: quick response',
    phase: 'response',
    appliesTo: 'non-critical',
    source: 'heroforge-incident-response.md',
    items: [
      'Acknowledge incident',
      'Investigate root cause',
      'Implement fix or workaround',
      'Monitor for recurrence',
      'Document in incident log',
    ],
  },
  {
    // hotdash-incident-response.md, "Incident Checklist" → "During Incident".
    id: 'during-incident',
    title: 'During the incident',
    phase: 'during',
    appliesTo: 'all',
    source: 'hotdash-incident-response.md',
    items: [
      'Severity assigned',
      'Incident issue created',
      'Team notified',
      'Status page updated (if available)',
      'Investigation started',
      'Root cause identified',
      'Fix applied',
      'Verification completed',
      'All-clear communicated',
    ],
  },
  {
    // hotdash-incident-response.md, "Incident Checklist" → "Post-Incident".
    id: 'post-incident',
    title: 'Post-incident',
    phase: 'post-incident',
    appliesTo: 'all',
    source: 'hotdash-incident-response.md',
    items: ['Post-mortem created', 'Action items assigned', 'Runbooks updated', 'Prevention implemented', 'Team debriefed'],
  },
  {
    // gitquest-incident-playbook.md, "On-Call Rotation" → "Handoff Checklist".
    id: 'on-call-handoff',
    title: 'On-call handoff',
    phase: 'handoff',
    appliesTo: 'all',
    source: 'gitquest-incident-playbook.md',
    items: [
      'Review open incidents',
      'Check monitoring dashboards',
      'Review recent deployments',
      'Share contact information',
      'Test alert notifications',
    ],
  },
];

/**
 * The templates for a severity and phase. A severity the scheme does not know gets the
 * non-critical ones: an unknown level should still come with a checklist.
 */
export function checklistsFor(
  severityKey: string,
  phase: ChecklistPhase,
  scheme: SeverityScheme = DEFAULT_SCHEME,
  templates: readonly ChecklistTemplate[] = CHECKLIST_TEMPLATES,
): ChecklistTemplate[] {
  const critical = severityRank(scheme, severityKey) === 0;
  return templates.filter(
    (t) => t.phase === phase && (t.appliesTo === 'all' || (t.appliesTo === 'critical') === critical),
  );
}

export interface ChecklistItemState {
  text: string;
  done: boolean;
}

export function checklistProgress(items: ChecklistItemState[]): { done: number; total: number; label: string } {
  const done = items.filter((i) => i.done).length;
  return { done, total: items.length, label: `${done}/${items.length}` };
}
