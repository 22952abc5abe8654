/**
 * Incoming Slack text and button values → what the core gets. Pure, table-driven.
 */
import { describe, expect, it } from 'vitest';
import { decodeFeedbackValue, encodeFeedbackValue, encodeShareValue } from '../../../adapters/slack/actions.ts';
import { parseSlashCommand, slackTextToPlain, type SlashCommand } from '../../../adapters/slack/incoming.ts';

describe('slackTextToPlain', () => {
  it.each([
    ['<@UBOT> 浙江数字经济目标', '浙江数字经济目标'],
    ['<@UBOT|planwatch> 浙江 目标', '浙江 目标'],
    ['浙江 <@UBOT> 目标', '浙江 目标'],
    ['<@U123> 问一下 <@UBOT>', '@U123 问一下'],
    ['<@U123|bob> 看看', '@bob 看看'],
    ['<!channel> 浙江', '@channel 浙江'],
    ['<!here> <!everyone>', '@here @everyone'],
    ['<!subteam^S123|@analysts> 浙江', '@analysts 浙江'],
    ['<#C123|plans> 里问过', '#plans 里问过'],
    ['见 <https://example.gov.cn/a|文件> 和 <https://x.test/b>', '见 文件 和 https://x.test/b'],
    ['&lt;!channel&gt; 字面量', '<!channel> 字面量'],
    ['R&amp;D 投入 &gt; 3%', 'R&D 投入 > 3%'],
    ['  浙江\n\n目标  ', '浙江 目标'],
  ])('%j → %j', (input, expected) => {
    expect(slackTextToPlain(input, 'UBOT')).toBe(expected);
  });

  it('keeps other user mentions when no bot id is known', () => {
    expect(slackTextToPlain('<@UBOT> 浙江')).toBe('@UBOT 浙江');
  });
});

describe('parseSlashCommand', () => {
  it.each<[string, SlashCommand]>([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['deadlines', { kind: 'deadlines', args: '' }],
    ['deadlines 浙江', { kind: 'deadlines', args: '浙江' }],
    ['subscribe 浙江 5G --lead 90,30', { kind: 'subscribe', args: '浙江 5G --lead 90,30' }],
    ['unsubscribe', { kind: 'unsubscribe', args: '' }],
    ['unsubscribe all', { kind: 'unsubscribe', args: 'all' }],
    ['subscriptions', { kind: 'subscriptions' }],
    ['浙江数字经济目标', { kind: 'ask', question: '浙江数字经济目标' }],
    ['helpful targets in 浙江', { kind: 'ask', question: 'helpful targets in 浙江' }],
    ['What is the deadlines policy', { kind: 'ask', question: 'What is the deadlines policy' }],
  ])('%j', (text, expected) => {
    expect(parseSlashCommand(text)).toEqual(expected);
  });
});

describe('button values', () => {
  it.each([
    ['short', { q: '浙江数字经济目标', f: ['zj-2023-1a2b3c4d'], l: 'zh' as const }],
    ['quotes and brackets', { q: '"<!channel>" \\ 浙江', f: [], l: 'en' as const }],
  ])('round-trips a %s feedback value', (_name, value) => {
    expect(decodeFeedbackValue(encodeFeedbackValue(value))).toEqual(value);
  });

  it.each([
    ['a long question', { q: '浙江"数字经济"\n'.repeat(500), f: ['a', 'b'] }, 2000],
    ['long fact ids', { q: 'q', f: Array.from({ length: 200 }, (_, i) => `fact-${i}-${'x'.repeat(20)}`) }, 2000],
    ['a tight limit', { q: '浙江'.repeat(50), f: ['zj-1'] }, 40],
  ])('cuts %s to the limit', (_name, value, limit) => {
    const encoded = encodeFeedbackValue(value, limit);
    expect(encoded.length).toBeLessThanOrEqual(limit);
    const decoded = decodeFeedbackValue(encoded)!;
    expect(value.q.startsWith(decoded.q)).toBe(true);
    expect(value.f.slice(0, decoded.f.length)).toEqual(decoded.f);
  });

  it.each([undefined, '', 'not json', '{"q":1}', '[1,2]'])('refuses the feedback value %j', (raw) => {
    expect(decodeFeedbackValue(raw)).toBeUndefined();
  });

  it.each([
    ['浙江', 2000, '浙江'],
    ['a'.repeat(2500), 2000, 'a'.repeat(2000)],
    ['😀😀😀', 5, '😀😀'],
  ])('share value of %j (limit %i)', (question, limit, expected) => {
    expect(encodeShareValue(question, limit)).toBe(expected);
  });
});
