/**
 * The project's question set against the real core (issue 3's thresholds), plus
 * the scorer itself on hand-made answers and the question set's own promises.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocumentsText } from '../../src/eval/documents.ts';
import { formatReport, runEval, type EvalRun } from '../../src/eval/run.ts';
import {
  EvalError,
  evalThresholds,
  parseQuestions,
  scoreAnswers,
  thresholdFailures,
  type EvalQuestion,
  type ScoredAnswer,
  type ScoredFact,
} from '../../src/eval/score.ts';
import { normalizeForMatch } from '../../src/documents/normalize.ts';
import { createPlanwatch } from '../../src/planwatch.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';

const QUESTIONS_FILE = 'test/eval/questions.jsonl';
/** The shared dev set as handed to the project (../shared/eval/dev-questions.jsonl), kept verbatim. */
const DEV_FILE = 'test/eval/dev-questions.jsonl';

const questionsText = readFileSync(QUESTIONS_FILE, 'utf8');
const questions = parseQuestions(questionsText, QUESTIONS_FILE);
const documentsText = loadDocumentsText('seeds');

// ---------------------------------------------------------------------------------------
// The scorer on hand-made answers

const doc = new Map([['d1', '力争全省规上工业增加值增长5.5%,数字经济核心产业增加值增长10%。\n河南5G基站总数将突破18万个。']]);

function fact(over: Partial<ScoredFact> = {}): ScoredFact {
  return { id: 'zj-2023-00000001', region: '浙江', value: '5.5%', year: 2023, deadline: '2023-12-31', citations: [{ document: 'd1', quote: '力争全省规上工业增加值增长5.5%' }], ...over };
}
function answered(facts: ScoredFact[], text = '浙江 2023年目标：规上工业增加值增长5.5%'): ScoredAnswer {
  return { answered: true, text, facts };
}
const refused: ScoredAnswer = { answered: false, text: '知识库中没有四川的数据', facts: [] };
const q = (over: Partial<EvalQuestion>): EvalQuestion => ({ id: 'x', q: '问题', kind: 'value', expect: ['5.5%'], ...over });

describe('scoreAnswers', () => {
  it.each<[string, EvalQuestion, ScoredAnswer, string | null]>([
    ['value right', q({ region: '浙江' }), answered([fact()]), null],
    ['value in full-width matches', q({ expect: ['５.５％'] }), answered([fact()]), null],
    ['value wrong', q({ expect: ['10%'] }), answered([fact()]), 'top fact value "5.5%" lacks "10%"'],
    ['only the top fact counts', q({ expect: ['10%'] }), answered([fact(), fact({ value: '10%' })]), 'top fact value "5.5%" lacks "10%"'],
    ['region wrong', q({ region: '江西' }), answered([fact()]), 'top fact is 浙江, expected 江西'],
    ['value refused', q({}), refused, 'refused'],
    ['answered without facts', q({}), answered([]), 'answered without facts'],
    ['deadline from the top fact', q({ kind: 'deadline', expect: ['2030'] }), answered([fact({ deadline: '2030-12-31', year: 2030 })]), null],
    ['deadline wrong', q({ kind: 'deadline', expect: ['2025'] }), answered([fact()]), 'top fact (5.5%, deadline 2023-12-31) lacks "2025"'],
    ['list in text', q({ kind: 'list', expect: ['5.5%', '8.0%'] }), answered([fact()], '浙江 5.5%\n江西 8.0%'), null],
    ['list missing one', q({ kind: 'list', expect: ['5.5%', '8.0%'] }), answered([fact()], '浙江 5.5%'), 'text lacks "8.0%"'],
    ['define in text', q({ kind: 'define', expect: ['万亿'] }), answered([fact()], '“4”是指4个万亿元级世界级先进产业群'), null],
    ['refusal refused', q({ kind: 'refuse', expect: [] }), refused, null],
    ['refusal answered', q({ kind: 'refuse', expect: [] }), answered([fact()]), 'answered, expected a refusal'],
  ])('%s', (_name, question, answer, reason) => {
    const report = scoreAnswers([question], [answer], doc);
    expect(report.outcomes[0]!.reason).toBe(reason);
    expect(report.outcomes[0]!.pass).toBe(reason === null);
  });

  it.each<[string, ScoredAnswer, number]>([
    ['quote found', answered([fact()]), 0],
    ['quote found across a line break and spaces', answered([fact({ citations: [{ document: 'd1', quote: '增长10%。 河南5G基站' }] })]), 0],
    ['quote not in its document', answered([fact({ citations: [{ document: 'd1', quote: '增长6.5%' }] })]), 1],
    ['unknown document', answered([fact({ citations: [{ document: 'nope', quote: '增长5.5%' }] })]), 1],
    ['suggestions are checked', { ...refused, suggestions: [fact({ citations: [{ document: 'd1', quote: '假的' }] })] }, 1],
    ['sources are checked', { ...answered([fact()]), sources: [{ document: 'd1', quote: '不存在的话', factId: 'f' }] }, 1],
  ])('quotes: %s', (_name, answer, misses) => {
    const report = scoreAnswers([q({})], [answer], doc);
    expect(report.quotes.notFound).toHaveLength(misses);
    expect(report.quotes.checked).toBeGreaterThan(0);
  });

  it('aggregates figures, refusals, answer rate and kinds', () => {
    const qs = [q({ id: 'a' }), q({ id: 'b', expect: ['9%'] }), q({ id: 'c', kind: 'refuse', expect: [] }), q({ id: 'd', kind: 'refuse', expect: [] })];
    const report = scoreAnswers(qs, [answered([fact()]), refused, refused, answered([fact()])], doc);
    expect(report.figureAccuracy).toEqual({ passed: 1, total: 2, rate: 0.5 });
    expect(report.refusalAccuracy).toEqual({ passed: 1, total: 2, rate: 0.5 });
    expect(report.answerRate).toEqual({ passed: 1, total: 2, rate: 0.5 });
    expect(report.byKind.value).toEqual({ passed: 1, total: 2, rate: 0.5 });
    expect(report.byKind.list).toEqual({ passed: 0, total: 0, rate: 1 });
    expect(report.failures.map((o) => o.id)).toEqual(['b', 'd']);
    expect(thresholdFailures(report)).toHaveLength(2);
    expect(formatReport(report)).toContain('figure accuracy   50.0% (1/2)');
  });

  it('refuses answers that do not line up with the questions', () => {
    expect(() => scoreAnswers([q({})], [], doc)).toThrow(EvalError);
  });
});

