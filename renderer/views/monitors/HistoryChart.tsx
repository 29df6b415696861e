import type { HistoryPoint } from '../../../preload/contract';
import { formatClock } from '../../format';
import { formatMs, formatUptime } from './status-text';

const WIDTH = 640;
const HEIGHT = 120;

/** Average latency per bucket as bars, failures as red marks under them; each bar has a tooltip. */
export function HistoryChart({ points, bucketMs, from, now }: { points: HistoryPoint[]; bucketMs: number; from: number; now: number }) {
  if (points.length === 0) return <p className="empty">No results in this window yet.</p>;
  const first = from;
  const slots = Math.max(1, Math.floor((now - from) / bucketMs) + 1);
  const slot = WIDTH / slots;
  const max = Math.max(1, ...points.map((p) => p.avgMs ?? 0));
  return (
    <svg className="history-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + 8}`} role="img" aria-label={`Latency and failures per ${bucketMs >= 86_400_000 ? 'day' : 'hour'}`}>
      {points.map((p) => {
        const x = ((p.start - first) / bucketMs) * slot;
        const h = p.avgMs === null ? 0 : Math.max(1, (p.avgMs / max) * (HEIGHT - 4));
        const uptime = p.count > 0 ? (p.count - p.failures) / p.count : null;
        return (
          <g key={p.start}>
            <title>{`${formatClock(p.start)}: ${p.count} checks, ${p.failures} failed (${formatUptime(uptime)}), avg ${formatMs(p.avgMs)}, p95 ${formatMs(p.p95Ms)}`}</title>
            <rect className="bar" x={x + 0.5} y={HEIGHT - h} width={Math.max(1, slot - 1)} height={h} />
            {p.failures > 0 && <rect className="spark-failure" x={x + 0.5} y={HEIGHT + 2} width={Math.max(1, slot - 1)} height="5" />}
          </g>
        );
      })}
    </svg>
  );
}
