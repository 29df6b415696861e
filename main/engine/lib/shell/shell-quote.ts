// Quotes one value as a single POSIX shell word: wrapped in single quotes,
// each embedded ' written as '\''. Inside single quotes sh, bash, dash, zsh
// and ksh give no character a special meaning, so $(…), backticks, ;, |,
// newlines and globs stay literal. NUL cannot be passed through a command
// line at all, so it is refused rather than silently cut.
export function shellQuote(value: string): string {
  refuseNul(value);
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// The same value written inside quotes a command already opened, e.g. the
// {{dir}} in `cd "{{dir}}"`: inside '…' only ' is special (closed, escaped,
// reopened); inside "…" only $, `, " and \ are (each escaped).
export function shellQuoteWithin(quote: "'" | '"', value: string): string {
  refuseNul(value);
  return quote === "'" ? value.replace(/'/g, `'\\''`) : value.replace(/[$`"\\]/g, '\\$&');
}

function refuseNul(value: string): void {
  if (value.includes('\0')) {
    throw new Error('A value contains a NUL character, which cannot be passed to a shell command.');
  }
}
