import { type RecordingServer, startRecordingServer } from './recording-server';

/**
 * PagerDuty's Events API v2 as documented (POST /v2/enqueue): 202 {status, message, dedup_key}
 * for a valid event, 400 {status: "invalid event", message, errors} otherwise; the dedup_key comes
 * back as sent (PagerDuty makes one up only when none is given). Records every request.
 */
export async function startPagerDutyServer(options: { routingKey: string }): Promise<RecordingServer & { enqueueUrl: string }> {
  const server = await startRecordingServer('/v2', (req, path) => {
    if (req.method !== 'POST' || path !== '/enqueue') return { status: 404, body: { status: 'not found', message: 'Not found' } };
    const event = req.body as { routing_key?: string; event_action?: string; dedup_key?: string; payload?: { summary?: string; severity?: string; source?: string } };
    const errors: string[] = [];
    if (typeof event !== 'object' || event === null) errors.push('Event object is invalid');
    else {
      if (event.routing_key !== options.routingKey) errors.push('Invalid routing key');
      if (!['trigger', 'acknowledge', 'resolve'].includes(event.event_action ?? '')) errors.push("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
      if (event.event_action === 'trigger') {
        if (!event.payload?.summary) errors.push("'payload.summary' is missing or blank");
        if (!['critical', 'error', 'warning', 'info'].includes(event.payload?.severity ?? '')) errors.push("'payload.severity' is invalid");
        if (!event.payload?.source) errors.push("'payload.source' is missing or blank");
      } else if (!event.dedup_key) errors.push("'dedup_key' is missing or blank");
    }
    if (errors.length > 0) return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } };
    return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: event.dedup_key ?? 'generated-key' } };
  });
  return Object.assign(server, { enqueueUrl: `${server.url}/enqueue` });
}
