import type { ConfigIssue, MonitorFields } from '../../../preload/contract';
import type { MonitorDefinition } from './domain/check-types';
import type { MonitorConfig } from './config-loader';
import type { KindRegistry } from './checks/kind-registry';
import { RpcFailure } from '../rpc/rpc-failure';
import { readBoundedText } from '../lib/config/config-text';
import { appMonitorProblem, buildAppMonitor } from './app-monitors';
import type { LastResult, MonitorRow, MonitorStore } from './monitor-store';
import { compareByName } from './domain/name-order';

export interface MonitorEntry {
  id: number;
  name: string;
  source: 'file' | 'app';
  // Null for a file monitor whose file has not loaded, or an app monitor that no longer validates.
  definition: MonitorDefinition | null;
  fields: MonitorFields | null;
  problem: string | null;
  incidentId: number | null;
  lastResult: LastResult | null;
}

/** Every monitor the engine knows, from the file and from the app, under one id space. */
export class MonitorCatalog {
  private readonly byId = new Map<number, MonitorEntry>();
  private readonly idByName = new Map<string, number>();
  /** Ids in the windows' order, kept until a monitor is added, renamed or removed: sorting 10,000 names costs tens of milliseconds. */
  private nameOrder: number[] | null = null;

  constructor(
    private readonly store: MonitorStore,
    private readonly kinds: KindRegistry,
    private readonly now: () => number,
  ) {}

  /** Reads the stored monitors; returns their saved states by name for the monitor service. */
  load(): Record<string, string> {
    const states: Record<string, string> = {};
    for (const row of this.store.live()) {
      const built = row.source === 'app' ? appMonitorProblem(row.fields, this.kinds) : { definition: null, problem: 'not loaded: the monitors file has not loaded' };
      this.put(row, built.definition, built.problem);
      if (row.state) states[row.name] = row.state;
    }
    return states;
  }

  /** Takes the monitors of a freshly loaded file; returns problems such as a name already used in the app. */
  applyFile(config: MonitorConfig): ConfigIssue[] {
    return this.store.transaction(() => this.reconcileFile(config));
  }

  private reconcileFile(config: MonitorConfig): ConfigIssue[] {
    const issues: ConfigIssue[] = [];
    const { ids, retired } = this.store.claimFileMonitors(
      config.monitors.map((d) => d.name),
      this.now(),
    );
    const lineOf = nameLines(config.file);
    for (const definition of config.monitors) {
      const claim = ids.get(definition.name);
      if (!claim) {
        issues.push({ file: config.file, line: lineOf(definition.name), column: 1, monitor: definition.name, field: 'name', message: `the name is already used by a monitor made in the Monitors window; rename one of them` });
        continue;
      }
      const { id, created } = claim;
      const row = this.byId.get(id) ?? (created ? undefined : this.store.row(id));
      if (!row && !created) continue;
      this.put({ id, name: definition.name, source: 'file', fields: null, lastResult: row?.lastResult ?? null, incidentId: row?.incidentId ?? null }, definition, null);
    }
    for (const id of retired) this.drop(id);
    return issues;
  }

  /**
   * Gives the stored file monitors their definitions from `config` without claiming or retiring
   * anything: for a process that only reads (a CLI command), while the app's engine owns the file.
   */
  describeFile(config: MonitorConfig): void {
    const byName = new Map(config.monitors.map((d) => [d.name, d]));
    for (const entry of this.fileEntries()) {
      entry.definition = byName.get(entry.name) ?? null;
      entry.problem = entry.definition ? null : 'not in the monitors file any more';
    }
  }

  /** Why a reader could not describe the file monitors (see describeFile). */
  fileUnreadable(problem: string): void {
    for (const entry of this.fileEntries()) entry.problem = problem;
  }

  private fileEntries(): MonitorEntry[] {
    return [...this.byId.values()].filter((entry) => entry.source === 'file');
  }

