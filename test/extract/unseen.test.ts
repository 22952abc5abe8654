/**
 * The must-show "on plan documents it has never seen": the real ingest pipeline
 * (prepareDocument + mergeFacts, as `npm run ingest -- --dry-run` runs them) over
 * nine hand-labelled documents of provinces and years the seeds do not cover.
 * Labels were written from the documents alone; see test/fixtures/unseen/README.md.
 */
import { describe, expect, it } from 'vitest';
import { describeHeldOut, figureKey, metricOverlap } from './unseen-support.ts';

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

describeHeldOut('first round (nine documents)', new URL('../fixtures/unseen/', import.meta.url));
