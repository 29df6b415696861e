import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, useEffect, useMemo, useRef, useState } from 'react';
import type { MonitorSummary } from '../../../preload/contract';
import { formatAgo, formatDuration, plural } from '../../../main/shared/time-format';
import { useMonitorSparklines, useMonitorsOverview } from '../../store/monitor-queries';
import { useDebounced } from '../../use-debounced';
import { navigate } from '../../use-hash-route';
import { useNow } from '../../use-now';
import { QueryStatus } from '../QueryStatus';
import { ConfigPanel } from './ConfigPanel';
import { MonitorForm } from './MonitorForm';
import { MonitorSettings } from './MonitorSettings';
import { SnoozeMenu } from './SnoozeMenu';
import { Sparkline } from './Sparkline';
import { STATUS_LABEL, STATUS_ORDER, formatUptime } from './status-text';
import './monitors.css';

// The engine lists monitors by name; a stable sort by status keeps that order within each status.
function byUrgency(monitors: readonly MonitorSummary[]): MonitorSummary[] {
  return [...monitors].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

const ROW_HEIGHT = 49;

interface Spark {
  sparkline: (number | null)[];
  sparklineFailures: number[];
}

const NO_SPARK: Spark = { sparkline: [], sparklineFailures: [] };

interface RowProps {
  monitor: MonitorSummary;
  spark: Spark;
  index: number;
  now: number;
  onKey: (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: number) => void;
  measure: (element: HTMLElement | null) => void;
}

// Rows already on screen keep their elements while the list scrolls: only rows coming into view render.
const MonitorRow = memo(function MonitorRow({ monitor: m, spark, index, now, onKey, measure }: RowProps) {
  return (
    <tr
      ref={measure}
      data-index={index}
      // Row 1 is the header; screen readers learn where a row stands among all of them.
      aria-rowindex={index + 2}
      tabIndex={0}
      aria-label={`${m.name} ${STATUS_LABEL[m.status]}`}
      className={`status-row-${m.status}`}
      onClick={() => navigate({ view: 'monitor', id: m.id })}
      onKeyDown={(e) => onKey(e, index, m.id)}
    >
      <td>
        <span className={`monitor-status status-${m.status}`}>{STATUS_LABEL[m.status]}</span>
        {m.flapping && <span className="muted small"> flapping</span>}
      </td>
      <td>
        <div>
          {m.name} {m.source === 'file' && <span className="tag" title="Defined in the monitors file; edit it there">file</span>}
        </div>
        <div className="muted small">{m.target}</div>
      </td>
      <td>{m.lastCheckAt ? formatAgo(m.lastCheckAt, now) : '—'}</td>
      <td>{formatUptime(m.uptime24h)}</td>
      <td>
        <Sparkline values={spark.sparkline} failures={spark.sparklineFailures} label={`Latency of ${m.name}`} />
      </td>
      <td className="last-error">{m.problem ?? (m.status === 'up' ? '' : (m.lastError ?? ''))}</td>
    </tr>
  );
});

/**
 * Thousands of monitors: only the rows in view (and a few around them) are in the DOM, between two
 * spacer rows that keep the table's height, so columns stay those of one table. The keyboard moves
 * through every monitor, scrolling the next one into view before focusing it.
 */
function MonitorTable({ monitors, total, now }: { monitors: readonly MonitorSummary[]; total: number; now: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  // End pressed while only the first screen's rows have arrived: the last monitor is focused once they all have.
  const pendingEnd = useRef(false);
  const virtualizer = useVirtualizer({
    count: monitors.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => monitors[index].id,
  });
  const items = virtualizer.getVirtualItems();
  // Sparklines of the rows in view, asked for once scrolling pauses.
  const visibleIds = useDebounced(items.map((item) => monitors[item.index].id).join(','), 100);
  const ids = useMemo(() => (visibleIds ? visibleIds.split(',').map(Number) : []), [visibleIds]);
  const sparkQuery = useMonitorSparklines(ids);
  const sparks = useMemo(() => new Map((sparkQuery.data ?? []).map((s) => [s.id, s])), [sparkQuery.data]);
  const latest = useRef({ virtualizer, count: monitors.length, total });
  latest.current = { virtualizer, count: monitors.length, total };

  const focusRow = (index: number): boolean => {
    const row = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    row?.focus();
    return row !== null && row !== undefined;
  };

  // A row scrolled into view by the keyboard is focused once it has been rendered.
  useEffect(() => {
    if (pendingEnd.current && monitors.length >= total) {
      pendingEnd.current = false;
      pendingFocus.current = monitors.length - 1;
      virtualizer.scrollToIndex(monitors.length - 1, { align: 'auto' });
    }
    if (pendingFocus.current !== null && focusRow(pendingFocus.current)) pendingFocus.current = null;
  });

  // Stable across renders, so memoised rows do not re-render for a new handler.
  const onKey = useRef((event: KeyboardEvent<HTMLTableRowElement>, index: number, id: number) => {
    if (event.key === 'Enter') return navigate({ view: 'monitor', id });
    const last = latest.current.count - 1;
    pendingEnd.current = event.key === 'End' && latest.current.count < latest.current.total;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: last };
    const target = moves[event.key];
    if (target === undefined || target < 0 || target > last) return;
    event.preventDefault();
    latest.current.virtualizer.scrollToIndex(target, { align: 'auto' });
    pendingFocus.current = focusRow(target) ? null : target;
  }).current;

  const before = items.length > 0 ? items[0].start : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <div ref={scroller} className="monitor-scroller">
      <table className="monitor-list" aria-rowcount={monitors.length + 1}>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Monitor</th>
            <th scope="col">Last check</th>
            <th scope="col">Uptime 24 h</th>
            <th scope="col">Latency, 30 min</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden="true" className="spacer" style={{ height: before }} />}
          {items.map((item) => (
            <MonitorRow
              key={item.key}
              monitor={monitors[item.index]}
              spark={sparks.get(monitors[item.index].id) ?? NO_SPARK}
              index={item.index}
              now={now}
              onKey={onKey}
              measure={virtualizer.measureElement}
            />
          ))}
          {after > 0 && <tr aria-hidden="true" className="spacer" style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  );
}

