import { z } from 'zod';
import { joinUrl } from '../http/join-url';
import { ApiFailure, answerStart, callApi, type HttpAnswer, type HttpExchange, whenItLifts } from '../http/http-exchange';

export const GITHUB_API_VERSION = '2022-11-28';
const GITHUB_API = 'a GitHub REST API';

export interface GithubIssuesTarget {
  /** https://api.github.com, or a GitHub Enterprise API such as https://github.example.com/api/v3 (its path is kept). */
  apiUrl: string;
  /** owner/name */
  repo: string;
  token: string;
  userAgent: string;
}

export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
}

// The fields of GitHub's replies that are read.
export const IssueReply = z.object({ number: z.number().int().positive(), html_url: z.string() });
export type IssueReply = z.infer<typeof IssueReply>;
const ListedIssues = z.array(z.object({ number: z.number().int().positive(), html_url: z.string(), body: z.string().nullish() }));
export const CommentReply = z.object({ id: z.number(), html_url: z.string() });
const ListedComments = z.array(z.object({ id: z.number(), html_url: z.string(), body: z.string().nullish() }));
// GitHub's largest page; a look-up stops after this many pages (an incident issue has far fewer comments).
const PER_PAGE = 100;
const MAX_PAGES = 20;
export type CommentReply = z.infer<typeof CommentReply>;

// GitHub's documented error body; `errors` lists what a 422 refused.
const ErrorBody = z.object({
  message: z.string().optional(),
  errors: z
    .array(z.union([z.string(), z.object({ resource: z.string().optional(), field: z.string().optional(), code: z.string().optional(), message: z.string().optional() })]))
    .optional(),
});

export function githubHeaders(token: string, userAgent: string): Record<string, string> {
  return {
    Accept: 'application/vnd.github+json',
    Authorization: `Bearer ${token}`,
    'X-GitHub-Api-Version': GITHUB_API_VERSION,
    'User-Agent': userAgent,
  };
}

function repoUrl(target: GithubIssuesTarget, path: string): string {
  const [owner, name] = target.repo.split('/');
  return joinUrl(target.apiUrl, `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}${path}`).href;
}

export function createIssueRequest(target: GithubIssuesTarget, issue: NewIssue): HttpExchange {
  return { method: 'POST', url: repoUrl(target, '/issues'), headers: githubHeaders(target.token, target.userAgent), body: { title: issue.title, body: issue.body, labels: issue.labels } };
}

/** Issues of the repository updated since `since` (pull requests included, as GitHub lists them), newest first. */
export function recentIssuesRequest(target: GithubIssuesTarget, since: number): HttpExchange {
  const url = new URL(repoUrl(target, '/issues'));
  url.searchParams.set('state', 'all');
  url.searchParams.set('since', new Date(since).toISOString());
  url.searchParams.set('sort', 'created');
  url.searchParams.set('direction', 'desc');
  url.searchParams.set('per_page', '100');
  return { method: 'GET', url: url.href, headers: githubHeaders(target.token, target.userAgent) };
}

/** One page of an issue's comments updated since `since`, oldest first (GitHub's "list issue comments"). */
export function issueCommentsRequest(target: GithubIssuesTarget, issueNumber: number, since: number, page: number): HttpExchange {
  const url = new URL(repoUrl(target, `/issues/${issueNumber}/comments`));
  url.searchParams.set('since', new Date(since).toISOString());
  url.searchParams.set('per_page', String(PER_PAGE));
  url.searchParams.set('page', String(page));
  return { method: 'GET', url: url.href, headers: githubHeaders(target.token, target.userAgent) };
}

export function commentRequest(target: GithubIssuesTarget, issueNumber: number, body: string): HttpExchange {
  return { method: 'POST', url: repoUrl(target, `/issues/${issueNumber}/comments`), headers: githubHeaders(target.token, target.userAgent), body: { body } };
}

export function issueStateRequest(target: GithubIssuesTarget, issueNumber: number, state: 'closed' | 'open'): HttpExchange {
  const body = state === 'closed' ? { state: 'closed', state_reason: 'completed' } : { state: 'open', state_reason: 'reopened' };
  return { method: 'PATCH', url: repoUrl(target, `/issues/${issueNumber}`), headers: githubHeaders(target.token, target.userAgent), body };
}

