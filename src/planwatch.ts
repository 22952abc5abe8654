/**
 * The core facade: everything a surface (CLI, console, Telegram, Slack) may ask
 * of planwatch. Every user-visible result is an `Answer`, so each surface has
 * exactly one renderer. Adapters depend on this interface, never the reverse.
 */
import type { Answer, FactHit, Language } from './answer/types.ts';
import type { ChatRef, Surface } from './reminders/types.ts';

/** Options of one question. */
export interface AskOptions {
  /** The current date, `YYYY-MM-DD`, for 今年/去年/this year. Default: today in Asia/Shanghai. */
  today?: string;
  /** Which surface asks (for metrics and logs). Default `console`. */
  surface?: Surface;
}

/** A 👍/👎 vote on an answer. */
export interface FeedbackVote {
  vote: 'up' | 'down';
  question: string;
  factIds: string[];
  user: string;
  chat: ChatRef;
  /** ISO-8601 instant. */
  at: string;
}

/** What planwatch knows, for /help and /start. */
export interface KnowledgeSummary {
  regions: string[];
  years: number[];
  facts: number;
  documents: number;
  examples: string[];
}

export interface Planwatch {
  /** Answers one question from the fact base. Never throws for a question it cannot answer. */
  ask(question: string, options?: AskOptions): Answer;
  /** What the bot knows and how to use it, as an Answer (intent `help`). */
  help(language?: Language): Answer;
  /** Summary of the fact base. */
  summary(): KnowledgeSummary;
  /** `/deadlines [地区]`: upcoming target deadlines as rows. `args` is the raw argument text. */
  deadlines(args: string, options?: AskOptions): Answer;
  /** All citations of the given facts ("More sources"). Unknown ids are skipped. */
  sources(factIds: string[], language?: Language): Answer;
  /** A fact by id, in the answer contract's shape. */
  fact(id: string): FactHit | undefined;

  /** `/subscribe 浙江 5G --lead 90,30,7`: `args` is the raw argument text. */
  subscribe(chat: ChatRef, args: string, options?: AskOptions): Promise<Answer>;
  /** "Remind me" under an answer: subscribes the chat to the fact's region. */
  subscribeToFact(chat: ChatRef, factId: string): Promise<Answer>;
  /** `/unsubscribe [id|all]`: without an argument, all of the chat's subscriptions. */
  unsubscribe(chat: ChatRef, args: string): Promise<Answer>;
  /** `/subscriptions`: the chat's active subscriptions. */
  subscriptions(chat: ChatRef): Promise<Answer>;
  /** A chat refused delivery for good (blocked, not found): turn its subscriptions off. */
  deactivateChat(chat: ChatRef): Promise<number>;

  /**
   * True the first time `key` is seen, false on every later call, across restarts and replicas (backed by the store).
   * Adapters use it to answer a redelivered Telegram update or Slack event once: `tg:update:123`, `slack:event:Ev01`.
   */
  firstDelivery(key: string): Promise<boolean>;

  recordFeedback(vote: FeedbackVote): Promise<void>;
  listFeedback(): Promise<FeedbackVote[]>;
}

// ---------------------------------------------------------------------------------------
// The factory

import { answerQuestion, refusal, toFactHit, factLine } from './answer/compose.ts';
import { loadFactBase, type FactBase, type FactBaseOptions } from './answer/fact-base.ts';
import type { Answer as AnswerT } from './answer/types.ts';
import type { Fact } from './knowledge/schema.ts';
import { deadlinesReply, runSubscribe, runSubscribeToFact, runUnsubscribe, subscriptionsReply, type CommandDeps } from './reminders/commands.ts';
import { createFactMatcher, type FactMatcher } from './reminders/match.ts';
import { DEFAULT_TIME_ZONE, localDate } from './reminders/time.ts';
import type { Store } from './store/types.ts';

/** Emitted once per answered or refused question (metrics, logs). */
export interface AnswerEvent {
  surface: Surface;
  latencyMs: number;
  answered: boolean;
  factIds: string[];
  question: string;
}

/** Options of {@link createPlanwatch}. */
export interface PlanwatchOptions extends FactBaseOptions {
  /** Subscriptions, ledger and feedback. Required for the chat commands. */
  store: Store;
  /** Current date `YYYY-MM-DD` when a call gives none. Default: today in `timeZone`, from `now`. */
  today?: () => string;
  /** IANA zone of new subscriptions (`TZ_DEFAULT`) and of the default `today`. Default Asia/Shanghai. */
  timeZone?: string;
  /** The clock, for subscriptions' timestamps. Default `() => new Date()`. */
  now?: () => Date;
  /** Called after every question. */
  onAnswer?: (event: AnswerEvent) => void;
}

/** The loaded core: the facade plus what the scheduler needs. */
export interface Core extends Planwatch {
  readonly base: FactBase;
  readonly facts: Fact[];
  readonly matches: FactMatcher;
}

