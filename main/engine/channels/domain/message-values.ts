import type { Incident } from '../../../../preload/contract';
import { templateValues } from '../../incidents/domain/template-values';
import type { ChannelMessage } from '../kinds/channel-kind';

/**
 * PagerDuty's four severities from the incident's severity key: the usual names of the top levels
 * (P0/P1, SEV0/SEV1, critical) are critical, the second level error, the third warning, the rest info.
 */
export function pagerDutySeverity(severity: string): 'critical' | 'error' | 'warning' | 'info' {
  const key = severity.trim().toLowerCase();
  if (/^(p0|p1|sev0|sev1|sev-0|sev-1|critical|crit)$/.test(key)) return 'critical';
  if (/^(p2|sev2|sev-2|high|major|error)$/.test(key)) return 'error';
  if (/^(p3|sev3|sev-3|medium|moderate|warning|minor)$/.test(key)) return 'warning';
  return 'info';
}

const OPSGENIE_PRIORITY = { critical: 'P1', error: 'P2', warning: 'P3', info: 'P5' } as const;

/**
 * Every placeholder a channel's request may use: the communication templates' (title, severity,
 * status, impact, …) plus the message's own. Templates here see no timeline, so {{actions}} and
 * {{cause}} are empty; the message text carries what people wrote.
 */
export function messageValues(message: ChannelMessage, now: number, secrets: { url?: string; secret?: string }): Record<string, string> {
  const incident: Incident = message.incident;
  const severity = pagerDutySeverity(incident.severity);
  return {
    ...templateValues(incident, [], now, { level: incident.level ?? undefined }),
    text: message.text,
    subject: message.subject,
    event: message.event,
    dedupe_key: message.dedupeKey,
    incident_id: String(incident.id),
    source: incident.service || 'trayage',
    recipient: message.recipient?.name ?? '',
    recipient_email: message.recipient?.email ?? '',
    pagerduty_severity: severity,
    opsgenie_priority: OPSGENIE_PRIORITY[severity],
    url: secrets.url ?? '',
    secret: secrets.secret ?? '',
  };
}
