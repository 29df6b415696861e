import { authHeaders, fetchJson, type SourceAuth } from '../lib/http/fetch-json';
import type { SourceAlert } from './domain/alert-model';

interface WorkflowRun {
  id: number;
  name: string;
  display_title?: string;
  head_branch: string;
  head_sha: string;
  event: string;
  status: string;
  conclusion: string | null;
  html_url: string;
  run_started_at?: string;
  created_at: string;
  actor?: { login: string };
}

// Failed workflow runs on the repository's default branch, as alerts: one per workflow, the latest failure.
export async function failedDeployRuns(
  apiUrl: string,
  repo: string,
  options: { auth?: SourceAuth; source: string; severity: string | null; timeoutMs?: number; perPage?: number },
): Promise<SourceAlert[]> {
  const headers = { ...authHeaders(options.auth), 'X-GitHub-Api-Version': '2022-11-28' };
  const base = apiUrl.replace(/\/+$/, '');
  const info = await fetchJson<{ default_branch: string }>(`${base}/repos/${repo}`, { headers, timeoutMs: options.timeoutMs });
  const branch = info.default_branch;
  const url = `${base}/repos/${repo}/actions/runs?branch=${encodeURIComponent(branch)}&per_page=${options.perPage ?? 30}`;
  const { workflow_runs: runs } = await fetchJson<{ workflow_runs: WorkflowRun[] }>(url, { headers, timeoutMs: options.timeoutMs });
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
