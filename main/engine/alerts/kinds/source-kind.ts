import { z } from 'zod';
import type { SourceInput } from '../../../../preload/contract';
import { RpcFailure } from '../../rpc/rpc-failure';
import type { PolledAlert } from '../domain/alert-model';

/** What every source definition holds, whatever its kind. */
export interface SourceBase<K extends string = string> {
  kind: K;
  name: string;
  pollMs: number;
}

export interface SilenceRequest {
  startsAt: number;
  durationMs: number;
  createdBy: string;
  comment: string;
}

/** Acknowledging an alert as a silence with a real expiry, for sources that have silences. */
export interface Silencing<D> {
  silence(def: D, env: NodeJS.ProcessEnv, alert: PolledAlert, request: SilenceRequest): Promise<string>;
  unsilence(def: D, env: NodeJS.ProcessEnv, silenceId: string): Promise<void>;
}

/**
 * One kind of alert source: how it is written in the config file and in the app's form, how it is
 * polled and what it can do. `D` is the kind's definition, stored and compared as plain JSON.
 */
export interface SourceKind<D extends SourceBase> {
  kind: D['kind'];
  /** Used when neither the config file nor the form says how often to poll. */
  defaultPollMs: number;
  config: {
    /** The field that selects this kind in a `sources:` entry and names what to poll, e.g. `alertmanager: URL`. */
    key: string;
    /** What the key's value looks like, for the message about an entry with no kind: 'URL'. */
    example: string;
    /** Every field of an entry but `name` and `poll`, the key included; unknown fields are errors. */
    fields: z.ZodRawShape;
    build(values: Record<string, unknown>, base: SourceBase<D['kind']>): D;
  };
  /** The definition for the app's form; `tokenEnv` names the variable holding the sealed token, if one is stored. */
  fromInput(input: SourceInput, base: SourceBase<D['kind']>, tokenEnv: string | undefined): D;
  /** What is polled, as shown beside the source's name: a URL, a repository. */
  target(def: D): string;
  fetchAlerts(def: D, env: NodeJS.ProcessEnv): Promise<PolledAlert[]>;
  silencing?: Silencing<D>;
}

/** A refused form field, with the sentence shown for the whole form. */
export function inputProblem(field: keyof SourceInput, problem: string, sentence: string): RpcFailure {
  return new RpcFailure('bad_request', sentence, [{ path: field, message: problem }]);
}

export const isHttpUrl = (v: string | undefined): v is string => !!v && /^https?:\/\/[^/]/.test(v);

export const httpUrlField = z.string().refine(isHttpUrl, { message: 'must be an http(s) URL such as http://127.0.0.1:9093' });
export const envNameField = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must name an environment variable, e.g. ALERTMANAGER_TOKEN' });
