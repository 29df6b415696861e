import type { Channel, ChannelInput, ChannelKindName, HttpPreset } from '../../preload/contract';

// The Settings form for each kind of channel, field by field. Secret fields are write-only: the
// engine says only whether one is stored, and an empty box on an edit keeps the stored value.
export type FieldType = 'text' | 'number' | 'list' | 'textarea' | 'select' | 'secret' | 'json';

export interface Field {
  key: string;
  label: string;
  type: FieldType;
  options?: readonly string[];
  placeholder?: string;
  required?: boolean;
}

export const KINDS: Record<ChannelKindName, { label: string; short: string; fields: readonly Field[] }> = {
  slack: { label: 'Slack incoming webhook', short: 'Slack', fields: [{ key: 'url', label: 'Webhook URL', type: 'secret', placeholder: 'https://hooks.slack.com/services/…', required: true }] },
  json: { label: 'JSON webhook', short: 'webhook', fields: [{ key: 'url', label: 'Webhook URL', type: 'secret', placeholder: 'https://hooks…', required: true }] },
  email: {
    label: 'E-mail (SMTP)',
    short: 'e-mail',
    fields: [
      { key: 'host', label: 'SMTP host', type: 'text', placeholder: 'smtp.example.com', required: true },
      { key: 'port', label: 'SMTP port', type: 'number', placeholder: '587' },
      { key: 'security', label: 'Security', type: 'select', options: ['starttls', 'tls', 'none'] },
      { key: 'user', label: 'SMTP user', type: 'text' },
      { key: 'password', label: 'SMTP password', type: 'secret' },
      { key: 'from', label: 'From address', type: 'text', placeholder: 'trayage@example.com', required: true },
      { key: 'to', label: 'To (when a message names nobody)', type: 'list', placeholder: 'oncall@example.com, lead@example.com' },
    ],
  },
  http: {
    label: 'Templated HTTP request (PagerDuty, Opsgenie, …)',
    short: 'HTTP',
    fields: [
      { key: 'url', label: 'Request URL', type: 'secret', placeholder: 'https://events.pagerduty.com/v2/enqueue', required: true },
      { key: 'secret', label: 'Key ({{secret}})', type: 'secret' },
      { key: 'method', label: 'Method', type: 'select', options: ['POST', 'PUT', 'PATCH'] },
      { key: 'headers', label: 'Headers (JSON)', type: 'json', placeholder: '{"Content-Type": "application/json"}' },
      { key: 'body', label: 'Body template (JSON)', type: 'textarea', required: true },
      { key: 'resolveUrl', label: 'Resolve URL ({{url}} is the request URL; empty: nothing on resolve)', type: 'text' },
      { key: 'resolveBody', label: 'Resolve body template', type: 'textarea' },
    ],
  },
  'github-issue': {
    label: 'GitHub incident issue',
    short: 'GitHub',
    fields: [
      { key: 'repo', label: 'Repository (owner/name)', type: 'text', required: true },
      { key: 'token', label: 'GitHub token', type: 'secret' },
      { key: 'apiUrl', label: 'API URL', type: 'text', placeholder: 'https://api.github.com' },
      { key: 'labels', label: 'Labels', type: 'list', placeholder: 'incident, p1' },
      { key: 'services', label: 'Services (empty: every incident)', type: 'list' },
      { key: 'titleTemplate', label: 'Issue title template', type: 'text' },
      { key: 'bodyTemplate', label: 'Issue body template', type: 'textarea' },
    ],
  },
  statuspage: {
    label: 'Atlassian Statuspage',
    short: 'Statuspage',
    fields: [
      { key: 'pageId', label: 'Page ID', type: 'text', required: true },
      { key: 'apiKey', label: 'API key', type: 'secret' },
      { key: 'apiUrl', label: 'API URL', type: 'text', placeholder: 'https://api.statuspage.io/v1' },
      { key: 'componentIds', label: 'Component IDs', type: 'list' },
      { key: 'impactOverride', label: 'Impact', type: 'select', options: ['', 'none', 'minor', 'major', 'critical'] },
      { key: 'resolveBody', label: 'Text on resolve', type: 'textarea' },
    ],
  },
};

export type Form = Record<string, string>;

export function kindLabel(kind: string): string {
  return KINDS[kind as ChannelKindName]?.short ?? kind;
}

/** A form filled from a stored channel: its settings as text, secrets left empty. */
export function formOf(channel: Channel): Form {
  const s = channel.settings;
  const form: Form = { name: channel.name, kind: channel.kind };
  for (const field of KINDS[channel.kind as ChannelKindName]?.fields ?? []) {
    const value = s[field.key];
    if (field.type === 'secret' || value === undefined || value === null) continue;
    form[field.key] = field.type === 'list' ? (value as string[]).join(', ') : field.type === 'json' ? JSON.stringify(value) : String(value);
  }
  if (channel.kind === 'http') {
    const resolve = s.resolve as { url: string; body: string } | null | undefined;
    form.preset = String(s.preset ?? 'custom');
    form.resolveUrl = resolve?.url ?? '';
    form.resolveBody = resolve?.body ?? '';
  }
  return form;
}

/** A preset's ready-filled request, editable like any other. */
export function presetForm(form: Form, preset: HttpPreset): Form {
  return {
    ...form,
    preset: preset.id,
    url: form.url || preset.url,
    method: preset.method,
    headers: JSON.stringify(preset.headers),
    body: preset.body,
    resolveUrl: preset.resolve.url,
    resolveBody: preset.resolve.body,
  };
}

/** The form as the engine takes it; a field that cannot be read says which. */
export function inputOf(form: Form, id: number | undefined): ChannelInput {
  const kind = form.kind as ChannelKindName;
  const input: Record<string, unknown> = { id, name: form.name ?? '', kind };
  for (const field of KINDS[kind].fields) {
    const raw = (form[field.key] ?? '').trim();
    if (field.key === 'resolveUrl' || field.key === 'resolveBody') continue;
    if (raw === '') continue;
    if (field.type === 'number') input[field.key] = Number(raw);
    else if (field.type === 'list') input[field.key] = raw.split(/[,\n]/).map((v) => v.trim()).filter(Boolean);
    else if (field.type === 'json') {
      try {
        input[field.key] = JSON.parse(raw);
      } catch {
        throw new Error(`${field.label} is not JSON: write it like {"Name": "value"}.`);
      }
    } else input[field.key] = field.type === 'textarea' ? form[field.key] : raw;
  }
  if (kind === 'http') {
    input.preset = form.preset || 'custom';
    const resolveUrl = (form.resolveUrl ?? '').trim();
    input.resolve = resolveUrl ? { method: 'POST', url: resolveUrl, body: form.resolveBody ?? '' } : null;
  }
  return input as ChannelInput;
}
