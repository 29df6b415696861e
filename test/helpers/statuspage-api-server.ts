import { type RecordedRequest, type RecordingServer, type Reply, startRecordingServer } from './recording-server';

export interface StatuspageIncident {
  id: string;
  name: string;
  status: string;
  impact: string;
  shortlink: string;
  components: Record<string, string>;
  updates: { status: string; body: string }[];
  /** When each update was taken, as the API shows it. */
  updateTimes: string[];
}

export interface StatuspageApiServer extends RecordingServer {
  incidents: Map<string, StatuspageIncident>;
}

const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'];
const stamp = '2026-11-28T12:00:00.000Z';
const NOT_FOUND = 'The requested resource could not be found.';

/**
 * Atlassian Statuspage's incidents API as documented (create, update and get an incident, and the
 * list of incidents with its `q` search), on loopback under /v1: `Authorization: OAuth KEY`,
 * 401/404/422 with its `{error}` bodies, 201/200 with the incident shape, updates newest first.
 */
export async function startStatuspageApiServer(options: { apiKey: string; pages: string[]; now?: () => number }): Promise<StatuspageApiServer> {
  const incidents = new Map<string, StatuspageIncident>();
  // Statuspage's own clock, for created_at: the test's, so look-ups by time are decided by the test.
  const stampNow = () => new Date((options.now ?? Date.now)()).toISOString();
  const fail = (status: number, error: string | string[]): Reply => ({ status, body: { error } });
  const shape = (pageId: string, i: StatuspageIncident) => ({
    id: i.id,
    name: i.name,
    status: i.status,
    impact: i.impact,
    shortlink: i.shortlink,
    page_id: pageId,
    created_at: i.updateTimes[0],
    updated_at: stamp,
    started_at: stamp,
    monitoring_at: null,
    resolved_at: i.status === 'resolved' ? stamp : null,
    postmortem_body: null,
    incident_updates: i.updates
      .map((u, n) => ({ id: `${i.id}u${n}`, incident_id: i.id, status: u.status, body: u.body, created_at: i.updateTimes[n], display_at: i.updateTimes[n] }))
      .reverse(),
    components: Object.entries(i.components).map(([id, status]) => ({ id, page_id: pageId, name: `Component ${id}`, status })),
  });

  const route = (req: RecordedRequest, path: string): Reply => {
    if (req.headers.authorization !== `OAuth ${options.apiKey}`) return fail(401, 'Could not authenticate');
    const [pathname, query = ''] = path.split('?');
    const m = /^\/pages\/([^/]+)\/incidents(?:\/([^/]+))?$/.exec(pathname);
    if (!m || !options.pages.includes(m[1])) return fail(404, NOT_FOUND);
    const pageId = m[1];
    if (req.method === 'GET' && m[2] === undefined) {
      // Get a list of incidents: `q` searches names, statuses and update texts; newest first.
      const params = new URLSearchParams(query);
      const q = (params.get('q') ?? '').toLowerCase();
      const limit = Number(params.get('limit') ?? 100);
      const hits = [...incidents.values()].filter((i) => !q || [i.name, i.status, ...i.updates.map((u) => u.body)].some((t) => t.toLowerCase().includes(q)));
      return { status: 200, body: hits.reverse().slice(0, limit).map((i) => shape(pageId, i)) };
    }
    if (req.method === 'GET') {
      const incident = incidents.get(m[2]!);
      return incident ? { status: 200, body: shape(pageId, incident) } : fail(404, NOT_FOUND);
    }
    const body = ((req.body ?? {}) as { incident?: Record<string, unknown> }).incident;
    if (!body) return fail(400, 'incident is missing');
    if (body.status !== undefined && !STATUSES.includes(String(body.status))) return fail(422, ['Status is not included in the list']);
    const components = (body.components ?? {}) as Record<string, string>;
    if (m[2] === undefined) {
      if (req.method !== 'POST') return fail(404, NOT_FOUND);
      if (typeof body.name !== 'string' || body.name.trim() === '') return fail(422, ["Name can't be blank"]);
      // Numbered from the incidents held, so a test clearing them starts again at 1.
      const id = `p${String(incidents.size + 1).padStart(11, '0')}`;
      const incident: StatuspageIncident = {
        id,
        name: body.name,
        status: String(body.status ?? 'investigating'),
        impact: String(body.impact_override ?? 'none'),
        shortlink: `https://stspg.io/${id.slice(-5)}`,
        // A copy: later updates must not change what the recorded request shows.
        components: { ...components },
        updates: [{ status: String(body.status ?? 'investigating'), body: String(body.body ?? '') }],
        updateTimes: [stampNow()],
      };
      incidents.set(id, incident);
      return { status: 201, body: shape(pageId, incident) };
    }
    const incident = incidents.get(m[2]);
    if (!incident || req.method !== 'PATCH') return fail(404, NOT_FOUND);
    if (body.status !== undefined) incident.status = String(body.status);
    Object.assign(incident.components, components);
    incident.updates.push({ status: incident.status, body: String(body.body ?? '') });
    incident.updateTimes.push(stampNow());
    return { status: 200, body: shape(pageId, incident) };
  };

  const server = await startRecordingServer('/v1', route);
  return Object.assign(server, { incidents });
}
