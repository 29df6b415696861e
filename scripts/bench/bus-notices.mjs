// Reading the Notify calls a benchmark's desktop session saw: a notice alone ("o012 is down …") or a
// summary of several ("37 notices about monitors", the first few titles one per line in its body).
const SUMMARY = /^(\d+) notices( about [a-z ]+)?$/;

/** Per name the first call that named it, alone or listed in a summary: Map name → { at, how }. */
export function namedOnBus(calls, titlePattern) {
  const named = new Map();
  const note = (title, at, how) => {
    const name = titlePattern.exec(title)?.[1];
    if (name && !named.has(name)) named.set(name, { at, how });
  };
  for (const call of calls) {
    if (SUMMARY.test(call.summary)) for (const line of call.body.split('\n')) note(line, call.at, 'summary');
    else note(call.summary, call.at, 'alone');
  }
  return named;
}

/** Calls alone, summaries, and how many notices the summaries stand for. */
export function busCounts(calls) {
  const summaries = calls.filter((call) => SUMMARY.test(call.summary));
  return {
    alone: calls.length - summaries.length,
    summaries: summaries.length,
    summarized: summaries.reduce((sum, call) => sum + Number(SUMMARY.exec(call.summary)[1]), 0),
  };
}
