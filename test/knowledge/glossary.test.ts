import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSynonymMap, loadGlossary } from '../../src/knowledge/glossary.ts';
import { KnowledgeFileError } from '../../src/knowledge/regions.ts';
import type { Glossary } from '../../src/knowledge/schema.ts';

const glossary = loadGlossary('knowledge');
const synonyms = createSynonymMap(glossary);

describe('glossary.json', () => {
  it('has at least 40 groups, each with an English form', () => {
    expect(glossary.synonyms.length).toBeGreaterThanOrEqual(40);
    expect(glossary.synonyms.filter((g) => g.english.length === 0)).toEqual([]);
  });

  it.each(['专精特新', '规上工业', '数字经济核心产业', '5G基站', '产业大脑', '万人基站数'])('keeps %s whole', (term) => {
    expect(glossary.terms).toContain(term);
    expect(synonyms.terms).toContain(term);
  });

  it('lists terms longest first', () => {
    const lengths = synonyms.terms.map((t) => t.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});

describe('canonical and expand', () => {
  it.each([
    ['规上', '规模以上'], ['规模以上', '规模以上'], ['营收', '营业收入'], ['主营业务收入', '营业收入'], ['增速', '增长'],
    ['增幅', '增长'], ['技术改造投资', '技改投资'], ['利润', '利润总额'], ['集群', '产业集群'], ['芯片', '集成电路'],
    ['上云企业', '云上企业'], ['规上工业增加值', '规模以上工业增加值'], ['每万人拥有5G基站数', '万人基站数'],
    ['revenue', '营业收入'], ['Revenue', '营业收入'], ['5G base stations', '5G基站'], ['little giants', '小巨人'],
    ['above-designated-size', '规模以上'], ['above designated size', '规模以上'], ['chips', '集成电路'],
    ['未知词', '未知词'],
  ])('canonical(%s) = %s', (term, expected) => {
    expect(synonyms.canonical(term)).toBe(expected);
  });

  it.each([
    ['营收', ['营业收入', '营收', '主营业务收入', '业务收入']],
    ['增长', ['增长', '增速', '增幅', '增长率', '同比增长', '涨幅', '上涨', '涨']],
    ['technological transformation investment', ['技改投资', '技术改造投资', '工业技改投资', '技术改造']],
    ['未知词', ['未知词']],
  ])('expand(%s)', (term, expected) => {
    expect(synonyms.expand(term)).toEqual(expected);
  });
});

describe('english', () => {
  it.each([
    ['How many 5G base stations does Zhejiang plan to have in 2023?', [['5G base stations', '5G基站']]],
    ['What is the growth target for digital economy core industries value added?', [
      ['growth', '增长'], ['digital economy core industries value added', '数字经济核心产业增加值'],
    ]],
    ['base stations per 10,000 people', [['base stations per 10,000 people', '万人基站数']]],
    ['Base Stations per 10000 People', [['Base Stations per 10000 People', '万人基站数']]],
    ['revenue of the Electronic Information Industry', [['revenue', '营业收入'], ['Electronic Information Industry', '电子信息产业']]],
    ['number of little giants and single champions', [['little giants', '小巨人'], ['single champions', '单项冠军']]],
    ['industrial internet platforms and smart factories', [
      ['industrial internet platforms', '工业互联网平台'], ['smart factories', '智能工厂'],
    ]],
    ['R&D spending', [['R&D spending', '研发投入']]],
    ['above-designated-size industrial value added', [
      ['above-designated-size', '规模以上'], ['industrial value added', '工业增加值'],
    ]],
    ['tell me a joke', []],
    ['浙江营收', []],
  ])('%s', (text, expected) => {
    const matches = synonyms.english(text);
    expect(matches.map((m) => [m.term, m.canonical])).toEqual(expected);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.term);
  });
});

describe('invalid data', () => {
  const base: Glossary = { version: 1, synonyms: [{ canonical: '营业收入', synonyms: ['营收'], english: ['revenue'] }], terms: [] };

  it.each<[string, Glossary]>([
    ['a Chinese term in two groups', { ...base, synonyms: [...base.synonyms, { canonical: '营收', synonyms: [], english: [] }] }],
    ['an English term in two groups', { ...base, synonyms: [...base.synonyms, { canonical: '收入', synonyms: [], english: ['Revenues'] }] }],
  ])('createSynonymMap refuses %s', (_label, data) => {
    expect(() => createSynonymMap(data)).toThrow(/^glossary: /);
  });

  function writeGlossary(content: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'planwatch-glossary-'));
    writeFileSync(join(dir, 'glossary.json'), content);
    return dir;
  }

  it('loadGlossary names the file, the entry and the field', () => {
    const dir = writeGlossary(JSON.stringify({ version: 1, synonyms: [base.synonyms[0], { canonical: '增长', synonyms: [3] }] }));
    expect(() => loadGlossary(dir)).toThrow(KnowledgeFileError);
    expect(() => loadGlossary(dir)).toThrow(/glossary\.json.*synonyms\[1\] \(增长\): field synonyms\.0/);
  });

  it('loadGlossary refuses duplicate terms with the file name', () => {
    const dir = writeGlossary(JSON.stringify({ version: 1, synonyms: [base.synonyms[0], { canonical: '营收' }] }));
    expect(() => loadGlossary(dir)).toThrow(/glossary\.json: glossary: term "营收"/);
  });
});
