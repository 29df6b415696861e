// The health endpoints for the monitors benchmarks, in a process of its own so their CPU is not the engine's.
// It counts every request it answers: checks are counted where they arrive, not where they are scheduled.
//   /m/N      always healthy
//   /flip/N   503 while N is below the count the parent sets ({ failing: count })
//   /out/N    healthy until switched down ({ down: N }, answered with the switch time), then 503
//   /blip/N   fails exactly the next request after { blip: N }, then healthy again
// { count: true } is answered with the number of requests so far; { perSecond: [fromMs, toMs] } with the
// count of each whole second between; { report: true } with the outage and blip record.
import http from 'node:http';

let failing = 0;
let requests = 0;
// Requests per second (epoch seconds), the last 10 minutes: how evenly checks arrive.
const perSecond = new Map();
const down = new Map(); // N → { switchedAt, firstFailureAt }
const blips = new Map(); // N → { armedAt, failedAt }
const body = JSON.stringify({ status: 'ok' });

function failed(url) {
  const slash = url.indexOf('/', 1);
  const kind = url.slice(1, slash);
  const n = Number(url.slice(slash + 1));
  if (kind === 'flip') return n < failing;
  if (kind === 'out') {
    const outage = down.get(n);
    if (!outage) return false;
    outage.firstFailureAt ??= Date.now();
    return true;
  }
  if (kind === 'blip') {
    const blip = blips.get(n);
    if (!blip || blip.failedAt !== null) return false;
    blip.failedAt = Date.now();
    return true;
  }
  return false;
}

const server = http.createServer((req, res) => {
  requests++;
  const second = Math.floor(Date.now() / 1000);
  perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  if (perSecond.size > 600) perSecond.delete(perSecond.keys().next().value);
  const bad = failed(req.url);
  res.writeHead(bad ? 503 : 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (message) => {
  if (typeof message?.failing === 'number') failing = message.failing;
  if (typeof message?.down === 'number') {
    const at = Date.now();
    down.set(message.down, { switchedAt: at, firstFailureAt: null });
  }
  if (typeof message?.blip === 'number') blips.set(message.blip, { armedAt: Date.now(), failedAt: null });
  if (message?.count) process.send({ count: requests });
  if (Array.isArray(message?.perSecond)) {
    const [from, to] = message.perSecond;
    const counts = [];
    for (let second = Math.ceil(from / 1000); second < Math.floor(to / 1000); second++) counts.push(perSecond.get(second) ?? 0);
    process.send({ perSecond: counts });
  }
  if (message?.report) process.send({ report: { down: [...down], blips: [...blips] } });
});
process.on('disconnect', () => process.exit(0));