/**
 * Loads the fact base and returns the core facade.
 * @example const core = createPlanwatch({ store: await openStore('sqlite::memory:') }); core.ask('河南5G基站目标')
 */
export function createPlanwatch(options: PlanwatchOptions): Core {
  const base = loadFactBase(options);
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const today = options.today ?? (() => localDate(now(), timeZone));
  const matches = createFactMatcher();
  const deps: CommandDeps = {
    store: options.store,
    vocab: { resolveRegion: (n) => base.regions.resolve(n)?.name, programs: base.vocabulary.programs },
    facts: () => base.facts,
    matches,
    defaults: { timeZone },
  };
  const help = (language: Language = 'zh'): AnswerT => {
    const s = summary();
    const en = language === 'en';
    const lines = en
      ? [`planwatch answers questions about provincial industrial plans with cited figures.`, `Regions: ${s.regions.join(', ')}`, `Years: ${s.years.join(', ')} · ${s.facts} facts from ${s.documents} documents`, 'Try:', ...s.examples.map((e) => `- ${e}`), 'Subscribe: /subscribe 浙江 5G --lead 90,30,7 · /subscriptions · /unsubscribe · /deadlines 河南']
      : [`planwatch 回答各省产业规划（工作要点、行动计划、发展目标）中的目标数字，每个数字都附出处。`, `已收录地区：${s.regions.join('、')}`, `年份：${s.years.join('、')} · 共${s.facts}条事实，来自${s.documents}份文件`, '可以这样问：', ...s.examples.map((e) => `- ${e}`), '订阅提醒：/subscribe 浙江 5G --lead 90,30,7 · /subscriptions 查看 · /unsubscribe 取消 · /deadlines 河南 看期限'];
    return { question: '', answered: true, intent: 'help', language, text: lines.join('\n'), headline: lines[0]!, figure: null, rows: [], notes: lines.slice(1), sources: [], facts: [], suggestions: [], reason: null };
  };
  const summary = (): KnowledgeSummary => ({
    regions: base.regionNames,
    years: base.years,
    facts: base.facts.length,
    documents: base.documents.length,
    examples: ['浙江2023年数字经济核心产业增加值增长目标', '哪些省份提了5G基站目标？', '415X是什么？', '北京数据先行区什么时候完全建成', 'How many 5G base stations does Henan plan?'],
  });
  const core: Core = {
    base,
    facts: base.facts,
    matches,
    ask(question, askOptions = {}) {
      const started = performance.now();
      const answer = answerQuestion(question, base, { today: askOptions.today ?? today() });
      options.onAnswer?.({ surface: askOptions.surface ?? 'console', latencyMs: performance.now() - started, answered: answer.answered, factIds: answer.facts.map((f) => f.id), question });
      return answer;
    },
    help,
    summary,
    deadlines: (args, askOptions = {}) => deadlinesReply(base.facts, args, askOptions.today ?? today(), (n) => base.regions.resolve(n)?.name),
    sources(factIds, language = 'zh') {
      const facts = factIds.map((id) => base.byId.get(id)).filter((f): f is Fact => f !== undefined);
      if (facts.length === 0) return refusal('', language, language === 'en' ? 'Those facts are no longer in the knowledge base.' : '这些事实已不在知识库中。', []);
      const sources: AnswerT['sources'] = [];
      const lines: string[] = [];
      for (const f of facts) {
        lines.push(factLine(base, f, language));
        for (const c of f.citations) {
          const n = sources.length + 1;
          sources.push({ n, factId: f.id, document: c.document, title: c.title, date: c.date, url: c.url, quote: c.quote });
          lines.push(`[${n}] ${c.title} · ${c.date} · “${c.quote}”${c.url ? ` · ${c.url}` : ''}`);
        }
      }
      return { question: '', answered: true, intent: 'sources', language, text: lines.join('\n'), headline: lines[0]!, figure: null, rows: [], notes: [], sources, facts: facts.slice(0, 10).map(toFactHit), suggestions: [], reason: null };
    },
    fact: (id) => {
      const f = base.byId.get(id);
      return f ? toFactHit(f) : undefined;
    },
    subscribe: (chat, args) => runSubscribe(deps, chat, args, now()),
    async subscribeToFact(chat, factId) {
      const f = base.byId.get(factId);
      if (!f) return refusal(factId, 'zh', '这条事实已不在知识库中。', []);
      return runSubscribeToFact(deps, chat, f, now());
    },
    unsubscribe: (chat, args) => runUnsubscribe(deps, chat, args),
    async subscriptions(chat) {
      return subscriptionsReply(await options.store.listSubscriptions({ chat, active: true }));
    },
    deactivateChat: (chat) => options.store.deactivateChat(chat),
    // The ledger's unique key makes this single across replicas: the first claim wins.
    firstDelivery: (key) => options.store.claim({ subscriptionId: 'delivery', factId: key, lead: 0 }, now()),
    recordFeedback: (vote) => options.store.recordFeedback(vote),
    listFeedback: () => options.store.listFeedback(),
  };
  return core;
}
