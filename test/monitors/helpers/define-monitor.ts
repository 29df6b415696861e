import { stringify } from 'yaml';
import type { MonitorDefinition } from '../../../main/engine/monitors/domain/check-types';
import { parseMonitorConfig } from '../../../main/engine/monitors/config-loader';
import type { KindRegistry } from '../../../main/engine/monitors/checks/kind-registry';

/** Builds a monitor through the real config parser, exactly as a YAML file would. */
export function defineMonitor(fields: Record<string, unknown>, registry?: KindRegistry): MonitorDefinition {
  const text = stringify({ monitors: [{ name: 'test monitor', ...fields }] });
  return parseMonitorConfig(text, 'test.yaml', registry).monitors[0];
}
