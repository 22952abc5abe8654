/**
 * The fact base built from the five seeds: what the dev questions expect is there, with the right region and
 * year; the facts the issue names are right; nothing is junk; every quote is the document's own words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../src/documents/normalize.ts';
import { createMetricCanonicalizer, metricKey } from '../../src/extract/metric.ts';
import { createSynonymMap, loadGlossary } from '../../src/knowledge/glossary.ts';
import { loadFacts } from '../../src/knowledge/build.ts';
import type { Fact } from '../../src/knowledge/schema.ts';
import { junkReasons, knowledgeDir, seedBase } from './support.ts';

interface DevQuestion {
  id: string;
  q: string;
  kind: 'value' | 'list' | 'define' | 'deadline' | 'refuse';
  region?: string;
  expect?: string[];
}

/**
 * The shared dev set (`../shared/eval/dev-questions.jsonl` next to the repository); a clean clone without it
 * uses the copy the eval set keeps verbatim (its `dev-` lines).
 */
function devQuestions(): DevQuestion[] {
  const shared = fileURLToPath(new URL('../../../shared/eval/dev-questions.jsonl', import.meta.url));
  const lines = existsSync(shared)
    ? readFileSync(shared, 'utf8').split('\n')
    : readFileSync(fileURLToPath(new URL('../eval/questions.jsonl', import.meta.url)), 'utf8').split('\n').filter((l) => l.includes('"id":"dev-'));
  return lines.filter((l) => l.trim()).map((l) => JSON.parse(l) as DevQuestion);
}

const questions = devQuestions();

/** The year a question asks about: written in it (2023年, in 2023), else the id's (dev-zj23-…), else any. */
function questionYear(q: DevQuestion): number | null {
  const written = /(?:19|20)\d{2}/.exec(q.q);
  if (written) return Number(written[0]);
  const coded = /^dev-[a-z]{2}(\d{2})-/.exec(q.id);
  return coded ? 2000 + Number(coded[1]) : null;
}

/** A value as written starts with the expected figure, and the figure is not the head of a longer number. */
function valueMatches(value: string, expected: string): boolean {
  const v = value.replace(/\s+/g, '');
  return v.startsWith(expected) && !/^[\d.]/.test(v.slice(expected.length));
}

/** The fact talks about what the question asks: two characters in a row in common (Chinese questions only). */
function sharesTerm(fact: Fact, question: string): boolean {
  if (!/\p{Script=Han}/u.test(question)) return true;
  const q = toSimplified(question);
  const key = metricKey(fact.metric);
  for (let i = 0; i + 2 <= key.length; i++) if (q.includes(key.slice(i, i + 2))) return true;
  return false;
}

const { facts, documents, regions } = seedBase();
const figures = facts.filter((f) => f.kind !== 'program');
const programs = facts.filter((f) => f.kind === 'program');

describe('every figure a dev question expects is a fact with the right region and year', () => {
  const cases = questions
    .filter((q) => q.kind === 'value' || q.kind === 'list')
    .flatMap((q) => (q.expect ?? []).map((e) => ({ id: q.id, q, expected: e })));

  it('reads the dev questions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('$id: $expected', ({ q, expected }) => {
    const year = questionYear(q);
    const hits = figures.filter(
      (f) =>
        valueMatches(f.value, expected) &&
        (q.region === undefined || f.region === q.region) &&
        (year === null || f.year === year) &&
        sharesTerm(f, q.q),
    );
    expect(hits.map((f) => `${f.region} ${f.year} ${f.metric} ${f.value}`), q.q).not.toEqual([]);
  });

  it.each(questions.filter((q) => q.kind === 'define'))('$id: a defined program of $region', (q) => {
    const hits = programs.filter((p) => q.q.includes(p.value) && p.region === q.region);
    expect(hits, q.q).not.toEqual([]);
    for (const e of q.expect ?? []) {
      expect(hits.some((p) => [p.region, p.metric, p.definition ?? '', ...p.citations.map((c) => c.quote)].join(' ').includes(e)), e).toBe(true);
    }
  });

  it.each(questions.filter((q) => q.kind === 'deadline'))('$id: a deadline of $region', (q) => {
    const hits = facts.filter((f) => f.region === q.region && sharesTerm(f, q.q) && (q.expect ?? []).every((e) => `${f.deadline} ${f.year}`.includes(e)));
    expect(hits, q.q).not.toEqual([]);
  });

  it.each(questions.filter((q) => q.kind === 'refuse' && q.region === undefined && regions.findMentions(q.q).length > 0))(
    '$id: no fact for a region the seeds never cover',
    (q) => {
      const named = regions.findMentions(q.q).map((m) => m.region);
      expect(facts.filter((f) => named.includes(f.region))).toEqual([]);
    },
  );
});