export function MonitorsView() {
  const now = useNow(5_000);
  const query = useMonitorsOverview();
  const [adding, setAdding] = useState(false);

  const data = query.data;
  const sorted = useMemo(() => byUrgency(data?.monitors ?? []), [data?.monitors]);
  if (!data) return <QueryStatus query={query} what="the monitors" />;
  const monitors = sorted;
  const { down, total } = data;
  return (
    <section aria-labelledby="monitors-heading">
      <header className="toolbar">
        <h1 id="monitors-heading">Monitors</h1>
        <span className="muted">{down > 0 ? `${down} down of ${total}` : plural(total, 'monitor')}</span>
        <SnoozeMenu scope="all" until={data.snoozedUntil} now={now} refresh={query.refresh} />
        <button type="button" className="primary" onClick={() => setAdding(true)} title="Add a monitor kept in the app">
          Add monitor…
        </button>
      </header>
      {data.offlineSince !== null && (
        <p className="banner warn" role="status">
          You are offline (for {formatDuration(now - data.offlineSince)}): checks keep running, but no monitor is reported down until the network is back.
        </p>
      )}
      <QueryStatus query={query} what="the monitors" />
      <ConfigPanel config={data.config} />
      {adding && (
        <MonitorForm
          onCancel={() => setAdding(false)}
          onSaved={(m) => {
            setAdding(false);
            navigate({ view: 'monitor', id: m.id });
          }}
        />
      )}
      {monitors.length === 0 ? (
        <p className="empty">No monitors yet: add one here, or list them in the monitors file.</p>
      ) : (
        <MonitorTable monitors={monitors} total={total} now={now} />
      )}
      <MonitorSettings />
    </section>
  );
}
