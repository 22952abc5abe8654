/**
 * One question → one `Answer`: understand it, filter and rank facts, compose a
 * short, exact, cited answer. Never a figure without a citation, never another
 * region's figure presented as the asked one, never a made-up definition: when
 * the fact base does not say, the answer says so and shows the nearest facts.
 */
import type { Fact } from '../knowledge/schema.ts';
import type { FactBase } from './fact-base.ts';
import { parseQuestion, type ParsedQuestion, type QuestionFigure } from '../search/question.ts';
import type { FactHitScore, SearchFilter } from '../search/index.ts';
import { formatFigure } from './figure.ts';
import { toFactHit, type Answer, type Language, type Row, type Source } from './types.ts';

export { toFactHit };

/** Options of {@link answerQuestion}. */
export interface AnswerOptions {
  /** Today, `YYYY-MM-DD`, for 今年/去年. Required: the caller owns the clock. */
  today: string;
  /** Most facts in an answer. Default 10 (the contract's limit). */
  maxFacts?: number;
}

const answerDefaults = { maxFacts: 10 };
/** Share of the question's words a fact must match to be an answer rather than a suggestion. */
const MIN_COVERAGE = 0.5;

const L = {
  zh: {
    target: '目标', actual: '实际', program: '计划', sources: '来源', year: (y: number | null) => (y ? `${y}年` : ''),
    offTopic: '这个问题不在产业规划知识库的范围内。可以问：某省某年的目标数字、哪些省份提了某项目标、某个计划（如415X）是什么。',
    noRegion: (missing: string[], known: string[]) => `知识库中没有${missing.join('、')}的数据；已收录：${known.join('、')}。`,
    noFacts: (what: string) => `知识库中没有找到${what}的相关数据。`,
    noYear: (region: string, year: number, latest: number) => `知识库中没有${region}${year}年的数据，以下是最近的${latest}年数据。`,
    cityFallback: (city: string, region: string) => `知识库中没有${city}自己的数据，以下是${region}（全省）的数据。`,
    noYearRefuse: (region: string, year: number) => `知识库中没有${region}${year}年的相关数据。`,
    noDefinition: (name: string) => `文件提到了“${name}”，但没有给出它的定义。`,
    definition: '定义', earlier: '较早的定义', deadline: '期限', nearest: '最接近的数据：', list: (n: number) => `共${n}条：`,
  },
  en: {
    target: 'target', actual: 'actual', program: 'program', sources: 'Sources', year: (y: number | null) => (y ? `${y}` : ''),
    offTopic: 'That is outside the plan knowledge base. Ask for a province’s target figure, which provinces set a target, or what a program (e.g. 415X) is.',
    noRegion: (missing: string[], known: string[]) => `Not in the knowledge base: ${missing.join(', ')}. Covered: ${known.join(', ')}.`,
    noFacts: (what: string) => `Not in the knowledge base: ${what}.`,
    noYear: (region: string, year: number, latest: number) => `No ${year} data for ${region}; showing the latest year, ${latest}.`,
    cityFallback: (city: string, region: string) => `No figures of ${city}'s own; showing ${region}'s (the province's).`,
    noYearRefuse: (region: string, year: number) => `No ${year} data for ${region} in the knowledge base.`,
    noDefinition: (name: string) => `The documents mention “${name}” but do not define it.`,
    definition: 'definition', earlier: 'earlier definition', deadline: 'deadline', nearest: 'Nearest facts:', list: (n: number) => `${n} results:`,
  },
};


function regionLabel(base: FactBase, region: string, lang: Language): string {
  return lang === 'en' ? base.regions.resolve(region)?.pinyin ?? region : region;
}

/** One line saying what a fact is: 浙江 2023年目标：数字经济核心产业增加值增长10%（力争） */
export function factLine(base: FactBase, f: Fact, lang: Language): string {
  const t = L[lang];
  const where = `${regionLabel(base, f.region, lang)}${f.city ? `·${f.city}` : ''}`;
  const when = f.year ? `${t.year(f.year)}${lang === 'en' ? ' ' : ''}` : '';
  const hedge = f.hedge ? (lang === 'en' ? ` (${f.hedge})` : `（${f.hedge}）`) : '';
  const deadline = f.kind === 'target' && f.deadline && !f.deadline.endsWith('-12-31') ? (lang === 'en' ? ` by ${f.deadline}` : `（截至${f.deadline}）`) : '';
  return `${where} ${when}${t[f.kind]}${lang === 'en' ? ': ' : '：'}${f.metric}${lang === 'en' ? ' ' : ''}${formatFigure(f)}${hedge}${deadline}`;
}

