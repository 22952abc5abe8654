/**
 * The `deadlines` and `remind` commands, as functions of argv and their dependencies so the
 * CLI entry (src/cli.ts) only wires them and tests call them in-process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toFactHit } from '../answer/types.ts';
import type { Fact } from '../knowledge/schema.ts';
import type { Store } from '../store/types.ts';
import { deadlinesAnswer, listDeadlines, toIcs, type DeadlineFilter } from './deadlines.ts';
import type { FactMatcher } from './match.ts';
import { createScheduler, type SchedulerLogger, type TickResult } from './scheduler.ts';
import { DEFAULT_TIME_ZONE, isIsoDate, localDate } from './time.ts';
import type { Notifier } from './types.ts';

/** Exit codes: 0 done, 1 some sends failed, 2 bad arguments. */
export type ExitCode = 0 | 1 | 2;

/**
 * A command's option values (strict: no unknown options, no positionals), or undefined after
 * telling `err` what was wrong and the command's usage.
 */
function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  usage: string,
  argv: readonly string[],
  options: T,
  err: (text: string) => void,
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    err(`${command}: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    return undefined;
  }
}

/** What `deadlines` needs. */
export interface DeadlinesCommandDeps {
  facts: () => readonly Fact[];
  /** Standard output (whole text, newline added by the writer's caller if needed). */
  out: (text: string) => void;
  /** Standard error. Default: `out`. */
  err?: (text: string) => void;
  /** For the default `--today` (in Asia/Shanghai) and the ICS DTSTAMP. Default `() => new Date()`. */
  now?: () => Date;
  /** Resolves `--region` aliases (浙江省, Zhejiang → 浙江). Default: the name as given. */
  resolveRegion?: (name: string) => string | undefined;
}

const DEADLINES_USAGE =
  'usage: deadlines [--region R] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--today YYYY-MM-DD] [--json | --ics]';

/**
 * `deadlines [--region R] [--from D] [--to D] [--today D] [--json] [--ics]`: target deadlines as
 * text (the Answer's text), as a JSON array of FactHit, or as an iCalendar file.
 *
 * @example await runDeadlinesCommand(['--region', '河南', '--json'], { facts: () => base.facts, out: (s) => process.stdout.write(s) })
 */
export async function runDeadlinesCommand(argv: readonly string[], deps: DeadlinesCommandDeps): Promise<ExitCode> {
  const err = deps.err ?? deps.out;
  const values = parseOptions('deadlines', DEADLINES_USAGE, argv, {
    region: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    today: { type: 'string' },
    json: { type: 'boolean', default: false },
    ics: { type: 'boolean', default: false },
  }, err);
  if (!values) return 2;
  for (const name of ['from', 'to', 'today'] as const) {
    const value = values[name];
    if (value !== undefined && !isIsoDate(value)) {
      err(`deadlines: --${name} must be a date YYYY-MM-DD, got "${value}"\n`);
      return 2;
    }
  }
  if (values.json && values.ics) {
    err(`deadlines: choose one of --json and --ics\n${DEADLINES_USAGE}\n`);
    return 2;
  }
  const now = (deps.now ?? (() => new Date()))();
  const today = values.today ?? localDate(now, DEFAULT_TIME_ZONE);
  const filter: DeadlineFilter = {};
  if (values.region !== undefined) {
    const region = deps.resolveRegion ? deps.resolveRegion(values.region) : values.region;
    if (!region) {
      err(`deadlines: unknown region "${values.region}"\n`);
      return 2;
    }
    filter.region = region;
  }
  if (values.from !== undefined) filter.from = values.from;
  if (values.to !== undefined) filter.to = values.to;

  const facts = deps.facts();
  if (values.ics) {
    deps.out(toIcs(listDeadlines(facts, filter, today), { now }));
  } else if (values.json) {
    deps.out(`${JSON.stringify(listDeadlines(facts, filter, today).map((d) => toFactHit(d.fact)), null, 2)}\n`);
  } else {
    deps.out(`${deadlinesAnswer(facts, filter, today).text}\n`);
  }
  return 0;
}

/** What `remind` needs. */
export interface RemindCommandDeps {
  store: Store;
  facts: () => readonly Fact[];
  notifiers: readonly Notifier[];
  matches: FactMatcher;
  out: (text: string) => void;
  /** Default: `out`. */
  err?: (text: string) => void;
  /** For a missing `--now`. Default `() => new Date()`. */
  now?: () => Date;
  logger?: SchedulerLogger;
}

const REMIND_USAGE = 'usage: remind [--now ISO-8601] [--dry-run] [--json]';
/** An instant with an explicit offset, so the result never depends on the machine's TZ. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function formatTick(result: TickResult): string {
  const lines: string[] = [];
  const verb = result.dryRun ? '将发送' : '已发送';
  for (const s of result.sent) lines.push(`${verb} → ${s.chat.surface}:${s.chat.chatId} · ${s.message.headline}`);
  for (const f of result.failed) lines.push(`发送失败（${f.failure}）→ ${f.chat.surface}:${f.chat.chatId} · ${f.message.headline} · ${f.error}`);
  for (const c of result.deactivated) lines.push(`已停用 ${c.surface}:${c.chatId} 的订阅`);
  if (lines.length === 0) lines.push('没有到期的提醒。');
  lines.push(
    `${result.now}：${verb} ${result.sent.length} 条，失败 ${result.failed.length} 条，跳过 ${result.skipped.length} 条，停用 ${result.deactivated.length} 个聊天`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `remind [--now ISO-8601] [--dry-run] [--json]`: runs one scheduler tick as if at `--now`,
 * sending through `deps.notifiers` (or, with `--dry-run`, only listing what would be sent).
 *
 * @example await runRemindCommand(['--now', '2023-12-01T12:00:00+08:00'], deps)
 */
export async function runRemindCommand(argv: readonly string[], deps: RemindCommandDeps): Promise<ExitCode> {
  const err = deps.err ?? deps.out;
  const values = parseOptions('remind', REMIND_USAGE, argv, {
    now: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  }, err);
  if (!values) return 2;
  let now: Date;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (!INSTANT_RE.test(values.now) || Number.isNaN(now.getTime())) {
      err(`remind: --now must be an ISO-8601 instant with an offset (2023-12-01T12:00:00+08:00), got "${values.now}"\n`);
      return 2;
    }
  } else {
    now = (deps.now ?? (() => new Date()))();
  }
  const scheduler = createScheduler({
    store: deps.store, facts: deps.facts, notifiers: deps.notifiers, matches: deps.matches,
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const result = await scheduler.tick(now, { dryRun: values['dry-run'] });
  deps.out(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatTick(result));
  return result.failed.length > 0 ? 1 : 0;
}
