export const PLACEHOLDERS = ['STATUS', 'RESPONSE_TIME', 'BODY', 'CERTIFICATE_EXPIRATION', 'CONNECTED', 'VALUE', 'EXIT_CODE', 'STDOUT'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

/** Placeholders measured in milliseconds, so `2s` or `14d` are accepted on the right-hand side. */
export const TIME_PLACEHOLDERS: ReadonlySet<PlaceholderName> = new Set(['RESPONSE_TIME', 'CERTIFICATE_EXPIRATION']);

export type PathSegment = string | number;

export interface ConditionSubject {
  fn: 'value' | 'len' | 'has';
  placeholder: PlaceholderName;
  path: PathSegment[];
  /** Canonical spelling used in descriptions, e.g. `len([BODY].errors)`. */
  text: string;
}

export type ConditionOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains';

export interface ConditionLiteral {
  text: string;
  /** Numeric reading of the literal (durations in ms for time placeholders); null when not numeric. */
  number: number | null;
}

export type ConditionExpected =
  | { kind: 'literal'; literal: ConditionLiteral }
  | { kind: 'any'; values: ConditionLiteral[] }
  | { kind: 'pattern'; source: string; regex: RegExp };

export interface Condition {
  source: string;
  subject: ConditionSubject;
  operator: ConditionOperator;
  expected: ConditionExpected;
}

/** What a condition can look at: the facts a checker gathered about one run. */
export interface ConditionInput {
  checkedAt: number;
  responseTimeMs: number;
  status?: number;
  body?: string;
  certificateExpiresAt?: number;
  connected?: boolean;
  value?: number;
  /** SSH commands: the exit code, and standard output without its trailing whitespace. */
  exitCode?: number;
  stdout?: string;
}

/**
 * The fact of a run each placeholder reads (condition-eval.ts). A kind whose checks never report
 * a fact can never pass a condition on its placeholder, so such a condition is refused on load.
 */
export const PLACEHOLDER_FACTS = {
  STATUS: 'status',
  RESPONSE_TIME: 'responseTimeMs',
  BODY: 'body',
  CERTIFICATE_EXPIRATION: 'certificateExpiresAt',
  CONNECTED: 'connected',
  VALUE: 'value',
  EXIT_CODE: 'exitCode',
  STDOUT: 'stdout',
} as const satisfies Record<PlaceholderName, keyof ConditionInput>;

export type ConditionFact = (typeof PLACEHOLDER_FACTS)[PlaceholderName];

export interface ConditionOutcome {
  ok: boolean;
  description: string;
}

export class ConditionError extends Error {
  constructor(
    readonly condition: string,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`condition "${condition}": ${reason} (column ${column})`);
    this.name = 'ConditionError';
  }
}
