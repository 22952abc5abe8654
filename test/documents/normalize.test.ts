import { describe, expect, it } from 'vitest';
import {
  countInCharacters,
  digitsInCharacters,
  looksTraditional,
  normalizeForMatch,
  normalizeInline,
  removeStraySpaces,
  toHalfWidth,
  toSimplified,
} from '../../src/documents/normalize.ts';

describe('toHalfWidth', () => {
  it.each([
    ['５Ｇ基站２０万个', '5G基站20万个'],
    ['ＡＢＣａｂｃ', 'ABCabc'],
    ['增长６．０％', '增长6.0%'],
    ['增长6．0%', '增长6.0%'],
    ['１＋１＝２', '1+1=2'],
    ['＜５％＞', '<5%>'],
    ['３７万元／亩', '37万元/亩'],
    ['中文\u3000空格', '中文 空格'],
    ['第一．第二', '第一．第二'],
    ['，。、；：（）“”《》！？', '，。、；：（）“”《》！？'],
    ['plain ascii 123', 'plain ascii 123'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('removeStraySpaces', () => {
  it.each([
    ['调 ， 要 全 力 实 施', '调，要全力实施'],
    ['《工作要点》 强', '《工作要点》强'],
    ['30 亿元', '30亿元'],
    ['6. 0%', '6.0%'],
    ['增长 6. 0%。', '增长6.0%。'],
    ['500 个以上', '500个以上'],
    ['联网平台 500 个以上。', '联网平台500个以上。'],
    ['100 家', '100家'],
    ['增长 10 %', '增长10%'],
    ['5G 网络', '5G网络'],
    ['区域 5G 网络覆盖', '区域5G网络覆盖'],
    ['( 数字化车间 )', '(数字化车间)'],
    ['智能工厂 （数字化车间） 150家以上', '智能工厂（数字化车间）150家以上'],
    ['3 至 5 个', '3至5个'],
    ['Zhejiang plan', 'Zhejiang plan'],
    ['Top 10', 'Top 10'],
    ['Top    10', 'Top 10'],
    ['EN 2023年地方重点工作解读', 'EN 2023年地方重点工作解读'],
    ['强化资金支持 and 人才服务', '强化资金支持 and 人才服务'],
    ['1. 2023年目标', '1. 2023年目标'],
    ['  前后空格  ', '前后空格'],
    ['第一行 \n 第二行', '第一行\n第二行'],
    ['规上\u00a0工业', '规上工业'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(removeStraySpaces(input)).toBe(expected);
  });
});

describe('normalizeInline', () => {
  it.each([
    ['力争 ５Ｇ 基站 ２０ 万个', '力争5G基站20万个'],
    ['增长６. ０％', '增长6.0%'],
    ['浙江 数字经济 核心产业 增加值', '浙江数字经济核心产业增加值'],
    ['What is Zhejiang’s 2023 target?', 'What is Zhejiang’s 2023 target?'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeInline(input)).toBe(expected);
  });

  it('composes NFC with the other steps', () => {
    const decomposed = 'Cafe\u0301 数字';
    expect(normalizeInline(decomposed)).toBe('Café数字');
  });
});

describe('toSimplified and looksTraditional', () => {
  it.each([
    ['數位經濟產業發展', '数位经济产业发展'],
    ['軟體網路', '软体网路'],
    ['数字经济', '数字经济'],
  ])('toSimplified(%s) = %s', (input, expected) => {
    expect(toSimplified(input)).toBe(expected);
  });

  it.each([
    ['本市數位經濟產業規模持續擴大', true],
    ['浙江省数字经济核心产业增加值增长10%', false],
    ['今年将深入实施数字经济创新提质“一号发展工程”，加快打造“中国视谷”。', false],
    ['', false],
    ['Hello world 2023', false],
  ])('looksTraditional(%j) = %s', (input, expected) => {
    expect(looksTraditional(input)).toBe(expected);
  });
});

describe('normalizeForMatch', () => {
  it.each([
    ['數字經濟 增長 １０％', '数字经济增长10%'],
    ['累计创建省级工业互\n联网平台 500 个以上', '累计创建省级工业互联网平台500个以上'],
    ['研发投入，增长', '研发投入,增长'],
  ])('%j matches %j', (a, b) => {
    expect(normalizeForMatch(a)).toBe(normalizeForMatch(b));
  });

  it('drops all whitespace', () => {
    expect(normalizeForMatch(' a b\tc\n')).toBe('abc');
  });
});

describe('removeStraySpaces on an OCR scan', () => {
  it.each([
    ['增长 5 .6%', '增长5.6%'],
    ['达到 2 6 86.5亿元', '达到2686.5亿元'],
    ['收入1 86.5亿元，', '收入186.5亿元，'],
    ['2 0 2 5年', '2025年'],
    // Not a spaced number: a box's number before a year, numbers in a row, Latin text.
    ['专栏1 2026年重点项目', '专栏1 2026年重点项目'],
    ['专栏2 2026—2027年重点项目', '专栏2 2026—2027年重点项目'],
    ['年份 2025 2026', '年份2025 2026'],
    ['Top 10 20', 'Top 10 20'],
  ])('%s → %s', (input, expected) => {
    expect(removeStraySpaces(input)).toBe(expected);
  });
});

describe('removeStraySpaces on an OCR scan, decimals', () => {
  it.each([
    ['达到9 8 . 6%', '达到98.6%'],
    ['率达到38 . 2%', '率达到38.2%'],
    ['提高到6.3 2亿吨', '提高到6.32亿吨'],
  ])('%s → %s', (input, expected) => {
    expect(removeStraySpaces(input)).toBe(expected);
  });
});

describe('numbers written in characters', () => {
  it('reads a year digit by digit (零 and ○ as 〇) and refuses anything else', () => {
    expect(['二〇二六', '二零二五', '二○二四', '二〇二X'].map(digitsInCharacters)).toEqual(['2026', '2025', '2024', null]);
  });

  it('reads a count up to 99, in characters or digits', () => {
    expect(['九', '两', '十', '十二', '二十', '二十八', '三十一', '12', '百', '二二'].map(countInCharacters)).toEqual([9, 2, 10, 12, 20, 28, 31, 12, NaN, NaN]);
  });
});
