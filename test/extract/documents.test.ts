/**
 * Documents written for these tests (not the seeds), through reading and extraction as `ingest` does them:
 * HTML, Markdown front matter, PDF copy with broken lines, GBK, traditional characters, a newspaper page
 * reporting several provinces.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument, type ReadDocument } from '../../src/documents/read.ts';
import { mergeRawFacts, prepareDocument, type IngestOptions } from '../../src/knowledge/build.ts';
import { createSynonymMap, loadGlossary } from '../../src/knowledge/glossary.ts';
import type { Fact } from '../../src/knowledge/schema.ts';
import { junkReasons, knowledgeDir, seedBase } from './support.ts';

const { regions } = seedBase();
const synonyms = createSynonymMap(loadGlossary(knowledgeDir));

/** What a test expects of a fact; every field given must match. */
type Expected = Partial<Pick<Fact, 'kind' | 'region' | 'city' | 'metric' | 'value' | 'year' | 'deadline' | 'definition'>>;

interface Case {
  file: string;
  reading: Partial<ReadDocument>;
  facts: Expected[];
  /** Numbers from page furniture, scripts, ids and dates that must never become a fact's value. */
  never: string[];
}

function read(file: string): { doc: ReadDocument; facts: Fact[]; id: string } {
  const bytes = readFileSync(new URL(`./fixtures/${file}`, import.meta.url));
  const result = readDocument(bytes, { fileName: file });
  if (!result.ok) throw new Error(result.message);
  return { doc: result.document, ...extract(file, bytes) };
}

function extract(file: string, bytes: Uint8Array, options: IngestOptions = {}): { facts: Fact[]; id: string } {
  const outcome = prepareDocument(file, bytes, options, { version: 1, documents: [] }, regions);
  if (!outcome.ok) throw new Error(outcome.message);
  return { facts: mergeRawFacts(outcome.facts, regions, synonyms), id: outcome.meta.id };
}

const cases: Case[] = [
  {
    file: 'hunan-plan.html',
    reading: { format: 'html', encoding: 'utf-8', title: '湖南省2024年制造业数字化转型工作要点', date: '2024-02-20', publisher: '湖南省工业和信息化厅' },
    facts: [
      { kind: 'target', region: '湖南', metric: '规模以上工业增加值', value: '7%', year: 2024, deadline: '2024-12-31' },
      { kind: 'target', region: '湖南', metric: '数字经济核心产业增加值', value: '15%', year: 2024 },
      { kind: 'target', region: '湖南', metric: '累计建成5G基站', value: '15万个', deadline: '2024-12-31' },
      { kind: 'target', region: '湖南', metric: '新增“上云”企业', value: '3000家' },
      { kind: 'target', region: '湖南', city: '长沙', metric: '软件业务收入', value: '1500亿元', year: 2024 },
    ],
    never: ['20240220', '123456', '0731', '88954000', '05004232', '1.'],
  },
  {
    file: 'guangdong-news.md',
    reading: { format: 'markdown', title: '广东：2025年数字经济规模力争突破7万亿元', date: '2023-09-12', url: 'https://news.example.com/gd/2023/0912.html', publisher: '示例财经' },
    facts: [
      { kind: 'target', region: '广东', metric: '数字经济规模', value: '7万亿元', year: 2025, deadline: '2025-12-31' },
      { kind: 'target', region: '广东', metric: '数字经济核心产业增加值占地区生产总值比重', value: '20%', year: 2025 },
      { kind: 'target', region: '广东', metric: '数字经济领域千亿级产业集群', value: '10个', year: 2025 },
      { kind: 'target', region: '广东', city: '深圳', value: '8万个', year: 2025 },
      { kind: 'actual', region: '广东', metric: '数字经济规模', value: '6.4万亿元', year: 2022, deadline: null },
    ],
    never: ['6年', '6', '2023', '0912'],
  },
  {
    file: 'fujian-pdf.txt',
    reading: { format: 'text', title: '福建省推进制造业高质量发展', date: '2024-03-15' },
    facts: [
      { kind: 'target', region: '福建', metric: '规模以上工业增加值', value: '6.5%', year: 2024 },
      { kind: 'target', region: '福建', metric: '制造业投资', value: '10%', year: 2024 },
      { kind: 'target', region: '福建', metric: '工业投资', value: '8.5%' },
      { kind: 'target', region: '福建', metric: '技术改造投资', value: '12%' },
      { kind: 'target', region: '福建', metric: '新增国家级先进制造业集群', value: '2个' },
      { kind: 'target', region: '福建', metric: '新培育省级专精特新中小企业', value: '800家' },
      { kind: 'target', region: '福建', metric: '累计建成5G基站', value: '10万个' },
      // "设立总规模30亿元的产业发展基金": the fund's size is a commitment of the plan (a held-out writer labelled one so).
      { kind: 'target', region: '福建', metric: '产业发展基金规模', value: '30亿元' },
    ],
    never: ['2024', '15'],
  },
  {
    file: 'hebei-gbk.txt',
    reading: { format: 'text', encoding: 'gb18030', title: '河北省2023年工业和信息化工作要点', date: '2023-02-10' },
    facts: [
      { kind: 'target', region: '河北', metric: '规模以上工业增加值', value: '6%', year: 2023, deadline: '2023-12-31' },
      { kind: 'target', region: '河北', metric: '工业投资', value: '10%' },
      { kind: 'target', region: '河北', metric: '5G基站总数', value: '13万个', deadline: '2023-12-31' },
      // Two cities share the figure: it is neither one's alone.
      { kind: 'target', region: '河北', city: null, metric: '新增省级工业互联网平台', value: '5个' },
    ],
    never: ['2月', '10日'],
  },
  {
    file: 'guangxi-traditional.txt',
    reading: { traditional: true, title: '广西壮族自治区数字经济发展情况通报', date: '2023-08-01' },
    facts: [
      { kind: 'actual', region: '广西', metric: '数字经济核心产业增加值', value: '8.5%', year: 2023 },
      { kind: 'actual', region: '广西', metric: '软件业务收入', value: '120亿元', year: 2023 },
      { kind: 'target', region: '广西', metric: '数字经济规模', value: '1.2万亿元', year: 2025, deadline: '2025-12-31' },
      { kind: 'target', region: '广西', metric: '百亿级数字产业集群', value: '10个', year: 2025 },
    ],
    never: ['8月', '1日'],
  },
];

