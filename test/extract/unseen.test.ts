/**
 * The must-show "on plan documents it has never seen": the real ingest pipeline
 * (prepareDocument + mergeFacts, as `npm run ingest -- --dry-run` runs them) over
 * nine hand-labelled documents of provinces and years the seeds do not cover.
 * Labels were written from the documents alone; see test/fixtures/unseen/README.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../src/documents/normalize.ts';
import { mergeFacts } from '../../src/extract/merge.ts';
import { createRegionIndex, prepareDocument } from '../../src/knowledge/build.ts';
import { loadRegions } from '../../src/knowledge/regions.ts';
import type { Fact, Manifest } from '../../src/knowledge/schema.ts';
import {
  type DocumentScore,
  figureKey,
  formatReport,
  loadLabelFile,
  metricOverlap,
  scoreDocument,
  totals,
  type UnseenDocument,
} from './unseen-support.ts';

const fixtures = new URL('../fixtures/unseen/', import.meta.url);
const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const { documents, labels } = loadLabelFile(new URL('labels.json', fixtures));

const bytesOf = (doc: UnseenDocument): Buffer => readFileSync(new URL(doc.file, fixtures));

describe('the scoring helpers', () => {
  it.each([
    ['1.5万亿元', '15000亿元'],
    ['1萬家', '10000家'],
    ['１８．５%', '18.5%'],
    ['1000 亿元', '1000亿元'],
    ['3.3個百分點', '3.3个百分点'],
    ['357.8万辆', '3578000辆'],
    ['5%左右', '5%'],
    ['7000家以上', '7000家'],
  ])('%s and %s are the same figure', (a, b) => {
    expect(figureKey(a)).not.toBeNull();
    expect(figureKey(a)).toBe(figureKey(b));
  });

  it.each([
    ['10%', '10个百分点'],
    ['3至5个', '3个'],
    ['6%', '6亿元'],
    ['4000', '4000P'],
  ])('%s and %s are different figures', (a, b) => {
    expect(figureKey(a)).not.toBe(figureKey(b));
  });

  it.each([
    ['规模以上工业增加值', '规上工业增加值', true],
    ['新增规模以上工业企业', '新增规上工业企业', true],
    ['规模以上工业增加值', '今年全省规模以上工业增加值', true],
    ['規模以上工業增加值', '规模以上工业增加值', true],
    ['规模以上工业增加值', '工业', false],
    ['数字经济核心产业增加值占地区生产总值比重', '比重', false],
  ])('label metric %s vs extracted %s overlaps: %s', (labelled, extracted, ok) => {
    expect(metricOverlap(labelled, extracted) >= 0.5).toBe(ok);
  });
});

describe('the held-out labels', () => {
  const texts = new Map(
    documents.map((d) => {
      const bytes = bytesOf(d);
      const text = d.encoding === 'gb18030' ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
      return [d.id, normalizeForMatch(text)] as const;
    }),
  );

  it('name a known document and a figure-shaped value', () => {
    for (const label of labels) {
      expect(texts.has(label.doc), label.doc).toBe(true);
      expect(figureKey(label.value), label.value).not.toBeNull();
    }
  });

  it('quote their documents, and the figure is in the quote', () => {
    const bad = labels.filter((l) => {
      const quote = normalizeForMatch(l.quote);
      return !texts.get(l.doc)?.includes(quote) || !quote.includes(normalizeForMatch(l.value));
    });
    expect(bad.map((l) => `${l.doc}: ${l.quote}`)).toEqual([]);
  });
});

describe('extraction on documents it has never seen', () => {
  let scores: DocumentScore[] = [];

  beforeAll(() => {
    const regions = createRegionIndex(loadRegions(knowledgeDir));
    const empty: Manifest = { version: 1, documents: [] };
    scores = documents.map((doc) => {
      // The metadata a user would pass to `npm run ingest` as flags.
      const flags = { date: doc.date, title: doc.title, publisher: doc.publisher ?? undefined, url: doc.url ?? undefined };
      const outcome = prepareDocument(fileURLToPath(new URL(doc.file, fixtures)), bytesOf(doc), flags, empty, regions);
      if (!outcome.ok) throw new Error(`unseen: ingest refused ${doc.file}: ${outcome.message}`);
      const facts: Fact[] = mergeFacts(outcome.facts, (r) => regions.resolve(r)?.code ?? 'cn');
      const figures = facts.filter((f) => f.kind !== 'program');
      return scoreDocument(doc.id, labels.filter((l) => l.doc === doc.id), figures);
    });
    console.log(formatReport(scores));
  });

  it('extracts at least 90% of the labelled figures with the right region and year', () => {
    expect(totals(scores).recall).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps junk under 5% of the extracted figure facts', () => {
    expect(totals(scores).junkRate).toBeLessThan(0.05);
  });
});
