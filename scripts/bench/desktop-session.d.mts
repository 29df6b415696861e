export interface DesktopNotice {
  // When the bus carried the Notify call, in ms since the epoch.
  at: number;
  app: string;
  summary: string;
  body: string;
  // Hints by name, each value as dbus-monitor printed it (e.g. "true", "bell").
  hints: Record<string, string>;
}

export interface DesktopSession {
  env: { DISPLAY: string; DBUS_SESSION_BUS_ADDRESS: string };
  /** Notify calls seen on the bus so far, in order. */
  notices(): DesktopNotice[];
  waitFor(match: (n: DesktopNotice) => boolean, timeoutMs?: number): Promise<DesktopNotice>;
  /** Stops dunst, dbus-monitor and the bus (the display stays). */
  stopBus(): Promise<void>;
  /** Starts them again; with a busSocket, at the same address. */
  startBus(): Promise<void>;
  stop(): Promise<void>;
}

export function missingDesktopTools(): string[];
export function startDesktopSession(options?: { exportEnv?: boolean; busSocket?: string }): Promise<DesktopSession>;
