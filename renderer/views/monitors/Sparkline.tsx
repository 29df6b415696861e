const WIDTH = 120;
const HEIGHT = 24;

/** Latency per minute as an inline SVG line; minutes with failures are marked in red below it. */
export function Sparkline({ values, failures, label }: { values: (number | null)[]; failures: number[]; label: string }) {
  const known = values.filter((v): v is number => v !== null);
  const max = Math.max(1, ...known);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : WIDTH;
  const y = (v: number) => HEIGHT - 4 - (v / max) * (HEIGHT - 6);
  // Gaps (minutes without a result) break the line instead of being drawn as zero.
  const segments: string[] = [];
  let current = '';
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${(i * step).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const summary = known.length === 0 ? 'no results yet' : `latest ${known[known.length - 1]} ms, highest ${Math.max(...known)} ms`;
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${label}: ${summary}`}>
      {segments.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ))}
      {failures.map((i) => (
        <rect key={`f${i}`} className="spark-failure" x={Math.max(0, i * step - 1.5)} y={HEIGHT - 3} width="3" height="3" />
      ))}
    </svg>
  );
}
