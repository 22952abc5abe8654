import { describe, expect, it } from 'vitest';
import { Answer } from '../../src/answer/types.ts';
import { formatFigure } from '../../src/reminders/format.ts';
import { digestMessage, followupMessage, reminderMessage } from '../../src/reminders/messages.ts';
import { allFacts, fact, henan5g, zhejiangGdp, zhejiangGdpActual } from './fixtures.ts';

describe('reminderMessage', () => {
  it.each([
    [30, '提醒：河南 5G基站总数 突破18万个，截止 2023-12-31，还有30天'],
    [7, '提醒：河南 5G基站总数 突破18万个，截止 2023-12-31，还有7天'],
    [0, '提醒：河南 5G基站总数 突破18万个，截止 2023-12-31，今天截止'],
  ])('%i days left', (days, headline) => {
    const m = Answer.parse(reminderMessage(henan5g, days));
    expect(m.intent).toBe('reminder');
    expect(m.headline).toBe(headline);
    expect(m.text.startsWith(`${headline} [1]`)).toBe(true);
    const { document, title, date, url, quote } = henan5g.citations[0]!;
    expect(m.sources).toEqual([{ document, title, date, url, quote, n: 1, factId: henan5g.id }]);
    expect(m.text).toContain(`[1] ${henan5g.citations[0]!.title} · 2023-04-18 · ${henan5g.citations[0]!.quote} · ${henan5g.citations[0]!.url}`);
    expect(m.facts.map((f) => f.id)).toEqual([henan5g.id]);
    // The figure as answers show it, with its comparator (the stored value is "18万个").
    expect(m.figure).toBe('突破18万个');
  });

  it('keeps the commitment wording', () => {
    expect(reminderMessage(zhejiangGdp, 30).headline).toBe('提醒：浙江 地区生产总值 增长8%（力争），截止 2023-12-31，还有30天');
  });
});

describe('followupMessage', () => {
  it('with an actual: target · actual, both cited', () => {
    const m = Answer.parse(followupMessage(zhejiangGdp, [zhejiangGdpActual]));
    expect(m.headline).toBe('已到期：浙江 2023年 地区生产总值 目标 增长8%（力争） · 实际 增长6.6%');
    expect(m.sources.map((s) => s.factId)).toEqual([zhejiangGdp.id, zhejiangGdpActual.id]);
    expect(m.text).toContain('[2] 2023年浙江省国民经济和社会发展统计公报');
    // The figure as answers show it: the relation with the number (value alone is "6.6%").
    expect(m.figure).toBe('增长6.6%');
  });

  it('without an actual: says none is known yet', () => {
    const m = Answer.parse(followupMessage(henan5g, []));
    expect(m.headline).toBe('已到期：河南 2023年 5G基站总数 目标 突破18万个 · 暂无实际数据');
    expect(m.text).toContain('知识库中尚无实际完成数据');
    expect(m.sources).toHaveLength(1);
  });
});

describe('digestMessage', () => {
  it('lists each new fact with its source', () => {
    const m = Answer.parse(digestMessage(allFacts.slice(0, 3)));
    expect(m.intent).toBe('digest');
    expect(m.headline).toBe('新增3条相关数据');
    expect(m.rows.map((r) => r.factId)).toEqual(allFacts.slice(0, 3).map((f) => f.id));
    expect(m.text).toContain('河南 2023年 目标：5G基站总数 突破18万个，截止 2023-12-31 [1]');
  });

  it('keeps to 10 facts and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => fact({ id: `hn-2024-${String(i).padStart(8, '0')}`, region: '河南', metric: `指标${i}`, value: `${i}%` }));
    const m = Answer.parse(digestMessage(many));
    expect(m.facts).toHaveLength(10);
    expect(m.notes).toEqual(['另有3条未列出。']);
  });
});

describe('formatFigure', () => {
  it.each([
    ['突破', '18万个', '突破18万个'],
    ['以上', '18万个', '18万个以上'],
    ['左右', '8%', '8%左右'],
    [null, '415X', '415X'],
    ['增长', '增长10%', '增长10%'],
    ['增长…以上', '10%', '增长10%以上'],
    ['为…左右', '7%', '7%左右'],
  ])('%s + %s = %s', (comparator, value, expected) => {
    expect(formatFigure({ kind: 'target', comparator, value })).toBe(expected);
  });
});
