/**
 * The chat commands of reminders: `/subscribe 浙江 5G --lead 90,30,7 --tz Asia/Tokyo`,
 * `/unsubscribe [id|all]`, `/subscriptions`. Parsing and replies are pure; the `run*`
 * functions add the store calls so both adapters and the core facade share one flow.
 */
import type { Answer } from '../answer/types.ts';
import type { Fact } from '../knowledge/schema.ts';
import type { Store } from '../store/types.ts';
import { deadlinesAnswer, listDeadlines } from './deadlines.ts';
import type { FactMatcher } from './match.ts';
import { DEFAULT_TIME_ZONE, isValidTimeZone, localDate } from './time.ts';
import type { ChatRef, Selector, Subscription } from './types.ts';

/** Default lead times: 30 days, 7 days, the deadline day. */
export const DEFAULT_LEAD_DAYS: readonly number[] = [30, 7, 0];
/** Largest lead accepted (the contract's bound). */
export const MAX_LEAD_DAYS = 3650;

/** What the parser knows about names. */
export interface SubscribeVocabulary {
  /** A region's short name for any name a user may type (浙江省, 浙, Zhejiang → 浙江), or undefined. */
  resolveRegion(name: string): string | undefined;
  /** Known program names (415X); matched case-insensitively. */
  programs: readonly string[];
}

/** Defaults of `parseSubscribeArgs`. */
export interface SubscribeDefaults {
  /** Default [30, 7, 0]. */
  leadDays?: readonly number[];
  /** Default Asia/Shanghai. */
  timeZone?: string;
}

/** A parsed `/subscribe`. */
export interface SubscribeRequest {
  selector: Selector;
  /** Distinct, largest first. */
  leadDays: number[];
  timeZone: string;
}

/** Why `/subscribe` arguments were refused; `message` is what the surface shows. */
export interface CommandError {
  code: 'invalid_lead' | 'invalid_tz' | 'unknown_option' | 'missing_value' | 'too_many_regions';
  message: string;
}

/** An expected outcome: a value or a user-facing error. */
export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: CommandError };

const ALL_WORDS = new Set(['all', '全部', '所有', '全部地区']);
const SPACE_RE = /[\s\u3000]+/u;

function fail(code: CommandError['code'], message: string): { ok: false; error: CommandError } {
  return { ok: false, error: { code, message } };
}

/** Parses `90,30,7` (also `90，30，7`, `90、30、7`) into distinct leads, largest first. */
export function parseLeadDays(text: string): CommandResult<number[]> {
  const parts = text.split(/[,，、;；]/u).map((p) => p.trim()).filter((p) => p !== '');
  const leads: number[] = [];
  for (const part of parts) {
    const normalized = part.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/天$/u, '');
    if (!/^\d+$/.test(normalized) || Number(normalized) > MAX_LEAD_DAYS) {
      return fail('invalid_lead', `提前天数无效：“${part}”。请写 0 到 ${MAX_LEAD_DAYS} 之间的天数，用逗号分隔，例如 --lead 90,30,7`);
    }
    leads.push(Number(normalized));
  }
  if (leads.length === 0) return fail('invalid_lead', '提前天数为空。请写天数，用逗号分隔，例如 --lead 90,30,7');
  return { ok: true, value: [...new Set(leads)].sort((a, b) => b - a) };
}

function splitRegionPrefix(token: string, vocab: SubscribeVocabulary): { region: string; rest: string } | undefined {
  // "河南5G" typed without a space: the longest leading region name (two characters or more).
  for (let end = token.length - 1; end >= 2; end--) {
    const region = vocab.resolveRegion(token.slice(0, end));
    if (region) return { region, rest: token.slice(end) };
  }
  return undefined;
}

/**
 * Parses `/subscribe` arguments. A region (via `vocab.resolveRegion`), a known program, and
 * anything else as the topic; `all`/`全部`/nothing selects everything. `--lead 90,30,7` and
 * `--tz Asia/Tokyo` (also `--lead=…`) override the defaults [30, 7, 0] and Asia/Shanghai.
 *
 * @example
 * parseSubscribeArgs('浙江 5G --lead 90,30,7', vocab)
 * // { ok: true, value: { selector: { region: '浙江', program: null, topic: '5G' }, leadDays: [90, 30, 7], timeZone: 'Asia/Shanghai' } }
 */
