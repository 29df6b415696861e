import { z } from 'zod';
import { authHeaders, type SourceAuth } from '../lib/http/fetch-json';
import { fetchReply } from '../lib/http/fetch-reply';
import { joinUrl } from '../lib/http/join-url';
import type { PolledAlert } from './domain/alert-model';

// The fields of GitHub's REST replies that are read; GitHub documents the optional ones as nullable.
const Repository = z.object({ default_branch: z.string() });

const WorkflowRun = z.object({
  id: z.number(),
  name: z.string(),
  display_title: z.string().nullish(),
  head_branch: z.string().nullable(),
  head_sha: z.string(),
  event: z.string(),
  status: z.string().nullable(),
  conclusion: z.string().nullable(),
  html_url: z.string(),
  run_started_at: z.string().nullish(),
  created_at: z.string(),
  actor: z.object({ login: z.string() }).nullish(),
});
type WorkflowRun = z.infer<typeof WorkflowRun>;

const WorkflowRuns = z.object({ workflow_runs: z.array(WorkflowRun) });

const GITHUB_API = 'a GitHub REST API';

// Failed workflow runs on the repository's default branch, as alerts: one per workflow, the latest failure.
export async function failedDeployRuns(
  apiUrl: string,
  repo: string,
  options: { auth?: SourceAuth; source: string; severity: string | null; timeoutMs?: number; perPage?: number },
): Promise<PolledAlert[]> {
  const request = { headers: { ...authHeaders(options.auth), 'X-GitHub-Api-Version': '2022-11-28' }, timeoutMs: options.timeoutMs };
  const info = await fetchReply(joinUrl(apiUrl, `/repos/${repo}`).href, { schema: Repository, api: GITHUB_API }, request);
  const branch = info.default_branch;
  const url = joinUrl(apiUrl, `/repos/${repo}/actions/runs`);
  url.searchParams.set('branch', branch);
  url.searchParams.set('per_page', String(options.perPage ?? 30));
  const { workflow_runs: runs } = await fetchReply(url.href, { schema: WorkflowRuns, api: GITHUB_API }, request);
  // Runs come newest first: a workflow whose latest completed run failed is an alert; a later success clears it.
  const latest = new Map<string, WorkflowRun>();
  for (const run of runs) {
    if (run.status !== 'completed' || run.head_branch !== branch) continue;
    if (!latest.has(run.name)) latest.set(run.name, run);
  }
  return [...latest.values()]
    .filter((run) => run.conclusion === 'failure' || run.conclusion === 'timed_out')
    .map((run) => ({
      source: options.source,
      key: `run:${run.id}`,
      name: `${run.name} failed on ${branch}`,
      state: 'firing' as const,
      severity: options.severity,
      labels: { repository: repo, workflow: run.name, branch, sha: run.head_sha.slice(0, 7), event: run.event, ...(run.actor ? { actor: run.actor.login } : {}) },
      annotations: { summary: run.display_title ?? run.name, conclusion: run.conclusion ?? '' },
      startsAt: run.run_started_at ?? run.created_at,
      silencedBy: [],
      url: run.html_url,
    }));
}
