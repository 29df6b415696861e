import type { IntakeListener } from '../../../preload/contract';

/** Request bodies above this are refused with 413 (Alertmanager's largest groups stay well below). */
export const INTAKE_MAX_BYTES = 1024 * 1024;

export type IntakeHeaders = Record<string, string | string[] | undefined>;

export interface IntakeResponse {
  status: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

/**
 * The incident intake as the HTTP servers (`serve`, the desktop engine's listener) see it: one
 * request in, one answer out. No HTTP server lives in the engine.
 */
export interface IntakePort {
  /** `kind` is the last part of the path (`/intake/alertmanager` → `alertmanager`). */
  receive(kind: string, headers: IntakeHeaders, body: Buffer): IntakeResponse;
  /** Where the desktop engine listens for intake requests (Settings, with a loopback default). */
  listener(): IntakeListener;
}
