import { ConfigError } from '../../engine/lib/config/config-errors';
import { loadMonitorConfig } from '../../engine/monitors/config-loader';
import { SourcePoller } from '../../engine/alerts/source-poller';
import type { CliCommand } from '../cli-types';
import { UsageError } from '../cli-types';
import { parseFlags } from '../parse-flags';

const usage = 'trayage alerts --config FILE [--json]';

export const alertsCommand: CliCommand = {
  name: 'alerts',
  summary: 'List the current alerts of every configured source (Alertmanager, GitHub Actions)',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, { config: { type: 'string' }, json: { type: 'boolean' } }, usage);
    if (!values.config) throw new UsageError('--config is required.', usage);
    let sources;
    try {
      sources = loadMonitorConfig(values.config).sources;
    } catch (err) {
      if (err instanceof ConfigError) {
        io.err(err.message);
        return 2;
      }
      throw err;
    }
    const statuses = await Promise.all(sources.map((def) => new SourcePoller(def, () => {}).pollOnce()));
    for (const status of statuses.filter((s) => !s.ok)) io.err(`source unavailable — ${status.error}`);
    const alerts = statuses.flatMap((s) =>
      s.alerts.map((a) => ({ source: a.source, name: a.name, state: a.state, severity: a.severity, labels: a.labels, annotations: a.annotations, startsAt: a.startsAt, silencedBy: a.silencedBy })),
    );
    if (values.json) {
      io.out(JSON.stringify(alerts, null, 2));
    } else if (alerts.length === 0) {
      io.out(sources.length === 0 ? 'No sources configured.' : 'No alerts.');
    } else {
      for (const a of alerts) io.out(`${a.state.padEnd(9)} ${(a.severity ?? '-').padEnd(4)} ${a.source}  ${a.name}  ${a.annotations.summary ?? ''}`.trimEnd());
    }
    return 0;
  },
};
