const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const vm = require('node:vm');
const { invokeHandler } = require('./ipc-main.cjs');

// One loaded page of a window. No renderer runs here, but the window's real preload does, with the
// renderer side of electron it is given in a sandbox; what it exposes lands in mainWorld, where the
// page's scripts would find it.
function loadPage(webContents, url, preload) {
  const listeners = new EventEmitter();
  const mainWorld = {};
  const ipcRenderer = {
    invoke: (channel, ...args) => invokeHandler(channel, { sender: webContents, senderFrame: { url } }, args),
    on(channel, listener) {
      listeners.on(channel, listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.removeListener(channel, listener);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld: (key, api) => {
      mainWorld[key] = api;
    },
  };
  if (preload) runSandboxedPreload(preload, { contextBridge, ipcRenderer });
  return {
    url,
    mainWorld,
    deliver: (channel, args) => listeners.emit(channel, { sender: ipcRenderer }, ...structuredClone(args)),
  };
}

// A sandboxed preload can require only a few modules; of those the stand-in offers electron alone,
// so a preload that is not a self-contained bundle fails here as it would in Electron.
function runSandboxedPreload(file, electron) {
  const run = vm.compileFunction(fs.readFileSync(file, 'utf8'), ['require', 'module', 'exports'], { filename: file });
  const module = { exports: {} };
  const sandboxedRequire = (name) => {
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require '${name}'`);
  };
  run(sandboxedRequire, module, module.exports);
}

module.exports = { loadPage };
