// A recording stand-in for the parts of Electron's main-process API that main/desktop/ uses, so the
// built shell runs under plain Node in test/desktop/shell-wiring.test.ts. The engine host it forks is
// real; the windows, tray and keychain are not. It proves the shell's wiring, not Electron.
const { app } = require('./app.cjs');
const { BrowserWindow } = require('./browser-window.cjs');
const { ipcMain } = require('./ipc-main.cjs');
const { record } = require('./recorder.cjs');
const { session } = require('./session.cjs');
const { Menu, nativeImage, Tray } = require('./tray.cjs');
const { utilityProcess } = require('./utility-process.cjs');

class Notification {
  constructor({ title, body }) {
    this.title = title;
    this.body = body;
  }

  show() {
    record('notification.show', { title: this.title, body: this.body });
  }
}

const dialog = {
  showErrorBox: (title, content) => record('dialog.showErrorBox', { title, content }),
};

// Opens nothing: the record is what the test checks.
const shell = {
  openExternal(url) {
    record('shell.openExternal', { url });
    return Promise.resolve();
  },
};

// Not encryption: a reversible wrapping, so the key the shell seals can be read back on the next run
// as with the OS keychain, and anything else is refused as the keychain would refuse it.
const SEALED = 'stand-in-keychain:';
const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(SEALED + text),
  decryptString(sealed) {
    const text = sealed.toString();
    if (!text.startsWith(SEALED)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice(SEALED.length);
  },
};

module.exports = { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, safeStorage, session, shell, Tray, utilityProcess };
