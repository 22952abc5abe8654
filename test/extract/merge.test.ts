import { describe, expect, it } from 'vitest';
import type { RawFact } from '../../src/extract/extract.ts';
import { mergeFacts } from '../../src/extract/merge.ts';

function raw(metric: string, document: string, offset = 0): RawFact {
  return {
    kind: 'target', region: '浙江', city: null, metric, value: '10%', comparator: '增长', hedge: null, number: 10, numberMax: null,
    unit: '%', year: 2025, deadline: '2025-12-31', definition: null, heading: false,
    citation: { document, title: document, date: '2025-03-01', url: null, quote: `${metric}增长10%`, offset },
  };
}

describe('mergeFacts', () => {
  it('one figure reported by two documents, one metric the tail of the other, is one fact with two citations', () => {
    const merged = mergeFacts([raw('数字经济核心产业增加值', 'a'), raw('核心产业增加值', 'b')], () => 'zj');
    expect(merged.map((f) => [f.metric, f.citations.length])).toEqual([['数字经济核心产业增加值', 2]]);
  });

  it('a district\'s figure is not the same fact as the city\'s, even when the figures are equal', () => {
    const merged = mergeFacts([raw('镇海区工业投资', 'a', 10), raw('工业投资', 'a', 50)], () => 'zj');
    expect(merged.map((f) => f.metric).sort()).toEqual(['工业投资', '镇海区工业投资']);
  });
});
