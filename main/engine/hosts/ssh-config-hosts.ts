import fs from 'node:fs';
import { readWithIncludes, splitArgs } from '../lib/ssh/host-config';

// The concrete aliases an ssh config names in its Host lines (following
// Include like OpenSSH does), in file order. Patterns with wildcards or
// negations describe defaults, not hosts one can pick, so they are left out.
export function sshConfigAliases(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const seen = new Set<string>();
  for (const line of readWithIncludes(file).split(/\r?\n/)) {
    const host = /^\s*host\s*[=\s]\s*(.+?)\s*$/i.exec(line);
    if (!host) continue;
    for (const pattern of splitArgs(host[1])) if (!/[*?!]/.test(pattern)) seen.add(pattern);
  }
  return [...seen];
}