describe.each(cases)('$file', ({ file, reading, facts: expected, never }) => {
  const { doc, facts: extracted, id } = read(file);

  it('reads the document', () => {
    expect(doc).toMatchObject(reading);
    expect(doc.text).not.toMatch(/<[a-z/!]|&[a-z]+;|\p{Script=Han} \p{Script=Han}/u);
  });

  it.each(expected)('extracts $region $metric $value', (want) => {
    expect(extracted.filter((f) => Object.entries(want).every(([k, v]) => f[k as keyof Fact] === v || (k === 'metric' && f.metric.endsWith(String(v))))), JSON.stringify(want)).toHaveLength(1);
  });

  it('extracts nothing else and nothing junk', () => {
    expect(extracted.filter((f) => f.kind !== 'program')).toHaveLength(expected.length);
    for (const f of extracted) expect(junkReasons(f, new Map([[id, doc]]), regions), f.metric).toEqual([]);
    for (const f of extracted) expect(never).not.toContain(f.value);
  });
});

describe('a newspaper page reporting several provinces', () => {
  const file = 'newspaper-page.txt';
  const bytes = readFileSync(new URL(`./fixtures/${file}`, import.meta.url));
  const result = readDocument(bytes, { fileName: file });

  it('has no date of its own: ingest needs --date', () => {
    expect(result.ok && result.document.date).toBe(null);
    expect(prepareDocument(file, bytes, {}, { version: 1, documents: [] }, regions)).toMatchObject({ ok: false, message: expect.stringContaining('--date') });
  });

  const { facts, id } = extract(file, bytes, { date: '2023-03-01' });

  it.each<Expected>([
    // The 湖北 article: its headline, its lead, and paragraphs that do not name the province again.
    { kind: 'target', region: '湖北', metric: '规模以上工业增加值', value: '7%', year: 2023, deadline: '2023-12-31' },
    { kind: 'target', region: '湖北', metric: '工业投资', value: '15%', year: 2023 },
    { kind: 'target', region: '湖北', metric: '新增国家级专精特新“小巨人”企业', value: '100家' },
    { kind: 'target', region: '湖北', city: '武汉', metric: '光电子信息产业集群营业收入', value: '6000亿元' },
    // The 四川 article: a 2023—2025 plan's goals are due at its end.
    { kind: 'target', region: '四川', metric: '关键工序数控化率', value: '65%', year: 2025, deadline: '2025-12-31' },
    { kind: 'target', region: '四川', value: '85%', year: 2025 },
    { kind: 'target', region: '四川', city: '成都', value: '50家', year: 2025 },
    // A headline without a province after the 四川 article heads a body about 江西.
    { kind: 'program', region: '江西', value: '5+1' },
    { kind: 'target', region: '江西', metric: '新增国家级专精特新“小巨人”企业', value: '50家' },
    { kind: 'target', region: '江西', metric: '实施重大技术攻关项目', value: '100项' },
  ])('$region: $metric $value', (want) => {
    expect(facts.filter((f) => Object.entries(want).every(([k, v]) => f[k as keyof Fact] === v || (k === 'metric' && f.metric.endsWith(String(v))))), JSON.stringify(want)).toHaveLength(1);
  });

  it('attributes every fact to a province the page names for it, and nothing is junk', () => {
    if (!result.ok) throw new Error(result.message);
    for (const f of facts) expect(junkReasons(f, new Map([[id, result.document]]), regions), `${f.region} ${f.metric}`).toEqual([]);
    expect(new Set(facts.map((f) => f.region))).toEqual(new Set(['湖北', '四川', '江西']));
  });
});
