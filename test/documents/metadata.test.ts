import { describe, expect, it } from 'vitest';
import {
  dateFromDateline,
  dateFromLabels,
  isHttpUrl,
  publisherFromLabels,
  toIsoDate,
} from '../../src/documents/metadata.ts';

describe('toIsoDate', () => {
  it.each([
    ['2023-03-28', '2023-03-28'],
    ['2023/3/8', '2023-03-08'],
    ['2023.3.8', '2023-03-08'],
    ['2023年3月28日', '2023-03-28'],
    ['2023 年 3 月 28 日', '2023-03-28'],
    ['2022-02-18 10:30:04 +0800', '2022-02-18'],
    ['2023-02-30', null],
    ['2023-13-01', null],
    ['1900-01-01', null],
    ['2023年', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});

describe('dateFromLabels', () => {
  it.each([
    [
      'prefers the 发布日期 carrying a time',
      ['索引号: 002482904/2023-00263 发布日期: 2023-03-03 发布机构: 省经信厅', '发布日期:2023-03-28 14:44 信息来源:省经信厅'],
      { date: '2023-03-28', source: '发布日期' },
    ],
    ['else the first 发布日期', ['发布日期：2023年3月1日', '发布日期：2023年3月5日'], { date: '2023-03-01', source: '发布日期' }],
    ['发布时间 counts as 发布日期', ['发布时间：2024/1/9 08:00'], { date: '2024-01-09', source: '发布时间' }],
    ['成文日期 when no 发布日期', ['成文日期：2023-02-20'], { date: '2023-02-20', source: '成文日期' }],
    ['发布日期 beats 成文日期', ['成文日期：2023-02-20', '发布日期：2023-02-25'], { date: '2023-02-25', source: '发布日期' }],
    ['a bare 日期 field', ['日期：2023年5月6日'], { date: '2023-05-06', source: '日期' }],
    ['not 日期 inside a word', ['截止日期：2025年12月31日'], null],
    ['never a year inside a sentence', ['2023年全省规上工业增加值增长5.5%，到2025年12月31日前完成。'], null],
    ['nothing at all', ['正文。'], null],
  ])('%s', (_name, lines, expected) => {
    expect(dateFromLabels(lines)).toEqual(expected);
  });
});

describe('dateFromDateline', () => {
  const body = Array.from({ length: 30 }, (_, i) => `第${String(i + 1)}段正文，2023年3月28日召开会议。`);
  it.each([
    ['at the bottom, in brackets', [...body, '（2023年3月28日）'], '2023-03-28'],
    ['at the top', ['示例省经信厅', '2023年3月28日', ...body], '2023-03-28'],
    ['ISO form alone', [...body, '2023-03-28'], '2023-03-28'],
    ['not in the middle', [...body.slice(0, 15), '2023年3月28日', ...body.slice(15)], null],
    ['not inside a sentence', body, null],
  ])('%s', (_name, lines, expected) => {
    expect(dateFromDateline(lines)?.date ?? null).toBe(expected);
  });
});

describe('publisherFromLabels', () => {
  it.each([
    [['发布日期: 2023-03-03 发布机构: 省经信厅 公开方式: 主动公开'], '省经信厅'],
    [['发布日期:2023-03-28 14:44 信息来源:省经信厅(省中小企业局) 浏览次数:'], '省经信厅(省中小企业局)'],
    [['信息来源:省经信厅', '发布机构:浙江省经济和信息化厅'], '浙江省经济和信息化厅'],
    [['（文章来源：中国电子报）'], '中国电子报'],
    [['来源: 浏览次数:'], null],
    [['资金来源：省财政专项。'], null],
    [['正文。'], null],
  ])('%j → %j', (lines, expected) => {
    expect(publisherFromLabels(lines)).toBe(expected);
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://example.gov.cn/a.html', true],
    ['http://finews.zning.xyz/x?infoCode=1', true],
    ['//finews.withounder.com/', false],
    ['ftp://x', false],
    [null, false],
  ])('%j → %s', (input, expected) => {
    expect(isHttpUrl(input)).toBe(expected);
  });
});
