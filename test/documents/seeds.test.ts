import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../src/documents/normalize.ts';
import { readDocument, type ReadDocument } from '../../src/documents/read.ts';

const seedsDir = new URL('../../seeds/', import.meta.url);
const seedFiles = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

function readSeed(prefix: string): ReadDocument {
  const file = seedFiles.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  const result = readDocument(readFileSync(new URL(file, seedsDir)), { fileName: file });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

describe('every seed', () => {
  it('has the five seeds', () => {
    expect(seedFiles).toHaveLength(5);
  });

  it.each(seedFiles)('%s: every paragraph is found at its start offset', (file) => {
    const doc = readSeed(file);
    expect(doc.paragraphs.length).toBeGreaterThan(5);
    expect(doc.text).toBe(doc.paragraphs.map((p) => p.text).join('\n'));
    for (const p of doc.paragraphs) {
      expect(doc.text.slice(p.start, p.start + p.text.length)).toBe(p.text);
      expect(p.text.trim()).toBe(p.text);
      expect(p.text).not.toBe('');
    }
  });

  it.each(seedFiles)('%s: UTF-8, simplified, no space left between Chinese characters', (file) => {
    const doc = readSeed(file);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.traditional).toBe(false);
    expect(doc.text).not.toMatch(/\p{Script=Han}[ \t\u3000]+\p{Script=Han}/u);
    expect(doc.text).not.toMatch(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/);
    expect(doc.text).not.toMatch(/[\ue000-\uf8ff\u{f0000}-\u{10ffff}]/u);
  });

  it.each(seedFiles)('%s: keeps the words of the source (match keys agree)', (file) => {
    const doc = readSeed(file);
    const raw = normalizeForMatch(readFileSync(new URL(file, seedsDir), 'utf8'));
    // Every paragraph of the read text is the source's own words, in order, once whitespace is ignored.
    for (const p of doc.paragraphs.filter((q) => q.text.length >= 20).slice(0, 40)) {
      const head = normalizeForMatch(p.text.slice(0, 12));
      expect(raw).toContain(head);
    }
  });
});

describe('seed 000 (newspaper page, PDF copy)', () => {
  const doc = readSeed('000');

  it.each([
    '高歌猛进',
    '强调，要全力实施数字经济创新提质',
    '累计创建省级工业互联网平台500个以上',
    '深化5G网络建设，累计建成5G基站20万个',
    '智能工厂（数字化车间）150家以上',
    '力争全省规上工业增加值增长5.5%，数字经济核心产业增加值增长10%，制造业投资增长12%。',
  ])('contains %s', (phrase) => {
    expect(doc.text).toContain(phrase);
  });

  it('has no date of its own (the ingest command asks for one)', () => {
    expect(doc).toMatchObject({ format: 'text', date: null, dateSource: null });
  });
});

describe('seed 001 (Markdown with front matter and HTML paragraphs)', () => {
  const doc = readSeed('001');

  it('reads the front matter', () => {
    expect(doc).toMatchObject({
      format: 'markdown',
      title: '浙江：今年数字经济核心产业增加值冲击9000亿元',
      date: '2022-02-18',
      dateSource: 'front matter',
    });
  });

  it('keeps no markup, autolink or navigation', () => {
    expect(doc.text).not.toContain('<p>');
    expect(doc.text).not.toContain('</p>');
    expect(doc.text).not.toContain('返回首页');
    expect(doc.text).not.toContain('http');
    expect(doc.url).toMatch(/^http:\/\/finews\.zning\.xyz\//);
  });

  it('keeps the paragraphs and their figures', () => {
    expect(doc.paragraphs[0]?.text).toMatch(/^记者从日前召开的浙江省经济和信息化工作会议上获悉/);
    expect(doc.text).toContain('全年数字经济核心产业增加值突破9000亿元');
  });
});

describe('seed 002 and 003 (newspaper pages, one paragraph per line)', () => {
  it.each([
    ['002', '河南坚持抓大育小、梯度推进,育优做强“链主”企业,大力培育“专精特新”企业'],
    ['002', '聚焦绿色石化、新能源汽车及零部件'],
    ['003', '2022年，江西电子信息产业营业收入达1.01万亿元'],
    ['003', '今年规模以上工业增加值增长8.0%'],
  ])('%s contains %s', (seed, phrase) => {
    expect(readSeed(seed).text).toContain(phrase);
  });

  it('reads the Markdown headings of 002 as headings', () => {
    const doc = readSeed('002');
    expect(doc.title).toBe('各地从三方面着力推进新型工业化');
    expect(doc.paragraphs.find((p) => p.text === '积极打造先进制造业产业集群')?.heading).toBe(true);
  });
});

describe('seed 004 (government page copied as text)', () => {
  const doc = readSeed('004');

  it('finds the publication date with its time, the publisher and the title', () => {
    expect(doc).toMatchObject({
      format: 'text',
      date: '2023-03-28',
      dateSource: '发布日期',
      publisher: '省经信厅',
      title: '2023年全省经信工作要点',
    });
  });

  it('drops breadcrumbs, index fields and tools', () => {
    for (const absent of ['打印本页', '关闭窗口', '当前位置', '政务公开', '索引号', '浏览次数']) {
      expect(doc.text).not.toContain(absent);
    }
  });

  it('keeps one paragraph per source line: nothing merged', () => {
    const source = readFileSync(new URL(seedFiles[4] ?? '', seedsDir), 'utf8');
    const contentLines = source.split('\n').filter((l) => /^(\d+\.|\(|今年)/.test(l.trim()));
    expect(doc.paragraphs.filter((p) => /^(\d+\.|\(|今年)/.test(p.text))).toHaveLength(contentLines.length);
    const headings = doc.paragraphs.filter((p) => p.heading).map((p) => p.text);
    expect(headings).toContain('(一)全力推进以稳保调、以调促稳,在提信心稳预期稳增长上有新突破');
    expect(headings).toHaveLength(10);
  });
});