  saveApp(id: number | undefined, fields: MonitorFields): MonitorEntry {
    const definition = buildAppMonitor(fields, this.kinds);
    const existing = id === undefined ? undefined : this.require(id);
    if (existing?.source === 'file') throw new RpcFailure('conflict', `Monitor '${existing.name}' is defined in the monitors file; edit it there.`);
    if (this.store.nameTaken(fields.name, id)) {
      throw new RpcFailure('conflict', `A monitor named '${fields.name}' already exists; pick another name.`, [{ path: 'fields.name', message: 'this name is already used' }]);
    }
    const now = this.now();
    const savedId = existing ? existing.id : this.store.insertApp(fields, now);
    if (existing) this.store.updateApp(existing.id, fields, now);
    this.drop(savedId);
    return this.put({ id: savedId, name: fields.name, source: 'app', fields, lastResult: existing?.lastResult ?? null, incidentId: existing?.incidentId ?? null }, definition, null);
  }

  remove(id: number): MonitorEntry {
    const entry = this.require(id);
    if (entry.source === 'file') throw new RpcFailure('conflict', `Monitor '${entry.name}' is defined in the monitors file; remove it there.`);
    this.store.delete(id, this.now());
    this.drop(id);
    return entry;
  }

  get(id: number): MonitorEntry | undefined {
    return this.byId.get(id);
  }

  require(id: number): MonitorEntry {
    const entry = this.byId.get(id);
    if (!entry) throw new RpcFailure('not_found', `There is no monitor #${id}.`);
    return entry;
  }

  byName(name: string): MonitorEntry | undefined {
    const id = this.idByName.get(name);
    return id === undefined ? undefined : this.byId.get(id);
  }

  all(): MonitorEntry[] {
    return [...this.byId.values()];
  }

  /** Every monitor in the windows' order: by name, then id. */
  inNameOrder(): MonitorEntry[] {
    this.nameOrder ??= this.all().sort(compareByName).map((entry) => entry.id);
    return this.nameOrder.map((id) => this.byId.get(id) as MonitorEntry);
  }

  definitions(): MonitorDefinition[] {
    return this.all().flatMap((entry) => (entry.definition ? [entry.definition] : []));
  }

  private put(row: Pick<MonitorRow, 'id' | 'name' | 'source' | 'fields' | 'lastResult' | 'incidentId'>, definition: MonitorDefinition | null, problem: string | null): MonitorEntry {
    const previous = this.byId.get(row.id);
    if (previous && previous.name !== row.name) this.idByName.delete(previous.name);
    if (previous?.name !== row.name) this.nameOrder = null;
    const entry: MonitorEntry = {
      id: row.id,
      name: row.name,
      source: row.source,
      definition,
      fields: row.fields,
      problem,
      incidentId: row.incidentId,
      lastResult: previous?.lastResult ?? row.lastResult,
    };
    this.byId.set(entry.id, entry);
    this.idByName.set(entry.name, entry.id);
    return entry;
  }

  private drop(id: number): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    this.nameOrder = null;
    if (this.idByName.get(entry.name) === id) this.idByName.delete(entry.name);
  }
}

/**
 * Line of `name: <name>` in the file, so a problem found after parsing still points somewhere
 * useful. The file is read once, on the first lookup, and every name line indexed.
 */
function nameLines(file: string): (name: string) => number {
  let index: Map<string, number> | undefined;
  return (name) => {
    if (!index) {
      index = new Map();
      let text = '';
      try {
        text = readBoundedText(file);
      } catch {
        // Unreadable now: the problem then points at the top of the file.
      }
      text.split('\n').forEach((line, i) => {
        const match = /^\s*-?\s*name:\s*(?:"([^"]*)"|'([^']*)'|(.*?))\s*(?:#.*)?$/.exec(line);
        const found = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
        if (found !== undefined && !index!.has(found)) index!.set(found, i + 1);
      });
    }
    return index.get(name) ?? 1;
  };
}
