// Preloaded (`--require`) into the child that utility-process.cjs forks: it gives the child the
// process.parentPort an Electron utility process has, over Node's IPC channel. Messages arrive as
// { data }, and, as with Electron's port, wait until someone listens.
const { EventEmitter } = require('node:events');

const port = new EventEmitter();
const queued = [];

const deliver = (data) => port.emit('message', { data, ports: [] });

process.on('message', (data) => (port.listenerCount('message') > 0 ? deliver(data) : queued.push(data)));
port.on('newListener', (event) => {
  if (event === 'message') process.nextTick(() => queued.splice(0).forEach(deliver));
});
port.postMessage = (message) => process.send(message);

// A utility process does not outlive the app that started it.
process.on('disconnect', () => process.exit(0));

process.parentPort = port;
