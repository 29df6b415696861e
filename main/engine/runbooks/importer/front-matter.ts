import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown> | null;
  warning: string | null;
}

const MAX_DEPTH = 32;

/** Dates become ISO strings and big integers strings, so the result is plain JSON. */
function toJson(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map((v) => toJson(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v, depth + 1);
    return out;
  }
  return value;
}

/** Reads YAML (`---`) or TOML (`+++`) front matter; a broken one is reported, never thrown. */
export function readFrontMatter(format: 'yaml' | 'toml', source: string, line: number): FrontMatter {
  try {
    const parsed = format === 'yaml' ? parseYaml(source, { maxAliasCount: 100 }) : parseToml(source);
    if (parsed === null || parsed === undefined) return { data: null, warning: null };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { data: null, warning: `line ${line}: the ${format.toUpperCase()} front matter is not a set of key/value pairs and was ignored` };
    }
    return { data: toJson(parsed, 0) as Record<string, unknown>, warning: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    return { data: null, warning: `line ${line}: the ${format.toUpperCase()} front matter could not be read (${reason}) and was ignored` };
  }
}
