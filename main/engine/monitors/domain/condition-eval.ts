import type {
  Condition,
  ConditionInput,
  ConditionLiteral,
  ConditionOutcome,
  ConditionSubject,
  PathSegment,
} from './condition-types';
import { TIME_PLACEHOLDERS } from './condition-types';
import { formatDuration } from '../../lib/config/duration';

export type ParsedBody = { ok: true; value: unknown } | { ok: false; error: string };

// Several conditions of one run read the same body; parse it once per input object.
const parsedBodies = new WeakMap<ConditionInput, ParsedBody>();

export function bodyJson(input: ConditionInput): ParsedBody {
  let parsed = parsedBodies.get(input);
  if (!parsed) {
    if (input.body === undefined) {
      parsed = { ok: false, error: 'there is no response body' };
    } else {
      try {
        parsed = { ok: true, value: JSON.parse(input.body) };
      } catch (err) {
        parsed = { ok: false, error: `the response body is not valid JSON (${(err as Error).message})` };
      }
    }
    parsedBodies.set(input, parsed);
  }
  return parsed;
}

export function needsJson(condition: Condition): boolean {
  return condition.subject.placeholder === 'BODY' && condition.subject.path.length > 0;
}

type Resolved = { found: true; value: unknown } | { found: false; why: string };

/** Evaluates one parsed condition against the facts of a run; the description reads as a sentence. */
export function evaluate(condition: Condition, input: ConditionInput): ConditionOutcome {
  const { subject, operator, expected } = condition;
  const resolved = resolveSubject(subject, input);
  if (!resolved.found) return { ok: false, description: `${subject.text} ${resolved.why}` };
  const actual = resolved.value;
  const shown = show(subject, actual);

  if (operator === 'contains') {
    const needle = expected.kind === 'literal' ? expected.literal : undefined;
    const ok = needle !== undefined && contains(actual, needle);
    const what = JSON.stringify(needle?.text ?? '');
    return { ok, description: ok ? `${subject.text} contains ${what}` : `${subject.text} does not contain ${what}` };
  }

  if (operator === '==' || operator === '!=') {
    let matched: boolean;
    let wanted: string;
    if (expected.kind === 'any') {
      matched = expected.values.some((v) => equals(actual, v));
      wanted = `one of ${expected.values.map((v) => v.text).join(', ')}`;
    } else if (expected.kind === 'pattern') {
      matched = isScalar(actual) && expected.regex.test(String(actual));
      wanted = `to match pat(${expected.source})`;
    } else {
      matched = equals(actual, expected.literal);
      wanted = expected.literal.text;
    }
    const ok = operator === '==' ? matched : !matched;
    const expectation = operator === '==' ? wanted : `anything but ${wanted}`;
    return { ok, description: ok ? `${subject.text} was ${shown}` : `${subject.text} was ${shown}, expected ${expectation}` };
  }

  const limit = expected.kind === 'literal' ? expected.literal : undefined;
  const left = toNumber(actual);
  if (left === null || limit?.number == null) {
    return { ok: false, description: `${subject.text} was ${shown}, not a number to compare with ${operator} ${limit?.text ?? ''}`.trimEnd() };
  }
  const ok = compare(left, operator, limit.number);
  return { ok, description: ok ? `${subject.text} was ${shown}` : `${subject.text} was ${shown}, expected ${operator} ${limit.text}` };
}

function resolveSubject(subject: ConditionSubject, input: ConditionInput): Resolved {
  const base = resolvePlaceholder(subject, input);
  if (!base.found || subject.fn !== 'len') return base;
  const v = base.value;
  if (typeof v === 'string' || Array.isArray(v)) return { found: true, value: v.length };
  if (v !== null && typeof v === 'object') return { found: true, value: Object.keys(v).length };
  return { found: false, why: `cannot be measured: the value is ${JSON.stringify(v)}, not a list, object or text` };
}

function resolvePlaceholder(subject: ConditionSubject, input: ConditionInput): Resolved {
  switch (subject.placeholder) {
    case 'STATUS':
      return input.status === undefined ? { found: false, why: 'is unknown: no HTTP response was received' } : { found: true, value: input.status };
    case 'RESPONSE_TIME':
      return { found: true, value: input.responseTimeMs };
    case 'CERTIFICATE_EXPIRATION':
      return input.certificateExpiresAt === undefined
        ? { found: false, why: 'is unknown: no TLS certificate was seen (is the URL https?)' }
        : { found: true, value: input.certificateExpiresAt - input.checkedAt };
    case 'CONNECTED':
      return { found: true, value: input.connected === true };
    case 'VALUE':
      if (input.value !== undefined) return { found: true, value: input.value };
      return { found: false, why: input.stdout !== undefined ? 'is unknown: the command printed no number' : 'is unknown: the query returned no value' };
    case 'EXIT_CODE':
      return input.exitCode === undefined ? { found: false, why: 'is unknown: no command ran (is this an ssh monitor?)' } : { found: true, value: input.exitCode };
    case 'STDOUT':
      return input.stdout === undefined ? { found: false, why: 'is unknown: no command ran (is this an ssh monitor?)' } : { found: true, value: input.stdout };
    case 'BODY':
      return resolveBody(subject, input);
  }
}

function resolveBody(subject: ConditionSubject, input: ConditionInput): Resolved {
  if (subject.path.length === 0) {
    if (subject.fn === 'has') return { found: true, value: input.body !== undefined };
    return input.body === undefined ? { found: false, why: 'is unknown: there is no response body' } : { found: true, value: input.body };
  }
  const parsed = bodyJson(input);
  if (!parsed.ok) return { found: false, why: `cannot be read: ${parsed.error}` };
  const value = walk(parsed.value, subject.path);
  if (subject.fn === 'has') return { found: true, value: value !== undefined };
  if (value !== undefined) return { found: true, value };
  return { found: false, why: 'is missing from the response' };
}

function walk(root: unknown, path: PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(node) || segment >= node.length) return undefined;
      node = node[segment];
    } else {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return node;
}

function equals(actual: unknown, literal: ConditionLiteral): boolean {
  if (typeof actual === 'number') return literal.number !== null ? actual === literal.number : String(actual) === literal.text;
  if (typeof actual === 'string') return actual === literal.text;
  if (typeof actual === 'boolean' || actual === null) return String(actual) === literal.text;
  return JSON.stringify(actual) === literal.text;
}

function contains(actual: unknown, needle: ConditionLiteral): boolean {
  if (typeof actual === 'string') return actual.includes(needle.text);
  if (Array.isArray(actual)) return actual.some((item) => equals(item, needle));
  return false;
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function compare(left: number, operator: string, right: number): boolean {
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    default:
      return left >= right;
  }
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function show(subject: ConditionSubject, value: unknown): string {
  if (subject.fn === 'value' && typeof value === 'number') {
    if (subject.placeholder === 'RESPONSE_TIME') return `${Math.round(value)} ms`;
    if (TIME_PLACEHOLDERS.has(subject.placeholder)) return value < 0 ? `expired ${formatDuration(-value)} ago` : formatDuration(value);
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
