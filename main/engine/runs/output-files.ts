import fs from 'node:fs';
import path from 'node:path';

export function runOutputDir(dataDir: string, runId: number): string {
  return path.join(dataDir, 'runs', String(runId));
}

// The complete output of every step of one run, one file per host and step
// (stdout and stderr as they arrived). The database keeps only the beginning
// and the end, so these files are the full record.
export class OutputFiles {
  private readonly open = new Map<string, { fd: number; file: string; bytes: number }>();

  constructor(private readonly dir: string) {}

  fileFor(host: string, stepIndex: number): string {
    // Aliases may hold ":" or "[", which some file systems refuse.
    const safe = host.replace(/[^A-Za-z0-9_.@+-]/g, '_');
    return path.join(this.dir, `${safe}-step${String(stepIndex + 1).padStart(2, '0')}.log`);
  }

  start(host: string, stepIndex: number): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = this.fileFor(host, stepIndex);
    this.open.set(key(host, stepIndex), { fd: fs.openSync(file, 'w', 0o600), file, bytes: 0 });
    return file;
  }

  write(host: string, stepIndex: number, text: string, bytes: number): void {
    const entry = this.open.get(key(host, stepIndex));
    if (!entry || !text) return;
    fs.writeSync(entry.fd, text);
    entry.bytes += bytes;
  }

  // Bytes received from the host for this step (both streams).
  end(host: string, stepIndex: number): { file: string | null; bytes: number } {
    const entry = this.open.get(key(host, stepIndex));
    if (!entry) return { file: null, bytes: 0 };
    this.open.delete(key(host, stepIndex));
    fs.closeSync(entry.fd);
    return { file: entry.file, bytes: entry.bytes };
  }

  closeAll(): void {
    for (const entry of this.open.values()) fs.closeSync(entry.fd);
    this.open.clear();
  }
}

function key(host: string, stepIndex: number): string {
  return `${host}\u0000${stepIndex}`;
}