class SourceList {
  readonly sources: Source[] = [];
  add(f: Fact, all = false): number {
    const first = this.sources.length + 1;
    for (const c of all ? f.citations : f.citations.slice(0, 1)) {
      const existing = this.sources.find((s) => s.document === c.document && s.quote === c.quote);
      if (existing && !all) return existing.n;
      this.sources.push({ n: this.sources.length + 1, factId: f.id, document: c.document, title: c.title, date: c.date, url: c.url, quote: c.quote });
    }
    return first;
  }
  lines(lang: Language): string[] {
    if (this.sources.length === 0) return [];
    return [`${L[lang].sources}:`, ...this.sources.map((s) => `[${s.n}] ${s.title} · ${s.date} · “${s.quote}”${s.url ? ` · ${s.url}` : ''}`)];
  }
}

interface Built {
  intent: Answer['intent'];
  headline: string;
  figure: string | null;
  rows: Row[];
  notes: string[];
  body: string[];
  facts: Fact[];
  sources: SourceList;
}

function finish(question: string, lang: Language, b: Built, maxFacts: number): Answer {
  const rowLines = b.rows.map((r) => `${r.region} · ${r.year ?? '—'} · ${r.metric} ${r.figure} [${r.source}]`);
  const text = [b.headline, ...b.notes, ...b.body, ...rowLines, ...b.sources.lines(lang)].filter(Boolean).join('\n');
  return {
    question, answered: true, intent: b.intent, language: lang, text, headline: b.headline, figure: b.figure, rows: b.rows,
    notes: b.notes, sources: b.sources.sources, facts: b.facts.slice(0, maxFacts).map(toFactHit), suggestions: [], reason: null,
  };
}

/** A refusal: `answered: false`, the reason, and up to three nearest facts. */
export function refusal(question: string, lang: Language, reason: string, suggestions: Fact[], intent: Answer['intent'] = 'refuse'): Answer {
  const lines = [reason];
  if (suggestions.length > 0) lines.push(L[lang].nearest, ...suggestions.slice(0, 3).map((f) => `- ${f.region} ${f.year ?? ''} ${f.metric} ${formatFigure(f)} (${f.citations[0]!.title} · ${f.citations[0]!.date})`));
  return {
    question, answered: false, intent, language: lang, text: lines.join('\n'), headline: reason, figure: null, rows: [], notes: [],
    sources: [], facts: [], suggestions: suggestions.slice(0, 3).map(toFactHit), reason,
  };
}

/** A word of the question that carries its meaning, with the shorter tokens the segmenter found inside it. */
interface KeyWord {
  word: string;
  parts: string[];
}

/**
 * The question's words that carry its meaning: tokens not contained in a longer token of the same question
 * (规模以上工业, not also 规模, 以上, 工业), so a metric that holds the whole phrase is not outscored by one that
 * shares its pieces; the pieces still earn partial credit when no fact holds the whole phrase.
 */
function keyWords(tokens: string[]): KeyWord[] {
  const inside = (t: string, o: string) => o !== t && o.length > t.length && o.includes(t);
  return tokens
    .filter((t) => !tokens.some((o) => inside(t, o)))
    .map((word) => ({ word, parts: tokens.filter((t) => inside(t, word)) }));
}

/** Characters of `k` found in `text`: all of them when the word is there whole, else those of its parts. */
function credit(k: KeyWord, text: string): number {
  if (text.includes(k.word)) return k.word.length;
  let sum = 0;
  for (const p of k.parts) if (text.includes(p)) sum += p.length;
  return Math.min(sum, k.word.length - 1);
}

/** Whether some fact of `hits` holds `w` in its words or sentence. */
function anyHolds(base: FactBase, hits: FactHitScore[], w: string): boolean {
  return hits.some((h) => {
    const t = base.words(h.fact);
    return t.own.includes(w) || t.sentence.includes(w);
  });
}

