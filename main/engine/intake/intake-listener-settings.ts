import { z } from 'zod';
import type { IntakeListener } from '../../../preload/contract';
import type { SettingsStore } from '../settings/settings-store';

const LISTENER_KEY = 'intake.listener';
// The desktop engine's intake port when Settings name none: loopback, so only this machine can post.
export const DEFAULT_INTAKE_LISTENER: IntakeListener = { host: '127.0.0.1', port: 47_810 };

const Stored = z.object({ host: z.string().min(1), port: z.number().int().min(0).max(65_535) });

export function readListener(settings: SettingsStore): IntakeListener {
  return settings.get(LISTENER_KEY, Stored, DEFAULT_INTAKE_LISTENER);
}

export function saveListener(settings: SettingsStore, listener: IntakeListener): void {
  settings.set(LISTENER_KEY, listener);
}
