/**
 * The scheduler: owns the clock and the I/O around the pure due logic. Each tick asks
 * `dueReminders` what is due, claims each send in the ledger (one winner across processes),
 * sends it through the chat's notifier and records the outcome. A claim left unsettled by a
 * scheduler that died mid-send expires (`DueOptions.claimExpiryMs`, 10 min) and is sent by the next tick.
 */
import type { Answer } from '../answer/types.ts';
import type { Fact } from '../knowledge/schema.ts';
import type { Store } from '../store/types.ts';
import { dueDefaults, dueReminders, type DueOptions, type DueSkip } from './due.ts';
import { DIGEST_LEAD, type LedgerKey } from './ledger.ts';
import type { FactMatcher } from './match.ts';
import { digestMessage, dueMessage } from './messages.ts';
import { DeliveryError, type ChatRef, type DeliveryFailure, type Notifier, type Subscription } from './types.ts';

/** The logging the scheduler does; pino's logger fits. */
export interface SchedulerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const silentLogger: SchedulerLogger = { info() {}, warn() {}, error() {} };

/** What the scheduler needs. */
export interface SchedulerDeps {
  store: Store;
  /** The current fact base (re-read every tick, so a reload is picked up). */
  facts: () => readonly Fact[];
  /** One per surface; a send goes to the notifier whose `surface` is the chat's. */
  notifiers: readonly Notifier[];
  matches: FactMatcher;
  /** Default: silent. */
  logger?: SchedulerLogger;
  /** Due-logic tunables (send hour, catch-up window, claim expiry). */
  due?: DueOptions;
}

/** Options of one tick. */
export interface TickOptions {
  /** Compute what is due without claiming, sending or recording anything. Default false. */
  dryRun?: boolean;
}

/** One message sent (or, in a dry run, that would be sent). */
export interface TickSend {
  kind: 'reminder' | 'followup' | 'digest';
  chat: ChatRef;
  subscriptionId: string;
  /** Ledger keys the message settles (one, or one per fact of a digest). */
  keys: LedgerKey[];
  message: Answer;
}

/** One message that could not be delivered. */
export interface TickFailure extends TickSend {
  failure: DeliveryFailure | 'no_notifier';
  error: string;
}

/** What one tick did. */
export interface TickResult {
  /** ISO-8601 instant of the tick. */
  now: string;
  dryRun: boolean;
  sent: TickSend[];
  failed: TickFailure[];
  /** Keys recorded as skipped (missed by more than the catch-up window, or duplicates for a chat). */
  skipped: DueSkip[];
  /** Chats whose subscriptions were turned off because delivery was refused for good. */
  deactivated: ChatRef[];
}

/** A running scheduler. */
export interface Scheduler {
  /** Runs one tick as if at `now`. */
  tick(now: Date, options?: TickOptions): Promise<TickResult>;
  /**
   * Sends one digest per chat of the facts not in `previousFactIds` that match its subscriptions.
   * `previousFactIds` null (nothing known yet) sends nothing.
   */
  digest(previousFactIds: Iterable<string> | null, facts: readonly Fact[], now: Date, options?: TickOptions): Promise<TickResult>;
  /** `digest` against the fact ids the store remembers, then remembers the current ones. */
  digestFromStore(now: Date, options?: TickOptions): Promise<TickResult>;
  /** Ticks now and then every `intervalMs` (default 60 000) with `clock()` (default `new Date()`). */
  start(intervalMs?: number, clock?: () => Date): void;
  /** Stops ticking; resolves once the tick in progress, if any, has finished. */
  stop(): Promise<void>;
}

