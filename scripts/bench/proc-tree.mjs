// CPU and memory of a process together with everything it started, from /proc (Linux).
import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

function stat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // Fields from the state on: utime, stime, cutime, cstime are the 12th–15th overall (index 11–14 here).
    return { ppid: Number(f[1]), self: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return null; // it exited between listing and reading
  }
}

function descendants(pid) {
  const byParent = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (!s) continue;
    if (!byParent.has(s.ppid)) byParent.set(s.ppid, []);
    byParent.get(s.ppid).push(Number(name));
  }
  const out = [];
  const queue = [pid];
  while (queue.length) for (const child of byParent.get(queue.shift()) ?? []) out.push(child), queue.push(child);
  return out;
}

/**
 * CPU seconds of the process and all its descendants: its own time, the time of children it has
 * already reaped (cutime/cstime), and the time of those still running (with what they reaped).
 */
export function treeCpu(pid) {
  const root = stat(pid);
  if (!root) throw new Error(`process ${pid} is gone`);
  let live = 0;
  for (const child of descendants(pid)) {
    const s = stat(child);
    if (s) live += s.self + s.children;
  }
  return { self: root.self / TICKS_PER_SECOND, tree: (root.self + root.children + live) / TICKS_PER_SECOND };
}

export function rssMegabytes(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** Samples the RSS every `everyMs` until stopped; returns min and max in MB. */
export function sampleRss(pid, everyMs = 1000) {
  const samples = [rssMegabytes(pid)];
  const timer = setInterval(() => {
    try {
      samples.push(rssMegabytes(pid));
    } catch {
      /* exited: the last samples stand */
    }
  }, everyMs);
  return () => {
    clearInterval(timer);
    return { min: Math.min(...samples), max: Math.max(...samples), samples: samples.length };
  };
}
