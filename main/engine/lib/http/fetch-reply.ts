import type { z } from 'zod';
import { describeUrl, fetchJson, type FetchOptions, SourceError } from './fetch-json';

export interface ReplyShape<S extends z.ZodType> {
  schema: S;
  // What the URL should be, as a phrase: 'an Alertmanager v2 API'.
  api: string;
}

// A JSON reply checked against the shape its reader relies on. A proxy's login page, another
// service's answer or a half-compatible server then becomes one sentence about the URL, instead of
// a TypeError deep in the code that reads the reply.
export async function fetchReply<S extends z.ZodType>(url: string, shape: ReplyShape<S>, options: FetchOptions = {}): Promise<z.output<S>> {
  const body = await fetchJson<unknown>(url, { ...options, api: shape.api });
  const parsed = shape.schema.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  const [first, ...more] = parsed.error.issues;
  const others = more.length > 0 ? ` and ${more.length} more problem${more.length > 1 ? 's' : ''}` : '';
  throw new SourceError(`${describeUrl(url)} is not ${shape.api} (${describeIssue(first)}${others}): check the URL`, 'invalid-reply');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.length === 0 ? 'the reply' : `reply${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
  if (issue.code !== 'invalid_type') return `${at}: ${issue.message}`;
  // zod leaves `input` out when the value is undefined, i.e. when the field is absent.
  if (!('input' in issue) || issue.input === undefined) return issue.path.length === 0 ? 'the reply is empty' : `${at} is missing`;
  return `${at} is ${shown(issue.input)} where ${EXPECTED[issue.expected] ?? issue.expected} belongs`;
}

const EXPECTED: Record<string, string> = { object: 'an object', record: 'an object', array: 'a list', tuple: 'a list', string: 'a string', number: 'a number', boolean: 'true or false' };

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return `${typeof value} ${String(value)}`;
}
