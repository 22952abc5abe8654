import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegionIndex, KnowledgeFileError, loadRegions } from '../../src/knowledge/regions.ts';
import type { Region } from '../../src/knowledge/schema.ts';

const regions = loadRegions('knowledge');
const index = createRegionIndex(regions);

/** Region short names of the mentions, in order. */
function found(text: string, options?: { abbreviations?: boolean; english?: boolean }): string[] {
  return index.findMentions(text, options).map((m) => (m.city ? `${m.region}/${m.city}` : m.region));
}

describe('regions.json', () => {
  it('lists the 34 provincial-level regions', () => {
    expect(regions).toHaveLength(34);
    expect(regions.filter((r) => r.full.endsWith('省'))).toHaveLength(23);
    expect(regions.filter((r) => r.full.endsWith('自治区'))).toHaveLength(5);
    expect(regions.filter((r) => r.full.endsWith('特别行政区'))).toHaveLength(2);
    expect(regions.filter((r) => ['北京', '天津', '上海', '重庆'].includes(r.name)).map((r) => r.full)).toEqual([
      '北京市', '天津市', '上海市', '重庆市',
    ]);
  });

  it.each(['name', 'full', 'abbr', 'code', 'pinyin'] as const)('has a unique %s per region', (field) => {
    expect(new Set(regions.map((r) => r[field])).size).toBe(34);
  });

  it('lists each city once, never a region name', () => {
    const cities = regions.flatMap((r) => r.cities);
    expect(new Set(cities).size).toBe(cities.length);
    const names = new Set(regions.flatMap((r) => [r.name, r.full]));
    expect(cities.filter((c) => names.has(c))).toEqual([]);
    expect(cities).not.toContain('吉林');
    expect(cities).not.toContain('海南');
  });

  it('keeps 河北, 河南, 湖北, 湖南 and 山西, 陕西 apart', () => {
    const codes = ['河北', '河南', '湖北', '湖南', '海南', '山西', '陕西'].map((n) => index.resolve(n)?.code);
    expect(new Set(codes).size).toBe(7);
    expect(index.resolve('陕西')?.pinyin).toBe('Shaanxi');
    expect(index.resolve('山西')?.pinyin).toBe('Shanxi');
  });
});

describe('resolve', () => {
  it.each([
    ['浙江', '浙江'], ['浙江省', '浙江'], ['浙', '浙江'], ['浙省', '浙江'], ['Zhejiang', '浙江'], ['zhejiang', '浙江'],
    [' ZHEJIANG ', '浙江'], ['赣', '江西'], ['豫', '河南'], ['苏', '江苏'], ['鲁', '山东'], ['皖', '安徽'], ['京', '北京'],
    ['沪', '上海'], ['渝', '重庆'], ['鄂', '湖北'], ['粤', '广东'], ['川', '四川'], ['蜀', '四川'], ['陇', '甘肃'],
    ['内蒙古自治区', '内蒙古'], ['内蒙', '内蒙古'], ['Inner Mongolia', '内蒙古'], ['inner  mongolia', '内蒙古'],
    ['广西壮族自治区', '广西'], ['香港特别行政区', '香港'], ['Hong Kong', '香港'], ['Macau', '澳门'], ['Macao', '澳门'],
    ['Tibet', '西藏'], ['Shaanxi', '陕西'], ['Shanxi', '山西'], ['台湾省', '台湾'],
  ])('%s → %s', (name, expected) => {
    expect(index.resolve(name)?.name).toBe(expected);
  });

  it.each(['中国', '全省', '长三角', '杭州', 'China', ''])('%s is not a region', (name) => {
    expect(index.resolve(name)).toBeUndefined();
  });
});

describe('cityRegion', () => {
  it.each([
    ['杭州', '浙江'], ['杭州市', '浙江'], ['郑州', '河南'], ['赣州', '江西'], ['上饶', '江西'], ['鹤壁', '河南'],
    ['义乌', '浙江'], ['昆山', '江苏'], ['中山', '广东'], ['延边', '吉林'], ['鄂尔多斯', '内蒙古'], ['吉林市', '吉林'],
  ])('%s → %s', (city, expected) => {
    expect(index.cityRegion(city)?.name).toBe(expected);
  });

  it.each(['吉林', '浙江', '阿里', '朝阳'])('%s is not a listed city', (city) => {
    expect(index.cityRegion(city)).toBeUndefined();
  });
});

