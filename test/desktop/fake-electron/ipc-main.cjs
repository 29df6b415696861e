const { onCommand, record } = require('./recorder.cjs');

const handlers = new Map();

const ipcMain = {
  handle(channel, handler) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
    record('ipcMain.handle', { channel });
  },
};

// What a renderer's ipcRenderer.invoke reaches. Arguments and result cross a process boundary in
// Electron, so they are structured clones here too.
async function invokeHandler(channel, event, args) {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  return structuredClone(await handler(event, ...structuredClone(args)));
}

// A call from a frame at any URL, e.g. a page that is not the app's, which the shell must refuse; or,
// with `frameless`, a call whose frame is gone, for which Electron gives no senderFrame.
onCommand('ipc-invoke', async ({ channel, senderUrl, frameless, args }) => {
  const event = { senderFrame: frameless ? null : { url: senderUrl } };
  record('ipc.reply', { channel, reply: await invokeHandler(channel, event, args) });
});

module.exports = { invokeHandler, ipcMain };
