/**
 * Runs one planwatch process from parts the composition root built: the chat
 * surfaces (or the console), the HTTP server, the reminder ticks, reloads, and
 * an orderly shutdown. Imports no adapter: surfaces arrive as `SurfaceHandle`s.
 */
import { join } from 'node:path';
import type { Notifier } from '../reminders/types.ts';
import { httpPort, type Config } from './config.ts';
import { runConsole, type ConsoleSession } from './console.ts';
import { createHttpServer, type HttpHandler, type ReadinessCheck } from './http.ts';
import { createInFlightTracker, createLifecycle, installSignalHandlers, type InFlightTracker, type Lifecycle } from './lifecycle.ts';
import type { Logger } from './logger.ts';
import type { Metrics, ReminderCounts } from './metrics.ts';
import { watchFile, type ReloadingPlanwatch } from './reload.ts';

/** What the runtime needs of one chat surface. The Telegram and Slack adapters each map onto it. */
export interface SurfaceHandle {
  readonly surface: 'telegram' | 'slack';
  readonly notifier: Notifier;
  /** The route it serves on the runtime's HTTP server (Slack HTTP mode, Telegram webhook); null otherwise. */
  readonly route: { path: string; handler: HttpHandler } | null;
  /** Connects (long polling, Socket Mode, setWebhook). A rejection stops the process with exit code 1. */
  start(): Promise<void>;
  /** Stops taking updates; resolves once the handlers already running have finished. */
  stop(): Promise<void>;
  /** Connected and able to answer, for `/readyz`. */
  isReady(): boolean;
}