describe('facts the issue names', () => {
  it('three 开工率 targets of 浙江, one per quarter, due at the quarter end', () => {
    const rates = figures
      .filter((f) => f.region === '浙江' && f.metric.includes('新建项目开工率'))
      .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
    expect(rates.map((f) => [f.kind, f.value, f.year, f.deadline])).toEqual([
      ['target', '30%', 2023, '2023-03-31'],
      ['target', '60%', 2023, '2023-06-30'],
      ['target', '85%', 2023, '2023-09-30'],
    ]);
    expect(new Set(rates.map((f) => f.metric)).size).toBe(3);
  });

  it('415X keeps both dated definitions: the March plan and the November conference', () => {
    const defined = programs.filter((p) => p.value === '415X' && p.region === '浙江' && p.definition);
    const march = defined.filter((p) => p.citations.some((c) => c.date < '2023-06-01'));
    const november = defined.filter((p) => p.citations.some((c) => c.date.startsWith('2023-11')));
    expect(march.length).toBeGreaterThan(0);
    expect(november.length).toBeGreaterThan(0);
    expect(march.some((p) => p.definition!.includes('15个千亿'))).toBe(true);
    expect(november.some((p) => p.definition!.includes('5000亿元级'))).toBe(true);
    for (const a of march) for (const b of november) expect(metricKey(a.definition!)).not.toBe(metricKey(b.definition!));
  });

  it('a program has at most one defined fact per document', () => {
    const seen = new Map<string, number>();
    for (const p of programs.filter((x) => x.definition)) {
      for (const c of p.citations) {
        const k = `${p.region}|${p.value}|${c.document}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
    }
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
  });

  it.each([
    ['规模以上工业增加值', '5.5%'],
    ['数字经济核心产业增加值', '10%'],
    ['制造业投资', '12%'],
  ])('浙江 2023 %s %s is one fact cited by both documents that report it', (metric, value) => {
    const hits = figures.filter((f) => f.region === '浙江' && f.year === 2023 && f.value === value && metricKey(f.metric).endsWith(metric));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.citations.map((c) => c.document.slice(0, 3)).sort()).toEqual(['000', '004']);
    expect(hits[0]).toMatchObject({ kind: 'target', deadline: '2023-12-31' });
  });

  it('no figure is stated twice: one metric (synonyms folded) is never the tail of another with the same region, year and number', () => {
    const key = createMetricCanonicalizer(createSynonymMap(loadGlossary(knowledgeDir)));
    const dupes: string[] = [];
    for (const a of figures) {
      for (const b of figures) {
        if (a === b || a.region !== b.region || a.kind !== b.kind || a.year !== b.year || a.number !== b.number || a.unit !== b.unit) continue;
        if (key(a.metric).endsWith(key(b.metric))) dupes.push(`${a.id} ${a.metric} / ${b.id} ${b.metric}`);
      }
    }
    expect(dupes).toEqual([]);
  });
});

describe('no junk', () => {
  it.each(facts.map((f) => [f.id, f] as const))('%s', (_id, fact) => {
    expect(junkReasons(fact, documents, regions)).toEqual([]);
  });

  it('ids are unique', () => {
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
  });

  it('dates, list numbers, document numbers and phone numbers are never figures', () => {
    for (const f of figures) {
      expect(f.value).not.toMatch(/^\d+[.、]$|^(?:19|20)\d{2}年?$|〔|号$|^\d{7,}$/);
      expect(f.citations.every((c) => !new RegExp(`${f.value}号|〔${f.value}`).test(c.quote))).toBe(true);
    }
  });
});

describe('knowledge/facts.json', () => {
  it('is the build of the seeds, byte for byte (regenerate with npm run ingest -- seeds/*.txt)', () => {
    expect(loadFacts(knowledgeDir)).toEqual(facts);
    expect(readFileSync(join(knowledgeDir, 'facts.json'), 'utf8')).toBe(`${JSON.stringify({ version: 1, facts }, null, 2)}\n`);
  });
});
