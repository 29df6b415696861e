import { events, type RunDetail, type RunPrompt, type RunStep } from '../../../preload/contract';
import type { RunOutputChunk } from '../../../preload/contract/run-events';
import type { Engine } from '../../engine/engine';
import { call, CallError } from '../engine-call';

export interface RunWatcher {
  stepStarted?(step: RunStep, run: RunDetail): void;
  output?(chunk: RunOutputChunk): void;
  stepEnded?(step: RunStep): void;
  // The answer to a question the run waits on; null declines it.
  answer(prompt: RunPrompt): string | null;
}

export interface FollowedRun {
  // The run as stored once it is over.
  done: Promise<RunDetail>;
  cancel(): Promise<void>;
}

const FINAL_STEP = new Set<RunStep['status']>(['ok', 'failed', 'timeout', 'cancelled', 'refused', 'error']);

/**
 * Starts a run and follows it through the engine's events, in the order the engine sent them.
 * It listens before the run starts: the engine reports the first step, and may ask its first
 * question, while runs.start is still returning.
 */
export function followRun(engine: Engine, start: () => Promise<number>, watcher: RunWatcher): FollowedRun {
  let runId: number | null = null;
  const started = new Set<string>();
  const ended = new Set<string>();
  const answered = new Set<string>();
  let settle!: { resolve: (run: RunDetail) => void; reject: (err: unknown) => void };
  const done = new Promise<RunDetail>((resolve, reject) => (settle = { resolve, reject }));

  const onRun = async (run: RunDetail) => {
    for (const step of run.steps) {
      const key = `${step.host}\u0000${step.index}`;
      if (step.status === 'pending' || step.status === 'skipped') continue;
      if (!started.has(key)) {
        started.add(key);
        watcher.stepStarted?.(step, run);
      }
      if (FINAL_STEP.has(step.status) && !ended.has(key)) {
        ended.add(key);
        watcher.stepEnded?.(step);
      }
    }
    for (const prompt of run.prompts.filter((p) => !answered.has(p.id))) {
      answered.add(prompt.id);
      await respond(prompt);
    }
    if (run.status !== 'running') finish(run);
  };
  const respond = async (prompt: RunPrompt) => {
    try {
      await call(engine, 'runs.respond', { runId: runId!, promptId: prompt.id, value: watcher.answer(prompt) });
    } catch (err) {
      // The run ended (cancelled) before the answer arrived; its last event still follows.
      if (!(err instanceof CallError && err.code === 'conflict')) throw err;
    }
  };

  let learnId!: (id: number) => void;
  const idKnown = new Promise<void>((resolve) => {
    learnId = (id) => {
      runId = id;
      resolve();
    };
  });
  // Events wait here until runs.start has returned the run's id, then are handled one at a time.
  let queue = idKnown;
  const later = (work: () => void | Promise<void>) => {
    queue = queue.then(work);
    queue.catch(fail);
  };
  const unsubscribe = engine.onEvent(({ event, payload }) => {
    if (event === 'runs.changed') {
      const changed = events['runs.changed'].parse(payload);
      // Read at once, so the detail matches this event whatever the run does next.
      const snapshot = call(engine, 'runs.get', { runId: changed.runId });
      // A failed read is reported when the queue reaches it.
      snapshot.catch(() => {});
      later(async () => {
        if (changed.runId === runId) await onRun(await snapshot);
      });
    } else if (event === 'runs.output') {
      const output = events['runs.output'].parse(payload);
      later(() => {
        if (output.runId === runId) for (const chunk of output.chunks) watcher.output?.(chunk);
      });
    }
  });
  function finish(run: RunDetail) {
    unsubscribe();
    settle.resolve(run);
  }
  function fail(err: unknown) {
    unsubscribe();
    settle.reject(err);
  }
  // Started once listening: runs.start reports the first step before it returns.
  start().then(learnId, fail);

  return {
    done,
    cancel: async () => {
      await idKnown;
      await call(engine, 'runs.cancel', { runId: runId! });
    },
  };
}