/**
 * The question's Chinese words (two characters or more) that no fact holds, whole or piece by piece: 房地产 when the
 * knowledge base has only 制造业投资. Looked up in `hits` (the question's region) and then in the whole fact base, so
 * a word that is merely not used in the region's sentences (建设, 标准) does not count.
 */
function absentWords(base: FactBase, words: KeyWord[], hits: FactHitScore[], query: string): string[] {
  const missing = (pool: FactHitScore[]) => (k: KeyWord) => !anyHolds(base, pool, k.word) && (k.parts.length === 0 || !k.parts.every((p) => anyHolds(base, pool, p)));
  // Latin words in a Chinese question are chat noise (@here, <@U123>) unless the glossary made them terms.
  const inRegion = words.filter((k) => k.word.length >= 2 && /[\u3400-\u9fff]/.test(k.word)).filter(missing(hits));
  if (inRegion.length === 0) return [];
  const everywhere = base.index.search(query, {}, 300);
  return inRegion.filter(missing(everywhere)).map((k) => k.word);
}

/**
 * How much of the question a fact covers, 0..1, weighted by word length: what is in the fact's own words
 * (metric, comparator, program) counts fully, what is only in its sentence counts half.
 */
function coverage(base: FactBase, words: KeyWord[], f: Fact): number {
  if (words.length === 0) return 0;
  const { own, sentence } = base.words(f);
  let hit = 0;
  let total = 0;
  for (const k of words) {
    total += k.word.length;
    hit += Math.max(credit(k, own), credit(k, sentence) / 2);
  }
  return hit / total;
}

export interface Ranked extends FactHitScore {
  coverage: number;
  rank: number;
}

/** The question's figure is the fact's: same number (1万亿 = 1万亿元), percent only with percent. */
function sameFigure(q: QuestionFigure, f: Fact): boolean {
  if (f.number === null) return false;
  if ((q.unit === '%') !== (f.unit === '%')) return false;
  return Math.abs(q.number - f.number) <= 1e-9 * Math.max(1, Math.abs(f.number));
}

function unitHint(q: string): string | null {
  return /(?:多少|几)(个|家|项|条|台|座|名|对|所|种|批|亿|万)/.exec(q)?.[1] ?? null;
}

export function rank(base: FactBase, parsed: ParsedQuestion, query: string, hits: FactHitScore[]): Ranked[] {
  const words = keyWords([...new Set(base.index.tokens(query))]);
  const longest = Math.max(1, ...words.map((k) => k.word.length));
  const unit = unitHint(parsed.normalized);
  const maxScore = Math.max(1e-9, ...hits.map((h) => h.score));
  return hits
    .map((h) => {
      const cov = coverage(base, words, h.fact);
      let r = cov * 2 + h.score / maxScore;
      // Among facts that cover the question, the one whose metric says no more than it asked.
      r -= 0.3 * Math.max(0, 1 - longest / Math.max(1, h.fact.metric.length));
      if (unit && h.fact.unit && (h.fact.unit === unit || h.fact.value.includes(unit))) r += 0.3;
      // The question states the figure (突破9000亿元的期限): the fact that has it is the one asked about.
      if (parsed.figures.some((q) => sameFigure(q, h.fact))) r += 0.8;
      // 突破多少, 不低于多少: the question's relation word is the fact's comparator.
      if (h.fact.comparator?.split('…').some((c) => c.length > 1 && parsed.normalized.includes(c))) r += 0.15;
      if (parsed.kind && h.fact.kind === parsed.kind) r += 0.2;
      if (!parsed.kind && h.fact.kind === 'target') r += 0.1;
      r += ((h.fact.year ?? 2000) - 2000) / 1000; // recent years first among equals
      return { ...h, coverage: cov, rank: r };
    })
    .sort((a, b) => b.rank - a.rank);
}

function queryOf(parsed: ParsedQuestion): string {
  const words = [...parsed.terms];
  if (parsed.program) words.push(parsed.program);
  return words.join(' ');
}

