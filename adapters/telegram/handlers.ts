/**
 * Telegram updates → calls on the `Planwatch` facade. Private chats: any text is a question. Groups: only a mention
 * of the bot, a reply to the bot, or a command. Every handler answers with `sendAnswer`; errors propagate to the
 * adapter's one error handler.
 */
import { Composer, type Context } from 'grammy';
import type { Message, UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import type { Answer, Language } from '../../src/answer/types.ts';
import type { Planwatch } from '../../src/planwatch.ts';
import { callbackPrefix, chatRefOf, decodeFactIds, isChatGone, sendAnswer, type SendTarget } from './send.ts';

/** Commands, as registered with `setMyCommands` (Chinese by default, English for `language_code: 'en'`). */
export const telegramCommands = {
  zh: [
    { command: 'start', description: '开始使用' },
    { command: 'help', description: '帮助：能回答哪些地区和年份' },
    { command: 'ask', description: '提问，例如 /ask 浙江数字经济目标' },
    { command: 'deadlines', description: '即将到期的目标 [地区]' },
    { command: 'subscribe', description: '订阅截止提醒：地区或主题' },
    { command: 'unsubscribe', description: '取消订阅' },
    { command: 'subscriptions', description: '查看本聊天的订阅' },
  ],
  en: [
    { command: 'start', description: 'Start' },
    { command: 'help', description: 'Help: which regions and years I know' },
    { command: 'ask', description: 'Ask a question, e.g. /ask Zhejiang digital economy target' },
    { command: 'deadlines', description: 'Upcoming target deadlines [region]' },
    { command: 'subscribe', description: 'Deadline reminders for a region or topic' },
    { command: 'unsubscribe', description: 'Stop reminders' },
    { command: 'subscriptions', description: "This chat's subscriptions" },
  ],
} as const;

/**
 * The question a message asks the bot, or null when it does not address the bot. Private chats: the whole text.
 * Groups and supergroups: the text without the bot's @mentions when it mentions the bot, the text when it replies to
 * the bot, else null. Channels: null. An empty string means the bot was addressed without a question.
 */
export function questionOf(message: Pick<Message, 'chat' | 'text' | 'entities' | 'reply_to_message'>, me: Pick<UserFromGetMe, 'id' | 'username'>): string | null {
  const text = message.text ?? '';
  if (message.chat.type === 'private') return text.trim();
  if (message.chat.type !== 'group' && message.chat.type !== 'supergroup') return null;
  const handle = `@${me.username}`.toLowerCase();
  const mentions = (message.entities ?? []).filter((e) =>
    (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle)
    || (e.type === 'text_mention' && e.user.id === me.id));
  if (mentions.length > 0) {
    let question = text;
    for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) {
      question = question.slice(0, e.offset) + ' ' + question.slice(e.offset + e.length);
    }
    return question.replace(/\s+/g, ' ').trim();
  }
  return message.reply_to_message?.from?.id === me.id ? text.trim() : null;
}

