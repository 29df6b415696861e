// What a person sees for an error no command anticipated: one line saying what failed, where, and
// what to try, never a stack trace.
export function describeError(command: string, err: unknown): string {
  const sys = err as NodeJS.ErrnoException;
  if (sys?.code && sys.path) {
    const hint = FILE_HINTS[sys.code] ?? 'check the path and try again';
    return `trayage ${command}: cannot ${sys.syscall ?? 'use'} ${sys.path} (${sys.code}); ${hint}.`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `trayage ${command}: ${message} (unexpected; please report it with the command you ran).`;
}

const FILE_HINTS: Record<string, string> = {
  ENOENT: 'check that it exists, or give another with --data-dir DIR',
  EACCES: 'check its permissions, or give another folder with --data-dir DIR',
  EPERM: 'check its permissions, or give another folder with --data-dir DIR',
  EROFS: 'the disk is read-only; give another folder with --data-dir DIR',
  ENOSPC: 'the disk is full; free some space and try again',
};