/**
 * Answers one question from the fact base. Never throws for a question it cannot answer.
 * @example answerQuestion('浙江2023年数字经济核心产业增加值增长目标', base, { today: '2023-06-01' }).headline
 */
export function answerQuestion(question: string, base: FactBase, options: AnswerOptions): Answer {
  const { maxFacts } = { ...answerDefaults, ...options };
  const parsed = parseQuestion(question, base.vocabulary, options.today);
  const lang = parsed.language;
  const t = L[lang];
  if (!parsed.normalized.replace(/[\s\p{P}\p{S}]/gu, '') || parsed.offTopic) return refusal(question, lang, t.offTopic, []);

  const known = base.regionNames;
  const missing = parsed.regions.filter((r) => !known.includes(r));
  const asked = parsed.regions.filter((r) => known.includes(r));
  const query = queryOf(parsed);
  if (missing.length > 0 && asked.length === 0) {
    const near = query ? base.index.search(query, { kinds: ['target', 'actual'] }, 3).map((h) => h.fact) : [];
    return refusal(question, lang, t.noRegion(missing.map((r) => regionLabel(base, r, lang)), known.map((r) => regionLabel(base, r, lang))), near);
  }
  if (parsed.intent === 'define' || (parsed.program && parsed.terms.length <= 1)) {
    const defined = defineAnswer(question, parsed, base, lang, maxFacts);
    if (defined) return defined;
  }
  if (!query) {
    if (parsed.intent === 'list') return listAnswer(question, parsed, base, lang, query, asked, parsed.kind ? [parsed.kind] : ['target'], maxFacts);
    return refusal(question, lang, t.noFacts(parsed.normalized), []);
  }

  const kinds: Array<Fact['kind']> = parsed.kind ? [parsed.kind] : ['target', 'actual'];
  if (parsed.intent === 'list' || (parsed.intent === 'compare' && asked.length !== 1)) {
    return listAnswer(question, parsed, base, lang, query, asked, kinds, maxFacts);
  }

  // One figure (or a deadline): filter by region, year and kind inside the search, then rank.
  const what = [asked.join('、'), parsed.years.join('、'), parsed.terms.join('')].filter(Boolean).join(' ');
  // The region's facts of every year: to tell a missing word from a missing year, ranked only when that is needed.
  const anyYearHits = base.index.search(query, { regions: asked, kinds }, 100);
  const anyYear = () => rank(base, parsed, query, anyYearHits);
  // 房地产投资 where the knowledge base only has 制造业投资: a word no fact has is not in the knowledge base, however
  // much of the rest matches. (A deadline's event words, 完全建成, may have no fact.)
  if (parsed.intent !== 'deadline' && absentWords(base, keyWords(base.index.tokens(query)), anyYearHits, query).length > 0) {
    return refusal(question, lang, t.noFacts(what), anyYear().slice(0, 3).map((h) => h.fact));
  }
  let notes: string[] = [];
  let hits = rank(base, parsed, query, base.index.search(query, { regions: asked, years: parsed.years, kinds }));
  if (parsed.years.length > 0 && !hits.some((h) => h.coverage >= MIN_COVERAGE)) {
    const ranked = anyYear();
    const good = ranked.filter((h) => h.coverage >= MIN_COVERAGE);
    if (good.length === 0) return refusal(question, lang, t.noFacts(what), ranked.slice(0, 3).map((h) => h.fact));
    const latest = Math.max(...good.map((h) => h.fact.year ?? 0));
    const askedYear = Math.max(...parsed.years);
    const where = asked.map((r) => regionLabel(base, r, lang)).join('、') || (lang === 'en' ? 'this question' : '');
    // A later or relative year falls back to the latest plan; an earlier year is not in the knowledge base.
    if (parsed.yearSource === 'relative' || askedYear > latest) {
      hits = good.filter((h) => h.fact.year === latest);
      notes = [t.noYear(where, askedYear, latest)];
    } else {
      return refusal(question, lang, t.noYearRefuse(where, askedYear), good.slice(0, 3).map((h) => h.fact));
    }
  }
  if (parsed.intent === 'compare' && parsed.years.length > 1) {
    return listAnswer(question, parsed, base, lang, query, asked, kinds, maxFacts);
  }
  const best = hits[0];
  // A deadline question names an event (完全建成) that no figure states: the plan's figures answer it.
  const needed = parsed.intent === 'deadline' ? MIN_COVERAGE / 2 : MIN_COVERAGE;
  if (!best || best.coverage < needed || (parsed.intent === 'deadline' && !best.fact.deadline)) {
    return refusal(question, lang, t.noFacts(what), hits.slice(0, 3).map((h) => h.fact));
  }
  const sources = new SourceList();
  const n = sources.add(best.fact);
  // Related figures are of the answer's own region: another region's would read as the asked one's.
  const related = hits.slice(1).filter((h) => h.coverage >= MIN_COVERAGE && h.fact.region === best.fact.region).slice(0, maxFacts - 1);
  // 杭州 asked, 浙江 answered: say that the figure is the province's, not the city's.
  const city = parsed.cities.find((c) => c.region === best.fact.region);
  if (city && best.fact.city !== city.city) notes.push(t.cityFallback(city.city, regionLabel(base, best.fact.region, lang)));
  const body: string[] = [];
  if (parsed.intent === 'deadline' && best.fact.deadline) {
    body.push(`${t.deadline}: ${best.fact.deadline}`);
  }
  const rows: Row[] = related.slice(0, 4).map((h) => ({
    region: regionLabel(base, h.fact.region, lang), year: h.fact.year, metric: h.fact.metric, figure: formatFigure(h.fact), kind: h.fact.kind,
    source: sources.add(h.fact), factId: h.fact.id,
  }));
  const headline = `${factLine(base, best.fact, lang)} [${n}]`;
  return finish(question, lang, {
    intent: parsed.intent === 'deadline' ? 'deadline' : 'value', headline, figure: formatFigure(best.fact), rows, notes, body,
    facts: [best.fact, ...related.map((h) => h.fact)], sources,
  }, maxFacts);
}

