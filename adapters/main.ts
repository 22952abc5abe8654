/**
 * The composition root: the only place that wires the adapters, the store and
 * the core together. It lives under adapters/ because the core never imports
 * grammy or Bolt.
 *
 *   tsx adapters/main.ts start                               every surface the environment configures
 *   tsx adapters/main.ts remind --now ISO [--dry-run] [--json]   one reminder tick through the same surfaces
 *
 * Exit codes: 0 done, 1 failure at run time, 2 configuration or usage error.
 */
import { pathToFileURL } from 'node:url';
import { createPlanwatch, type AnswerEvent, type Core, type Planwatch } from '../src/planwatch.ts';
import { runRemindCommand } from '../src/reminders/cli.ts';
import { createScheduler, type Scheduler, type TickResult } from '../src/reminders/scheduler.ts';
import type { Notifier } from '../src/reminders/types.ts';
import { describeConfig, describeDatabase, hasSurface, loadConfig, readEnv, slackMode, type Config } from '../src/runtime/config.ts';
import { createLogger, logAnswer, type Logger } from '../src/runtime/logger.ts';
import { createMetrics, type Metrics, type ReminderCounts } from '../src/runtime/metrics.ts';
import { createReloadingPlanwatch, type ReloadingPlanwatch } from '../src/runtime/reload.ts';
import { startService, type SurfaceHandle } from '../src/runtime/service.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/types.ts';

/** Where `main` reads and writes; the real process by default. */
export interface MainIo {
  env: Record<string, string | undefined>;
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  exit: (code: number) => void;
}

const usage = 'usage: tsx adapters/main.ts start | remind --now ISO-8601 [--dry-run] [--json]';

/**
 * The surfaces the configuration asks for, each as the runtime's `SurfaceHandle`. Adapters are
 * imported only when configured: the console and a configuration error never load grammY or Bolt.
 */
async function createSurfaces(config: Config, planwatch: Planwatch, logger: Logger): Promise<SurfaceHandle[]> {
  const surfaces: SurfaceHandle[] = [];
  if (config.telegram) {
    const { createTelegramAdapter } = await import('./telegram/index.ts');
    const { token, apiRoot, webhook } = config.telegram;
    const telegram = createTelegramAdapter({
      token,
      planwatch,
      logger,
      ...(apiRoot ? { apiRoot } : {}),
      ...(webhook ? { webhook } : {}),
    });
    surfaces.push({
      surface: 'telegram',
      notifier: telegram.notifier,
      route: telegram.webhookPath ? { path: telegram.webhookPath, handler: (req, res) => telegram.handleWebhook(req, res) } : null,
      start: () => telegram.start(),
      stop: () => telegram.stop(),
      isReady: () => telegram.isReady(),
    });
  }
  if (config.slack) {
    const { createSlackAdapter } = await import('./slack/index.ts');
    const { botToken, signingSecret, appToken, apiUrl, command } = config.slack;
    const slack = createSlackAdapter({
      botToken,
      planwatch,
      logger,
      commandName: command,
      ...(signingSecret ? { signingSecret } : {}),
      ...(appToken ? { appToken } : {}),
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    });
    surfaces.push({
      surface: 'slack',
      notifier: slack.notifier,
      route: slackMode(config.slack) === 'http' ? { path: slack.eventsPath, handler: (req, res) => slack.handleRequest(req, res) } : null,
      start: () => slack.start(),
      stop: () => slack.stop(),
      isReady: () => slack.isReady(),
    });
  }
  return surfaces;
}

const countsOf = (result: TickResult): ReminderCounts => ({ sent: result.sent.length, failed: result.failed.length });

/** Opens the store, or says why not on stderr and in the log. */
async function open(config: Config, logger: Logger, io: MainIo): Promise<Store | null> {
  try {
    // A PostgreSQL connection lost while idle is replaced by the pool; say so rather than drop it silently.
    return await openStore(config.databaseUrl, {
      postgres: { onIdleError: (err) => logger.warn({ err }, 'store: idle database connection lost') },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error, database: describeDatabase(config.databaseUrl) }, 'store: cannot open the database');
    io.stderr.write(`planwatch: cannot open the database (${describeDatabase(config.databaseUrl)}): ${message}\n`);
    return null;
  }
}

/**
 * Loads the core behind a reloading facade. The scheduler reads the current core's facts and
 * topic matcher on each tick, so a reload reaches it too.
 */
async function loadReloadingCore(
  config: Config,
  store: Store,
  hooks: { logger: Logger; metrics: Metrics; onAnswer?: (event: AnswerEvent) => void; afterReload?: () => Promise<void> },
): Promise<ReloadingPlanwatch<Core>> {
  const today = config.today;
  const load = async () =>
    createPlanwatch({
      knowledgeDir: config.knowledgeDir,
      seedsDir: config.seedsDir,
      cacheDir: config.cacheDir,
      store,
      timeZone: config.timeZone,
      ...(today ? { today: () => today } : {}),
      ...(hooks.onAnswer ? { onAnswer: hooks.onAnswer } : {}),
    });
  const core = await createReloadingPlanwatch(load, {
    logger: hooks.logger,
    onReload: async (_previous, next) => {
      hooks.metrics.setFactCount(next.facts.length);
      await hooks.afterReload?.();
    },
  });
  hooks.metrics.setFactCount(core.current().facts.length);
  return core;
}

