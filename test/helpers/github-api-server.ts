import { type RecordedRequest, type RecordingServer, type Reply, startRecordingServer } from './recording-server';

export interface GithubIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  state_reason: string | null;
  comments: string[];
}

export interface GithubApiServer extends RecordingServer {
  /** Issues by "owner/name#number". */
  issues: Map<string, GithubIssue>;
}

const DOCS = 'https://docs.github.com/rest/issues/issues';
const USER = { login: 'trayage-bot', id: 90001, type: 'User' };
const stamp = '2026-11-28T12:00:00Z';

/**
 * GitHub's REST issues API as documented (list, create and update issues, list and create comments),
 * on loopback: bearer token, 401/404/410/422 with GitHub's error bodies, 201/200 with the issue
 * and comment shapes, and the rate limit headers every reply carries.
 */
export async function startGithubApiServer(options: { token: string; repos: string[]; issuesDisabled?: string[]; basePath?: string }): Promise<GithubApiServer> {
  const issues = new Map<string, GithubIssue>();
  // Comment ids per issue, beside the bodies in `comments` (kept by issue, so a test clearing `issues` starts afresh).
  const commentIds = new WeakMap<GithubIssue, number[]>();
  let nextComment = 5_000_001;
  const fail = (status: number, message: string, extra: Record<string, unknown> = {}): Reply => ({ status, body: { message, documentation_url: DOCS, status: String(status), ...extra } });
  const limits = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4990', 'x-ratelimit-reset': '1795000000', 'x-github-api-version-selected': '2022-11-28' };
  const issueShape = (repo: string, issue: GithubIssue) => ({
    id: 2_000_000 + issue.number,
    node_id: `I_kwDO${issue.number}`,
    url: `https://api.github.com/repos/${repo}/issues/${issue.number}`,
    repository_url: `https://api.github.com/repos/${repo}`,
    html_url: `https://github.com/${repo}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state_reason,
    title: issue.title,
    body: issue.body,
    user: USER,
    labels: issue.labels.map((name, i) => ({ id: 700 + i, name, color: 'd73a4a', default: false })),
    comments: issue.comments.length,
    locked: false,
    created_at: stamp,
    updated_at: stamp,
    closed_at: issue.state === 'closed' ? stamp : null,
  });

  const route = (req: RecordedRequest, path: string): Reply => {
    if (req.headers.authorization !== `Bearer ${options.token}`) return fail(401, 'Bad credentials');
    const [pathname, query = ''] = path.split('?');
    const m = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+)(\/comments)?)?$/.exec(pathname);
    if (!m) return fail(404, 'Not Found');
    const repo = `${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`;
    if (!options.repos.includes(repo)) return fail(404, 'Not Found');
    if (options.issuesDisabled?.includes(repo)) return fail(410, 'Issues are disabled for this repo');
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (m[3] === undefined && req.method === 'GET') {
      // List repository issues: newest first, up to per_page. `since` is recorded for the test to
      // assert but not applied: every issue here was updated "now".
      const perPage = Number(new URLSearchParams(query).get('per_page') ?? 30);
      const listed = [...issues.entries()].filter(([key]) => key.startsWith(`${repo}#`)).map(([, issue]) => issueShape(repo, issue));
      return { status: 200, headers: limits, body: listed.reverse().slice(0, perPage) };
    }
    if (m[3] === undefined) {
      if (req.method !== 'POST') return fail(404, 'Not Found');
      if (typeof body.title !== 'string' || body.title === '') return fail(422, 'Validation Failed', { errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] });
      if (body.labels !== undefined && (!Array.isArray(body.labels) || body.labels.some((l) => typeof l !== 'string'))) {
        return fail(422, 'Invalid request.\n\nFor \'properties/labels\', is not an array of strings.');
      }
      const number = [...issues.keys()].filter((k) => k.startsWith(`${repo}#`)).length + 1;
      const issue: GithubIssue = { number, title: body.title, body: String(body.body ?? ''), labels: (body.labels as string[]) ?? [], state: 'open', state_reason: null, comments: [] };
      issues.set(`${repo}#${number}`, issue);
      return { status: 201, body: issueShape(repo, issue), headers: { ...limits, Location: `https://api.github.com/repos/${repo}/issues/${number}` } };
    }
    const key = `${repo}#${m[3]}`;
    const issue = issues.get(key);
    if (!issue) return fail(404, 'Not Found');
    const commentShape = (id: number, text: string) => ({
      id,
      node_id: `IC_${id}`,
      url: `https://api.github.com/repos/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${repo}/issues/${issue.number}#issuecomment-${id}`,
      body: text,
      user: USER,
      created_at: stamp,
      updated_at: stamp,
      issue_url: `https://api.github.com/repos/${repo}/issues/${issue.number}`,
    });
    if (m[4] && req.method === 'GET') {
      // List issue comments: ascending id, `per_page` and `page` applied; `since` recorded, not applied.
      const params = new URLSearchParams(query);
      const perPage = Number(params.get('per_page') ?? 30);
      const page = Number(params.get('page') ?? 1);
      const ids = commentIds.get(issue) ?? [];
      // Comments a test put in `comments` directly get ids of their own.
      const listed = issue.comments.map((text, i) => commentShape(ids[i] ?? 4_000_000 + i, text));
      return { status: 200, headers: limits, body: listed.slice((page - 1) * perPage, page * perPage) };
    }
    if (m[4]) {
      if (req.method !== 'POST') return fail(404, 'Not Found');
      if (typeof body.body !== 'string' || body.body === '') return fail(422, 'Validation Failed', { errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }] });
      issue.comments.push(body.body);
      const id = nextComment++;
      commentIds.set(issue, [...(commentIds.get(issue) ?? []), id]);
      return { status: 201, headers: limits, body: commentShape(id, body.body) };
    }
    if (req.method !== 'PATCH') return fail(404, 'Not Found');
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') return fail(422, 'Validation Failed', { errors: [{ resource: 'Issue', code: 'invalid', field: 'state' }] });
    if (body.state !== undefined) {
      issue.state = body.state as GithubIssue['state'];
      issue.state_reason = typeof body.state_reason === 'string' ? body.state_reason : null;
    }
    return { status: 200, headers: limits, body: issueShape(repo, issue) };
  };

  const server = await startRecordingServer(options.basePath ?? '', route);
  return Object.assign(server, { issues });
}
