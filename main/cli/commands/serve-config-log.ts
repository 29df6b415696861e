import type { ConfigIssue } from '../../../preload/contract';
import type { Engine } from '../../engine/engine';
import { formatIssue } from '../../engine/lib/config/config-errors';
import type { CliIo } from '../cli-types';
import { call } from '../engine-call';

const keyOf = (issues: readonly ConfigIssue[]) => issues.map(formatIssue).join('\n');

/**
 * Says on the terminal when an edit of the monitors file breaks it (and that the last good
 * monitors keep running) and when it loads again: a headless engine has no tray to show it.
 */
export function followConfigIssues(engine: Engine, io: CliIo, shown: readonly ConfigIssue[]): () => void {
  let last = keyOf(shown);
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const { config } = await call(engine, 'monitors.list', { sparklines: false, first: 1 });
      const key = keyOf(config.issues);
      if (key === last) return;
      last = key;
      if (config.issues.length === 0) io.out(`${config.path}: loaded, ${config.monitors} monitor${config.monitors === 1 ? '' : 's'}.`);
      else {
        io.err(`${config.path} does not load; the monitors it last loaded keep running:`);
        for (const issue of config.issues) io.err(`  ${formatIssue(issue)}`);
      }
    } catch {
      // The engine is closing; nothing left to report.
    } finally {
      checking = false;
    }
  };
  return engine.onEvent((event) => {
    if (event.event === 'monitors.changed' && (event.payload as { statusChanged?: boolean } | undefined)?.statusChanged) void check();
  });
}
