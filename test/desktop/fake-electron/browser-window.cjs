const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
const { app } = require('./app.cjs');
const { onCommand, record } = require('./recorder.cjs');
const { loadPage } = require('./renderer-page.cjs');

const windows = [];

class WebContents extends EventEmitter {
  page = null;
  openHandler = null;

  send(channel, ...args) {
    this.page?.deliver(channel, args);
  }

  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows];
  }

  constructor(options = {}) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    windows.push(this);
    record('window.new', { options });
    app.emit('web-contents-created', {}, this.webContents);
  }

  // Each load is a fresh page that runs the preload again; 'ready-to-show' follows the first one.
  async loadFile(file, { hash } = {}) {
    const url = pathToFileURL(file);
    if (hash) url.hash = hash;
    record('window.loadFile', { url: url.href });
    if (!fs.existsSync(file)) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url.href}'`);
    const first = this.webContents.page === null;
    this.webContents.page = loadPage(this.webContents, url.href, this.options.webPreferences?.preload);
    if (first) this.emit('ready-to-show');
  }

  show() {
    record('window.show');
  }

  focus() {}

  isDestroyed() {
    return false;
  }
}

// The page's scripts stand-in: they use what the preload exposed on the newest window, as the renderer would.
function exposed(key) {
  const api = windows.at(-1)?.webContents.page?.mainWorld[key];
  if (!api) throw new Error(`no window page exposes '${key}'`);
  return api;
}

// A link with target=_blank or a window.open on the newest window's page: what the shell's handler answers.
onCommand('window-open', ({ url }) => {
  const contents = windows.at(-1)?.webContents;
  if (!contents?.openHandler) throw new Error('no window has a window-open handler');
  const { action } = contents.openHandler({ url, frameName: '', features: '', disposition: 'foreground-tab' });
  record('window.open', { url, action });
});

// A link followed in the newest window's page: whether the shell let the navigation happen.
onCommand('navigate', ({ url }) => {
  const contents = windows.at(-1)?.webContents;
  if (!contents) throw new Error('no window to navigate');
  let prevented = false;
  contents.emit('will-navigate', { url, preventDefault: () => (prevented = true) }, url);
  record('window.willNavigate', { url, prevented });
});

onCommand('bridge-invoke', async ({ key, id, request }) => {
  record('bridge.reply', { id, reply: await exposed(key).invoke(request) });
});

onCommand('bridge-subscribe', ({ key }) => {
  exposed(key).subscribe((event) => record('bridge.event', { event }));
});

module.exports = { BrowserWindow };
