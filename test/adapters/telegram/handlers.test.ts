import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { questionOf } from '../../../adapters/telegram/handlers.ts';
import { answerKeyboard } from '../../../adapters/telegram/send.ts';
import { fakeBotInfo } from '../../fakes/telegram-api.ts';
import { createTestPlanwatch } from '../../support/planwatch.ts';
import { groupChat, privateChat, textMessage } from './helpers.ts';

const me = { id: fakeBotInfo.id, username: fakeBotInfo.username };
const channel = { id: -100999, type: 'channel' as const, title: 'News' };

function msg(chat: typeof privateChat | typeof groupChat, text: string, extra: { replyToBot?: boolean } = {}): Message {
  return textMessage(chat, text, extra).message as Message;
}

describe('questionOf', () => {
  it.each<[string, Message, string | null]>([
    ['private: the whole text, trimmed', msg(privateChat, '  河南5G基站目标 '), '河南5G基站目标'],
    ['group without mention: quiet', msg(groupChat, '河南5G基站目标'), null],
    ['group with mention first', msg(groupChat, '@planwatch_bot 河南5G基站目标'), '河南5G基站目标'],
    ['group with mention inside, any case', msg(groupChat, '河南 @PlanWatch_Bot 5G基站目标'), '河南 5G基站目标'],
    ['group with mention after an emoji (UTF-16 offsets)', msg(groupChat, '😀 @planwatch_bot 河南目标'), '😀 河南目标'],
    ['group mentioning another bot: quiet', msg(groupChat, '@other_bot 河南5G基站目标'), null],
    ['group: only the mention', msg(groupChat, '@planwatch_bot'), ''],
    ['group: a reply to the bot', msg(groupChat, '浙江呢？', { replyToBot: true }), '浙江呢？'],
    ['group: a reply to someone else', { ...msg(groupChat, '浙江呢？'), reply_to_message: { ...msg(groupChat, 'x'), from: { id: 1, is_bot: false, first_name: 'A' } } } as Message, null],
    ['channel: never', { ...msg(groupChat, '@planwatch_bot 河南'), chat: channel } as Message, null],
    ['group: a text_mention of the bot', {
      ...msg(groupChat, 'planwatch 河南目标'),
      entities: [{ type: 'text_mention', offset: 0, length: 9, user: { id: me.id, is_bot: true, first_name: 'planwatch' } }],
    } as Message, '河南目标'],
  ])('%s', (_name, message, expected) => {
    expect(questionOf(message, me)).toBe(expected);
  });
});

describe('answerKeyboard', async () => {
  const { planwatch } = await createTestPlanwatch();
  const answer = planwatch.ask('河南5G基站目标');
  const fact = answer.facts[0]!;
  const many = { ...answer, intent: 'list' as const, facts: Array.from({ length: 10 }, (_, i) => ({ ...fact, id: `${fact.id}${i}` })) };

  it.each([
    ['a single fact', answer],
    ['ten facts', many],
    ['ids too long for callback data', { ...answer, facts: [{ ...fact, id: 'x'.repeat(70) }] }],
  ])('%s: every callback_data fits in 64 bytes and names known facts', (_name, a) => {
    const buttons = answerKeyboard(a)?.inline_keyboard.flat() ?? [];
    for (const b of buttons) {
      const data = (b as { callback_data: string }).callback_data;
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      const ids = data.replace(/^(more|sub):/, '').split(',');
      for (const id of ids) expect(a.facts.map((f) => f.id)).toContain(id);
    }
  });

  it.each([
    ['a refusal (no facts)', planwatch.ask('火星GDP'), []],
    ['help', planwatch.help(), []],
    ['an answer with facts', answer, ['更多来源 / More sources', '订阅提醒 / Remind me']],
    ['a reminder with facts', { ...answer, intent: 'reminder' as const }, ['更多来源 / More sources']],
    ['sources', { ...answer, intent: 'sources' as const }, []],
  ])('%s', (_name, a, labels) => {
    expect((answerKeyboard(a)?.inline_keyboard.flat() ?? []).map((b) => b.text)).toEqual(labels);
  });
});
