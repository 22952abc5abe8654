import { describe, expect, it } from 'vitest';
import { createFactMatcher, defaultTopicMatcher, type TopicMatcher } from '../../src/reminders/match.ts';
import type { Selector } from '../../src/reminders/types.ts';
import { allFacts, beijingData, henan5g, jiangsu5g, program415x, zhejiangCluster } from './fixtures.ts';

const sel = (s: Partial<Selector>): Selector => ({ region: null, program: null, topic: null, ...s });
const matches = createFactMatcher();
const ids = (selector: Selector, m = matches) => allFacts.filter((f) => m(f, selector)).map((f) => f.id);

describe('createFactMatcher', () => {
  it.each([
    ['everything', sel({}), allFacts.map((f) => f.id)],
    ['region 河南', sel({ region: '河南' }), [henan5g.id]],
    ['topic 5G', sel({ topic: '5G' }), [henan5g.id, jiangsu5g.id]],
    ['topic ５ｇ (full-width, lower case)', sel({ topic: '５ｇ' }), [henan5g.id, jiangsu5g.id]],
    ['topic 数据 (in the metric)', sel({ topic: '数据' }), [beijingData.id]],
    ['region 江苏 and topic 5G', sel({ region: '江苏', topic: '5G' }), [jiangsu5g.id]],
    ['program 415X: the program and the targets citing it', sel({ program: '415X' }), [program415x.id, zhejiangCluster.id]],
    ['program 415x in lower case', sel({ program: '415x' }), [program415x.id, zhejiangCluster.id]],
    ['region 北京 and program 415X', sel({ region: '北京', program: '415X' }), []],
  ])('%s', (_name, selector, expected) => {
    expect(ids(selector)).toEqual(expected);
  });

  it('uses the topic matcher passed in', () => {
    const seen: string[] = [];
    const onlyHenan: TopicMatcher = (fact, topic) => {
      seen.push(topic);
      return fact.region === '河南';
    };
    expect(ids(sel({ topic: '集成电路' }), createFactMatcher(onlyHenan))).toEqual([henan5g.id]);
    expect(new Set(seen)).toEqual(new Set(['集成电路']));
  });

  it('the default topic matcher reads quotes and ignores spacing', () => {
    expect(defaultTopicMatcher(henan5g, '年 底')).toBe(true);
    expect(defaultTopicMatcher(henan5g, '集成电路')).toBe(false);
  });
});