describe('findMentions in documents', () => {
  it.each([
    ['浙江省2023年经信工作要点', ['浙江']],
    ['2023年全省规上工业增加值增长5.5%', []],
    ['宁波市和宁夏回族自治区', ['浙江/宁波', '宁夏']],
    ['中国科学院江西分院', ['江西']],
    ['长三角一体化，中国式现代化', []],
    ['吉林省吉林市', ['吉林', '吉林/吉林']],
    ['杭州、郑州、赣州', ['浙江/杭州', '河南/郑州', '江西/赣州']],
    ['浙江西部山区', ['浙江']],
    ['黑龙江省哈尔滨市', ['黑龙江', '黑龙江/哈尔滨']],
    ['拓展出海口，大同小异，长治久安', []],
    ['宁德时代在四川宜宾', ['四川', '四川/宜宾']],
    ['赣 文', []],
    ['浙江日报记者 浙 文', ['浙江']],
    ['新能源汽车、工业互联网平台', []],
    ['内蒙古和广西', ['内蒙古', '广西']],
    ['Zhejiang Provincial Department', ['浙江']],
    ['www.zjzhejiangx.gov.cn', []],
    ['浙江省级工业互联网平台', ['浙江']],
    ['杭州市级未来工厂', ['浙江/杭州']],
  ])('%s → %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('returns offsets and forms', () => {
    expect(index.findMentions('浙江省杭州市和江西')).toEqual([
      { region: '浙江', city: null, start: 0, end: 3, form: 'full' },
      { region: '浙江', city: '杭州', start: 3, end: 6, form: 'city' },
      { region: '江西', city: null, start: 7, end: 9, form: 'short' },
    ]);
  });

  it('leaves 省级 and 市级 to the text after the name', () => {
    expect(index.findMentions('浙江省级平台，杭州市级工厂')).toEqual([
      { region: '浙江', city: null, start: 0, end: 2, form: 'short' },
      { region: '浙江', city: '杭州', start: 7, end: 9, form: 'city' },
    ]);
  });

  it('reads 吉林市 as the city, 吉林省 and 吉林市场 as the province', () => {
    expect(index.findMentions('吉林市碳纤维，吉林省，吉林市场主体').map((m) => [m.region, m.city, m.end - m.start])).toEqual([
      ['吉林', '吉林', 3],
      ['吉林', null, 3],
      ['吉林', null, 2],
    ]);
  });

  it('ignores pinyin when english is off', () => {
    expect(found('Zhejiang 浙江', { english: false })).toEqual(['浙江']);
  });

  it('scans a megabyte in well under a second', () => {
    const text = '浙江省杭州市2023年全省规上工业增加值增长5.5%，数字经济核心产业增加值增长10%，江西分院。'.repeat(20_000);
    const started = performance.now();
    const mentions = index.findMentions(text);
    expect(mentions).toHaveLength(60_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('findMentions in questions (abbreviations on)', () => {
  it.each([
    ['浙2023年数字经济目标', ['浙江']],
    ['浙省5G基站', ['浙江']],
    ['赣电子信息产业营收', ['江西']],
    ['豫、苏、鲁、皖的目标', ['河南', '江苏', '山东', '安徽']],
    ['京沪渝鄂粤', ['北京', '上海', '重庆', '湖北', '广东']],
    ['京津冀协同', ['北京', '天津', '河北']],
    ['江浙沪', ['江苏', '浙江', '上海']],
    ['港澳台', ['香港', '澳门', '台湾']],
    ['黑吉辽', ['黑龙江', '吉林', '辽宁']],
    ['新能源汽车产量', []],
    ['平台数量', []],
    ['新省级平台', []],
    ['经济复苏', []],
    ['新 2023', ['新疆']],
    ['新省', ['新疆']],
    ['杭州市规上工业', ['浙江/杭州']],
    ['How many 5G base stations does Zhejiang plan?', ['浙江']],
    ['Henan and Inner Mongolia', ['河南', '内蒙古']],
  ])('%s → %j', (text, expected) => {
    expect(found(text, { abbreviations: true })).toEqual(expected);
  });
});

describe('invalid data', () => {
  const zhejiang: Region = {
    name: '浙江', full: '浙江省', abbr: '浙', pinyin: 'Zhejiang', english: [], code: 'zj', cities: ['杭州'],
  };

  it.each<[string, Region[]]>([
    ['duplicate code', [zhejiang, { ...zhejiang, name: '江西', full: '江西省', abbr: '赣', pinyin: 'Jiangxi', cities: [] }]],
    ['shared abbreviation', [zhejiang, { ...zhejiang, name: '江西', full: '江西省', pinyin: 'Jiangxi', code: 'jx', cities: [] }]],
    ['city in two regions', [zhejiang, { ...zhejiang, name: '江西', full: '江西省', abbr: '赣', pinyin: 'Jiangxi', code: 'jx' }]],
    ['city equal to a region', [{ ...zhejiang, cities: ['浙江'] }]],
  ])('createRegionIndex refuses a %s', (_label, list) => {
    expect(() => createRegionIndex(list)).toThrow(/^regions: /);
  });

  function writeRegions(content: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'planwatch-regions-'));
    writeFileSync(join(dir, 'regions.json'), content);
    return dir;
  }

  it('loadRegions names the file, the entry and the field', () => {
    const dir = writeRegions(JSON.stringify({ version: 1, regions: [zhejiang, { ...zhejiang, name: '江西', abbr: '赣赣' }] }));
    const error = (() => {
      try {
        loadRegions(dir);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(KnowledgeFileError);
    expect((error as KnowledgeFileError).code).toBe('PLANWATCH_KNOWLEDGE_INVALID');
    const message = (error as Error).message;
    expect(message).toContain(join(dir, 'regions.json'));
    expect(message).toContain('regions[1] (江西)');
    expect(message).toContain('field abbr');
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['wrong version', JSON.stringify({ version: 2, regions: [] }), /version/],
    ['duplicate code', JSON.stringify({ version: 1, regions: [zhejiang, { ...zhejiang, name: '江西' }] }), /regions: /],
  ])('loadRegions refuses a file that is %s', (_label, content, pattern) => {
    expect(() => loadRegions(writeRegions(content))).toThrow(pattern);
  });

  it('loadRegions refuses a missing file', () => {
    expect(() => loadRegions(join(tmpdir(), 'planwatch-no-such-dir'))).toThrow(/cannot read/);
  });
});
