import fs from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine, type EngineOptions } from '../../main/engine/engine';
import type { Delivery } from '../../main/engine/notifications/deliver';

export interface Recorder {
  deliver: EngineOptions['deliver'];
  sent: Delivery[];
  titles: () => string[];
}

/** A delivery that records what would have been shown, for tests that do not need the real desktop path. */
export function recorder(): Recorder {
  const sent: Delivery[] = [];
  return { sent, deliver: async (delivery) => void sent.push(delivery), titles: () => sent.map((d) => d.title) };
}

export function writeConfig(dir: string, monitors: Record<string, unknown>[] | string): string {
  const file = path.join(dir, 'monitors.yaml');
  const text =
    typeof monitors === 'string'
      ? monitors
      : `monitors:\n${monitors.map((m) => `  - ${Object.entries(m).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n    ')}`).join('\n')}\n`;
  fs.writeFileSync(file, text);
  return file;
}

/** An engine that runs monitors from `configPath`, with short flush and maintenance ticks. */
export function monitoringEngine(dir: string, configPath: string, options: Partial<EngineOptions> = {}): Engine {
  return createEngine({
    dataDir: dir,
    configPath,
    actor: 'ana',
    ...options,
    areas: { ...options.areas, monitors: { flushMs: 100, maintenanceMs: 300, ...options.areas?.monitors } },
  });
}

export async function call(engine: Engine, method: string, params: unknown = {}): Promise<any> {
  const reply = (await engine.dispatch({ id: 1, method, params })) as { result?: unknown; error?: { message: string } };
  if (reply.error) throw Object.assign(new Error(reply.error.message), { rpc: reply.error });
  return reply.result;
}

export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function monitorNamed(engine: Engine, name: string): Promise<any> {
  const list = await call(engine, 'monitors.list');
  return list.monitors.find((m: { name: string }) => m.name === name);
}
