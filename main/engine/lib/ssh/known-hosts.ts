import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KnownHostEntry {
  file: string;
  line: number;
  marker: 'revoked' | 'cert-authority' | null;
  // Comma-separated patterns, or one "|1|salt|hash" hashed name.
  hosts: string;
  keyType: string;
  keyBase64: string;
}

// The name OpenSSH stores in known_hosts: bare host on port 22, else "[host]:port".
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'] = null;
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields[0] === '@revoked' ? 'revoked' : 'cert-authority';
      fields.shift();
    }
    // Lines OpenSSH would also ignore (truncated or garbled) are skipped rather than fatal.
    if (fields.length < 3) return;
    entries.push({ file, line: index + 1, marker, hosts: fields[0], keyType: fields[1], keyBase64: fields[2] });
  });
  return entries;
}

export function readKnownHosts(files: string[]): KnownHostEntry[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(`Cannot read known_hosts file ${file}: ${(err as Error).message}`);
    }
    return parseKnownHosts(text, file);
  });
}

// OpenSSH semantics: any matching negated pattern excludes the host,
// otherwise any matching positive pattern includes it.
export function entryMatches(entry: KnownHostEntry, name: string): boolean {
  if (entry.hosts.startsWith('|1|')) return hashedMatches(entry.hosts, name);
  let matched = false;
  for (const pattern of entry.hosts.split(',')) {
    if (pattern.startsWith('!')) {
      if (wildcardMatch(pattern.slice(1), name)) return false;
    } else if (wildcardMatch(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

export function findEntries(entries: KnownHostEntry[], host: string, port: number): KnownHostEntry[] {
  const name = knownHostName(host, port).toLowerCase();
  return entries.filter((entry) => entryMatches(entry, name));
}

export function formatKnownHostLine(host: string, port: number, keyType: string, keyBase64: string): string {
  return `${knownHostName(host, port)} ${keyType} ${keyBase64}`;
}

// Appends to the application's own known_hosts, never to the user's ~/.ssh one.
export function appendKnownHost(file: string, host: string, port: number, keyType: string, keyBase64: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let prefix = '';
  if (fs.existsSync(file)) {
    const current = fs.readFileSync(file, 'utf8');
    if (current && !current.endsWith('\n')) prefix = '\n';
  }
  fs.appendFileSync(file, `${prefix}${formatKnownHostLine(host, port, keyType, keyBase64)}\n`, { mode: 0o600 });
}

function hashedMatches(hashed: string, name: string): boolean {
  const [, , salt64, hash64] = hashed.split('|');
  if (!salt64 || !hash64) return false;
  const digest = createHmac('sha1', Buffer.from(salt64, 'base64')).update(name).digest('base64');
  return digest === hash64;
}

function wildcardMatch(pattern: string, name: string): boolean {
  const re = pattern
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(name);
}
