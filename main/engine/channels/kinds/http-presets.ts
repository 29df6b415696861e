// Ready-filled requests for events APIs, as a person would otherwise type them into the templated
// HTTP channel: choosing one fills the form, and everything in it stays editable. {{secret}} is the
// channel's sealed key (a PagerDuty routing key, an Opsgenie API key); {{url}} its sealed URL.
export interface HttpPreset {
  id: 'pagerduty' | 'opsgenie';
  label: string;
  url: string;
  secretLabel: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  resolve: { method: 'POST'; url: string; body: string };
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export const HTTP_PRESETS: readonly HttpPreset[] = [
  {
    // Events API v2: https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
    id: 'pagerduty',
    label: 'PagerDuty Events v2',
    url: 'https://events.pagerduty.com/v2/enqueue',
    secretLabel: 'Integration (routing) key',
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: pretty({
      routing_key: '{{secret}}',
      event_action: 'trigger',
      dedup_key: '{{dedupe_key}}',
      payload: {
        summary: '{{subject}}',
        severity: '{{pagerduty_severity}}',
        source: '{{source}}',
        custom_details: { text: '{{text}}', incident: '#{{incident_id}}', status: '{{status}}', impact: '{{impact}}' },
      },
    }),
    resolve: { method: 'POST', url: '{{url}}', body: pretty({ routing_key: '{{secret}}', event_action: 'resolve', dedup_key: '{{dedupe_key}}' }) },
  },
  {
    // Alert API: https://docs.opsgenie.com/docs/alert-api (create, then close by alias).
    id: 'opsgenie',
    label: 'Opsgenie alerts',
    url: 'https://api.opsgenie.com/v2/alerts',
    secretLabel: 'API key (GenieKey)',
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'GenieKey {{secret}}' },
    body: pretty({
      message: '{{subject}}',
      alias: '{{dedupe_key}}',
      description: '{{text}}',
      priority: '{{opsgenie_priority}}',
      source: 'Trayage',
      details: { incident: '#{{incident_id}}', status: '{{status}}', service: '{{service}}' },
    }),
    resolve: { method: 'POST', url: '{{url}}/{{dedupe_key}}/close?identifierType=alias', body: pretty({ source: 'Trayage', note: 'Resolved in Trayage: {{text}}' }) },
  },
];