/** The user's language for texts planwatch writes itself (help, sources): English when Telegram says so. */
function languageOf(ctx: Context): Language {
  return ctx.from?.language_code?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Replies go to the asking message in groups, and to its forum topic. */
function targetOf(ctx: Context): SendTarget {
  const chat = ctx.chat!;
  const msg = ctx.msg;
  return {
    chatId: chat.id,
    ...(chat.type !== 'private' && msg !== undefined ? { replyTo: msg.message_id } : {}),
    ...(msg?.is_topic_message === true && msg.message_thread_id !== undefined ? { threadId: msg.message_thread_id } : {}),
  };
}

/** What the handlers need. */
export interface HandlerDeps {
  planwatch: Planwatch;
  logger: Logger;
}

/**
 * The middleware of the Telegram adapter: redelivery guard, commands, callback buttons, questions.
 *
 * @example bot.errorBoundary(onError).use(createTelegramHandlers({ planwatch, logger }));
 */
export function createTelegramHandlers(deps: HandlerDeps): Composer<Context> {
  const { planwatch, logger } = deps;
  const composer = new Composer<Context>();

  // The same update delivered twice (webhook redelivery, a restart before the offset was confirmed) is answered once.
  composer.use(async (ctx, next) => {
    if (await planwatch.firstDelivery(`tg:update:${ctx.update.update_id}`)) return next();
    logger.info({ updateId: ctx.update.update_id }, 'telegram: update already handled, ignored');
  });

  const reply = (ctx: Context, answer: Answer) => sendAnswer(ctx.api, targetOf(ctx), answer, { logger });

  const ask = async (ctx: Context, question: string) => {
    if (question === '') return reply(ctx, planwatch.help(languageOf(ctx)));
    await typing(ctx, logger);
    return reply(ctx, planwatch.ask(question, { surface: 'telegram' }));
  };

  composer.command(['start', 'help'], (ctx) => reply(ctx, planwatch.help(languageOf(ctx))));
  composer.command('ask', (ctx) => ask(ctx, ctx.match.trim()));
  composer.command('deadlines', async (ctx) => {
    await typing(ctx, logger);
    await reply(ctx, planwatch.deadlines(ctx.match.trim(), { surface: 'telegram' }));
  });
  composer.command('subscribe', async (ctx) =>
    reply(ctx, await planwatch.subscribe(chatRefOf(ctx.chat.id), ctx.match.trim(), { surface: 'telegram' })));
  composer.command('unsubscribe', async (ctx) => reply(ctx, await planwatch.unsubscribe(chatRefOf(ctx.chat.id), ctx.match.trim())));
  composer.command('subscriptions', async (ctx) => reply(ctx, await planwatch.subscriptions(chatRefOf(ctx.chat.id))));

  composer.on('callback_query:data', async (ctx) => {
    let toast: string | undefined;
    try {
      const data = ctx.callbackQuery.data;
      const chat = ctx.chat;
      if (chat === undefined) return;
      const target: SendTarget = {
        chatId: chat.id,
        ...(ctx.callbackQuery.message !== undefined ? { replyTo: ctx.callbackQuery.message.message_id } : {}),
      };
      if (data.startsWith(callbackPrefix.moreSources)) {
        const ids = decodeFactIds(data.slice(callbackPrefix.moreSources.length));
        await sendAnswer(ctx.api, target, planwatch.sources(ids, languageOf(ctx)), { expanded: true, logger });
      } else if (data.startsWith(callbackPrefix.remindMe)) {
        const answer = await planwatch.subscribeToFact(chatRefOf(chat.id), data.slice(callbackPrefix.remindMe.length));
        toast = answer.headline.slice(0, 190);
        await sendAnswer(ctx.api, target, answer, { logger });
      } else {
        logger.warn({ updateId: ctx.update.update_id, data }, 'telegram: unknown callback data');
      }
    } finally {
      // Always answered, so the button stops spinning, even when the work above failed.
      await ctx.answerCallbackQuery(toast !== undefined && toast !== '' ? { text: toast } : undefined).catch((err: unknown) =>
        logger.warn({ updateId: ctx.update.update_id, err }, 'telegram: answerCallbackQuery failed'));
    }
  });

  composer.on('message:text', async (ctx) => {
    const isCommand = ctx.msg.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) ?? false;
    if (isCommand) {
      // An unknown command: explained in private chats, left alone in groups (it may be another bot's).
      if (ctx.chat.type === 'private') await reply(ctx, planwatch.help(languageOf(ctx)));
      return;
    }
    const question = questionOf(ctx.msg, ctx.me);
    if (question === null) return;
    await ask(ctx, question);
  });

  return composer;
}

/** Shows "typing…". A passing failure is only logged (the answer matters more); a chat that is gone is thrown. */
async function typing(ctx: Context, logger: Logger): Promise<void> {
  const threadId = ctx.msg?.is_topic_message === true ? ctx.msg.message_thread_id : undefined;
  await ctx.api.sendChatAction(ctx.chat!.id, 'typing', threadId !== undefined ? { message_thread_id: threadId } : {}).catch((err: unknown) => {
    if (isChatGone(err)) throw err;
    logger.warn({ updateId: ctx.update.update_id, err }, 'telegram: sendChatAction failed');
  });
}
