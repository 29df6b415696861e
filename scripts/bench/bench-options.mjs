// Options of the monitor suites: `--window=SECONDS` (default 120), `--quick`, a smoke run whose figures
// are not for README, and `--skip-outage`, the monitors suite without its outage part (to compare CPU).
export function benchOptions(argv = process.argv.slice(2)) {
  const quick = argv.includes('--quick');
  const given = argv.find((a) => a.startsWith('--window='));
  const window = given ? Number(given.slice('--window='.length)) : quick ? 20 : 120;
  if (!(window > 0)) throw new Error(`${given}: --window= takes a number of seconds, such as --window=180`);
  return { quick, window, warmup: quick ? 10 : 30, skipOutage: argv.includes('--skip-outage') };
}
