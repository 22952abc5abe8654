/**
 * Reloading the fact base without a restart: a delegating `Planwatch` that
 * every surface keeps, a core swapped behind it, and a debounced watch on
 * `facts.json`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Planwatch } from '../planwatch.ts';
import type { Logger } from './logger.ts';

/** The outcome of one reload: the old core keeps serving when the new one cannot be built. */
export type ReloadOutcome<P extends Planwatch = Planwatch> =
  | { ok: true; previous: P; next: P }
  | { ok: false; error: unknown };

/** A core that can be rebuilt in place. `P` is what `load` builds (the facade plus what the runtime reads of it). */
export interface ReloadingPlanwatch<P extends Planwatch = Planwatch> {
  /** The delegating object to hand to every surface: each call goes to the current core. */
  readonly planwatch: Planwatch;
  /** The core currently behind `planwatch`. */
  current(): P;
  /**
   * Builds a new core with `load` and swaps it in. Reloads never overlap: a request made while one
   * runs is queued, and requests made while one is queued share it.
   */
  reload(reason: string): Promise<ReloadOutcome<P>>;
}

/** Options of `createReloadingPlanwatch`. */
export interface ReloadingOptions<P extends Planwatch = Planwatch> {
  logger?: Logger;
  /** Runs after each successful swap (the reminders' new-facts digest, the fact-count gauge). Errors are logged. */
  onReload?: (previous: P, next: P) => Promise<void> | void;
}

/**
 * Loads the first core and returns a delegating facade over it. The facade is a Proxy so that
 * methods added to `Planwatch` later are forwarded without a change here; each call looks up
 * the current core at call time, so a method taken off the facade before a reload still reaches the new core.
 *
 * @example
 * const core = await createReloadingPlanwatch(() => createPlanwatch(options), { logger });
 * const telegram = createTelegramAdapter({ planwatch: core.planwatch, ... });
 * process.on('SIGHUP', () => void core.reload('SIGHUP'));
 */
export async function createReloadingPlanwatch<P extends Planwatch>(
  load: () => Promise<P>,
  options: ReloadingOptions<P> = {},
): Promise<ReloadingPlanwatch<P>> {
  let current = await load();

  const planwatch = new Proxy({} as Planwatch, {
    get(_target, key) {
      const value = (current as unknown as Record<PropertyKey, unknown>)[key];
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const core = current as unknown as Record<PropertyKey, (...a: unknown[]) => unknown>;
        return core[key]!.apply(current, args);
      };
    },
    has: (_target, key) => key in (current as object),
  });

  let active: Promise<ReloadOutcome<P>> | null = null;
  let queued: Promise<ReloadOutcome<P>> | null = null;

  const run = async (reason: string): Promise<ReloadOutcome<P>> => {
    const started = performance.now();
    try {
      const next = await load();
      const previous = current;
      current = next;
      options.logger?.info({ reason, ms: Math.round(performance.now() - started), facts: next.summary().facts }, 'reload: fact base swapped');
      try {
        await options.onReload?.(previous, next);
      } catch (error) {
        options.logger?.error({ err: error }, 'reload: after-reload hook failed');
      }
      return { ok: true, previous, next };
    } catch (error) {
      options.logger?.error({ reason, err: error }, 'reload: failed, the previous fact base keeps serving');
      return { ok: false, error };
    }
  };

  return {
    planwatch,
    current: () => current,
    reload(reason) {
      if (queued) return queued;
      const before = active ?? Promise.resolve();
      const mine: Promise<ReloadOutcome<P>> = before.then(() => {
        queued = null;
        active = mine;
        return run(reason);
      });
      queued = mine;
      void mine.finally(() => {
        if (active === mine) active = null;
      });
      return mine;
    },
  };
}

/** A running file watch. */
export interface FileWatch {
  close(): void;
}

/** Options of `watchFile`. */
export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs. Default 300. */
  debounceMs?: number;
  logger?: Logger;
}

const digest = (path: string): string | null => {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
};

/**
 * Calls `onChange` when the content of `path` changes (debounced). Watches the directory, not
 * the file, so a writer that replaces the file by rename (as an atomic `ingest` does) is still seen;
 * content is compared by hash, so touching the file or rewriting the same bytes does nothing.
 * A missing directory is logged and watched no further.
 */
export function watchFile(path: string, onChange: () => void, options: WatchOptions = {}): FileWatch {
  const debounceMs = options.debounceMs ?? 300;
  const name = basename(path);
  let last = digest(path);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
      if (file !== null && file !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const now = digest(path);
        if (now === null || now === last) return;
        last = now;
        onChange();
      }, debounceMs);
    });
  } catch (error) {
    options.logger?.warn({ path, err: error }, 'reload: cannot watch the fact base; SIGHUP still reloads');
    return { close: () => {} };
  }
  watcher.on('error', (error) => options.logger?.warn({ path, err: error }, 'reload: file watch failed'));
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