/**
 * The plan's own order: facts confirmed by more documents first (the headline targets a newspaper repeats),
 * then as the document lists them.
 */
function planOrder(a: Fact, b: Fact): number {
  return b.citations.length - a.citations.length || a.citations[0]!.document.localeCompare(b.citations[0]!.document) || a.citations[0]!.offset - b.citations[0]!.offset;
}

/** Facts for a list: ranked by the question's words, or, when it has none (主要预期目标有哪些), in the plan's order. */
function listCandidates(parsed: ParsedQuestion, base: FactBase, query: string, filter: SearchFilter): Ranked[] {
  if (query) return rank(base, parsed, query, base.index.search(query, filter, 200)).filter((h) => h.coverage >= MIN_COVERAGE);
  return base.facts
    .filter((f) => (!filter.regions?.length || filter.regions.includes(f.region)) && (!filter.years?.length || (f.year !== null && filter.years.includes(f.year))) && (!filter.kinds || filter.kinds.includes(f.kind)))
    .sort(planOrder)
    .map((fact) => ({ fact, score: 0, matched: [], coverage: 1, rank: 0 }));
}

/**
 * A list or comparison as rows. Across regions: the best fact of each region. Within one region: every fact
 * that answers, one row each. Across years (2023年目标和2022年实际): the best fact of each asked year, of the
 * kind said for that year when the question says one.
 */
