/**
 * Scoring of the extractor against the hand-labelled held-out documents in
 * `test/fixtures/unseen/` (see its README for how the labels were made).
 *
 * A fact matches a label when it comes from the same document, names the same
 * region, is for the same year, states the same figure once normalized
 * (1.5万亿元 = 15000亿元, 1萬家 = 10000家) and its metric covers at least half of
 * the labelled metric (the fact's metric read with its comparator: 生产总值 + 增长). Matching is one-to-one, best metric
 * overlap first.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizeForMatch } from '../../src/documents/normalize.ts';
import { mergeFacts } from '../../src/extract/merge.ts';
import { prepareDocument } from '../../src/knowledge/build.ts';
import { loadRegionIndex } from '../../src/knowledge/regions.ts';
import type { Fact, Manifest } from '../../src/knowledge/schema.ts';

/** One held-out document with the metadata `npm run ingest` would be given as flags. */
export const UnseenDocument = z
  .object({
    id: z.string().min(1),
    file: z.string().min(1),
    title: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    publisher: z.string().nullable(),
    url: z.string().url().nullable(),
    encoding: z.enum(['utf-8', 'gb18030']),
  })
  .strict();
export type UnseenDocument = z.infer<typeof UnseenDocument>;

/** One figure a careful analyst wants as a fact. */
export const Label = z
  .object({
    doc: z.string().min(1),
    /** Provincial-level short name, also for a city's figure. */
    region: z.string().min(1),
    city: z.string().nullable(),
    /** The year the target is for, or the year the result reports. */
    year: z.number().int(),
    kind: z.enum(['target', 'actual']),
    /** The figure as the document writes it. */
    value: z.string().min(1),
    /** The thing measured, in full (a subject the sentence elides is restored). */
    metric: z.string().min(1),
    /**
     * For a bare table cell (17) whose unit stands in its row's 单位 cell or its column's head (万吨): that unit. The
     * figure labelled is the value with it (17万吨); the quote holds the value.
     */
    unit: z.string().min(1).optional(),
    /** A substring of the document (whitespace aside) stating the figure. */
    quote: z.string().min(1),
    /**
     * Set (to the reason) for a figure that may be extracted but is not required:
     * a fixed set's size, an annual amount with no single year. Neither recall nor junk.
     */
    optional: z.string().min(1).optional(),
  })
  .strict();
export type Label = z.infer<typeof Label>;

export const LabelFile = z.object({
  version: z.literal(1),
  documents: z.array(UnseenDocument).min(1),
  labels: z.array(Label).min(1),
});
export type LabelFile = z.infer<typeof LabelFile>;

/** Reads and validates `labels.json`. */
export function loadLabelFile(url: URL): LabelFile {
  return LabelFile.parse(JSON.parse(readFileSync(url, 'utf8')));
}

const MULTIPLIERS: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };
const FIGURE = /^(\d+(?:\.\d+)?)(?:(?:至|到|~|-|—|－)(\d+(?:\.\d+)?))?(万亿|亿|万|千)?(.*?)(?:以上|左右|以下|以内|上下)?$/u;

/**
 * A comparison key for a figure as written: its number(s) scaled by 万/亿/万亿 and its unit.
 * A trailing comparator (5%左右) is dropped: it belongs in `comparator`, but the figure is right.
 * Null when the value does not start with a number.
 *
 * @example figureKey('1.5万亿元') === figureKey('15000亿元') // '1500000000000|元'
 */
export function figureKey(value: string): string | null {
  // 1200万台（套） and 1200万台 are one figure: the bracketed second unit says nothing more.
  const m = FIGURE.exec(normalizeForMatch(value).replace(/[（(][台套][）)]$/, ''));
  if (!m) return null;
  const scale = MULTIPLIERS[m[3] ?? ''] ?? 1;
  // toPrecision drops the binary noise of 357.8 × 1e4 so equal figures compare equal.
  const scaled = (n: string): number => Number((Number(n) * scale).toPrecision(12));
  const range = m[2] === undefined ? `${scaled(m[1]!)}` : `${scaled(m[1]!)}-${scaled(m[2])}`;
  return `${range}|${m[4]}`;
}

/** The figure a label stands for: its value, with the unit a bare table cell takes from its row or column. */
export function labelFigure(label: Pick<Label, 'value' | 'unit'>): string {
  return label.value + (label.unit ?? '');
}