export function parseSubscribeArgs(
  args: string,
  vocab: SubscribeVocabulary,
  defaults: SubscribeDefaults = {},
): CommandResult<SubscribeRequest> {
  const tokens = args.replace(/[—–]{1,2}(?=[a-z])/gu, '--').split(SPACE_RE).filter((t) => t !== '');
  let leadDays = [...(defaults.leadDays ?? DEFAULT_LEAD_DAYS)];
  let timeZone = defaults.timeZone ?? DEFAULT_TIME_ZONE;
  let region: string | null = null;
  let program: string | null = null;
  const topic: string[] = [];
  const programs = new Map(vocab.programs.map((p) => [p.toLowerCase(), p]));

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = (eq >= 0 ? token.slice(2, eq) : token.slice(2)).toLowerCase();
      if (name !== 'lead' && name !== 'tz') return fail('unknown_option', `不认识的选项：“${token}”。可用 --lead 90,30,7 和 --tz Asia/Shanghai`);
      let value: string | undefined = eq >= 0 ? token.slice(eq + 1) : tokens[i + 1];
      if (eq < 0) i++;
      if (value === undefined || value === '' || value.startsWith('--')) {
        return fail('missing_value', name === 'lead' ? '--lead 后面要写天数，例如 --lead 90,30,7' : '--tz 后面要写时区，例如 --tz Asia/Shanghai');
      }
      if (name === 'lead') {
        const parsed = parseLeadDays(value);
        if (!parsed.ok) return parsed;
        leadDays = parsed.value;
      } else {
        value = value.trim();
        if (!isValidTimeZone(value)) return fail('invalid_tz', `时区无效：“${value}”。请写 IANA 时区名，例如 Asia/Shanghai、Asia/Tokyo`);
        timeZone = value;
      }
      continue;
    }
    if (ALL_WORDS.has(token.toLowerCase())) continue;
    const asRegion = vocab.resolveRegion(token);
    const asProgram = programs.get(token.toLowerCase());
    if (asRegion) {
      if (region !== null && region !== asRegion) return fail('too_many_regions', `一个订阅只能选一个地区（${region}、${asRegion}）。请分别订阅。`);
      region = asRegion;
    } else if (asProgram && program === null) {
      program = asProgram;
    } else {
      const split: { region: string; rest: string } | undefined = region === null ? splitRegionPrefix(token, vocab) : undefined;
      if (split) {
        region = split.region;
        topic.push(split.rest);
      } else {
        topic.push(token);
      }
    }
  }
  return {
    ok: true,
    value: {
      selector: { region, program, topic: topic.length ? topic.join(' ') : null },
      leadDays: leadDays.length ? [...new Set(leadDays)].sort((a, b) => b - a) : [...DEFAULT_LEAD_DAYS],
      timeZone,
    },
  };
}

// ---------------------------------------------------------------------------
// Replies

/** A selector in words: `地区 河南 · 主题 5G`, or `全部地区和主题`. */
export function describeSelector(selector: Selector): string {
  const parts: string[] = [];
  if (selector.region) parts.push(`地区 ${selector.region}`);
  if (selector.program) parts.push(`项目 ${selector.program}`);
  if (selector.topic) parts.push(`主题 ${selector.topic}`);
  return parts.length ? parts.join(' · ') : '全部地区和主题';
}

function describeSchedule(s: Pick<Subscription, 'leadDays' | 'timeZone'>): string {
  const leads = s.leadDays.map((d) => (d === 0 ? '当天' : `${d}天`)).join('、');
  return `提前 ${leads} 提醒，${s.timeZone} 时间 09:00 发送`;
}

function subscriptionAnswer(question: string, headline: string, lines: string[], answered = true): Answer {
  const text = lines.length ? [headline, '', ...lines].join('\n') : headline;
  return {
    question, answered, intent: 'subscription', language: 'zh', text, headline, figure: null, rows: [], notes: [],
    sources: [], facts: [], suggestions: [], reason: answered ? null : headline,
  };
}

