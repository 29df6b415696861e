/**
 * Runs `work` one at a time. Calls made while it runs are served together by one more run after it, so a burst of
 * events costs two requests rather than one each, and no reply is left to overtake a newer one. Every caller's
 * promise resolves once the run that started after its call has finished.
 */
export function coalesced(work: () => Promise<void>): () => Promise<void> {
  let again = false;
  let running: Promise<void> | null = null;
  return () => {
    again = true;
    running ??= (async () => {
      try {
        while (again) {
          again = false;
          await work();
        }
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
