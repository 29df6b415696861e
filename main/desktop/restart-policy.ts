export interface RestartDecision {
  restart: boolean;
  delayMs: number;
  reason: string;
}

const WINDOW_MS = 60_000;
const MAX_CRASHES_PER_WINDOW = 5;

// Back off on repeated crashes and give up on a crash loop, so a broken engine does not spin the CPU.
export function decideRestart(crashTimes: number[], now: number, exitCode: number | null): RestartDecision {
  if (exitCode === 3) return { restart: false, delayMs: 0, reason: 'The engine refused to start; see the message.' };
  const recent = crashTimes.filter((t) => now - t < WINDOW_MS);
  if (recent.length >= MAX_CRASHES_PER_WINDOW) {
    return { restart: false, delayMs: 0, reason: `The engine crashed ${recent.length} times in a minute; restart Trayage.` };
  }
  const delayMs = Math.min(250 * 2 ** Math.max(0, recent.length - 1), 8000);
  return { restart: true, delayMs, reason: `The engine stopped (exit code ${exitCode ?? 'none'}); restarting.` };
}
