import { formatClockTime, formatDayMonth, formatZone } from '../../../main/shared/time-format';

const WIDTH = 720;
const HEIGHT = 150;
const LEFT = 52;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 34;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Bar {
  start: number;
  value: number | null;
  // Drawn in the failure colour: a bucket with failed checks.
  failed: boolean;
  title: string;
}

interface Props {
  label: string;
  unit: 'ms' | '%';
  from: number;
  to: number;
  bucketMs: number;
  bars: Bar[];
}

// 1, 2 or 5 times a power of ten, at least `value`: axis ends a person can read at a glance.
function niceCeil(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return [1, 2, 5, 10].map((m) => m * power).find((n) => n >= value) ?? 10 * power;
}

// Ticks on whole local hours or days, so the labels read 06:00, 12:00 or 3 Dec rather than odd minutes.
function timeTicks(from: number, to: number): { at: number; label: string }[] {
  const span = to - from;
  const step = span <= DAY + HOUR ? 4 * HOUR : span <= 8 * DAY ? DAY : span <= 31 * DAY ? 5 * DAY : 15 * DAY;
  const first = new Date(from);
  if (step < DAY) first.setHours(Math.ceil((first.getHours() + 1) / 4) * 4, 0, 0, 0);
  else first.setHours(24, 0, 0, 0);
  const ticks: { at: number; label: string }[] = [];
  for (let at = first.getTime(); at < to; at += step) ticks.push({ at, label: step < DAY ? formatClockTime(at) : formatDayMonth(at) });
  return ticks;
}

/** Bars per time bucket, with a value axis in `unit` and a time axis in the viewer's zone. */
export function TimeChart({ label, unit, from, to, bucketMs, bars }: Props) {
  const max = unit === '%' ? 100 : niceCeil(Math.max(1, ...bars.map((b) => b.value ?? 0)));
  const x = (t: number) => LEFT + ((t - from) / (to - from)) * PLOT_W;
  const y = (v: number) => TOP + PLOT_H - (v / max) * PLOT_H;
  const barWidth = Math.max(1, (bucketMs / (to - from)) * PLOT_W - 1);
  const valueTicks = [0, max / 2, max];
  return (
    <figure className="time-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <title>{label}</title>
        {valueTicks.map((v) => (
          <g key={v} className="tick">
            <line className="grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end">
              {v} {unit}
            </text>
          </g>
        ))}
        {bars.map((b) =>
          b.value === null ? null : (
            <rect key={b.start} className={b.failed ? 'bar failed' : 'bar'} x={x(b.start)} y={y(b.value)} width={barWidth} height={Math.max(1, TOP + PLOT_H - y(b.value))}>
              <title>{b.title}</title>
            </rect>
          ),
        )}
        <line className="axis" x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + PLOT_H} y2={TOP + PLOT_H} />
        <line className="axis" x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + PLOT_H} />
        {timeTicks(from, to).map((t) => (
          <g key={t.at} className="tick">
            <line className="axis" x1={x(t.at)} x2={x(t.at)} y1={TOP + PLOT_H} y2={TOP + PLOT_H + 4} />
            <text x={x(t.at)} y={TOP + PLOT_H + 16} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        <text className="axis-title" x={LEFT + PLOT_W / 2} y={HEIGHT - 2} textAnchor="middle">
          Time ({formatZone(to)})
        </text>
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
