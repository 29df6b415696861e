import type { PolledAlert } from './alert-model';

// The words of the native notifications for alerts: what fires, where, and what it says about itself.
export function firingNotice(alert: PolledAlert): { title: string; body: string } {
  const where = alert.labels.instance ?? alert.labels.service ?? alert.labels.repository ?? '';
  const summary = alert.annotations.summary ?? alert.annotations.description ?? '';
  return {
    title: `${alert.severity ? `${alert.severity} ` : ''}${alert.name} is firing${where ? ` on ${where}` : ''}`,
    body: [summary, `Source: ${alert.source}`, alert.url ? `Runbook: ${alert.url}` : ''].filter(Boolean).join('\n'),
  };
}

export function resolvedNotice(alert: PolledAlert, now: number): { title: string; body: string } {
  const started = Date.parse(alert.startsAt);
  const minutes = Number.isNaN(started) ? null : Math.max(0, Math.round((now - started) / 60_000));
  return {
    title: `${alert.name} resolved`,
    body: `${minutes === null ? '' : `Fired for about ${minutes} min. `}Source: ${alert.source}`,
  };
}
