import { terminalText } from './terminal-text';

// A fault in Trayage itself, not in what was typed: one line a person can report. The stack
// trace is for whoever fixes it, so it is printed only when asked for with --debug.
let withStack = false;

/** Set once from the command line (`--debug`) before any command runs. */
export function showStackTraces(on: boolean): void {
  withStack = on;
}

/** The line printed for an internal error at `where`, safe for a terminal. */
export function internalErrorLine(where: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const detail = withStack && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  return terminalText(`trayage: internal error in ${where}: ${message} (please report it with the command you ran${withStack ? '' : '; --debug shows the details'})${detail}`);
}
