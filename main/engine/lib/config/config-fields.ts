import { z } from 'zod';
import { MONITOR_FIELD_LIMITS } from '../../../../preload/contract';
import { show } from './config-errors';
import { formatBytes, formatDuration, parseByteSize, parseDuration } from './duration';

// The longest duration or size text anyone writes, such as `1h30m15s`; the form's limit too.
const UNIT_TEXT_MAX = MONITOR_FIELD_LIMITS.duration;
// Longer text is not even read: a message about it needs no exact value.
const UNIT_TEXT_READ_MAX = 200;

export interface DurationBounds {
  min?: number;
  max: number;
  /** Zero is refused too, e.g. for a timeout; otherwise 0 means none (no jitter, no reminders). */
  positive?: boolean;
}

/**
 * A duration written as `500ms`, `30s`, `5m`, `1h` or `14d`, within `bounds`; yields milliseconds.
 * Every field has a maximum: timers cannot wait longer than about 24.8 days, and a value past what
 * the field is for is a typo.
 */
export function durationField({ min = 0, max, positive = false }: DurationBounds) {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const ms = typeof value === 'string' && value.length <= UNIT_TEXT_READ_MAX ? parseDuration(value) : null;
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (ms === null) return fail(`${show(value)} is not a duration (use 30s, 5m, 1h)`);
    if (ms > max) return fail(`must be at most ${formatDuration(max)}, not ${show(value)}`);
    if (ms < min) return fail(`must be at least ${formatDuration(min)}, not ${show(value)}`);
    if (positive && ms === 0) return fail(`must be more than 0`);
    if ((value as string).length > UNIT_TEXT_MAX) return fail(`must be at most ${UNIT_TEXT_MAX} characters long, such as 1h30m`);
    return ms;
  });
}

/** A size written as `512kb`, `1mb` or a byte count, at most `maxBytes`; yields bytes. */
export function sizeField(maxBytes: number) {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const bytes = typeof value === 'number' ? value : value.length <= UNIT_TEXT_READ_MAX ? parseByteSize(value) : null;
    if (bytes === null || !(bytes > 0)) {
      ctx.addIssue({ code: 'custom', message: `${show(value)} is not a size (use 512kb, 1mb or a number of bytes)` });
      return z.NEVER;
    }
    if (bytes > maxBytes) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${formatBytes(maxBytes)}, not ${show(value)}` });
      return z.NEVER;
    }
    if (typeof value === 'string' && value.length > UNIT_TEXT_MAX) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${UNIT_TEXT_MAX} characters long, such as 512kb` });
      return z.NEVER;
    }
    return bytes;
  });
}

export const positiveInt = z.number().int().min(1);

/** A URL string at most `maxLength` characters long whose scheme is one of `schemes`. */
export function urlField(schemes: string[], maxLength: number) {
  return z
    .string()
    .max(maxLength)
    .transform((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: `${show(value)} is not a URL (write e.g. ${schemes[0]}://host:port/path)` });
        return z.NEVER;
      }
      const scheme = url.protocol.slice(0, -1);
      if (!schemes.includes(scheme)) {
        ctx.addIssue({ code: 'custom', message: `${show(value)} must start with ${schemes.map((s) => `${s}://`).join(' or ')}` });
        return z.NEVER;
      }
      const missing = missingHost(value);
      if (missing) {
        ctx.addIssue({ code: 'custom', message: `${show(value)} ${missing} (write e.g. ${scheme}://host:port/path)` });
        return z.NEVER;
      }
      return url;
    });
}

/**
 * Why the URL as written names no host, or undefined when it does. Browsers' URL parsing, which
 * `new URL` follows, takes `http:///health` or `http:health` as the host `health`: never what was
 * meant, and a check of the wrong machine.
 */
export function missingHost(text: string): string | undefined {
  const written = /^\s*[a-z][a-z0-9+.-]*:(\/\/)?([^/?#\\]*)/i.exec(text);
  if (!written?.[1]) return "has no host: put '//' and the host after the scheme";
  const authority = written[2].slice(written[2].lastIndexOf('@') + 1);
  const host = authority.startsWith('[') ? authority : authority.replace(/:[^:]*$/, '');
  return host === '' ? 'has no host: the host goes between // and the next /' : undefined;
}

/** `host:port` taken from a tcp:// or tls:// URL, which must name a port. */
export function hostPort(url: URL, defaultPort?: number): { host: string; port: number } | null {
  const port = url.port ? Number(url.port) : defaultPort;
  if (!url.hostname || port === undefined) return null;
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}
