const childProcess = require('node:child_process');
const { EventEmitter } = require('node:events');
const path = require('node:path');
const { record } = require('./recorder.cjs');

const PARENT_PORT = path.join(__dirname, 'parent-port.cjs');

// Really forks the module with Node where Electron would start a utility process. The child gets
// process.parentPort from parent-port.cjs, and messages travel as structured clones, as over Electron's port.
function fork(modulePath, args = [], options = {}) {
  const stdio = options.stdio ?? 'inherit';
  if (stdio !== 'inherit' && stdio !== 'ignore') throw new Error(`the stand-in forks with stdio 'inherit' or 'ignore', not ${JSON.stringify(stdio)}`);
  const child = childProcess.fork(modulePath, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    execArgv: ['--require', PARENT_PORT, ...(options.execArgv ?? [])],
    stdio: ['ignore', stdio, stdio, 'ipc'],
    serialization: 'advanced',
  });
  const { pid } = child;
  const utility = new EventEmitter();
  utility.postMessage = (message) => {
    record('utility.postMessage', { pid, message });
    child.send(message);
  };
  child.on('message', (message) => {
    record('utility.message', { pid, message });
    utility.emit('message', message);
  });
  // Electron drops a message to a process that has just gone; Node reports it as an error event,
  // which unhandled would crash the shell.
  child.on('error', (err) => record('utility.error', { pid, message: err.message }));
  // Node gives no code when a signal ended the child, where Electron gives waitpid's; the restart
  // policy treats both as a crash.
  child.on('exit', (code, signal) => {
    record('utility.exit', { pid, code, signal });
    utility.emit('exit', code);
  });
  record('utility.fork', { pid, modulePath, args, serviceName: options.serviceName });
  return utility;
}

module.exports = { utilityProcess: { fork } };
