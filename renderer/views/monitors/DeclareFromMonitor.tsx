import type { MonitorSummary } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { formatDateTime } from '../../../main/shared/time-format';
import { DeclareForm } from '../DeclareForm';

/** The declare form, pre-filled from a monitor; the engine adds the monitor's recent failures to the timeline. */
export function DeclareFromMonitor({ monitor, onCancel }: { monitor: MonitorSummary; onCancel: () => void }) {
  const api = useApi();
  const state = monitor.status === 'down' ? `is down${monitor.since ? ` since ${formatDateTime(monitor.since)}` : ''}` : `is ${monitor.status}`;
  const initial = {
    title: monitor.status === 'down' ? `${monitor.name} is down` : monitor.name,
    severity: monitor.severity ?? '',
    service: monitor.service ?? '',
    impact: [`Monitor ${monitor.name} (${monitor.target}) ${state}.`, monitor.lastError ? `Last error: ${monitor.lastError}` : null, `Monitor: #/monitors/${monitor.id}`]
      .filter(Boolean)
      .join('\n'),
  };
  return (
    <DeclareForm
      heading={`Declare incident from ${monitor.name}`}
      initial={initial}
      onCancel={onCancel}
      onDeclare={async (fields) => (await api.call('monitors.declareIncident', { ...fields, monitorId: monitor.id })).incident}
    />
  );
}
