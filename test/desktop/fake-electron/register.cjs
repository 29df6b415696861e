// Loaded with `node --require` before the built shell: `require('electron')` then gets the recording
// stand-in instead of the npm package, which only knows where an Electron binary would be.
const Module = require('node:module');
const path = require('node:path');

const standIn = path.join(__dirname, 'electron.cjs');
const resolve = Module._resolveFilename;

Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? standIn : resolve.call(this, request, ...rest);
};
