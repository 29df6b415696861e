import { formatDateTime } from '../../../main/shared/time-format';
import type { HistoryPoint } from '../../../preload/contract';
import { formatMs, formatUptime } from './status-text';
import { TimeChart } from './TimeChart';

interface Props {
  points: HistoryPoint[];
  bucketMs: number;
  from: number;
  now: number;
}

/** Latency and the share of good checks per bucket, on one time axis each; every bar has its numbers as a tooltip. */
export function HistoryChart({ points, bucketMs, from, now }: Props) {
  if (points.length === 0) return <p className="empty">No results in this window yet.</p>;
  const per = bucketMs >= 86_400_000 ? 'day' : bucketMs >= 3_600_000 ? 'hour' : 'minute';
  const title = (p: HistoryPoint) => {
    const uptime = p.count > 0 ? (p.count - p.failures) / p.count : null;
    return `${formatDateTime(p.start)}: ${p.count} checks, ${p.failures} failed (${formatUptime(uptime)} ok), avg ${formatMs(p.avgMs)}, p95 ${formatMs(p.p95Ms)}`;
  };
  return (
    <>
      <TimeChart
        label={`Average latency per ${per}, in milliseconds`}
        unit="ms"
        from={from}
        to={now}
        bucketMs={bucketMs}
        bars={points.map((p) => ({ start: p.start, value: p.avgMs, failed: p.failures > 0, title: title(p) }))}
      />
      <TimeChart
        label={`Checks that passed per ${per}, in percent`}
        unit="%"
        from={from}
        to={now}
        bucketMs={bucketMs}
        bars={points.map((p) => ({ start: p.start, value: p.count > 0 ? ((p.count - p.failures) / p.count) * 100 : null, failed: p.failures > 0, title: title(p) }))}
      />
    </>
  );
}
