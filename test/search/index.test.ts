/**
 * The fact index over the repository's fact base: filters inside the search, the saved index answering as the
 * built one, the saved file keyed by what decides the tokens, and the cost cap on common words.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/knowledge/build.ts';
import { createFactIndex } from '../../src/search/index.ts';
import { createSegmenter } from '../../src/search/segment.ts';

const work = mkdtempSync(join(tmpdir(), 'pw-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const facts = loadFacts('knowledge');
const segmenter = createSegmenter([...new Set(facts.map((f) => f.metric))], { cacheDir: join(work, 'dict') });
const queries = ['5G基站', '数字经济核心产业增加值 增长', '规模以上工业增加值', '415X 先进制造业集群', '数据交易额'];
const ids = (hits: Array<{ fact: { id: string } }>) => hits.map((h) => h.fact.id);

describe('createFactIndex', () => {
  it('applies region, year and kind filters inside the search: every hit passes them', () => {
    const index = createFactIndex(facts, segmenter);
    const all = index.search('5G基站', {}, 100);
    expect(new Set(all.map((h) => h.fact.region)).size).toBeGreaterThan(2);
    const filtered = index.search('5G基站', { regions: ['河南'], years: [2023], kinds: ['target'] }, 100);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((h) => h.fact.region === '河南' && h.fact.year === 2023 && h.fact.kind === 'target')).toBe(true);
    // Filtering first, not after a top-N cut: a limit of 1 still finds the region's best fact.
    expect(index.search('5G基站', { regions: ['河南'] }, 1)[0]!.fact.region).toBe('河南');
  });

  it('saves once and a second start loads the saved index, answering exactly as the built one', () => {
    const cacheDir = join(work, 'cache');
    const built = createFactIndex(facts, segmenter, { cacheDir });
    const saved = readdirSync(cacheDir).filter((f) => f.startsWith('index-'));
    expect(saved).toHaveLength(1);
    const loaded = createFactIndex(facts, segmenter, { cacheDir });
    for (const q of queries) expect(ids(loaded.search(q, {}, 50)), q).toEqual(ids(built.search(q, {}, 50)));
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('index-'))).toEqual(saved);
  });

  it('names the saved index by the facts and the tokenizer: other facts or another key get another file', () => {
    const cacheDir = join(work, 'keyed');
    createFactIndex(facts, segmenter, { cacheDir, key: 'a' });
    createFactIndex(facts.slice(1), segmenter, { cacheDir, key: 'b' });
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('index-')).sort()).toEqual([expect.stringContaining('-a.'), expect.stringContaining('-b.')]);
  });

  it('over the cost cap leaves out the most common words but keeps the rarest', () => {
    const capped = createFactIndex(facts, segmenter, { maxPostings: 5 });
    const hits = capped.search('企业 5G基站', {}, 50);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => `${h.fact.metric}${h.fact.citations.map((c) => c.quote).join('')}`.includes('基站'))).toBe(true);
  });
});
