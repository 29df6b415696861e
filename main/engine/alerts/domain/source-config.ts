import { z } from 'zod';
import { type ConfigIssue, describeZodIssue, type PositionFinder } from '../../lib/config/config-errors';
import { durationField } from '../../lib/config/config-fields';
import { DEFAULT_SEVERITY_MAP } from './alert-model';

export interface AlertmanagerSource {
  kind: 'alertmanager';
  name: string;
  url: string;
  severityLabel: string;
  severityMap: Record<string, string>;
  silenceMatchers: string[];
  pollMs: number;
  bearerTokenEnv?: string;
  username?: string;
  passwordEnv?: string;
}

export interface GithubActionsSource {
  kind: 'github-actions';
  name: string;
  repo: string;
  apiUrl: string;
  severity: string | null;
  pollMs: number;
  tokenEnv?: string;
}

export type SourceDefinition = AlertmanagerSource | GithubActionsSource;

const httpUrl = z.string().refine((v) => /^https?:\/\/[^/]/.test(v), { message: 'must be an http(s) URL such as http://127.0.0.1:9093' });
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must name an environment variable, e.g. ALERTMANAGER_TOKEN' });

const AlertmanagerFields = z
  .object({
    name: z.string().trim().min(1),
    alertmanager: httpUrl,
    'severity-label': z.string().default('severity'),
    'severity-map': z.record(z.string(), z.string()).optional(),
    'silence-matchers': z.array(z.string()).min(1).default(['alertname', 'instance']),
    poll: durationField.default(15_000),
    'bearer-token-env': envName.optional(),
    username: z.string().optional(),
    'password-env': envName.optional(),
  })
  .strict();

const GithubFields = z
  .object({
    name: z.string().trim().min(1),
    'github-actions': z.string().regex(/^[\w.-]+\/[\w.-]+$/, { message: "must be 'owner/repository'" }),
    'api-url': httpUrl.default('https://api.github.com'),
    severity: z.string().nullable().default('P2'),
    poll: durationField.default(60_000),
    'token-env': envName.optional(),
  })
  .strict();

// Validates the `sources:` list of the monitors file; problems land in `issues` with file:line like monitor errors.
export function parseSources(raw: unknown[], at: PositionFinder, issues: ConfigIssue[]): SourceDefinition[] {
  const out: SourceDefinition[] = [];
  const names = new Set<string>();
  raw.forEach((entry, index) => {
    const path = ['sources', index];
    const add = (field: PropertyKey[], message: string) => issues.push({ file: at.file, ...at.at([...path, ...field]), message: `source ${index + 1}: ${message}` });
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return add([], 'must be a map with a name and alertmanager: or github-actions:');
    const record = entry as Record<string, unknown>;
    const schema = 'alertmanager' in record ? AlertmanagerFields : 'github-actions' in record ? GithubFields : null;
    if (!schema) return add([], "needs 'alertmanager: URL' or 'github-actions: owner/repo'");
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        add(issue.path, `${field || 'entry'}: ${describeZodIssue(issue, field, field ? record[field] : record)}`);
      }
      return;
    }
    const v = parsed.data as Record<string, any>;
    if (names.has(v.name)) return add(['name'], `the name '${v.name}' is used twice; source names must be unique`);
    names.add(v.name);
    if ('alertmanager' in v) {
      out.push({
        kind: 'alertmanager',
        name: v.name,
        url: v.alertmanager,
        severityLabel: v['severity-label'],
        severityMap: { ...DEFAULT_SEVERITY_MAP, ...(v['severity-map'] ?? {}) },
        silenceMatchers: v['silence-matchers'],
        pollMs: v.poll,
        bearerTokenEnv: v['bearer-token-env'],
        username: v.username,
        passwordEnv: v['password-env'],
      });
    } else {
      out.push({ kind: 'github-actions', name: v.name, repo: v['github-actions'], apiUrl: v['api-url'], severity: v.severity, pollMs: v.poll, tokenEnv: v['token-env'] });
    }
  });
  return out;
}
