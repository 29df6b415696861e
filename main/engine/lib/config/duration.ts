const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

/** Parses `500ms`, `30s`, `5m`, `1h`, `14d` or compounds such as `1h30m`; null when not a duration. */
export function parseDuration(text: string): number | null {
  const source = text.trim();
  if (source === '') return null;
  let total = 0;
  DURATION_PART.lastIndex = 0;
  while (DURATION_PART.lastIndex < source.length) {
    const start = DURATION_PART.lastIndex;
    const match = DURATION_PART.exec(source);
    if (!match || match.index !== start) return null;
    total += Number(match[1]) * DURATION_UNITS[match[2]];
  }
  // Thousands of digits read as Infinity, which no bound or timer can use.
  return Number.isFinite(total) ? Math.round(total) : null;
}

/** Human form used in messages: `2m 30s`, `3d 4h`, `850 ms`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  if (rest < 1000) return `${sign}${rest} ms`;
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    // Two units are enough for a person reading a notification.
    if (parts.length === 2) break;
  }
  return sign + parts.join(' ');
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024, gb: 1024 * 1024 * 1024 };

/** Parses `512kb`, `1mb`, `2MB` or a plain byte count; null when not a size. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!match) return null;
  return Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