/** What the runtime needs of the store. */
export interface StoreHandle {
  /** Resolves when the database answers; a rejection or `false` means unreachable. */
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/** One reminder tick at `now`, reduced to what metrics count. */
export interface ReminderRunner {
  tick(now: Date): Promise<ReminderCounts>;
  /** Resolves once work the runner started outside `tick` (a digest after a reload) has finished. */
  stop?(): Promise<void>;
}

/** A timer that runs `tick` every `intervalMs`, never two at once. */
export interface Ticker {
  start(): void;
  /** No further ticks; resolves after the tick in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Creates a ticker: the first tick runs at `start()`, each next one `intervalMs` after the previous
 * one ended. A failing tick is logged; the next still runs.
 */
export function createTicker(options: {
  intervalMs: number;
  tick: (now: Date) => Promise<void>;
  clock?: () => Date;
  logger: Logger;
}): Ticker {
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = options
      .tick(clock())
      .catch((error: unknown) => options.logger.error({ err: error }, 'reminders: tick failed'))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(run, options.intervalMs);
      });
  };
  return {
    start() {
      if (!stopped && !running && !timer) run();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Terminal I/O of console mode. */
export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errorOutput: NodeJS.WritableStream;
  interactive: boolean;
  color: boolean;
}

/** Options of `startService`. */
export interface ServiceOptions {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  store: StoreHandle;
  core: ReloadingPlanwatch;
  /** Configured chat surfaces. None: console mode. */
  surfaces: SurfaceHandle[];
  /** The reminder scheduler; null without surfaces. */
  reminders: ReminderRunner | null;
  /** Console mode I/O. Required when `surfaces` is empty. */
  console?: ConsoleIo;
  /** Default `() => new Date()`. */
  clock?: () => Date;
  /** Ends the process. Default `process.exit`. */
  exit?: (code: number) => void;
  /** Install SIGTERM/SIGINT/SIGHUP handlers. Default true. */
  signals?: boolean;
  /** Interface the HTTP server binds. Default all interfaces. */
  host?: string;
  /** Shutdown deadline. Default 10000. */
  deadlineMs?: number;
  /** Debounce of the `facts.json` watch. Default 300. */
  watchDebounceMs?: number;
}

/** A started process. */
export interface RunningService {
  /** Bound HTTP port, or null without a server. */
  readonly port: number | null;
  readonly lifecycle: Lifecycle;
  readonly tracker: InFlightTracker;
  /** The console session in console mode, else null. */
  readonly console: ConsoleSession | null;
  /** Resolves with the exit code once shutdown has finished. */
  readonly stopped: Promise<number>;
}

/**
 * Starts everything the configuration asks for and wires shutdown in this order: stop intake
 * (HTTP answers 503 to new chat requests, surfaces stop polling, no new reminder tick) → wait for
 * answers in flight and the current tick → close HTTP → close the store → exit 0.
 *
 * @example
 * const service = await startService({ config, logger, metrics, store, core, surfaces, reminders });
 * process.exitCode = await service.stopped;
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { config, logger, metrics, store, core, surfaces } = options;
  let resolveStopped!: (code: number) => void;
  const stopped = new Promise<number>((resolve) => (resolveStopped = resolve));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const lifecycle = createLifecycle({
    logger,
    deadlineMs: options.deadlineMs,
    exit: (code) => {
      resolveStopped(code);
      exit(code);
    },
  });
  const tracker = createInFlightTracker();

  // Intake first: nothing new starts once shutdown begins.
  const watch = watchFile(join(config.knowledgeDir, 'facts.json'), () => void core.reload('facts.json changed'), {
    debounceMs: options.watchDebounceMs,
    logger,
  });

  const ticker = options.reminders
    ? createTicker({
        intervalMs: config.reminderIntervalMs,
        clock: options.clock,
        logger,
        tick: async (now) => {
          const counts = await options.reminders!.tick(now);
          metrics.recordReminders(counts);
          if (counts.sent > 0 || counts.failed > 0) logger.info({ event: 'reminders', ...counts }, 'reminders: tick done');
        },
      })
    : null;

  let consoleSession: ConsoleSession | null = null;
  let stopping: Array<Promise<unknown>> = [];
  lifecycle.onShutdown('stop intake', () => {
    watch.close();
    consoleSession?.close();
    stopping = [
      ...surfaces.map((s) => s.stop().catch((error: unknown) => logger.error({ surface: s.surface, err: error }, 'shutdown: surface stop failed'))),
      ticker?.stop() ?? Promise.resolve(),
      options.reminders?.stop?.() ?? Promise.resolve(),
    ];
  });
  lifecycle.onShutdown('finish work in flight', async () => {
    await Promise.all([...stopping, tracker.idle()]);
    // A surface's last handlers may have been tracked while it stopped.
    await tracker.idle();
  });

  const port = httpPort(config);
  let boundPort: number | null = null;
  if (port !== null) {
    const checks: ReadinessCheck[] = [
      { name: 'facts', check: () => (core.current().summary().facts > 0 ? null : 'the fact base is empty') },
      { name: 'database', check: async () => ((await store.ping()) === false ? 'unreachable' : null) },
      ...surfaces.map((s) => ({ name: s.surface, check: () => (s.isReady() ? null : 'not connected') })),
    ];
    const http = createHttpServer({ logger, metrics, checks, draining: () => lifecycle.draining, tracker });
    for (const s of surfaces) if (s.route) http.mount(s.route.path, s.route.handler);
    try {
      boundPort = await http.listen(port, options.host);
    } catch (error) {
      await store.close().catch(() => {});
      throw Object.assign(new Error(`http: cannot listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`), {
        code: 'HTTP_LISTEN_FAILED',
        cause: error,
      });
    }
    logger.info({ event: 'listening', port: boundPort, routes: surfaces.flatMap((s) => (s.route ? [s.route.path] : [])) }, `http: listening on port ${boundPort}`);
    lifecycle.onShutdown('close http', () => http.close());
  }
  lifecycle.onShutdown('close store', () => store.close());

  if (options.signals ?? true) {
    const remove = installSignalHandlers({ lifecycle, logger, onReload: () => void core.reload('SIGHUP') });
    lifecycle.onShutdown('signal handlers', remove);
  }

  if (surfaces.length === 0) {
    const io = options.console;
    if (!io) throw Object.assign(new Error('service: console mode needs console I/O'), { code: 'SERVICE_NO_CONSOLE' });
    consoleSession = runConsole({ planwatch: core.planwatch, ...io });
    void consoleSession.done.then((result) => lifecycle.shutdown(`console: ${result.reason}`, result.failed > 0 ? 1 : 0));
  } else {
    for (const s of surfaces) {
      s.start().then(
        () => logger.info({ surface: s.surface }, `${s.surface}: started`),
        (error: unknown) => {
          logger.fatal({ surface: s.surface, err: error }, `${s.surface}: cannot start`);
          void lifecycle.shutdown(`${s.surface} failed to start`, 1);
        },
      );
    }
    ticker?.start();
  }

  return { port: boundPort, lifecycle, tracker, console: consoleSession, stopped };
}
