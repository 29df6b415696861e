import path from 'node:path';
import { createEngine, type Engine } from '../engine/engine';
import { defaultDataDir } from '../engine/paths';

// The CLI opens the same database as the app; the app notices the change within a second.
export async function withEngine<T>(dataDir: string | undefined, work: (engine: Engine) => Promise<T>): Promise<T> {
  // Short commands do their work and leave: no monitors, sources, timers or notice delivery.
  const engine = createEngine({
    dataDir: path.resolve(dataDir ?? defaultDataDir()),
    background: false,
    // A fault in Trayage itself, not in what was typed: one line to report, not a stack trace to read.
    onInternalError: (where, err) => process.stderr.write(`trayage: internal error in ${where}: ${(err as Error)?.message ?? err} (please report it with the command you ran)\n`),
  });
  try {
    return await work(engine);
  } finally {
    engine.close();
  }
}
