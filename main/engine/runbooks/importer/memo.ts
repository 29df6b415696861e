// Runbooks repeat themselves: the same `kubectl get pods` or `systemctl status web` appears in
// the diagnostics of several sections, and each reading of it runs the shell parser, which costs
// a fraction of a millisecond per command. Pure functions of one string are remembered here so a
// repeated command is parsed once. The table is emptied when full, which bounds its memory.

const MAX_ENTRIES = 4_000;

/** `fn` remembered by its argument; only for pure functions whose result nobody changes. */
export function memoized<T>(fn: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text: string): T => {
    const known = seen.get(text);
    if (known !== undefined || seen.has(text)) return known as T;
    const value = fn(text);
    if (seen.size >= MAX_ENTRIES) seen.clear();
    seen.set(text, value);
    return value;
  };
}
