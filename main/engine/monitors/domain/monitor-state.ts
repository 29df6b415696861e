import { z } from 'zod';
import type { MonitorStatus } from '../../../../preload/contract';
import type { MonitorDefinition } from './check-types';

// The contract's status, re-exported for the state machine's users.
export type { MonitorStatus };

/** Everything the machine remembers about one monitor; plain JSON so it can be stored and restored. */
export interface MonitorState {
  status: MonitorStatus;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  /** First failure of the current failing streak. */
  failingSince: number | null;
  /** Start of the outage the person was (or will be) told about. */
  outageSince: number | null;
  lastCheckAt: number | null;
  lastError: string | null;
  lastReminderAt: number | null;
  /** What the person was last told: only a change from this is worth a notification. */
  announced: 'up' | 'down' | null;
  /** Times of recent up/down changes, for flapping detection. */
  changes: number[];
  flapping: boolean;
}

export interface StatePolicy {
  failureThreshold: number;
  recoveryThreshold: number;
  forMs: number;
  reminderEveryMs: number;
  /** Changes within this window that make a monitor flapping; also the quiet time that ends it. */
  flapWindowMs: number;
  flapChanges: number;
}

export type StateEvent =
  | { type: 'down'; at: number; since: number; error: string | null; failedConditions: string[] }
  | { type: 'recovered'; at: number; since: number; durationMs: number }
  | { type: 'reminder'; at: number; since: number; downForMs: number; error: string | null }
  | { type: 'flapping'; at: number; changes: number; windowMs: number; status: MonitorStatus }
  | { type: 'flapping-ended'; at: number; status: MonitorStatus };

export interface ResultFacts {
  ok: boolean;
  error?: string;
  failedConditions?: string[];
}

export interface Transition {
  state: MonitorState;
  events: StateEvent[];
}

export function initialState(): MonitorState {
  return {
    status: 'unknown',
    consecutiveFailures: 0,
    consecutiveSuccesses: 0,
    failingSince: null,
    outageSince: null,
    lastCheckAt: null,
    lastError: null,
    lastReminderAt: null,
    announced: null,
    changes: [],
    flapping: false,
  };
}

export function policyFor(monitor: MonitorDefinition): StatePolicy {
  return {
    failureThreshold: monitor.failureThreshold,
    recoveryThreshold: monitor.recoveryThreshold,
    forMs: monitor.forMs,
    reminderEveryMs: monitor.reminderEveryMs,
    flapWindowMs: Math.max(10 * 60_000, 10 * monitor.intervalMs),
    flapChanges: 4,
  };
}

/** Feeds one check result into the machine. Pure: same inputs, same state and events. */
export function applyResult(previous: MonitorState, result: ResultFacts, policy: StatePolicy, at: number): Transition {
  if (previous.status === 'paused') return { state: previous, events: [] };
  const s: MonitorState = { ...previous, changes: previous.changes.filter((t) => at - t < policy.flapWindowMs), lastCheckAt: at };
  const events: StateEvent[] = [];
  const wasDown = s.status === 'down';

  if (result.ok) {
    s.consecutiveSuccesses++;
    s.consecutiveFailures = 0;
    s.failingSince = null;
    if (!wasDown || s.consecutiveSuccesses >= policy.recoveryThreshold) s.status = 'up';
  } else {
    s.consecutiveFailures++;
    s.consecutiveSuccesses = 0;
    s.failingSince ??= at;
    s.lastError = result.error ?? (result.failedConditions ?? [])[0] ?? 'check failed';
    if (!wasDown) {
      const enough = s.consecutiveFailures >= policy.failureThreshold && at - s.failingSince >= policy.forMs;
      s.status = enough ? 'down' : 'pending';
    }
  }

  const isDown = s.status === 'down';
  if (isDown !== wasDown && (isDown || s.status === 'up')) {
    if (isDown) s.outageSince ??= s.failingSince ?? at;
    s.changes.push(at);
    if (!s.flapping && s.changes.length >= policy.flapChanges) {
      s.flapping = true;
      events.push({ type: 'flapping', at, changes: s.changes.length, windowMs: policy.flapWindowMs, status: s.status });
    }
  } else if (s.flapping && at - (s.changes[s.changes.length - 1] ?? 0) >= policy.flapWindowMs) {
    s.flapping = false;
    s.changes = [];
    events.push({ type: 'flapping-ended', at, status: s.status });
  }

  if (!s.flapping) announce(s, result, policy, at, events);
  return { state: s, events };
}

function announce(s: MonitorState, result: ResultFacts, policy: StatePolicy, at: number, events: StateEvent[]): void {
  if (s.status === 'down' && s.announced !== 'down') {
    s.announced = 'down';
    s.lastReminderAt = at;
    events.push({ type: 'down', at, since: s.outageSince ?? at, error: s.lastError, failedConditions: result.failedConditions ?? [] });
  } else if (s.status === 'up' && s.announced === 'down') {
    const since = s.outageSince ?? at;
    s.announced = 'up';
    s.outageSince = null;
    events.push({ type: 'recovered', at, since, durationMs: at - since });
  } else if (s.status === 'up') {
    s.outageSince = null;
  } else if (s.status === 'down' && !result.ok && policy.reminderEveryMs > 0 && at - (s.lastReminderAt ?? at) >= policy.reminderEveryMs) {
    s.lastReminderAt = at;
    const since = s.outageSince ?? at;
    events.push({ type: 'reminder', at, since, downForMs: at - since, error: s.lastError });
  }
}

/** Paused monitors ignore results; what the person was told is kept so resuming can report a recovery. */
export function pauseState(state: MonitorState): MonitorState {
  return { ...forgetStreak(state), status: 'paused', flapping: false, changes: [] };
}

export function resumeState(state: MonitorState): MonitorState {
  return state.status === 'paused' ? { ...state, status: 'unknown' } : state;
}

/**
 * Drops a failing streak that began while this machine was offline or asleep, so those failures
 * never add up to a DOWN. An outage already announced stays down.
 */
export function forgetStreak(state: MonitorState): MonitorState {
  return {
    ...state,
    status: state.status === 'pending' ? 'unknown' : state.status,
    consecutiveFailures: 0,
    consecutiveSuccesses: 0,
    failingSince: null,
  };
}

const storedState = z.object({
  status: z.enum(['unknown', 'pending', 'up', 'down', 'paused']),
  consecutiveFailures: z.number().int().min(0),
  consecutiveSuccesses: z.number().int().min(0),
  failingSince: z.number().nullable(),
  outageSince: z.number().nullable(),
  lastCheckAt: z.number().nullable(),
  lastError: z.string().nullable(),
  lastReminderAt: z.number().nullable(),
  announced: z.enum(['up', 'down']).nullable(),
  changes: z.array(z.number()),
  flapping: z.boolean(),
});

/** Reads a stored state back; anything unreadable (an older format, a hand edit) starts fresh. */
export function restoreState(stored: unknown): MonitorState {
  const parsed = storedState.safeParse(typeof stored === 'string' ? safeJson(stored) : stored);
  return parsed.success ? parsed.data : initialState();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
