// `npm run bench`: every performance figure quoted in README comes from here.
import os from 'node:os';
import { benchEngineStartup } from './bench/engine-startup.mjs';
import { benchHttpClients } from './bench/http-clients.mjs';
import { benchImport } from './bench/import.mjs';
import { benchIncidentLog } from './bench/incident-log.mjs';
import { benchMassOutage } from './bench/mass-outage.mjs';
import { benchMonitors } from './bench/monitors.mjs';
import { benchMonitorsScale } from './bench/monitors-scale.mjs';
import { benchMonitors10k } from './bench/monitors-10k.mjs';
import { benchNotices } from './bench/notices.mjs';
import { benchPageStart } from './bench/page-start.mjs';
import { benchMonitorsOutage } from './bench/monitors-outage.mjs';
import { benchSshDiagnostics } from './bench/ssh-diagnostics.mjs';

const context = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
console.log(`Trayage benchmarks — ${context}\n`);

// Pick suites by name: `npm run bench -- incident-log`.
const suites = [
  ['engine-startup', 'Engine start-up and idle (trayage serve)', () => benchEngineStartup()],
  ['http-clients', 'HTTP clients alone at the monitors\' rate: what a request costs the client, outside the engine', () => benchHttpClients()],
  ['import', 'Runbook import through the worker: a 475 KiB runbook and the 512 KiB worst case', () => benchImport()],
  ['incident-log', 'Incident log: 100,000 timeline entries across 1,000 incidents', () => benchIncidentLog()],
  ['mass-outage', 'Monitors: 2,000 going down at once; what the engine spends and what a window receives', () => benchMassOutage()],
  ['monitors', 'Monitors: 1,000 HTTP monitors every 20 s and 10 s on loopback; 30 days of history', () => benchMonitors()],
  ['monitors-outage', 'Monitors: outage → notice with default settings at a 20 s interval, and checks every 5 s with a 1 s retry; single failed checks', () => benchMonitorsOutage()],
  ['monitors-scale', 'Monitors file of 100,000 monitors: start-up of trayage serve --config until RPC answers', () => benchMonitorsScale()],
  ['monitors-10k', 'Monitors: 10,000 HTTP monitors every 60 s on loopback; the Monitors window with all of them in Chromium', () => benchMonitors10k()],
  ['notices', 'Notices: CPU per delivered notice, with a desktop notification daemon and without one (headless)', () => benchNotices()],
  ['page-start', 'Windows before any data: navigation start → first frame of the log and of the Monitors window, timed in the page (--baseline=OTHER/dist/cli.cjs to compare)', () => benchPageStart()],
  ['ssh-diagnostics', 'SSH diagnostics: 10 hosts at once, 50 MB of output into a window', () => benchSshDiagnostics()],
];
// Options such as `--quick` are read by the suites themselves.
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const [id, name, run] of suites) {
  if (wanted.length && !wanted.includes(id)) continue;
  console.log(name);
  for (const [metric, value] of Object.entries(await run())) console.log(`  ${metric.padEnd(48)} ${value}`);
  console.log();
}