function listAnswer(question: string, parsed: ParsedQuestion, base: FactBase, lang: Language, query: string, asked: string[], kinds: Array<Fact['kind']>, maxFacts: number): Answer {
  const t = L[lang];
  const comparingYears = parsed.intent === 'compare' && parsed.periods.length > 1;
  const hits = listCandidates(parsed, base, query, { regions: asked, years: parsed.years, kinds: comparingYears ? ['target', 'actual'] : kinds });
  let chosen: Ranked[];
  if (comparingYears) {
    const regions = asked.length > 0 ? asked : [...new Set(hits.map((h) => h.fact.region))];
    chosen = regions.flatMap((region) =>
      parsed.periods.flatMap(({ year, kind }) => {
        const ofYear = hits.filter((h) => h.fact.region === region && h.fact.year === year);
        const wanted = kind ?? parsed.kind;
        const best = ofYear.find((h) => !wanted || h.fact.kind === wanted) ?? ofYear[0];
        return best ? [best] : [];
      }),
    );
  } else if (asked.length === 1) {
    const seen = new Set<string>();
    chosen = hits.filter((h) => {
      const key = `${h.fact.metric}|${h.fact.year}|${h.fact.value}`;
      return !seen.has(key) && seen.add(key);
    });
  } else {
    const best = new Map<string, Ranked>();
    for (const h of hits) if (!best.has(h.fact.region)) best.set(h.fact.region, h);
    // Regions the question names come in its order (对比浙江和河南: 浙江 first); the others by relevance.
    chosen = asked.length > 1 ? asked.flatMap((r) => best.get(r) ?? []) : [...best.values()];
  }
  chosen = chosen.slice(0, maxFacts);
  if (chosen.length === 0) return refusal(question, lang, t.noFacts([asked.join('、'), parsed.years.join('、'), parsed.terms.join('')].filter(Boolean).join(' ')), []);
  const sources = new SourceList();
  const rows: Row[] = chosen.map((h) => ({
    region: regionLabel(base, h.fact.region, lang), year: h.fact.year, metric: h.fact.metric, figure: formatFigure(h.fact), kind: h.fact.kind,
    source: sources.add(h.fact), factId: h.fact.id,
  }));
  return finish(question, lang, {
    intent: parsed.intent === 'compare' ? 'compare' : 'list', headline: t.list(rows.length), figure: null, rows, notes: [], body: [],
    facts: chosen.map((h) => h.fact), sources,
  }, maxFacts);
}

function programKey(s: string): string {
  return s.toUpperCase().replace(/[xX*]/g, '×').replace(/[\s“”"']/g, '');
}

function defineAnswer(question: string, parsed: ParsedQuestion, base: FactBase, lang: Language, maxFacts: number): Answer | null {
  const t = L[lang];
  const asked = parsed.regions.filter((r) => base.regionNames.includes(r));
  let programs = base.facts.filter((f) => f.kind === 'program' && (!asked.length || asked.includes(f.region)));
  if (parsed.program) {
    const key = programKey(parsed.program);
    programs = programs.filter((f) => programKey(f.value) === key);
  } else {
    const query = queryOf(parsed);
    if (!query) return null;
    const hits = rank(base, parsed, query, base.index.search(query, { regions: asked, kinds: ['program'] }));
    const best = hits[0];
    if (!best || best.coverage < MIN_COVERAGE) return null;
    programs = programs.filter((f) => f.value === best.fact.value && f.region === best.fact.region);
  }
  if (programs.length === 0) {
    // 培育多少个“新星”产业群: a quoted name that is no program is part of a figure question, answered as one.
    return parsed.program && parsed.intent === 'define' ? refusal(question, lang, t.noFacts(`“${parsed.program}”`), []) : null;
  }
  const defined = programs.filter((f) => f.definition).sort((a, b) => b.citations[0]!.date.localeCompare(a.citations[0]!.date));
  const sources = new SourceList();
  const body: string[] = [];
  let headline: string;
  if (defined.length > 0) {
    const latest = defined[0]!;
    const n = sources.add(latest);
    headline = `${regionLabel(base, latest.region, lang)} “${latest.value}”${latest.metric !== latest.value ? ` ${latest.metric}` : ''}${lang === 'en' ? ' — ' : '：'}${latest.definition} [${n}]`;
    for (const f of defined.slice(1)) {
      const m = sources.add(f);
      body.push(lang === 'en' ? `${t.earlier} (${f.citations[0]!.date}): ${f.definition} [${m}]` : `${t.earlier}（${f.citations[0]!.date}）：${f.definition} [${m}]`);
    }
  } else {
    const f = programs.sort((a, b) => b.citations[0]!.date.localeCompare(a.citations[0]!.date))[0]!;
    const n = sources.add(f);
    headline = `${regionLabel(base, f.region, lang)} “${f.value}”${f.metric !== f.value ? ` ${f.metric}` : ''} [${n}]`;
    body.push(t.noDefinition(f.value));
  }
  const facts = [...defined, ...programs.filter((f) => !f.definition)];
  return finish(question, lang, { intent: 'define', headline, figure: null, rows: [], notes: [], body, facts, sources }, maxFacts);
}