/** What GitHub's error status means here, and what to do about it. */
export function githubFailure(answer: HttpAnswer, context: { action: string; repo: string; issueNumber?: number; now: number; settings?: string }): ApiFailure {
  const settings = context.settings ?? 'Settings → Channels';
  const parsed = ErrorBody.safeParse(answer.json);
  const body = parsed.success ? parsed.data : {};
  const says = body.message ? ` (GitHub says: "${body.message}")` : '';
  const head = `Could not ${context.action}`;
  const { status, headers } = answer;
  const retryAfter = Number(headers.get('retry-after'));
  const reset = Number(headers.get('x-ratelimit-reset'));
  if ((status === 403 || status === 429) && headers.get('x-ratelimit-remaining') === '0' && reset > 0) {
    return new ApiFailure(`${head}: the token's GitHub API rate limit is used up until ${whenItLifts(reset * 1000, context.now)}; it is sent again after that.`, true);
  }
  if ((status === 403 || status === 429) && (retryAfter > 0 || /rate limit/i.test(body.message ?? ''))) {
    const wait = retryAfter > 0 ? ` for ${retryAfter} s` : '';
    return new ApiFailure(`${head}: GitHub asks to slow down${wait} (secondary rate limit)${says}; it is sent again later.`, true);
  }
  switch (status) {
    case 401:
      return new ApiFailure(`${head}: GitHub refused the token${says}. Re-enter it in ${settings} (a fine-grained token with Issues read and write on ${context.repo}).`, false);
    case 403:
      return new ApiFailure(`${head}: the token may not write issues in ${context.repo}${says}. Give the fine-grained token Issues read and write on this repository, then re-enter it in ${settings}.`, false);
    case 404:
      return context.issueNumber === undefined
        ? new ApiFailure(`${head}: repository ${context.repo} was not found, or the token cannot see it${says}. Check the repository name in ${settings} and that the token was granted this repository.`, false)
        : new ApiFailure(`${head}: issue #${context.issueNumber} in ${context.repo} was not found (deleted or transferred?), or the token cannot see the repository${says}.`, false);
    case 410:
      return new ApiFailure(`${head}: issues are turned off in ${context.repo}${says}. Turn them on in the repository's settings (Features → Issues) or choose another repository.`, false);
    case 422:
      return new ApiFailure(`${head}: GitHub refused it as invalid: ${validationText(body)}. Check the channel's labels and templates in ${settings}.`, false);
  }
  if (status >= 300 && status < 400) {
    const to = headers.get('location');
    return new ApiFailure(`${head}: the API answered with a redirect (HTTP ${status}${to ? ` to ${to}` : ''}); the repository may have moved. Update the repository or API URL in ${settings}.`, false);
  }
  if (status >= 500) return new ApiFailure(`${head}: GitHub answered HTTP ${status}${says}; it is sent again later.`, true);
  return new ApiFailure(`${head}: GitHub answered HTTP ${status}: ${body.message ?? answerStart(answer)}.`, false);
}

function validationText(body: z.infer<typeof ErrorBody>): string {
  const details = (body.errors ?? []).map((e) => (typeof e === 'string' ? e : (e.message ?? [e.field, e.code].filter(Boolean).join(' ')))).filter(Boolean);
  const message = body.message ?? 'Validation Failed';
  return details.length ? `${message} (${details.join('; ')})` : message;
}

/** Issues and comments in one repository, every failure an ApiFailure for people. */
export class GithubIssuesClient {
  constructor(
    private readonly target: GithubIssuesTarget,
    private readonly io: { timeoutMs: number; now: () => number; settings?: string },
  ) {}

  openIssue(issue: NewIssue): Promise<IssueReply> {
    return this.call(createIssueRequest(this.target, issue), IssueReply, `open an issue in ${this.target.repo}`);
  }

  /** The recent issue whose body holds `marker`, if any. */
  async findIssue(marker: string, since: number): Promise<IssueReply | null> {
    // Part of opening the issue, and said so in messages: a refused token is refused here first.
    const issues = await this.call(recentIssuesRequest(this.target, since), ListedIssues, `open an issue in ${this.target.repo}`);
    const found = issues.find((issue) => issue.body?.includes(marker));
    return found ? { number: found.number, html_url: found.html_url } : null;
  }

  /** The comment on the issue whose body holds `marker`, if any, among those updated since `since`. */
  async findComment(issueNumber: number, marker: string, since: number): Promise<CommentReply | null> {
    const action = `comment on issue #${issueNumber} in ${this.target.repo}`;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const comments = await this.call(issueCommentsRequest(this.target, issueNumber, since, page), ListedComments, action, issueNumber);
      const found = comments.find((c) => c.body?.includes(marker));
      if (found) return { id: found.id, html_url: found.html_url };
      if (comments.length < PER_PAGE) break;
    }
    return null;
  }

  comment(issueNumber: number, body: string): Promise<CommentReply> {
    return this.call(commentRequest(this.target, issueNumber, body), CommentReply, `comment on issue #${issueNumber} in ${this.target.repo}`, issueNumber);
  }

  setState(issueNumber: number, state: 'closed' | 'open'): Promise<IssueReply> {
    const verb = state === 'closed' ? 'close' : 'reopen';
    return this.call(issueStateRequest(this.target, issueNumber, state), IssueReply, `${verb} issue #${issueNumber} in ${this.target.repo}`, issueNumber);
  }

  private call<S extends z.ZodType>(request: HttpExchange, reply: S, action: string, issueNumber?: number): Promise<z.output<S>> {
    const { repo } = this.target;
    return callApi(request, {
      action,
      api: GITHUB_API,
      reply,
      timeoutMs: this.io.timeoutMs,
      failure: (answer) => githubFailure(answer, { action, repo, issueNumber, now: this.io.now(), settings: this.io.settings }),
    });
  }
}
