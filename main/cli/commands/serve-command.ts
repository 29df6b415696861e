import path from 'node:path';
import { createEngine } from '../../engine/engine';
import { defaultConfigFile } from '../../engine/monitors/monitors-area';
import { defaultDataDir } from '../../engine/paths';
import { startHeadlessServer } from '../../server/headless-server';
import { readLastPort, rememberPort } from '../../server/last-port';
import { openBrowser } from '../../server/open-browser';
import { ServeError } from '../../server/serve-error';
import { loadServeToken } from '../../server/serve-token';
import { type CliCommand, type CliIo, EXIT } from '../cli-types';
import { call } from '../engine-call';
import { parseFlags, parsePort } from '../parse-flags';
import { internalErrorLine } from '../internal-error';
import { formatIssue } from '../../engine/lib/config/config-errors';
import { followConfigIssues } from './serve-config-log';

const usage = 'trayage serve [--data-dir DIR] [--port N] [--new-token] [--open] [--config FILE]';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run the engine and the windows in a browser, on 127.0.0.1 only',
  usage,
  async run(args, io) {
    try {
      return await serve(args, io);
    } catch (err) {
      if (!(err instanceof ServeError)) throw err;
      io.err(`trayage serve: ${err.message}`);
      return EXIT.failed;
    }
  },
};

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(
    args,
    {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'new-token': { type: 'boolean' },
      open: { type: 'boolean' },
      config: { type: 'string' },
    },
    usage,
  );
  const port = parsePort(values.port, usage);
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const token = loadServeToken(dataDir, values['new-token'] === true, io.err);
  const engine = createEngine({
    dataDir,
    onInternalError: (method, err) => io.err(internalErrorLine(method, err)),
    // Monitors and alert sources run here; without --config they come from monitors.yaml in the data folder.
    configPath: path.resolve(values.config ?? defaultConfigFile(dataDir)),
  });
  // Only the config's problems are wanted here: one row, no sparklines, however many monitors there are.
  const { config } = await call(engine, 'monitors.list', { sparklines: false, first: 1 });
  for (const issue of config.issues) io.err(formatIssue(issue));
  const stopFollowing = followConfigIssues(engine, io, config.issues);
  const lastPort = port === undefined ? readLastPort(dataDir) : undefined;
  const server = await startHeadlessServer({ engine, token, port, lastPort, rendererDir: path.join(__dirname, 'renderer') }).catch((err) => {
    // The engine's timers would keep the process alive after the error is printed.
    engine.close();
    throw err;
  });
  rememberPort(dataDir, server.port);
  io.out(`Trayage ${engine.info.version} serving ${dataDir}`);
  if (lastPort !== undefined && server.port !== lastPort) {
    io.out(`Port ${lastPort}, used last time, is taken now; serving on ${server.port} instead (tabs still open on ${lastPort} need the new URL).`);
  }
  io.out(`Open ${server.url}`);
  if (values.open) {
    void openBrowser(server.url).then((problem) => {
      if (problem) io.err(`Could not open a browser: ${problem}. Open ${server.url} by hand.`);
    });
  }

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  stopFollowing();
  await server.close();
  engine.close();
  return EXIT.ok;
}
