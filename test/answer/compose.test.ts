/**
 * The composer over the repository's fact base, in process: which fact answers, what the answer says about
 * regions, years and missing words. Figures asserted here are the seeds' (pinned by the fact-base tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/compose.ts';
import { loadFactBase } from '../../src/answer/fact-base.ts';

const cache = mkdtempSync(join(tmpdir(), 'pw-compose-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));
const base = loadFactBase({ cacheDir: cache });
const ask = (q: string, today = '2023-06-15') => answerQuestion(q, base, { today });

describe('answerQuestion', () => {
  it('a figure stated in the question picks the fact that has it', () => {
    expect(ask('浙江2023年数字经济核心产业增加值能不能突破1万亿？').facts[0]!.value).toBe('1万亿元');
    const deadline = ask('北京数据交易额达到50亿元是哪一年的目标');
    expect(deadline.intent).toBe('deadline');
    expect(deadline.facts[0]).toMatchObject({ value: '50亿元', deadline: '2025-12-31' });
  });

  it('target against actual: each asked year with the kind said for it', () => {
    const a = ask('江西规上工业增加值2023年目标和2022年实际分别是多少');
    expect(a.intent).toBe('compare');
    expect(a.rows.map((r) => [r.year, r.kind])).toEqual([[2023, 'target'], [2022, 'actual']]);
  });

  it('a plan overview lists the region-year targets in the plan\'s order', () => {
    const a = ask('浙江2023年主要预期目标有哪些');
    expect(a.intent).toBe('list');
    expect(a.rows.length).toBeGreaterThanOrEqual(3);
    expect(a.rows.every((r) => r.region === '浙江' && r.year === 2023 && r.kind === 'target')).toBe(true);
    expect(a.rows.map((r) => r.figure).join(' ')).toContain('增长5.5%');
  });

  it('a list within one region gives every matching fact, across regions one row per region', () => {
    const within = ask('列出北京数据先行区2030年的目标');
    expect(within.rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(within.rows.map((r) => r.region))).toEqual(new Set(['北京']));
    const across = ask('哪些省份提了5G基站目标?');
    expect(across.rows.length).toBe(new Set(across.rows.map((r) => r.region)).size);
    expect(across.rows.map((r) => r.region)).toEqual(expect.arrayContaining(['浙江', '河南', '江苏']));
  });

  it('a comparison of named regions keeps the question\'s order', () => {
    expect(ask('对比河南和浙江的5G基站目标').rows.map((r) => r.region)).toEqual(['河南', '浙江']);
    expect(ask('对比浙江和河南的5G基站目标').rows.map((r) => r.region)).toEqual(['浙江', '河南']);
  });

  it('refuses a metric the knowledge base lacks instead of answering the nearest one', () => {
    for (const q of ['浙江今年房地产投资增长多少', '江西2023年粮食产量目标']) {
      const a = ask(q);
      expect(a.answered, q).toBe(false);
      expect(a.reason).toMatch(/房地产|粮食/);
    }
  });

  it('says a city\'s question is answered with its province\'s figure', () => {
    const a = ask('杭州今年数字经济核心产业增加值增长目标');
    expect(a.facts[0]).toMatchObject({ region: '浙江', city: null });
    expect(a.notes.join('')).toContain('杭州');
    expect(a.text).toContain('浙江（全省）');
  });

  it('shows related rows of the answer\'s own region only', () => {
    const a = ask('嵊泗县规上工业增加值力争突破多少');
    expect(a.facts[0]).toMatchObject({ region: '浙江', value: '5亿元' });
    expect(a.rows.every((r) => r.region === '浙江')).toBe(true);
  });

  it('a later or relative year falls back to the latest plan and says so; an earlier one is refused', () => {
    const later = ask('浙江今年数字经济核心产业增加值增长目标', '2026-03-01');
    expect(later.facts[0]).toMatchObject({ region: '浙江', year: 2023 });
    expect(later.notes[0]).toContain('2026');
    const earlier = ask('浙江2015年规上工业增加值增长目标');
    expect(earlier.answered).toBe(false);
    expect(earlier.reason).toContain('2015');
  });
});
