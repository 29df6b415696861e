/** How often at most the tray is rebuilt and sent while changes keep coming. */
export const TRAY_EVENT_GAP_MS = 250;

export interface Throttled {
  request(): void;
  cancel(): void;
}

/**
 * Runs `send` at once when it has not run for `gapMs`, else once at the end of that gap however often
 * it is asked meanwhile. Many monitors going down together are as many changes, each of which rebuilt
 * the whole tray (every problem, every open incident) and sent it to every window.
 */
export function throttled(send: () => void, gapMs: number, now: () => number = () => performance.now()): Throttled {
  let sentAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    sentAt = now();
    send();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = sentAt + gapMs - now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