/** Optional context of the `/subscribe` reply. */
export interface SubscribeReplyOptions {
  /** The subscription already existed (its schedule may have been updated). Default false. */
  existing?: boolean;
  /** Upcoming deadlines it matches now, shown as a count. */
  upcoming?: number;
  question?: string;
}

/** The reply to a successful `/subscribe`. */
export function subscribeReply(subscription: Subscription, options: SubscribeReplyOptions = {}): Answer {
  const what = describeSelector(subscription.selector);
  const headline = options.existing ? `已更新订阅 #${subscription.id}：${what}` : `已订阅 #${subscription.id}：${what}`;
  const lines = [`${describeSchedule(subscription)}；截止日期过后一天发送完成情况。`];
  if (options.upcoming !== undefined) {
    lines.push(options.upcoming > 0 ? `目前有 ${options.upcoming} 个未到期的目标符合条件。` : '目前没有未到期的目标符合条件；新数据入库后会通知您。');
  }
  lines.push(`取消：/unsubscribe ${subscription.id}`);
  return subscriptionAnswer(options.question ?? '', headline, lines);
}

/** The reply when `/subscribe` arguments are invalid. */
export function subscribeErrorReply(error: CommandError, question = ''): Answer {
  return subscriptionAnswer(question, error.message, ['用法：/subscribe [地区] [主题] [--lead 30,7,0] [--tz Asia/Shanghai]'], false);
}

/** The reply to `/unsubscribe`: what was turned off, or that nothing matched. */
export function unsubscribeReply(removed: readonly Subscription[], question = ''): Answer {
  if (removed.length === 0) {
    return subscriptionAnswer(question, '没有找到要取消的订阅。', ['查看订阅：/subscriptions'], false);
  }
  const headline = removed.length === 1 ? `已取消订阅 #${removed[0]!.id}` : `已取消 ${removed.length} 个订阅`;
  return subscriptionAnswer(question, headline, removed.map((s) => `#${s.id} ${describeSelector(s.selector)}`));
}

/** The reply to `/subscriptions`: the chat's active subscriptions. */
export function subscriptionsReply(subscriptions: readonly Subscription[], question = ''): Answer {
  const active = subscriptions.filter((s) => s.active);
  if (active.length === 0) {
    return subscriptionAnswer(question, '本聊天没有订阅。', ['订阅：/subscribe 浙江 5G（或 /subscribe 全部）']);
  }
  return subscriptionAnswer(
    question,
    `本聊天有 ${active.length} 个订阅`,
    active.map((s) => `#${s.id} ${describeSelector(s.selector)}（${describeSchedule(s)}）`),
  );
}

// ---------------------------------------------------------------------------
// Command flows over a store

/** What the command flows need. */
export interface CommandDeps {
  store: Store;
  vocab: SubscribeVocabulary;
  /** For the "N upcoming deadlines" line; optional. */
  facts?: () => readonly Fact[];
  matches?: FactMatcher;
  /**
   * Lead times and time zone of a new subscription that names none: the deployment's `TZ_DEFAULT`
   * goes here. Default [30, 7, 0] and Asia/Shanghai.
   */
  defaults?: SubscribeDefaults;
}

function sameSelector(a: Selector, b: Selector): boolean {
  return a.region === b.region && a.program === b.program && a.topic === b.topic;
}

/**
 * `/subscribe`: parses, then creates the subscription or updates the chat's existing one with
 * the same selector. Never throws for bad input: the error is the reply.
 *
 * @example await runSubscribe(deps, { surface: 'telegram', chatId: '42' }, '河南', new Date())
 */
export async function runSubscribe(deps: CommandDeps, chat: ChatRef, args: string, now: Date): Promise<Answer> {
  const parsed = parseSubscribeArgs(args, deps.vocab, deps.defaults);
  if (!parsed.ok) return subscribeErrorReply(parsed.error, args);
  return applySubscription(deps, chat, parsed.value, now, args);
}

/**
 * "Remind me" under an answer: subscribes the chat to the fact's region with the default
 * leads and zone (`deps.defaults`; or updates the existing subscription to that region).
 */
