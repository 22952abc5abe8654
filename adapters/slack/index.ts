/**
 * The Slack surface: Bolt wiring over the core facade. Translates mentions, DMs, `/plans` and
 * button clicks into `Planwatch` calls, renders the returned Answers as Block Kit (render.ts)
 * and maps Slack's errors (post.ts). Nothing here decides what to answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  App,
  HTTPReceiver,
  SocketModeReceiver,
  type BlockAction,
  type ButtonAction,
  type RespondFn,
  type webApi,
} from '@slack/bolt';
import type { Logger } from 'pino';
import type { Answer } from '../../src/answer/types.ts';
import type { Planwatch } from '../../src/planwatch.ts';
import type { ChatRef, Notifier } from '../../src/reminders/types.ts';
import { actionIds, decodeFeedbackValue } from './actions.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { parseSlashCommand, slackTextToPlain } from './incoming.ts';
import { createSlackNotifier } from './notifier.ts';
import { platformErrorOf, postAnswerToChannel, respondWithAnswer } from './post.ts';
import { escapeMrkdwn, noticeMessage, slackLabels } from './render.ts';

export { renderAnswerBlocks, escapeMrkdwn } from './render.ts';

/** Options of the Slack adapter; the runtime fills them from the environment. */
export interface SlackAdapterOptions {
  /** `SLACK_BOT_TOKEN` (xoxb-…). Required. */
  botToken: string;
  /** `SLACK_SIGNING_SECRET`: required in HTTP mode, where every request's signature is verified. */
  signingSecret?: string;
  /** `SLACK_APP_TOKEN` (xapp-…): when set, the adapter uses Socket Mode and needs no public URL. */
  appToken?: string;
  /** `SLACK_API_URL`: Web API base (an enterprise proxy or a test fake), ending in `/api/`. Default Slack's. */
  slackApiUrl?: string;
  /** Slash command name. Default `/plans`. */
  commandName?: string;
  /** The core facade every question, command and vote goes to. */
  planwatch: Planwatch;
  /** The runtime's logger; the adapter logs as a child with `surface: 'slack'`, Bolt's own logs included. */
  logger: Logger;
  /** Test seam: with both ids given, auth.test is not called. */
  botUserId?: string;
  botId?: string;
  /**
   * Retries of Web API calls (network errors, 5xx, 429 after waiting `Retry-After`).
   * Default `{ retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 10000, randomize: true }`:
   * a reminder that still fails is retried by the scheduler's next tick, not here.
   */
  retryConfig?: webApi.RetryOptions;
  /** Timeout of one Web API request in ms. Default 15000. */
  requestTimeoutMs?: number;
}

/** What `createSlackAdapter` returns to the runtime. */
export interface SlackAdapter {
  /** The Bolt app (for tests and diagnostics; the adapter has registered every listener it needs). */
  readonly app: App;
  /** Posts reminder Answers with chat.postMessage; throws `DeliveryError`. */
  readonly notifier: Notifier;
  /** Where the runtime routes Slack's requests in HTTP mode. */
  readonly eventsPath: '/slack/events';
  /**
   * Node http handler for POST /slack/events in HTTP mode (signature verified on every request:
   * bad or stale → 401; malformed body → 400; another path or method → 404; before `start()` → 503).
   */
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  /**
   * Verifies the bot token (auth.test, unless both bot ids were given). Socket Mode: then connects, and resolves
   * once connected; while Slack is unreachable the client keeps retrying (start() stays pending), a refused
   * app token (invalid_auth, not_authed) rejects. HTTP mode: nothing to listen on, the runtime owns the port.
   */
  start(): Promise<void>;
  /** Takes no more requests (HTTP: 503) or events (Socket Mode: disconnects), then waits for the work already acknowledged. */
  stop(): Promise<void>;
  /** Started, and in Socket Mode connected. */
  isReady(): boolean;
}

/** Thrown by `createSlackAdapter` for a configuration it cannot run with. */
export class SlackAdapterError extends Error {
  override readonly name = 'SlackAdapterError';
  constructor(readonly code: 'slack_config', message: string) {
    super(message);
  }
}

