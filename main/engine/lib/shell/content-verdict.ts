// What text handed to another interpreter (SQL, Redis commands) would do.
export interface ContentVerdict {
  /** Why it is not read-only; empty when it only reads. */
  writes: string[];
  /** Why it destroys data or stops a service; a subset of the concerns in `writes`. */
  destructive: string[];
  /** Why it never ends (psql `\watch`, Redis `MONITOR`), or null. */
  never: string | null;
}

export function emptyVerdict(): ContentVerdict {
  return { writes: [], destructive: [], never: null };
}
