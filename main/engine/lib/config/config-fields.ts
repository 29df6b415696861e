import { z } from 'zod';
import { parseByteSize, parseDuration } from './duration';

/** A duration written as `500ms`, `30s`, `5m`, `1h` or `14d`; yields milliseconds. */
export const durationField = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const ms = typeof value === 'string' ? parseDuration(value) : null;
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `'${value}' is not a duration (use 30s, 5m, 1h)` });
    return z.NEVER;
  }
  return ms;
});

/** A size written as `512kb`, `1mb` or a byte count; yields bytes. */
export const sizeField = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const bytes = typeof value === 'number' ? value : parseByteSize(value);
  if (bytes === null || !(bytes > 0)) {
    ctx.addIssue({ code: 'custom', message: `'${value}' is not a size (use 512kb, 1mb or a number of bytes)` });
    return z.NEVER;
  }
  return bytes;
});

export const positiveInt = z.number().int().min(1);

/** A URL string whose scheme is one of `schemes`. */
export function urlField(schemes: string[]) {
  return z.string().transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `'${value}' is not a URL (write e.g. ${schemes[0]}://host:port/path)` });
      return z.NEVER;
    }
    const scheme = url.protocol.slice(0, -1);
    if (!schemes.includes(scheme)) {
      ctx.addIssue({ code: 'custom', message: `'${value}' must start with ${schemes.map((s) => `${s}://`).join(' or ')}` });
      return z.NEVER;
    }
    return url;
  });
}

/** `host:port` taken from a tcp:// or tls:// URL, which must name a port. */
export function hostPort(url: URL, defaultPort?: number): { host: string; port: number } | null {
  const port = url.port ? Number(url.port) : defaultPort;
  if (!url.hostname || port === undefined) return null;
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}