const QUOTE_MARKS = /[“”‘’「」『』"']/g;

function bigrams(s: string): Set<string> {
  const t = normalizeForMatch(s).replace(QUOTE_MARKS, '');
  if (t.length < 2) return new Set([t]);
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/**
 * Share of the labelled metric's character bigrams found in the extracted metric (0..1).
 * Relative to the label, so a truncated metric ("工业", "占比") scores low while a longer
 * one that still names the thing scores high.
 */
export function metricOverlap(labelled: string, extracted: string): number {
  const want = bigrams(labelled);
  const got = bigrams(extracted);
  let shared = 0;
  for (const b of want) if (got.has(b)) shared++;
  return shared / want.size;
}

/**
 * What a fact says it measures: its metric and its relation (生产总值 + 增长, 工业投资 + 年均增长). The schema keeps
 * 增长 and 年均增长 in `comparator`, so a label written "生产总值增长" is compared with both.
 */
export function statedMetric(fact: Pick<Fact, 'metric' | 'comparator'>): string {
  return fact.metric + (fact.comparator ?? '').replace('…', '');
}

/** A metric matches from this overlap on. */
export const METRIC_THRESHOLD = 0.5;

/** The year a figure fact is for: its deadline's year for a target, else its year. */
export function figureYear(fact: Fact): number | null {
  return fact.deadline ? Number(fact.deadline.slice(0, 4)) : fact.year;
}

/** How one extracted fact was judged. */
export type FactVerdict =
  | { fact: Fact; verdict: 'matched'; label: Label; notes: string[] }
  | { fact: Fact; verdict: 'duplicate' | 'optional'; label: Label }
  | { fact: Fact; verdict: 'junk'; cause: string };

/** A required label no fact matched, and the nearest reason why. */
export interface Miss {
  label: Label;
  cause: string;
}

export interface DocumentScore {
  doc: string;
  required: number;
  matched: number;
  facts: FactVerdict[];
  misses: Miss[];
}

function matches(label: Label, fact: Fact): number | null {
  if (fact.region !== label.region || figureYear(fact) !== label.year) return null;
  if (figureKey(fact.value) !== figureKey(labelFigure(label))) return null;
  const overlap = metricOverlap(label.metric, statedMetric(fact));
  return overlap >= METRIC_THRESHOLD ? overlap : null;
}

/** Pairs labels with facts one-to-one, best overlap first; returns label index → fact index. */
function assign(labels: Label[], facts: Fact[], taken: Set<number>): Map<number, number> {
  const pairs: { l: number; f: number; score: number }[] = [];
  labels.forEach((label, l) =>
    facts.forEach((fact, f) => {
      const score = taken.has(f) ? null : matches(label, fact);
      if (score !== null) pairs.push({ l, f, score });
    }),
  );
  pairs.sort((a, b) => b.score - a.score);
  const byLabel = new Map<number, number>();
  for (const { l, f } of pairs) {
    if (byLabel.has(l) || taken.has(f)) continue;
    byLabel.set(l, f);
    taken.add(f);
  }
  return byLabel;
}

/** What separates a fact from the label it is closest to (same figure), or why no label is close. */
function mismatch(label: Label | undefined, fact: Fact): string {
  if (!label) return figureKey(fact.value) === null ? 'value is not a figure' : 'figure matches no label';
  const causes: string[] = [];
  if (fact.region !== label.region) causes.push(`region ${fact.region} (want ${label.region})`);
  if (figureYear(fact) !== label.year) causes.push(`year ${figureYear(fact)} (want ${label.year})`);
  if (metricOverlap(label.metric, statedMetric(fact)) < METRIC_THRESHOLD) causes.push(`metric "${fact.metric}" (want "${label.metric}")`);
  return causes.length > 0 ? causes.join('; ') : 'figure already matched by another fact';
}

function closestLabel(labels: Label[], fact: Fact): Label | undefined {
  const same = labels.filter((l) => figureKey(labelFigure(l)) === figureKey(fact.value));
  const rank = (l: Label): number =>
    (l.region === fact.region ? 2 : 0) + (l.year === figureYear(fact) ? 2 : 0) + metricOverlap(l.metric, statedMetric(fact));
  return same.sort((a, b) => rank(b) - rank(a))[0];
}

function closestFact(facts: Fact[], label: Label): Fact | undefined {
  const same = facts.filter((f) => figureKey(f.value) === figureKey(labelFigure(label)));
  const rank = (f: Fact): number =>
    (f.region === label.region ? 2 : 0) + (figureYear(f) === label.year ? 2 : 0) + metricOverlap(label.metric, statedMetric(f));
  return same.sort((a, b) => rank(b) - rank(a))[0];
}

/** Words that end a target before its year does: 一季度, 上半年, 6月底, 前三季度. */
const PART_OF_YEAR = /季度|半年|\d{1,2}月|[一二三四五六七八九十]{1,2}月/;

/** Scores the figure facts extracted from one document against its labels. */
export function scoreDocument(doc: string, labels: Label[], facts: Fact[]): DocumentScore {
  const required = labels.filter((l) => !l.optional);
  const optional = labels.filter((l) => l.optional);
  const taken = new Set<number>();
  // Required labels pick first, so an optional label never takes a fact a required one needs.
  const requiredPairs = assign(required, facts, taken);
  const optionalPairs = assign(optional, facts, taken);
  const labelOf = new Map<number, { label: Label; optional: boolean }>();
  for (const [l, f] of requiredPairs) labelOf.set(f, { label: required[l]!, optional: false });
  for (const [l, f] of optionalPairs) labelOf.set(f, { label: optional[l]!, optional: true });

  const verdicts = facts.map((fact, f): FactVerdict => {
    const paired = labelOf.get(f);
    if (paired?.optional) return { fact, verdict: 'optional', label: paired.label };
    if (paired) {
      const notes: string[] = [];
      if (fact.kind !== paired.label.kind) notes.push(`kind ${fact.kind} (want ${paired.label.kind})`);
      if (fact.city !== paired.label.city) notes.push(`city ${fact.city} (want ${paired.label.city})`);
      if (normalizeForMatch(fact.value) !== normalizeForMatch(labelFigure(paired.label))) notes.push(`value "${fact.value}" (want "${labelFigure(paired.label)}")`);
      // Labels give years only; a deadline before the year's end needs a quarter, half or month in the quote.
      if (fact.deadline && !fact.deadline.endsWith('-12-31') && !PART_OF_YEAR.test(paired.label.quote + paired.label.metric)) notes.push(`deadline ${fact.deadline} (want the year's end)`);
      return { fact, verdict: 'matched', label: paired.label, notes };
    }
    const again = labels.find((l) => matches(l, fact) !== null);
    if (again) return { fact, verdict: 'duplicate', label: again };
    return { fact, verdict: 'junk', cause: mismatch(closestLabel(labels, fact), fact) };
  });

  const matchedLabels = new Set(requiredPairs.keys());
  const misses = required
    .filter((_, l) => !matchedLabels.has(l))
    .map((label): Miss => {
      const near = closestFact(facts, label);
      return { label, cause: near ? `nearest fact: ${mismatch(label, near)}` : 'not extracted' };
    });
  return { doc, required: required.length, matched: matchedLabels.size, facts: verdicts, misses };
}

export interface Totals {
  required: number;
  matched: number;
  facts: number;
  junk: number;
  duplicates: number;
  recall: number;
  junkRate: number;
}

export function totals(scores: DocumentScore[]): Totals {
  const sum = (f: (s: DocumentScore) => number): number => scores.reduce((n, s) => n + f(s), 0);
  const count = (s: DocumentScore, v: FactVerdict['verdict']): number => s.facts.filter((x) => x.verdict === v).length;
  const required = sum((s) => s.required);
  const matched = sum((s) => s.matched);
  const facts = sum((s) => s.facts.length);
  const junk = sum((s) => count(s, 'junk'));
  return {
    required,
    matched,
    facts,
    junk,
    duplicates: sum((s) => count(s, 'duplicate')),
    recall: required === 0 ? 0 : matched / required,
    junkRate: facts === 0 ? 0 : junk / facts,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The per-document table, the totals, then every miss and junk fact with its cause. */
export function formatReport(scores: DocumentScore[]): string {
  const lines = ['doc                              labels matched recall  facts junk dup  opt'];
  for (const s of scores) {
    const t = totals([s]);
    const opt = s.facts.filter((x) => x.verdict === 'optional').length;
    lines.push(
      `${s.doc.padEnd(32)} ${String(s.required).padStart(6)} ${String(s.matched).padStart(7)} ${pct(t.recall).padStart(6)} ${String(t.facts).padStart(6)} ${String(t.junk).padStart(4)} ${String(t.duplicates).padStart(3)} ${String(opt).padStart(4)}`,
    );
  }
  const t = totals(scores);
  lines.push(`TOTAL recall ${t.matched}/${t.required} = ${pct(t.recall)}; junk ${t.junk}/${t.facts} = ${pct(t.junkRate)}; duplicates ${t.duplicates}`);
  lines.push('', 'MISSED LABELS');
  for (const s of scores) for (const m of s.misses) lines.push(`  ${s.doc} | ${m.label.region}${m.label.city ? `/${m.label.city}` : ''} ${m.label.year} ${m.label.metric} ${labelFigure(m.label)} | ${m.cause} | 「${m.label.quote}」`);
  lines.push('', 'JUNK FACTS');
  for (const s of scores) {
    for (const v of s.facts) {
      if (v.verdict !== 'junk') continue;
      const f = v.fact;
      lines.push(`  ${s.doc} | ${f.kind} ${f.region}${f.city ? `/${f.city}` : ''} ${figureYear(f)} "${f.metric}" ${f.value} | ${v.cause} | 「${f.citations[0]?.quote ?? ''}」`);
    }
  }
  lines.push('', 'MATCHED, WITH A WRONG KIND, CITY OR VALUE SPELLING');
  for (const s of scores) {
    for (const v of s.facts) if (v.verdict === 'matched' && v.notes.length > 0) lines.push(`  ${s.doc} | ${v.label.metric} ${labelFigure(v.label)} | ${v.notes.join('; ')}`);
  }
  lines.push('', 'DUPLICATES');
  for (const s of scores) {
    for (const v of s.facts) if (v.verdict === 'duplicate') lines.push(`  ${s.doc} | ${v.label.metric} ${labelFigure(v.label)} | 「${v.fact.citations[0]?.quote ?? ''}」`);
  }
  return lines.join('\n');
}

/**
 * The held-out suite of one round of documents in `fixtures` (a folder with labels.json): the labels quote their
 * documents, then the real ingest pipeline (prepareDocument + mergeFacts, as `npm run ingest -- --dry-run` runs
 * them) is scored against them: recall at least 90%, junk under 5%.
 */
/** The must-show's bar: at least 90% recall, under 5% junk. */
export const ISSUE_BAR = { recall: 0.9, junk: 0.05 } as const;

/**
 * A round scored below the issue's bar on its first run and not yet brought up to it: the floor it stands at now,
 * so that it cannot slip back unnoticed, and why. Remove it once the round passes the bar.
 */
export interface InterimFloor {
  recall: number;
  junk: number;
  reason: string;
}

export function describeHeldOut(round: string, fixtures: URL, interim?: InterimFloor): void {
  const bar = interim ?? ISSUE_BAR;
  const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));
  const { documents, labels } = loadLabelFile(new URL('labels.json', fixtures));
  const bytesOf = (doc: UnseenDocument): Buffer => readFileSync(new URL(doc.file, fixtures));
  const textOf = (doc: UnseenDocument): string =>
    doc.encoding === 'gb18030' ? iconv.decode(bytesOf(doc), 'gb18030') : bytesOf(doc).toString('utf8');

  describe(`${round}: the held-out labels`, () => {
    const texts = new Map(documents.map((d) => [d.id, normalizeForMatch(textOf(d))] as const));

    it('name a known document and a figure-shaped value', () => {
      for (const label of labels) {
        expect(texts.has(label.doc), label.doc).toBe(true);
        expect(figureKey(labelFigure(label)), label.value).not.toBeNull();
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

  describe(`${round}: extraction on documents it has never seen`, () => {
    let scores: DocumentScore[] = [];

    beforeAll(() => {
      const regions = loadRegionIndex(knowledgeDir);
      const empty: Manifest = { version: 1, documents: [] };
      scores = documents.map((doc) => {
        // The metadata a user would pass to `npm run ingest` as flags.
        const flags = { date: doc.date, title: doc.title, publisher: doc.publisher ?? undefined, url: doc.url ?? undefined };
        const outcome = prepareDocument(fileURLToPath(new URL(doc.file, fixtures)), bytesOf(doc), flags, empty, regions);
        if (!outcome.ok) throw new Error(`${round}: ingest refused ${doc.file}: ${outcome.message}`);
        const facts: Fact[] = mergeFacts(outcome.facts, (r) => regions.resolve(r)?.code ?? 'cn');
        return scoreDocument(doc.id, labels.filter((l) => l.doc === doc.id), facts.filter((f) => f.kind !== 'program'));
      });
      console.log(formatReport(scores));
    });

    const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
    const below = interim ? ` (interim floor, below the issue's bar: ${interim.reason})` : '';
    it(`extracts at least ${pct(bar.recall)} of the labelled figures with the right region and year${below}`, () => {
      expect(totals(scores).recall).toBeGreaterThanOrEqual(bar.recall);
    });

    it(`keeps junk under ${pct(bar.junk)} of the extracted figure facts${below}`, () => {
      expect(totals(scores).junkRate).toBeLessThan(bar.junk);
    });
  });
}
