const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const path = require('node:path');
const { record } = require('./recorder.cjs');

const userData = process.env.FAKE_ELECTRON_USER_DATA;
if (!userData) throw new Error('FAKE_ELECTRON_USER_DATA must name the folder app.getPath("userData") returns.');

const app = new EventEmitter();
let ready = null;
let quitting = false;

app.isPackaged = false;

app.getPath = (name) => {
  if (name !== 'userData') throw new Error(`the stand-in knows only app.getPath('userData'), not '${name}'`);
  return userData;
};

// As in Electron, the lock is a file in the user data folder, so a second run on the same folder is
// refused for as long as the first one is running.
app.requestSingleInstanceLock = () => {
  const held = takeLock(path.join(userData, 'SingletonLock'));
  record('app.requestSingleInstanceLock', { result: held });
  return held;
};

// Electron becomes ready only after the entry script's first run; a macrotask later stands in for that.
app.whenReady = () =>
  (ready ??= new Promise((resolve) =>
    setImmediate(() => {
      record('app.ready');
      resolve();
    }),
  ));

// The process ends only once the test has every record, including the last one.
app.quit = () => {
  record('app.quit');
  if (quitting) return;
  quitting = true;
  app.emit('before-quit');
  record('app.exit', { code: 0 }, () => process.exit(0));
};

function takeLock(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if (err.code === 'EEXIST') return false;
    throw err;
  }
  process.on('exit', () => fs.rmSync(file, { force: true }));
  return true;
}

module.exports = { app };
