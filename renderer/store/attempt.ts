import { ApiError } from '../transport/api-error';

export interface Issue {
  path: string;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string; issues: Issue[] };

// Every call a person starts ends here, so a failure always comes back as words to show, never as a lost rejection.
export async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: errorText(err), issues: err instanceof ApiError ? (err.issues ?? []) : [] };
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