/** `start`: every configured surface, or the console. Resolves with the exit code. */
async function start(config: Config, io: MainIo, warnings: string[]): Promise<number> {
  const consoleMode = !hasSurface(config);
  // In console mode standard output carries answers only; logs go to stderr, quieter by default.
  const logger = createLogger({ level: config.logLevel ?? (consoleMode ? 'warn' : 'info'), destination: consoleMode ? 2 : 1 });
  for (const warning of warnings) logger.warn(warning);
  logger.info({ event: 'start', config: describeConfig(config) }, 'planwatch: starting');

  const surfaceNames = [...(config.telegram ? ['telegram' as const] : []), ...(config.slack ? ['slack' as const] : [])];
  const metrics = createMetrics({ surfaces: consoleMode ? ['console'] : surfaceNames, processMetrics: true });
  const store = await open(config, logger, io);
  if (!store) return 1;

  let scheduler: Scheduler | null = null;
  let core: ReloadingPlanwatch<Core>;
  try {
    core = await loadReloadingCore(config, store, {
      logger,
      metrics,
      onAnswer: (event) => {
        metrics.recordAnswer(event);
        logAnswer(logger, event);
      },
      // The new-facts digest after each reload, against the fact ids the store remembers (single sends across replicas).
      afterReload: async () => {
        if (scheduler) metrics.recordReminders(countsOf(await scheduler.digestFromStore(new Date())));
      },
    });
  } catch (error) {
    logger.fatal({ err: error }, 'core: cannot load the fact base');
    io.stderr.write(`planwatch: cannot load the fact base from ${config.knowledgeDir}: ${error instanceof Error ? error.message : String(error)}\n`);
    await store.close().catch(() => {});
    return 1;
  }

  let surfaces: SurfaceHandle[];
  try {
    surfaces = await createSurfaces(config, core.planwatch, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'planwatch: cannot create the chat surfaces');
    io.stderr.write(`planwatch: ${error instanceof Error ? error.message : String(error)}\n`);
    await store.close().catch(() => {});
    return 1;
  }
  if (surfaces.length > 0) {
    scheduler = createScheduler({
      store,
      facts: () => core.current().facts,
      notifiers: surfaces.map((s): Notifier => s.notifier),
      matches: (fact, selector) => core.current().matches(fact, selector),
      logger,
    });
  }
  const active = scheduler;
  let service;
  try {
    service = await startService({
      config,
      logger,
      metrics,
      store,
      core,
      surfaces,
      reminders: active
        ? {
            tick: async (now) => countsOf(await active.tick(now)),
            stop: () => active.stop(),
          }
        : null,
      console: {
        input: io.stdin,
        output: io.stdout,
        errorOutput: io.stderr,
        interactive: io.stdin.isTTY === true,
        color: io.stdout.isTTY === true && !io.env.NO_COLOR,
      },
      // `main` exits with the code `stopped` resolves to.
      exit: () => {},
    });
  } catch (error) {
    logger.fatal({ err: error }, 'planwatch: cannot start');
    io.stderr.write(`planwatch: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  // Facts ingested while the process was down: one digest at start (a first start only records the ids).
  if (active) {
    active.digestFromStore(new Date()).then(
      (result) => metrics.recordReminders(countsOf(result)),
      (error: unknown) => logger.error({ err: error }, 'reminders: start-up digest failed'),
    );
  }
  return service.stopped;
}

/** `remind`: one tick through the configured surfaces' notifiers, without starting them. */
async function remind(config: Config, argv: string[], io: MainIo): Promise<number> {
  const logger = createLogger({ level: config.logLevel ?? 'warn', destination: 2 });
  const store = await open(config, logger, io);
  if (!store) return 1;
  try {
    const metrics = createMetrics();
    const core = await loadReloadingCore(config, store, { logger, metrics });
    const surfaces = await createSurfaces(config, core.planwatch, logger);
    if (surfaces.length === 0) logger.warn('remind: no surface configured (TELEGRAM_BOT_TOKEN, SLACK_BOT_TOKEN); nothing can be sent');
    return await runRemindCommand(argv, {
      store,
      facts: () => core.current().facts,
      notifiers: surfaces.map((s) => s.notifier),
      matches: (fact, selector) => core.current().matches(fact, selector),
      out: (text) => io.stdout.write(text),
      err: (text) => io.stderr.write(text),
      logger,
    });
  } finally {
    await store.close().catch(() => {});
  }
}

/**
 * Runs a subcommand and exits with its code.
 *
 * @example
 * await main(['start'], { env: process.env, cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout,
 *   stderr: process.stderr, exit: (code) => process.exit(code) });
 */
export async function main(argv: string[], io: MainIo): Promise<void> {
  const [command = 'start', ...rest] = argv;
  if (command !== 'start' && command !== 'remind') {
    io.stderr.write(`${usage}\n`);
    io.exit(2);
    return;
  }
  const result = loadConfig(readEnv({ env: io.env, cwd: io.cwd }), io.cwd);
  if (!result.ok) {
    io.stderr.write(`${result.errors.join('\n')}\n`);
    io.exit(2);
    return;
  }
  if (command === 'remind') {
    io.exit(await remind(result.config, rest, io));
    return;
  }
  if (rest.length > 0) {
    io.stderr.write(`${usage}\n`);
    io.exit(2);
    return;
  }
  const code = await start(result.config, io, result.warnings);
  io.exit(code);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `npm start | head -1`: a reader that goes away is the end of the job, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  void main(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    // Exit once standard output has taken everything written: `remind --json | jq` gets the whole result.
    exit: (code) => process.stdout.write('', () => process.exit(code)),
  }).catch((error: unknown) => {
    process.stderr.write(`planwatch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
