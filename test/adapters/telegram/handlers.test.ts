import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { questionOf } from '../../../adapters/telegram/handlers.ts';
import { answerKeyboard, decodeFactIds, encodeFactIds } from '../../../adapters/telegram/send.ts';
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

describe('encodeFactIds / decodeFactIds', () => {
  it.each<[string, string[], string]>([
    ['one id', ['hn-2023-30921c91'], 'hn-2023-30921c91'],
    ['a shared prefix is written once', ['hn-2023-30921c91', 'hn-2023-87073155'], 'hn-2023-30921c91,+87073155'],
    ['a new prefix is written in full', ['hn-2023-30921c91', 'zj-2023-1a2b3c4d', 'zj-2023-5e6f7a8b'], 'hn-2023-30921c91,zj-2023-1a2b3c4d,+5e6f7a8b'],
    ['ids without a prefix stay whole', ['abc', 'abd'], 'abc,abd'],
  ])('%s', (_name, ids, encoded) => {
    expect(encodeFactIds(ids)).toBe(encoded);
    expect(decodeFactIds(encoded)).toEqual(ids);
  });

  it('ignores empty parts', () => {
    expect(decodeFactIds(',hn-2023-1,,+2,')).toEqual(['hn-2023-1', 'hn-2023-2']);
  });
});

describe('answerKeyboard', async () => {
  const { planwatch } = await createTestPlanwatch();
  const answer = planwatch.ask('河南5G基站目标');
  const fact = answer.facts[0]!;
  const many = { ...answer, intent: 'list' as const, facts: Array.from({ length: 10 }, (_, i) => ({ ...fact, id: `${fact.id}${i}` })) };
  const mixed = { ...many, facts: many.facts.map((f, i) => ({ ...f, id: `r${i}-2023-${f.id.slice(-9)}` })) };

  it.each([
    ['a real answer', answer],
    ['ten facts of one region and year', many],
    ['ten facts of ten regions', mixed],
    ['ids too long for callback data', { ...answer, facts: [{ ...fact, id: 'x'.repeat(70) }] }],
  ])('%s: every callback_data fits in 64 bytes and names the answer\'s first facts', (_name, a) => {
    const buttons = (answerKeyboard(a)?.inline_keyboard.flat() ?? []) as { callback_data: string }[];
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    const more = buttons.find((b) => b.callback_data.startsWith('more:'));
    if (more === undefined) return;
    const ids = decodeFactIds(more.callback_data.slice('more:'.length));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(a.facts.slice(0, ids.length).map((f) => f.id));
    // Full: the next fact would not have fit.
    if (ids.length < a.facts.length) {
      expect(Buffer.byteLength(`more:${encodeFactIds(a.facts.slice(0, ids.length + 1).map((f) => f.id))}`)).toBeGreaterThan(64);
    }
  });

  it('carries more ids of one region and year than plain ids would fit', () => {
    const more = (answerKeyboard(many)?.inline_keyboard.flat() ?? []).map((b) => (b as { callback_data: string }).callback_data)[0]!;
    // n comma-separated ids of length L take n·L + n − 1 bytes.
    const plainFit = Math.floor((64 - 'more:'.length + 1) / (many.facts[0]!.id.length + 1));
    expect(decodeFactIds(more.slice('more:'.length)).length).toBeGreaterThan(plainFit);
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