describe('parseQuestions', () => {
  it.each([
    ['not JSON', '{"id":"a"', /:1: not JSON/],
    ['empty q', '{"id":"a","q":"","kind":"value","expect":["1"]}', /:1: field "q"/],
    ['unknown kind', '{"id":"a","q":"x","kind":"guess","expect":["1"]}', /:1: field "kind"/],
    ['no expect on a figure question', '{"id":"a","q":"x","kind":"value","expect":[]}', /needs at least one expect/],
    ['duplicate id', '{"id":"a","q":"x","kind":"refuse"}\n\n{"id":"a","q":"y","kind":"refuse"}', /:3: duplicate id "a"/],
  ])('%s', (_name, text, message) => {
    expect(() => parseQuestions(text, 'q.jsonl')).toThrow(message);
  });
});

// ---------------------------------------------------------------------------------------
// The question set keeps its promises

describe('the question set', () => {
  it('has at least 150 questions, every intent, and at least 20 refusals', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(questions.map((x) => x.kind));
    expect([...kinds].sort()).toEqual(['compare', 'deadline', 'define', 'list', 'refuse', 'value']);
    expect(questions.filter((x) => x.kind === 'refuse').length).toBeGreaterThanOrEqual(20);
    expect(questions.filter((x) => x.kind === 'value' && !x.region)).toEqual([]);
  });

  it('includes every line of the shared dev set verbatim', () => {
    const lines = new Set(questionsText.split('\n'));
    const dev = readFileSync(DEV_FILE, 'utf8').split('\n').filter((l) => l.trim());
    expect(dev.filter((l) => !lines.has(l))).toEqual([]);
  });

  it('covers abbreviations, English, traditional characters and full-width digits', () => {
    const text = questions.map((x) => x.q);
    for (const abbr of ['浙2023', '赣', '豫', '苏“', '鲁', '京2030', '浙省']) expect(text.some((t) => t.startsWith(abbr))).toBe(true);
    expect(text.filter((t) => /^[\x20-\x7e]+$/.test(t) && /[a-z]{3}/i.test(t)).length).toBeGreaterThanOrEqual(10);
    expect(text.filter((t) => /[規業數據總個東蘇麼廣經長]/.test(t)).length).toBeGreaterThanOrEqual(5);
    expect(text.filter((t) => /[０-９]/.test(t)).length).toBeGreaterThanOrEqual(5);
  });

  // Expected figures come from the source text, not the fact base: each must stand in some seed.
  it.each(questions.filter((x) => x.kind === 'value').map((x) => [x.id, x] as const))('%s expects figures the seeds state', (_id, question) => {
    const seeds = [...documentsText.values()].map(normalizeForMatch);
    for (const figure of question.expect) expect(seeds.some((s) => s.includes(normalizeForMatch(figure)))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------
// The real core

describe('planwatch on its question set', () => {
  let store: Store;
  let run: EvalRun;

  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    const core = createPlanwatch({ knowledgeDir: 'knowledge', seedsDir: 'seeds', store });
    run = runEval({ planwatch: core, questions, documentsText });
  });
  afterAll(async () => {
    await store?.close();
  });

  const failures = () => `\n${formatReport(run.report)}`;

  it(`figure accuracy is at least ${evalThresholds.figureAccuracy * 100}%`, () => {
    expect(run.report.figureAccuracy.rate, failures()).toBeGreaterThanOrEqual(evalThresholds.figureAccuracy);
  });

  it(`refusal accuracy is at least ${evalThresholds.refusalAccuracy * 100}%`, () => {
    expect(run.report.refusalAccuracy.rate, failures()).toBeGreaterThanOrEqual(evalThresholds.refusalAccuracy);
  });

  it('every cited quote is found in its document', () => {
    expect(run.report.quotes.notFound, failures()).toEqual([]);
    expect(run.report.quotes.checked).toBeGreaterThan(0);
  });
});
