import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/engine/db/open-database';
import { createDefaultRegistry } from '../../main/engine/monitors/checks/kind-registry';
import type { MonitorDefinition } from '../../main/engine/monitors/domain/check-types';
import { MonitorCatalog } from '../../main/engine/monitors/monitor-catalog';
import { MonitorStore } from '../../main/engine/monitors/monitor-store';
import { removeDir, tempDir } from '../helpers/temp-dir';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function definitions(count: number, prefix = 'm'): MonitorDefinition[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}${i}`,
    kind: 'tcp',
    target: '127.0.0.1:9',
    intervalMs: 60_000,
    timeoutMs: 10_000,
    jitterMs: 0,
    conditions: [],
    failureThreshold: 2,
    recoveryThreshold: 1,
    forMs: 0,
    reminderEveryMs: 0,
    paused: true,
    settings: { host: '127.0.0.1', port: 9 },
    fingerprint: `${prefix}${i}`,
  }));
}

/**
 * The database with every statement the store runs counted, and those whose plan reads the whole
 * monitors table counted apart: a scan per monitor is what made big files start quadratically.
 */
function countingDatabase(db: Database.Database) {
  const counts = { statements: 0, scans: 0 };
  const prepare = db.prepare.bind(db);
  const scans = (sql: string) => {
    const params = Array((sql.match(/\?/g) ?? []).length).fill(null);
    const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
    return plan.some((step) => /^SCAN monitors\b/.test(step.detail));
  };
  const counted = new Proxy(db, {
    get(target, key) {
      if (key !== 'prepare') {
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string) => {
        const statement = prepare(sql);
        const fullScan = /^\s*(SELECT|UPDATE|DELETE)/i.test(sql) && scans(sql);
        for (const method of ['run', 'get', 'all'] as const) {
          const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
          (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
            counts.statements++;
            if (fullScan) counts.scans++;
            return original(...args);
          };
        }
        return statement;
      };
    },
  });
  return { db: counted, counts };
}

function catalogIn(dir: string) {
  const { db, counts } = countingDatabase(openDatabase(path.join(dir, 'trayage.db'), 'test').db);
  const catalog = new MonitorCatalog(new MonitorStore(db), createDefaultRegistry(), () => 1_700_000_000_000);
  catalog.load();
  return { catalog, counts };
}

/** Applies a file of `count` monitors to a fresh database, after a first file whose monitors are all retired by it. */
function applyFresh(count: number) {
  const dir = tempDir();
  dirs.push(dir);
  const { catalog, counts } = catalogIn(dir);
  catalog.applyFile({ file: 'old.yaml', monitors: definitions(count, 'old-'), sources: [] });
  counts.statements = 0;
  counts.scans = 0;
  // CPU time of this process (one test file per process), not wall time: other processes busy on
  // the same cores stretch the wall clock of one run and not another, and would decide the ratio.
  const started = process.cpuUsage();
  const issues = catalog.applyFile({ file: 'monitors.yaml', monitors: definitions(count), sources: [] });
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  expect(issues).toEqual([]);
  expect(catalog.all()).toHaveLength(count);
  return { ms, ...counts };
}

describe('applying a big monitors file', () => {
  it('reads the monitors table once and writes in batches, not one statement per monitor', { timeout: 60_000 }, () => {
    for (const count of [5_000, 20_000]) {
      const { statements, scans } = applyFresh(count);
      // Inserts by the 500 (the rest one by one) and one statement retiring every monitor of the old file.
      expect(statements).toBeLessThanOrEqual(Math.ceil(count / 500) + 500 + 5);
      expect(statements).toBeLessThan(count / 5);
      expect(scans).toBeLessThanOrEqual(1);
    }
  });

  it('takes time in proportion to the number of monitors', { timeout: 120_000 }, () => {
    // Sixteen times the monitors: linear work takes about 16 times as long, quadratic work 256 times.
    // The bound sits three times above the one and five below the other, and each size takes the best
    // of three runs of CPU time, taken in turns, so a busy machine does not decide the ratio.
    const small: number[] = [];
    const large: number[] = [];
    for (let run = 0; run < 3; run++) {
      small.push(applyFresh(2_000).ms);
      large.push(applyFresh(32_000).ms);
    }
    expect(Math.min(...large) / Math.min(...small)).toBeLessThan(48);
  });

  it('keeps ids across reloads, brings a retired monitor back with its id, and retires what left', () => {
    const dir = tempDir();
    dirs.push(dir);
    const { catalog } = catalogIn(dir);
    catalog.applyFile({ file: 'monitors.yaml', monitors: definitions(3), sources: [] });
    const ids = new Map(catalog.all().map((e) => [e.name, e.id]));
    catalog.applyFile({ file: 'monitors.yaml', monitors: definitions(2), sources: [] });
    expect(catalog.byName('m2')).toBeUndefined();
    catalog.applyFile({ file: 'monitors.yaml', monitors: definitions(3), sources: [] });
    expect(new Map(catalog.all().map((e) => [e.name, e.id]))).toEqual(ids);
  });
});