function chatKey(chat: ChatRef): string {
  return `${chat.surface}\u0000${chat.chatId}`;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates the scheduler.
 *
 * @example
 * const scheduler = createScheduler({ store, facts: () => base.facts, notifiers: [telegram], matches: createFactMatcher() });
 * scheduler.start();            // every minute
 * await scheduler.stop();
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const logger = deps.logger ?? silentLogger;
  const notifiers = new Map(deps.notifiers.map((n) => [n.surface, n]));
  // The due logic and the store agree on when a claim has expired.
  const claimOptions = { expiryMs: { ...dueDefaults, ...deps.due }.claimExpiryMs };
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const inflight = new Set<Promise<unknown>>();

  function emptyResult(now: Date, dryRun: boolean): TickResult {
    return { now: now.toISOString(), dryRun, sent: [], failed: [], skipped: [], deactivated: [] };
  }

  /** Delivers one message claimed at `now` and records the outcome for all its keys. */
  async function deliver(send: TickSend, now: Date, result: TickResult, blockedChats: Set<string>): Promise<void> {
    const notifier = notifiers.get(send.chat.surface);
    if (!notifier) {
      for (const key of send.keys) await deps.store.release(key, now);
      result.failed.push({ ...send, failure: 'no_notifier', error: `no notifier for surface "${send.chat.surface}"` });
      logger.warn({ chat: send.chat, keys: send.keys }, 'reminders: no notifier for the chat surface');
      return;
    }
    try {
      await notifier.send(send.chat, send.message);
    } catch (error) {
      const failure: DeliveryFailure = error instanceof DeliveryError ? error.failure : 'transient';
      result.failed.push({ ...send, failure, error: describeError(error) });
      if (failure === 'blocked') {
        for (const key of send.keys) await deps.store.markFailed(key, now, describeError(error));
        blockedChats.add(chatKey(send.chat));
        const n = await deps.store.deactivateChat(send.chat);
        result.deactivated.push(send.chat);
        logger.warn({ chat: send.chat, deactivated: n, err: error }, 'reminders: chat refused delivery; subscriptions deactivated');
      } else if (failure === 'permanent') {
        // This message can never go out (the platform refused it); the chat stays subscribed.
        for (const key of send.keys) await deps.store.markFailed(key, now, describeError(error));
        logger.error({ chat: send.chat, keys: send.keys, err: error }, 'reminders: message refused by the platform; not retried');
      } else {
        // Released, the key is due again on the next tick and still claimable only once.
        for (const key of send.keys) await deps.store.release(key, now);
        logger[error instanceof DeliveryError ? 'warn' : 'error']({ chat: send.chat, keys: send.keys, err: error }, 'reminders: delivery failed; retrying next tick');
      }
      return;
    }
    for (const key of send.keys) await deps.store.markSent(key, now);
    result.sent.push(send);
    logger.info({ chat: send.chat, kind: send.kind, keys: send.keys }, 'reminders: sent');
  }

  async function runTick(now: Date, options: TickOptions): Promise<TickResult> {
    const dryRun = options.dryRun ?? false;
    const result = emptyResult(now, dryRun);
    const subscriptions = await deps.store.listSubscriptions();
    const active = subscriptions.filter((s) => s.active);
    if (active.length === 0) return result;
    const ledger = await deps.store.listLedger({ subscriptionIds: subscriptions.map((s) => s.id) });
    const plan = dueReminders({ subscriptions, facts: deps.facts(), ledger, now, matches: deps.matches, options: deps.due });

    for (const skip of plan.skip) {
      if (dryRun || (await deps.store.markSkipped(skip.key, now, skip.reason, claimOptions))) result.skipped.push(skip);
    }
    const blockedChats = new Set<string>();
    for (const due of plan.due) {
      const send: TickSend = {
        kind: due.kind, chat: due.subscription.chat, subscriptionId: due.subscription.id, keys: [due.key],
        message: dueMessage(due),
      };
      if (dryRun) {
        result.sent.push(send);
        continue;
      }
      if (blockedChats.has(chatKey(send.chat))) continue;
      if (!notifiers.has(send.chat.surface)) {
        result.failed.push({ ...send, failure: 'no_notifier', error: `no notifier for surface "${send.chat.surface}"` });
        continue;
      }
      if (!(await deps.store.claim(due.key, now, claimOptions))) continue; // another scheduler owns it
      await deliver(send, now, result, blockedChats);
    }
    return result;
  }

  async function runDigest(
    previousFactIds: Iterable<string> | null,
    facts: readonly Fact[],
    now: Date,
    options: TickOptions,
  ): Promise<TickResult> {
    const dryRun = options.dryRun ?? false;
    const result = emptyResult(now, dryRun);
    if (previousFactIds === null) return result;
    const known = new Set(previousFactIds);
    const fresh = facts.filter((f) => !known.has(f.id));
    if (fresh.length === 0) return result;
    const subscriptions = await deps.store.listSubscriptions({ active: true });
    // One digest per chat: each new fact once, under the chat's first matching subscription.
    const byChat = new Map<string, { chat: ChatRef; items: Array<{ subscription: Subscription; fact: Fact }> }>();
    for (const subscription of subscriptions) {
      const key = chatKey(subscription.chat);
      let entry = byChat.get(key);
      if (!entry) byChat.set(key, (entry = { chat: subscription.chat, items: [] }));
      for (const fact of fresh) {
        if (entry.items.some((i) => i.fact.id === fact.id)) continue;
        if (deps.matches(fact, subscription.selector)) entry.items.push({ subscription, fact });
      }
    }
    for (const { chat, items } of byChat.values()) {
      if (items.length === 0) continue;
      if (!dryRun && !notifiers.has(chat.surface)) {
        const message = digestMessage(items.map((i) => i.fact));
        result.failed.push({ kind: 'digest', chat, subscriptionId: items[0]!.subscription.id, keys: [], message,
          failure: 'no_notifier', error: `no notifier for surface "${chat.surface}"` });
        continue;
      }
      const won: typeof items = [];
      for (const item of items) {
        const key = { subscriptionId: item.subscription.id, factId: item.fact.id, lead: DIGEST_LEAD };
        if (dryRun || (await deps.store.claim(key, now, claimOptions))) won.push(item);
      }
      if (won.length === 0) continue;
      const send: TickSend = {
        kind: 'digest', chat, subscriptionId: won[0]!.subscription.id,
        keys: won.map((i) => ({ subscriptionId: i.subscription.id, factId: i.fact.id, lead: DIGEST_LEAD })),
        message: digestMessage(won.map((i) => i.fact)),
      };
      if (dryRun) result.sent.push(send);
      else await deliver(send, now, result, new Set());
    }
    return result;
  }

  /** Runs `work` as the current job so `stop()` can wait for it. */
  function track<T>(work: Promise<T>): Promise<T> {
    inflight.add(work);
    void work.then(
      () => inflight.delete(work),
      () => inflight.delete(work),
    );
    return work;
  }

  const scheduler: Scheduler = {
    tick(now, options = {}) {
      return track(runTick(now, options));
    },
    digest(previousFactIds, facts, now, options = {}) {
      return track(runDigest(previousFactIds, facts, now, options));
    },
    digestFromStore(now, options = {}) {
      return track(
        (async () => {
          const facts = deps.facts();
          const previous = await deps.store.getKnownFactIds();
          const result = await runDigest(previous, facts, now, options);
          if (!(options.dryRun ?? false)) await deps.store.setKnownFactIds(facts.map((f) => f.id));
          return result;
        })(),
      );
    },
    start(intervalMs = 60_000, clock = () => new Date()) {
      if (running) return;
      running = true;
      const loop = async (): Promise<void> => {
        if (!running) return;
        try {
          const result = await scheduler.tick(clock());
          if (result.sent.length || result.failed.length || result.deactivated.length) {
            logger.info({ sent: result.sent.length, failed: result.failed.length, skipped: result.skipped.length,
              deactivated: result.deactivated.length }, 'reminders: tick');
          }
        } catch (error) {
          logger.error({ err: error }, 'reminders: tick failed');
        }
        if (running) timer = setTimeout(() => void loop(), intervalMs);
      };
      void loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
  };
  return scheduler;
}
