// `npm run bench`: every performance figure quoted in README comes from here.
import os from 'node:os';
import { benchEngineStartup } from './bench/engine-startup.mjs';

const context = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
console.log(`Trayage benchmarks — ${context}\n`);

const suites = [['Engine start-up and idle (trayage serve)', () => benchEngineStartup()]];
for (const [name, run] of suites) {
  console.log(name);
  for (const [metric, value] of Object.entries(await run())) console.log(`  ${metric.padEnd(48)} ${value}`);
  console.log();
}
