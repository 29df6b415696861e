// What a person sees for an error no command anticipated: one line saying what failed, where, and
// what to try, never a stack trace.
export function describeError(command: string, err: unknown): string {
  const sys = err as NodeJS.ErrnoException;
  if (sys?.code && sys.path) {
    const hint = FILE_HINTS[sys.code] ?? 'check the path and try again';
    return `trayage ${command}: cannot ${sys.syscall ?? 'use'} ${sys.path} (${sys.code}); ${hint}.`;
  }
  const message = err instanceof Error ? err.message : String(err);
  // A write that failed without naming its file (ENOSPC from write()) still has a known remedy.
  if (typeof sys?.code === 'string' && FILE_HINTS[sys.code]) return `trayage ${command}: ${message}; ${FILE_HINTS[sys.code]}.`;
  // The database failed where its file name was not at hand: the data directory is the place to look.
  if (typeof sys?.code === 'string' && sys.code.startsWith('SQLITE_')) {
    return `trayage ${command}: the database failed: ${message} (${sys.code}). Check the data directory's disk and permissions, or choose another with --data-dir DIR.`;
  }
  return `trayage ${command}: ${message} (unexpected; please report it with the command you ran).`;
}

const FILE_HINTS: Record<string, string> = {
  ENOENT: 'check that it exists, or give another with --data-dir DIR',
  EACCES: 'check its permissions, or give another folder with --data-dir DIR',
  EPERM: 'check its permissions, or give another folder with --data-dir DIR',
  EROFS: 'the disk is read-only; give another folder with --data-dir DIR',
  ENOSPC: 'the disk is full; free some space and try again',
};
