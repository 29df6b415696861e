// The health endpoints for the monitors benchmark, in a process of its own so their CPU is not the engine's.
// /flip/N answers 503 while N is below the count the parent sets (IPC message { failing: count }).
import http from 'node:http';

let failing = 0;
const body = JSON.stringify({ status: 'ok' });
const server = http.createServer((req, res) => {
  const down = req.url.startsWith('/flip/') && Number(req.url.slice(6)) < failing;
  res.writeHead(down ? 503 : 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (message) => {
  if (typeof message?.failing === 'number') failing = message.failing;
});
process.on('disconnect', () => process.exit(0));
