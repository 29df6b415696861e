// A window's first screen, timed by the page itself: from the navigation's start (performance.now()'s
// origin) to the end of the first frame that shows what the screen names. The harness's own figure
// (page.goto → a locator finds the element) is returned beside it: goto waits for the page's `load`
// event and locators poll over the DevTools protocol, which adds tens of milliseconds the page never
// showed. The page's RPC calls are counted too, so a caller can wait until the previous page has no
// call outstanding before the next load: otherwise the engine may still be serving the previous
// page's large reply while the next one asks for its first screen, and a load measures its leftovers.
//
// A screen is { name, selector, text? }: a CSS selector and, optionally, a RegExp the element's text
// must match (e.g. { name: 'Monitors window', selector: 'p.empty', text: /^No monitors yet/ }).

// Past this, a screen that never showed is an error rather than a figure.
const DEADLINE_MS = 15_000;
// No call outstanding and none sent or answered for this long: follow-up calls a window makes
// after a reply (e.g. sparklines of the rows in view, debounced by 100 ms) have been sent by then.
const QUIET_MS = 500;

// Runs in every document of the page before its own scripts. With a screen, also watches for it.
// Self-contained: Playwright sends its source text to the browser.
function probe(screen) {
  if (!window.__firstScreen) {
    const outstanding = new Map();
    const state = {
      // Tells one document from the next: a goto that only changed the hash keeps the old one.
      documentId: `${performance.timeOrigin}-${Math.random()}`,
      shown: {},
      lastActivity: 0,
      outstanding: () => [...outstanding.values()].reduce((n, calls) => n + calls.size, 0),
      outstandingMethods: () => [...outstanding.values()].flatMap((calls) => [...calls.values()]),
    };
    window.__firstScreen = state;
    // Replies start with their id (`{"id":7,...`): read from the head, so a 4 MB reply is not parsed twice.
    const replyId = (text) => {
      const head = /^\{"id":(-?\d+|"(?:[^"\\]|\\.)*")/.exec(text);
      if (head) return JSON.parse(head[1]);
      if (text.length > 65_536) return undefined;
      try {
        return JSON.parse(text).id;
      } catch {
        return undefined;
      }
    };
    const Native = window.WebSocket;
    window.WebSocket = class CountedWebSocket extends Native {
      constructor(...args) {
        super(...args);
        const calls = new Map();
        outstanding.set(this, calls);
        // Registered before the page's own handler, so a reply is counted before the page handles it.
        this.addEventListener('message', (event) => {
          const id = typeof event.data === 'string' ? replyId(event.data) : undefined;
          if (id !== undefined && calls.delete(id)) state.lastActivity = performance.now();
        });
        // A closed socket answers nothing more: its calls are no longer anyone's to wait for.
        this.addEventListener('close', () => {
          outstanding.delete(this);
          state.lastActivity = performance.now();
        });
      }
      send(data) {
        if (typeof data === 'string') {
          try {
            const request = JSON.parse(data);
            if (request && request.id !== undefined) {
              outstanding.get(this)?.set(request.id, String(request.method));
              state.lastActivity = performance.now();
            }
          } catch {
            // Not a JSON request: nothing to count.
          }
        }
        return super.send(data);
      }
    };
  }
  if (!screen) return;
  const state = window.__firstScreen;
  const text = screen.text ? new RegExp(screen.text.source, screen.text.flags.replace(/[gy]/g, '')) : null;
  const present = () => {
    if (!text) return document.querySelector(screen.selector) !== null;
    for (const element of document.querySelectorAll(screen.selector)) if (text.test(element.textContent ?? '')) return true;
    return false;
  };
  const shown = () => {
    // rAF runs before the frame's style, layout and paint; a message posted from it runs after them.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.shown[screen.key] = performance.now();
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(() => {
    if (!present()) return;
    observer.disconnect();
    shown();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

const installed = new WeakMap();

const screenKey = (screen) => JSON.stringify([screen.selector, screen.text?.source ?? null, screen.text?.flags ?? null]);
const describe = (screen) => `${screen.name} (an element matching "${screen.selector}"${screen.text ? ` with text ${screen.text}` : ''})`;

/** Counts the page's RPC calls from its next document on; call before the page's first goto. */
export async function watchPage(page) {
  if (installed.has(page)) return;
  installed.set(page, new Set());
  await page.addInitScript(probe, null);
}

async function watchScreen(page, screen) {
  await watchPage(page);
  const key = screenKey(screen);
  const keys = installed.get(page);
  if (keys.has(key)) return key;
  keys.add(key);
  await page.addInitScript(probe, { key, selector: screen.selector, text: screen.text ? { source: screen.text.source, flags: screen.text.flags } : null });
  return key;
}

// Error messages name the page without its access token.
const redacted = (url) => url.replace(/token=[^&#]*/, 'token=…');

const documentId = (page) => page.evaluate(() => window.__firstScreen?.documentId ?? null).catch(() => null);

/**
 * Loads `url` and times its first screen: `inPage` is navigation start → end of the first frame that
 * showed the screen, as the page counts it; `harness` is page.goto → a locator found it. Throws if the
 * screen has not shown within `deadlineMs`.
 */
export async function loadFirstScreen(page, url, screen, { deadlineMs = DEADLINE_MS } = {}) {
  const key = await watchScreen(page, screen);
  const before = await documentId(page);
  const started = performance.now();
  const left = () => Math.max(1, deadlineMs - (performance.now() - started));
  const missing = (what) =>
    new Error(`First screen never showed: ${describe(screen)} ${what} within ${deadlineMs / 1000} s of loading ${redacted(url)}. Check that the window still renders it, or name what it renders now.`);
  try {
    await page.goto(url, { timeout: deadlineMs });
  } catch (err) {
    throw new Error(`${screen.name}: ${redacted(url)} did not load within ${deadlineMs / 1000} s (${String(err.message).split('\n')[0]}).`);
  }
  const locator = page.locator(screen.selector);
  try {
    await (screen.text ? locator.filter({ hasText: screen.text }) : locator).first().waitFor({ timeout: left() });
  } catch {
    throw missing('was not found by the harness');
  }
  const harness = performance.now() - started;
  if ((await documentId(page)) === before) {
    throw new Error(`${redacted(url)} did not open a new document (only the hash changed?): there is no navigation start to time ${screen.name} from. Give each load its own query, e.g. &t=N.`);
  }
  let inPage;
  try {
    inPage = await (await page.waitForFunction((k) => window.__firstScreen?.shown[k] ?? null, key, { timeout: left() })).jsonValue();
  } catch {
    throw missing('was found by the harness but no frame showing it was recorded by the page');
  }
  return { inPage, harness };
}

/**
 * Waits until the page has had no RPC call outstanding, and none sent or answered, for QUIET_MS.
 * Returns how long it waited (ms). Throws if that has not happened within `timeoutMs`.
 */
export async function waitSettled(page, timeoutMs = DEADLINE_MS) {
  const started = performance.now();
  if (!installed.has(page)) throw new Error('waitSettled: call watchPage(page) before the page is first loaded, so its RPC calls are counted.');
  const probed = await page.evaluate(() => window.__firstScreen !== undefined);
  if (!probed) {
    if (page.url() === 'about:blank') return 0;
    throw new Error(`waitSettled: ${redacted(page.url())} was loaded before watchPage(page): its RPC calls are not counted.`);
  }
  try {
    await page.waitForFunction(
      (quiet) => window.__firstScreen.outstanding() === 0 && performance.now() - window.__firstScreen.lastActivity >= quiet,
      QUIET_MS,
      { timeout: timeoutMs, polling: 50 },
    );
  } catch {
    const methods = await page.evaluate(() => window.__firstScreen.outstandingMethods()).catch(() => []);
    const pending = methods.length ? `${methods.length} call(s) still outstanding: ${methods.join(', ')}` : `calls kept coming (none quiet for ${QUIET_MS} ms)`;
    throw new Error(`The page at ${redacted(page.url())} did not settle within ${timeoutMs / 1000} s: ${pending}. Is the engine answering?`);
  }
  return performance.now() - started;
}
