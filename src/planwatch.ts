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

  recordFeedback(vote: FeedbackVote): Promise<void>;
  listFeedback(): Promise<FeedbackVote[]>;
}
