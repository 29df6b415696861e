import { z } from 'zod';
import { failedDeployRuns } from '../github-actions-client';
import { envNameField, httpUrlField, inputProblem, isHttpUrl, type SourceBase, type SourceKind } from './source-kind';

export interface GithubActionsSource extends SourceBase<'github-actions'> {
  repo: string;
  // https://api.github.com, or a GitHub Enterprise API such as https://github.example.com/api/v3.
  apiUrl: string;
  severity: string | null;
  tokenEnv?: string;
}

const REPO = /^[\w.-]+\/[\w.-]+$/;

const fields = {
  'github-actions': z.string().regex(REPO, { message: "must be 'owner/repository'" }),
  'api-url': httpUrlField.default('https://api.github.com'),
  severity: z.string().nullable().default('P2'),
  'token-env': envNameField.optional(),
};
type Fields = z.output<z.ZodObject<typeof fields>>;

export const githubActionsKind: SourceKind<GithubActionsSource> = {
  kind: 'github-actions',
  defaultPollMs: 60_000,
  config: {
    key: 'github-actions',
    example: 'owner/repo',
    fields,
    build: (v: Fields, base) => ({ ...base, repo: v['github-actions'], apiUrl: v['api-url'], severity: v.severity, tokenEnv: v['token-env'] }),
  },
  fromInput(input, base, tokenEnv) {
    if (!input.repo || !REPO.test(input.repo)) throw inputProblem('repo', "must be 'owner/name'", "GitHub Actions needs the repository as 'owner/name'.");
    if (input.apiUrl && !isHttpUrl(input.apiUrl)) throw inputProblem('apiUrl', 'must be an http(s) URL', 'The API URL must be http(s).');
    return { ...base, repo: input.repo, apiUrl: input.apiUrl || 'https://api.github.com', severity: 'P2', ...(tokenEnv ? { tokenEnv } : {}) };
  },
  target: (def) => def.repo,
  fetchAlerts: (def, env) =>
    failedDeployRuns(def.apiUrl, def.repo, { auth: def.tokenEnv ? { bearer: env[def.tokenEnv] ?? '' } : undefined, source: def.name, severity: def.severity }),
};
