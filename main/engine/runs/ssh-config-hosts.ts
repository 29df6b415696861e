import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAX_DEPTH = 16;

// The concrete aliases an ssh config names in its Host lines (following
// Include like OpenSSH does), in file order. Patterns with wildcards or
// negations describe defaults, not hosts one can pick, so they are left out.
export function sshConfigAliases(file: string): string[] {
  const seen = new Set<string>();
  collect(file, 0, seen);
  return [...seen];
}

function collect(file: string, depth: number, seen: Set<string>): void {
  if (depth > MAX_DEPTH) throw new Error(`${file}: Include nested more than ${MAX_DEPTH} levels deep; look for a file including itself.`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (depth === 0 && (err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new Error(`Cannot read SSH config ${file}: ${(err as Error).message}`);
  }
  for (const line of text.split(/\r?\n/)) {
    const directive = /^\s*(host|include)\s*[=\s]\s*(.+?)\s*$/i.exec(line);
    if (!directive) continue;
    const args = [...directive[2].matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
    if (directive[1].toLowerCase() === 'host') {
      for (const pattern of args) if (!/[*?!]/.test(pattern)) seen.add(pattern);
    } else {
      for (const pattern of args) for (const included of matchingFiles(includePath(pattern))) collect(included, depth + 1, seen);
    }
  }
}

function includePath(pattern: string): string {
  const expanded = pattern === '~' || pattern.startsWith('~/') ? os.homedir() + pattern.slice(1) : pattern;
  return path.isAbsolute(expanded) ? expanded : path.join(os.homedir(), '.ssh', expanded);
}

function matchingFiles(pattern: string): string[] {
  const dir = path.dirname(pattern);
  const base = path.basename(pattern);
  if (!/[*?]/.test(base)) return fs.existsSync(pattern) ? [pattern] : [];
  if (!fs.existsSync(dir)) return [];
  const re = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return fs
    .readdirSync(dir)
    .filter((name) => re.test(name))
    .sort()
    .map((name) => path.join(dir, name))
    .filter((f) => fs.statSync(f).isFile());
}
