import { parseArgs } from 'node:util';
import { isLoopbackHost, startIntakeListener } from '../../server/intake-route';
import { StoreError } from '../db/store-error';
import { createEngine, type Engine } from '../engine';
import { defaultConfigFile } from '../monitors/monitors-area';
import { defaultDataDir } from '../paths';
import { type FromEngine, ToEngine } from './host-protocol';

// Electron's utilityProcess adds process.parentPort; declared here so the engine never imports electron.
interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: FromEngine): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  process.stderr.write('engine-host must run inside the desktop shell; use `trayage serve` for headless mode.\n');
  process.exit(2);
}

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: true });
const dataDir = values['data-dir'] ?? defaultDataDir();

let engine: Engine | null = null;
let intakeListener: { close(): Promise<void> } | null = null;

// The shell sends 'start' first; calls before it are answered as unavailable by the shell itself.
parentPort.on('message', async ({ data }) => {
  const message = ToEngine.safeParse(data);
  if (!message.success) return;
  const m = message.data;
  if (m.type === 'start') {
    if (!engine) start(m.secretKey);
  } else if (m.type === 'shutdown') {
    void intakeListener?.close();
    engine?.close();
    process.exit(0);
  } else if (engine) {
    parentPort.postMessage({ type: 'reply', seq: m.seq, text: JSON.stringify(await engine.dispatchText(m.text)) });
  }
});

function start(secretKey: string | null): void {
  try {
    engine = createEngine({
      dataDir,
      // The desktop app reads monitors and alert sources from monitors.yaml in its data folder.
      configPath: defaultConfigFile(dataDir),
      secretKey: secretKey ? Buffer.from(secretKey, 'base64') : undefined,
      onInternalError: (where, err) => process.stderr.write(`internal error in ${where}: ${(err as Error)?.stack ?? err}\n`),
    });
    engine.onEvent((event) => parentPort!.postMessage({ type: 'event', text: JSON.stringify(event) }));
    parentPort!.postMessage({ type: 'ready', dataDir, version: engine.info.version });
    listenForIntake(engine);
  } catch (err) {
    // A refused database is not a crash to restart from: the shell shows the message and stops retrying.
    parentPort!.postMessage({ type: 'fatal', message: err instanceof StoreError ? err.message : String((err as Error)?.stack ?? err) });
    process.exit(3);
  }
}

// Alerting tools post incidents to the app as they do to `serve`: on loopback unless Settings name another address.
function listenForIntake(running: Engine): void {
  const { host, port } = running.intake.listener();
  if (!isLoopbackHost(host)) {
    process.stderr.write(`warning: the incident intake listens on ${host}:${port}, reachable from other machines; each request still needs an integration's token.\n`);
  }
  startIntakeListener(running.intake, host, port).then(
    (listening) => {
      intakeListener = listening;
    },
    (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'the port is in use' : err.message;
      process.stderr.write(`The incident intake is not listening on ${host}:${port} (${why}); pick another port under Settings → Integrations and restart the app.\n`);
    },
  );
}
