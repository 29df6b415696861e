import crypto from 'node:crypto';

const PREFIX = 'tri_';

/** A new integration token: shown once, kept only as its hash. */
export function newToken(): string {
  return PREFIX + crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The entry whose hash the token has. Every entry is compared, in constant time, so neither the
 * answer's timing nor its wording tells which integrations exist.
 */
export function matchToken<T extends { token_hash: string }>(token: string, entries: readonly T[]): T | null {
  const given = Buffer.from(hashToken(token), 'hex');
  let found: T | null = null;
  for (const entry of entries) {
    const stored = Buffer.from(entry.token_hash, 'hex');
    if (stored.length === given.length && crypto.timingSafeEqual(stored, given) && found === null) found = entry;
  }
  return found;
}

/** The token of an `Authorization: Bearer TOKEN` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(value ?? '');
  return match ? match[1] : null;
}
