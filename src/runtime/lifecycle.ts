/**
 * Process lifecycle: work in flight, an orderly shutdown with a hard deadline,
 * and the signals that drive them (SIGTERM/SIGINT stop, SIGHUP reloads).
 */
import type { Logger } from './logger.ts';

export { createReloadingPlanwatch } from './reload.ts';

/** Counts work in flight so shutdown can wait for it. */
export interface InFlightTracker {
  /** Registers `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Work currently in flight. */
  readonly size: number;
  /** Resolves once nothing is in flight (at once when idle). */
  idle(): Promise<void>;
}

/**
 * Creates an in-flight tracker. Every chat request the runtime receives goes through `track`.
 *
 * @example
 * const tracker = createInFlightTracker();
 * await tracker.track(handleUpdate(update));
 * await tracker.idle();
 */
export function createInFlightTracker(): InFlightTracker {
  const pending = new Set<Promise<unknown>>();
  let waiters: Array<() => void> = [];
  const settle = (entry: Promise<unknown>) => {
    pending.delete(entry);
    if (pending.size === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  };
  return {
    track<T>(work: Promise<T>): Promise<T> {
      const entry: Promise<unknown> = work.then(
        () => settle(entry),
        () => settle(entry),
      );
      pending.add(entry);
      return work;
    },
    get size() {
      return pending.size;
    },
    idle() {
      if (pending.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

/** Options of `createLifecycle`. */
export interface LifecycleOptions {
  logger: Logger;
  /** Hard deadline for the whole shutdown, after which the process exits 1 anyway. Default 10000. */
  deadlineMs?: number;
  /** Ends the process. Default `process.exit`; tests pass a recorder. */
  exit?: (code: number) => void;
}

/** Orderly shutdown: steps run in registration order, then `exit(0)`. */
export interface Lifecycle {
  /** True from the moment shutdown starts: take no new work. */
  readonly draining: boolean;
  /** Adds a shutdown step. Steps run one after another, in the order added; a failing step is logged and the rest still run. */
  onShutdown(name: string, run: () => Promise<void> | void): void;
  /**
   * Starts shutdown (idempotent: later calls return the same promise) and resolves with the exit code
   * after calling `exit`: 0 when every step finished, 1 when one failed or the deadline passed.
   */
  shutdown(reason: string, code?: number): Promise<number>;
}

/**
 * Creates the lifecycle of one process.
 *
 * @example
 * const lifecycle = createLifecycle({ logger });
 * lifecycle.onShutdown('store', () => store.close());
 * process.once('SIGTERM', () => void lifecycle.shutdown('SIGTERM'));
 */
export function createLifecycle(options: LifecycleOptions): Lifecycle {
  const { logger } = options;
  const deadlineMs = options.deadlineMs ?? 10_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const steps: Array<{ name: string; run: () => Promise<void> | void }> = [];
  let draining = false;
  let done: Promise<number> | null = null;

  const runSteps = async (): Promise<number> => {
    let code = 0;
    for (const step of steps) {
      const started = performance.now();
      try {
        await step.run();
        logger.debug({ step: step.name, ms: Math.round(performance.now() - started) }, 'shutdown: step done');
      } catch (error) {
        code = 1;
        logger.error({ step: step.name, err: error }, 'shutdown: step failed');
      }
    }
    return code;
  };

  return {
    get draining() {
      return draining;
    },
    onShutdown(name, run) {
      steps.push({ name, run });
    },
    shutdown(reason, requested = 0) {
      if (done) return done;
      draining = true;
      logger.info({ reason }, 'shutdown: stopping new work, finishing work in flight');
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<number>((resolve) => {
        timer = setTimeout(() => {
          logger.error({ deadlineMs }, 'shutdown: deadline passed, exiting with work unfinished');
          resolve(1);
        }, deadlineMs);
      });
      done = Promise.race([runSteps(), deadline]).then((stepsCode) => {
        clearTimeout(timer);
        const code = stepsCode !== 0 ? stepsCode : requested;
        logger.info({ code }, 'shutdown: done');
        exit(code);
        return code;
      });
      return done;
    },
  };
}

/** What signals do, for `installSignalHandlers`. */
export interface SignalHandlers {
  lifecycle: Lifecycle;
  logger: Logger;
  /** SIGHUP: reload the fact base. */
  onReload?: () => void;
  /** A second SIGINT during shutdown ends the process at once with this. Default `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * SIGTERM and SIGINT start the shutdown; a second SIGINT forces exit 130; SIGHUP reloads.
 * Returns a function that removes the handlers.
 */
export function installSignalHandlers(handlers: SignalHandlers): () => void {
  const { lifecycle, logger } = handlers;
  const exit = handlers.exit ?? ((code: number) => process.exit(code));
  const stop = (signal: NodeJS.Signals) => {
    if (lifecycle.draining) {
      if (signal === 'SIGINT') {
        logger.warn('shutdown: second SIGINT, exiting now');
        exit(130);
      }
      return;
    }
    void lifecycle.shutdown(signal);
  };
  const hup = () => {
    logger.info('SIGHUP: reloading the fact base');
    handlers.onReload?.();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (handlers.onReload) process.on('SIGHUP', hup);
  return () => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    process.off('SIGHUP', hup);
  };
}