/** Bolt's extended error handler (its last `app.error` overload; the type is not exported by name). */
type ExtendedErrorHandler = Parameters<App['error']>[0];

const defaults = {
  commandName: '/plans',
  retryConfig: { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 10_000, randomize: true } satisfies webApi.RetryOptions,
  requestTimeoutMs: 15_000,
};

const eventsPath = '/slack/events';

/** Slack's payloads are a few kilobytes (block_actions carry the message: tens). Larger bodies are refused with 413. */
const maxRequestBytes = 1024 * 1024;

/** Said when a question fails inside planwatch; the language of the answer is unknown at that point. */
const failureNotice = `${slackLabels('zh').failed} / ${slackLabels('en').failed}`;

/**
 * Creates the Slack adapter: Socket Mode when `appToken` is set, otherwise HTTP mode
 * where the runtime mounts `handleRequest` at `/slack/events` on its own server.
 *
 * @example
 * const slack = createSlackAdapter({ botToken, signingSecret, planwatch, logger });
 * await slack.start();
 * server.on('request', (req, res) => req.url?.startsWith(slack.eventsPath) ? slack.handleRequest(req, res) : other(req, res));
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { planwatch } = options;
  const commandName = options.commandName ?? defaults.commandName;
  const log = options.logger.child({ surface: 'slack' });
  const boltLogger = toBoltLogger(log);
  const socketMode = options.appToken !== undefined && options.appToken !== '';
  if (options.botToken === '') throw new SlackAdapterError('slack_config', 'slack: botToken is empty (SLACK_BOT_TOKEN)');
  if (!socketMode && !options.signingSecret) {
    throw new SlackAdapterError('slack_config', 'slack: signingSecret is required in HTTP mode (SLACK_SIGNING_SECRET), or set appToken for Socket Mode');
  }
  if (!commandName.startsWith('/')) {
    throw new SlackAdapterError('slack_config', `slack: commandName must start with "/" (got "${commandName}")`);
  }

  const clientOptions: webApi.WebClientOptions = {
    retryConfig: options.retryConfig ?? defaults.retryConfig,
    timeout: options.requestTimeoutMs ?? defaults.requestTimeoutMs,
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
  };

  const httpReceiver = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: options.signingSecret ?? '',
        endpoints: eventsPath,
        logger: boltLogger,
        // ack() answers at once; the work goes on after the HTTP response (Slack wants it within 3 s).
        processBeforeResponse: false,
      });
  const socketReceiver = socketMode
    ? new SocketModeReceiver({ appToken: options.appToken ?? '', logger: boltLogger, installerOptions: { clientOptions } })
    : undefined;
  let socketConnected = false;
  socketReceiver?.client.on('connected', () => { socketConnected = true; });
  socketReceiver?.client.on('disconnected', () => { socketConnected = false; });

  const app = new App({
    token: options.botToken,
    receiver: httpReceiver ?? socketReceiver,
    logger: boltLogger,
    clientOptions,
    botUserId: options.botUserId,
    botId: options.botId,
    // auth.test runs in start(), awaited, not as a floating promise in the constructor.
    deferInitialization: true,
    extendedErrorHandler: true,
  });

  // The one catch point: every failure ends here, logged with what Slack sent.
  const logFailure = (error: unknown, body: unknown): void => {
    const b = body as { type?: string; event?: { type?: string }; command?: string; event_id?: string } | undefined;
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    log.error(
      { err: error, code, slackError: platformErrorOf(error), type: b?.type, event: b?.event?.type, command: b?.command, eventId: b?.event_id },
      'slack: handling failed',
    );
  };
  // Bolt's own failures, before any listener runs (authorization, middleware).
  const onError: ExtendedErrorHandler = async ({ error, body }) => logFailure(error, body);
  app.error(onError);

  // Work goes on after ack() (the HTTP response, or Socket Mode's envelope ack): stop() waits for it, so an answer
  // already acknowledged is still posted. As the first global middleware, next() settles when every listener has;
  // a listener's failure is logged here (every listener acks first, so Bolt has nothing left to answer), which
  // makes the log part of the work stop() waits for.
  const inFlight = new Set<Promise<void>>();
  const openRequests = new Set<Promise<void>>();
  app.use(async ({ next, body }) => {
    const work = next().catch((error: unknown) => logFailure(error, body));
    inFlight.add(work);
    await work;
    inFlight.delete(work);
  });

  const slackChat = (chatId: string): ChatRef => ({ surface: 'slack', chatId });
  const askOrHelp = (question: string): Answer =>
    question === '' ? planwatch.help() : planwatch.ask(question, { surface: 'slack' });

  /** True when this Events API delivery was not seen before (Slack redelivers on timeouts: same event_id). */
  const firstDelivery = async (body: { event_id?: unknown }): Promise<boolean> => {
    if (typeof body.event_id !== 'string' || body.event_id === '') return true;
    return planwatch.firstDelivery(`slack:event:${body.event_id}`);
  };

  /** Posts a short apology where a question went unanswered, then rethrows so app.error logs the cause. */
  const failVisibly = async (client: webApi.WebClient, channel: string, threadTs: string | undefined, error: unknown): Promise<never> => {
    await client.chat
      .postMessage({ channel, ...noticeMessage(failureNotice), ...(threadTs ? { thread_ts: threadTs } : {}) })
      .catch((e: unknown) => log.warn({ err: e }, 'slack: could not post the failure notice'));
    throw error;
  };

  const answerInChannel = async (client: webApi.WebClient, channel: string, threadTs: string | undefined, question: string): Promise<void> => {
    let posted;
    try {
      posted = await postAnswerToChannel(client, { channel, ...(threadTs ? { threadTs } : {}) }, askOrHelp(question), { logger: log });
    } catch (error) {
      await failVisibly(client, channel, threadTs, error);
      return;
    }
    if (posted.overflowError !== undefined) throw posted.overflowError;
  };

  // @planwatch in a channel: answer in the mention's thread (a mention inside a thread stays in that thread).
  app.event('app_mention', async ({ event, body, client, context }) => {
    if (event.bot_id !== undefined || event.subtype !== undefined || event.user === undefined) return;
    if (context.botUserId !== undefined && event.user === context.botUserId) return;
    if (!(await firstDelivery(body))) return;
    await answerInChannel(client, event.channel, event.thread_ts ?? event.ts, slackTextToPlain(event.text, context.botUserId));
  });

  // Direct messages: every plain user message is a question. Bots, edits and other subtypes are ignored.
  app.event('message', async ({ event, body, client, context }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id !== undefined || event.user === undefined || event.user === context.botUserId) return;
    if (!(await firstDelivery(body))) return;
    await answerInChannel(client, event.channel, event.thread_ts, slackTextToPlain(event.text ?? '', context.botUserId));
  });

  // /plans …: acknowledged at once, answered privately through the response_url.
  app.command(commandName, async ({ command, ack, respond }) => {
    await ack();
    const parsed = parseSlashCommand(slackTextToPlain(command.text));
    const chat = slackChat(command.channel_id);
    let answer: Answer;
    try {
      switch (parsed.kind) {
        case 'help': answer = planwatch.help(); break;
        case 'ask': answer = planwatch.ask(parsed.question, { surface: 'slack' }); break;
        case 'deadlines': answer = planwatch.deadlines(parsed.args, { surface: 'slack' }); break;
        case 'subscribe': answer = await planwatch.subscribe(chat, parsed.args, { surface: 'slack' }); break;
        case 'unsubscribe': answer = await planwatch.unsubscribe(chat, parsed.args); break;
        case 'subscriptions': answer = await planwatch.subscriptions(chat); break;
      }
    } catch (error) {
      await respond({ response_type: 'ephemeral', ...noticeMessage(failureNotice) })
        .catch((e: unknown) => log.warn({ err: e }, 'slack: could not send the failure notice'));
      throw error;
    }
    const isQuestion = parsed.kind === 'ask';
    await respondWithAnswer(respond, answer, { responseType: 'ephemeral', shareable: isQuestion, showQuestion: isQuestion, logger: log });
  });

  // "Share in channel" under a private answer: ask again (the button carries the question) and post it publicly.
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: actionIds.share }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    const question = action.value ?? '';
    if (channel === undefined || question === '') {
      log.warn({ user: body.user.id }, 'slack: share click without channel or question');
      return;
    }
    const answer = planwatch.ask(question, { surface: 'slack' });
    try {
      const posted = await postAnswerToChannel(client, { channel }, answer, { showQuestion: true, logger: log });
      if (posted.overflowError !== undefined) log.warn({ err: posted.overflowError, channel }, 'slack: overflow of a shared answer failed');
    } catch (error) {
      // The bot is not in that channel (a slash command works anywhere): Slack still lets the response_url post there.
      const slackError = platformErrorOf(error);
      if (slackError !== 'not_in_channel' && slackError !== 'channel_not_found') throw error;
      await respondWithAnswer(respond, answer, { responseType: 'in_channel', showQuestion: true, logger: log });
    }
    await respond({ delete_original: true }).catch((e: unknown) => log.warn({ err: e }, 'slack: could not remove the private answer'));
  });

  // 👍 / 👎: stored with the question, the answer's facts, the user and the channel.
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^(${actionIds.feedbackUp}|${actionIds.feedbackDown})$`) },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const value = decodeFeedbackValue(action.value);
      if (value === undefined) {
        log.warn({ user: body.user.id, value: action.value }, 'slack: feedback click with an unreadable value');
        return;
      }
      const chatId = body.channel?.id ?? body.container?.channel_id ?? body.user.id;
      await planwatch.recordFeedback({
        vote: action.action_id === actionIds.feedbackUp ? 'up' : 'down',
        question: value.q,
        factIds: value.f,
        user: body.user.id,
        chat: slackChat(chatId),
        at: new Date().toISOString(),
      });
      await thank(client, respond, body, chatId, escapeMrkdwn(slackLabels(value.l ?? 'zh').thanks));
    },
  );

  const thank = async (client: webApi.WebClient, respond: RespondFn, body: BlockAction, chatId: string, text: string): Promise<void> => {
    if (body.response_url) {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    const threadTs = body.container?.thread_ts as string | undefined;
    await client.chat.postEphemeral({ channel: chatId, user: body.user.id, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
  };

  const notifier = createSlackNotifier(app.client, log);
  let state: 'created' | 'starting' | 'running' | 'stopped' = 'created';

  return {
    app,
    notifier,
    eventsPath,
    handleRequest(req, res) {
      if (httpReceiver === undefined || state !== 'running') {
        res.writeHead(httpReceiver === undefined ? 404 : 503);
        res.end();
        return;
      }
      // Bolt buffers the whole body before checking the signature: refuse absurd sizes up front.
      if (Number(req.headers['content-length'] ?? 0) > maxRequestBytes) {
        log.warn({ length: req.headers['content-length'] }, 'slack: request body too large');
        res.writeHead(413, { connection: 'close' });
        res.end();
        req.resume();
        return;
      }
      // Until its response is written, a request may still start work (its ack is written inside processEvent).
      const answered = new Promise<void>((resolve) => res.once('close', resolve));
      openRequests.add(answered);
      void answered.then(() => openRequests.delete(answered));
      try {
        httpReceiver.requestListener(req, res);
      } catch (error) {
        // Another path or method: the receiver throws synchronously so a router could try elsewhere.
        log.info({ err: error, method: req.method, url: req.url }, 'slack: request outside /slack/events');
        if (!res.headersSent) {
          res.writeHead(404);
          res.end();
        }
      }
    },
    async start() {
      if (state === 'running' || state === 'starting') return;
      state = 'starting';
      try {
        await app.init();
        if (socketMode) await app.start();
        state = 'running';
        log.info({ mode: socketMode ? 'socket' : 'http', command: commandName }, 'slack: adapter started');
      } catch (error) {
        state = 'created';
        throw error;
      }
    },
    async stop() {
      const wasRunning = state === 'running';
      // From here on HTTP requests get 503; what was acknowledged before still finishes.
      state = 'stopped';
      if (wasRunning && socketMode) await app.stop();
      await Promise.allSettled([...openRequests]);
      await Promise.allSettled([...inFlight]);
    },
    isReady: () => state === 'running' && (!socketMode || socketConnected),
  };
}
