import { spawn } from 'node:child_process';
import path from 'node:path';
import { createEngine } from '../../engine/engine';
import { defaultConfigFile } from '../../engine/monitors/monitors-area';
import { defaultDataDir } from '../../engine/paths';
import { startHeadlessServer } from '../../server/headless-server';
import type { CliCommand } from '../cli-types';
import { call } from '../engine-call';
import { parseFlags, parsePort } from '../parse-flags';

const usage = 'trayage serve [--data-dir DIR] [--port N] [--open] [--config FILE]';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Run the engine and the windows in a browser, on 127.0.0.1 only',
  usage,
  async run(args, io) {
    const { values } = parseFlags(
      args,
      { 'data-dir': { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean' }, config: { type: 'string' } },
      usage,
    );
    const port = parsePort(values.port, usage);
    const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
    const engine = createEngine({
      dataDir,
      onInternalError: (method, err) => io.err(`internal error in ${method}: ${(err as Error)?.stack ?? err}`),
      // Monitors and alert sources run here; without --config they come from monitors.yaml in the data folder.
      configPath: path.resolve(values.config ?? defaultConfigFile(dataDir)),
    });
    const { config } = await call(engine, 'monitors.list');
    for (const issue of config.issues) io.err(`${issue.file}:${issue.line}:${issue.column}: ${issue.monitor ? `monitor '${issue.monitor}': ` : ''}${issue.message}`);
    const server = await startHeadlessServer({ engine, port, rendererDir: path.join(__dirname, 'renderer') });
    io.out(`Trayage ${engine.info.version} serving ${dataDir}`);
    io.out(`Open ${server.url}`);
    if (values.open) openBrowser(server.url);

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    engine.close();
    return 0;
  },
};

function openBrowser(url: string): void {
  const [command, ...args] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '', url] : ['xdg-open', url];
  spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
}