export async function runSubscribeToFact(deps: CommandDeps, chat: ChatRef, fact: Fact, now: Date): Promise<Answer> {
  const request: SubscribeRequest = {
    selector: { region: fact.region, program: null, topic: null },
    leadDays: [...(deps.defaults?.leadDays ?? DEFAULT_LEAD_DAYS)],
    timeZone: deps.defaults?.timeZone ?? DEFAULT_TIME_ZONE,
  };
  return applySubscription(deps, chat, request, now, fact.id);
}

async function applySubscription(
  deps: CommandDeps,
  chat: ChatRef,
  request: SubscribeRequest,
  now: Date,
  question: string,
): Promise<Answer> {
  const existing = (await deps.store.listSubscriptions({ chat, active: true })).find((s) => sameSelector(s.selector, request.selector));
  const subscription = existing
    ? await deps.store.updateSubscription(existing.id, { leadDays: request.leadDays, timeZone: request.timeZone })
    : await deps.store.addSubscription({ chat, selector: request.selector, leadDays: request.leadDays, timeZone: request.timeZone, createdAt: now.toISOString() });
  if (!subscription) throw new Error(`reminders/commands: subscription "${existing?.id}" vanished during update`);
  let upcoming: number | undefined;
  if (deps.facts && deps.matches) {
    const matches = deps.matches;
    const today = localDate(now, subscription.timeZone);
    upcoming = listDeadlines(deps.facts(), { from: today }, today).filter((d) => matches(d.fact, subscription.selector)).length;
  }
  return subscribeReply(subscription, { existing: existing !== undefined, upcoming, question });
}

/** Options of `deadlinesReply`. */
export interface DeadlinesReplyOptions {
  /** Most rows in a chat message. Default 20. */
  limit?: number;
}

/**
 * `/deadlines [地区] [全部]`: upcoming target deadlines (from `today`) of a region or of all;
 * with 全部/all, past deadlines too. An unknown word is reported, not guessed.
 *
 * @example deadlinesReply(facts, '河南', '2023-12-01', resolveRegion).rows[0].figure // '突破18万个'
 */
export function deadlinesReply(
  facts: readonly Fact[],
  args: string,
  today: string,
  resolveRegion: (name: string) => string | undefined,
  options: DeadlinesReplyOptions = {},
): Answer {
  const tokens = args.split(SPACE_RE).filter((t) => t !== '');
  let region: string | undefined;
  let includePast = false;
  const unknown: string[] = [];
  for (const token of tokens) {
    if (ALL_WORDS.has(token.toLowerCase())) includePast = true;
    else if (!region && resolveRegion(token)) region = resolveRegion(token);
    else unknown.push(token);
  }
  const filter = { ...(region ? { region } : {}), ...(includePast ? {} : { from: today }) };
  const answer = deadlinesAnswer(facts, filter, today, { limit: options.limit ?? 20, question: args });
  if (unknown.length === 0) return answer;
  const note = `不认识的地区：${unknown.join('、')}`;
  return { ...answer, notes: [note, ...answer.notes], text: `${answer.text}\n\n${note}` };
}

/**
 * `/unsubscribe [id …|all]`: without arguments or with all/全部, every active subscription of the
 * chat; ids (`3`, `#3`) only when they belong to this chat.
 */
export async function runUnsubscribe(deps: Pick<CommandDeps, 'store'>, chat: ChatRef, args: string): Promise<Answer> {
  const active = await deps.store.listSubscriptions({ chat, active: true });
  const tokens = args.split(SPACE_RE).map((t) => t.replace(/^#/, '')).filter((t) => t !== '');
  const all = tokens.length === 0 || tokens.some((t) => ALL_WORDS.has(t.toLowerCase()));
  const targets = all ? active : active.filter((s) => tokens.includes(s.id));
  const removed: Subscription[] = [];
  for (const s of targets) {
    const updated = await deps.store.updateSubscription(s.id, { active: false });
    if (updated) removed.push(updated);
  }
  return unsubscribeReply(removed, args);
}

/** `/subscriptions`: the chat's active subscriptions. */
export async function runSubscriptions(deps: Pick<CommandDeps, 'store'>, chat: ChatRef): Promise<Answer> {
  return subscriptionsReply(await deps.store.listSubscriptions({ chat, active: true }));
}
