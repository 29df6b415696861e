// Starts monitors-server.mjs in its own process and talks to it over IPC.
import { fork } from 'node:child_process';
import path from 'node:path';

export async function startEndpoints() {
  const child = fork(path.join(import.meta.dirname, 'monitors-server.mjs'), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  const ask = (question, key) =>
    new Promise((resolve) => {
      const listen = (message) => {
        if (message?.[key] === undefined) return;
        child.off('message', listen);
        resolve(message[key]);
      };
      child.on('message', listen);
      child.send(question);
    });
  return {
    port,
    setFailing: (count) => child.send({ failing: count }),
    switchDown: (n) => child.send({ down: n }),
    blip: (n) => child.send({ blip: n }),
    /** Requests answered so far. */
    count: () => ask({ count: true }, 'count'),
    /** Requests answered in each whole second between two Date.now() times. */
    perSecond: (fromMs, toMs) => ask({ perSecond: [fromMs, toMs] }, 'perSecond'),
    /** Outages ({ switchedAt, firstFailureAt } by N) and blips ({ armedAt, failedAt } by N). */
    report: async () => {
      const { down, blips } = await ask({ report: true }, 'report');
      return { down: new Map(down), blips: new Map(blips) };
    },
    stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))),
  };
}
