/**
 * Sentences → facts. Rule-based and general: it knows Chinese plan prose
 * (figures, comparators, time expressions, region names, code-named
 * programs), not the seed documents.
 *
 * Region attribution: the sentence, then its paragraph, then its article
 * (newspaper pages mix provinces), then its heading, then the document.
 * Time: the sentence, then the paragraph, then the article, then the
 * document's own year.
 */
import type { RegionIndex, RegionMention } from '../knowledge/regions.ts';
import { findFigures } from './figures.ts';
import { isGenericMetric, metricFromPost, metricFromPre, sentenceTopic, hedgeWords } from './metric.ts';
import { findPrograms } from './programs.ts';
import { clauseAround, insideAny, protectedSpans, splitSentences, type Span } from './sentences.ts';
import { findTimes, isoDate, type TimeMention } from './time.ts';

/** A document as extraction needs it: normalized text with paragraphs and its metadata. */
export interface ExtractInput {
  meta: { id: string; title: string; date: string; url: string | null };
  text: string;
  paragraphs: Array<{ text: string; heading: boolean; start: number }>;
}

/** A fact as found in one place of one document, before merging across documents. */
export interface RawFact {
  kind: 'target' | 'actual' | 'program';
  region: string;
  city: string | null;
  metric: string;
  value: string;
  comparator: string | null;
  hedge: string | null;
  number: number | null;
  numberMax: number | null;
  unit: string | null;
  year: number | null;
  deadline: string | null;
  definition: string | null;
  /** Found in a heading (headlines repeat the body; the body's wording wins). */
  heading: boolean;
  citation: { document: string; title: string; date: string; url: string | null; quote: string; offset: number };
}

const ACTUAL_MARKERS = /截至|截止|已经|已累计|已建成|已有|已达|已完成|已实现|首次突破|首次|实现了|完成了|共有|现有|拥有|同比增长|比上年|较上年|交出|获评|位居|连续\d+年|达到了|取得/;
const ARTICLE_START = /^(?:本报讯|本报[^\s，,]{0,6}讯|新华社|据新华社|讯\s)/;
const MONEY_UNITS = new Set(['元', '美元', '港元', '欧元']);
const QUALIFIER_SUFFIX = new Set(['以上', '以下']);
const COUNT_UNITS = /^(?:个|家|项|条|台|套|座|所|名|户|款|种|件|张|部|辆|架|艘|对|处|只|批)$/;
const YEAR_KINDS = new Set(['year', 'relative', 'period', 'range', 'span']);

interface Context {
  region: RegionMention | null;
  year: TimeMention | null;
}

function firstMention(mentions: RegionMention[]): RegionMention | null {
  return mentions[0] ?? null;
}

function contextTimes(text: string, docYear: number): TimeMention[] {
  return findTimes(text, docYear).filter((t) => !t.baseline && YEAR_KINDS.has(t.kind));
}

/** The year the document's plans are for: a year in its title, else the year it was published. */
export function documentYear(meta: ExtractInput['meta']): number {
  const published = Number(meta.date.slice(0, 4));
  const titled = /((?:19|20)\d{2})\s*年/.exec(meta.title);
  return titled ? Number(titled[1]) : published;
}

/** Extracts every figure and program fact of one document. */
export function extractFacts(doc: ExtractInput, regions: RegionIndex): RawFact[] {
  const pubYear = Number(doc.meta.date.slice(0, 4));
  const planYear = documentYear(doc.meta);
  const counts = new Map<string, number>();
  const paragraphMentions = doc.paragraphs.map((p) => regions.findMentions(p.text));
  for (const ms of paragraphMentions) for (const m of ms) counts.set(m.region, (counts.get(m.region) ?? 0) + 1);
  const titleRegion = firstMention(regions.findMentions(doc.meta.title));
  const docRegion = titleRegion?.region ?? [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const out: RawFact[] = [];
  let heading: Context = { region: null, year: null };
  let article: Context = { region: null, year: null };
  let previousWasHeading = true;

  doc.paragraphs.forEach((para, pi) => {
    const mentions = paragraphMentions[pi]!;
    if (para.heading) {
      const m = firstMention(mentions);
      if (m) heading = { ...heading, region: m };
      const t = contextTimes(para.text, pubYear)[0];
      if (t) heading = { ...heading, year: t };
    } else if (previousWasHeading || ARTICLE_START.test(para.text)) {
      // A past year (2022年…达到) describes its own paragraph only; a plan year (到2025年) frames the article.
      const opening = contextTimes(para.text, pubYear)[0];
      article = {
        region: firstMention(mentions) ?? heading.region,
        year: opening && !opening.past ? opening : heading.year && !heading.year.past ? heading.year : null,
      };
    }
    previousWasHeading = para.heading;

    for (const sentence of splitSentences(para.text)) {
      const ctx = {
        sentence,
        paragraphStart: para.start,
        priorMentions: mentions.filter((m) => m.end <= sentence.start),
        priorTimes: contextTimes(para.text.slice(0, sentence.start), pubYear),
        fallbackRegion: para.heading ? heading.region ?? article.region : article.region ?? heading.region,
        fallbackYear: para.heading ? heading.year : article.year ?? heading.year,
      };
      out.push(...figureFacts(doc, ctx, { pubYear, planYear, docRegion, heading: para.heading }, regions));
      // A definition may open the next paragraph ("“4”是指…" after "“415X”…是…关键立柱。").
      const next = doc.paragraphs[pi + 1];
      const scope = next && next.start === para.start + para.text.length + 1 ? `${para.text}\n${next.text}` : para.text;
      for (const program of findPrograms(scope, sentence, regions)) {
        const region = program.region ?? ctx.priorMentions.at(-1)?.region ?? ctx.fallbackRegion?.region ?? docRegion;
        if (!region) continue;
        // A program's year is when the document mentions it.
        const year = pubYear;
        out.push({
          kind: 'program', region, city: null, metric: program.metric, value: program.name, comparator: null, hedge: null,
          number: null, numberMax: null, unit: null, year, deadline: null, definition: program.definition,
          heading: para.heading,
          citation: citation(doc, para.start + program.quoteStart, program.quote),
        });
      }
    }
  });
  return out;
}

function citation(doc: ExtractInput, offset: number, quote: string): RawFact['citation'] {
  return { document: doc.meta.id, title: doc.meta.title, date: doc.meta.date, url: doc.meta.url, quote, offset };
}

interface SentenceContext {
  sentence: Span;
  paragraphStart: number;
  priorMentions: RegionMention[];
  priorTimes: TimeMention[];
  fallbackRegion: RegionMention | null;
  fallbackYear: TimeMention | null;
}

interface DocContext {
  pubYear: number;
  planYear: number;
  docRegion: string | null;
  heading: boolean;
}

function figureFacts(doc: ExtractInput, ctx: SentenceContext, d: DocContext, regions: RegionIndex): RawFact[] {
  const s = ctx.sentence.text;
  const guarded = protectedSpans(s);
  const figures = findFigures(s).filter((f) => !insideAny(guarded, f.start, f.end));
  if (figures.length === 0) return [];
  const mentions = regions.findMentions(s);
  const times = findTimes(s, d.pubYear).filter((t) => !t.baseline && t.kind !== 'date' && !insideAny(guarded, t.start, t.end));
  const out: RawFact[] = [];
  let previous: { metric: string; end: number; clauseStart: number } | null = null;

  for (let i = 0; i < figures.length; i++) {
    const fig = figures[i]!;
    const clause = clauseAround(s, fig.start, fig.endWithSuffix);
    // Items of an enumeration are cut between figures ("A 200家、B 1000家"), never inside a list of names.
    const prevEnd = figures[i - 1] && figures[i - 1]!.endWithSuffix > clause.start ? figures[i - 1]!.endWithSuffix : -1;
    const itemStart = prevEnd >= 0 ? Math.max(clause.start, s.indexOf('、', prevEnd) >= 0 && s.indexOf('、', prevEnd) < fig.start ? s.indexOf('、', prevEnd) + 1 : prevEnd) : clause.start;
    const nextStart = figures[i + 1]?.start ?? s.length;
    let postEnd = fig.endWithSuffix;
    while (postEnd < Math.min(clause.end, nextStart) && s[postEnd] !== '、') postEnd++;
    const pre = s.slice(itemStart, fig.start);
    const post = s.slice(fig.endWithSuffix, postEnd);

    // "10亿元以上项目", "超过3亿元、增速不低于15%的": figures qualifying a noun, not figures of their own.
    const qualifiesNoun = figures.some((g) => g.start >= fig.start && g.endWithSuffix <= clause.end && s[g.endWithSuffix] === '的');
    if (qualifiesNoun || (MONEY_UNITS.has(fig.unit) && fig.suffix && QUALIFIER_SUFFIX.has(fig.suffix) && /^[\u4e00-\u9fa5]/.test(post))) {
      continue;
    }

    const removeSpans: Array<[number, number]> = [];
    for (const t of times) if (t.start >= itemStart && t.end <= fig.start) removeSpans.push([t.start - itemStart, t.end - itemStart]);
    // A region naming the subject goes ("河南5G基站总数"); one inside a name stays (“浙江制造精品”).
    for (const m of mentions) {
      if (m.start >= itemStart && m.end <= fig.start && !insideAny(guarded, m.start, m.end)) removeSpans.push([m.start - itemStart, m.end - itemStart]);
    }
    const parts = metricFromPre(pre, removeSpans);
    let metric = parts.metric;
    // "16个先进制造业集群": a count followed by what is counted; the words before are the verb (聚焦, 培育).
    const postNoun = COUNT_UNITS.test(fig.unit) ? metricFromPost(post) : '';
    if (postNoun.length >= 2) metric = metric.length <= 4 && !metric.endsWith('等') ? metric + postNoun : postNoun;
    let quoteSpan: Span = clause;
    const periodLabel = times.filter((t) => t.label && t.start >= itemStart && t.end <= fig.start).at(-1)?.label ?? '';
    if (metric.length < 2 && previous) {
      metric = previous.metric;
      if (previous.clauseStart < clause.start) quoteSpan = { start: previous.clauseStart, end: clause.end, text: s.slice(previous.clauseStart, clause.end) };
    }
    if (metric.length < 2 || /^[\d.%]+$/.test(metric)) continue;
    if (isGenericMetric(metric)) {
      const topic = sentenceTopic(s);
      if (topic) {
        metric = topic + metric;
        quoteSpan = { start: 0, end: s.length, text: s };
      }
    }
    if (metric.length > 30) metric = metric.slice(-30);
    previous = { metric, end: fig.endWithSuffix, clauseStart: clause.start };
    const fullMetric = periodLabel && !metric.endsWith(periodLabel) ? metric + periodLabel : metric;

    // Region: the sentence (nearest before, else the first after), the paragraph, the article, the heading, the document.
    const before = mentions.filter((m) => m.end <= fig.start).at(-1);
    const mention = before ?? mentions[0] ?? ctx.priorMentions.at(-1) ?? ctx.fallbackRegion ?? null;
    const region = mention?.region ?? d.docRegion;
    if (!region) continue;
    const city = mention && mention === before && mention.city && !mentions.some((m) => m.form !== 'city') ? mention.city : null;

    // Time: the sentence (nearest before, else in the clause after), the paragraph, the article, the document.
    const timeBefore = times.filter((t) => t.end <= fig.start).at(-1);
    const timeAfter = times.find((t) => t.start >= fig.end && t.end <= clause.end);
    let time = timeBefore ?? timeAfter ?? null;
    let year: number;
    let monthDay = '12-31';
    if (time && time.year === null) {
      const withYear = times.filter((t) => t.year !== null && t.end <= time!.start).at(-1) ?? ctx.priorTimes.at(-1) ?? ctx.fallbackYear;
      year = withYear?.year ?? d.planYear;
      monthDay = time.monthDay;
    } else if (time) {
      year = time.year!;
      monthDay = time.monthDay;
    } else {
      time = ctx.priorTimes.at(-1) ?? ctx.fallbackYear ?? null;
      year = time?.year ?? d.planYear;
    }
    const lead = s.slice(0, fig.start);
    const past = (time?.past ?? false) || year < d.pubYear;
    const kind: RawFact['kind'] = year > d.pubYear ? 'target' : past || ACTUAL_MARKERS.test(lead) ? 'actual' : 'target';
    const hedge = parts.hedge ?? nearestHedge(lead);
    const comparator = parts.comparator ?? fig.suffix;
    const quote = trimQuote(quoteSpan.text);
    const quoteOffset = ctx.paragraphStart + ctx.sentence.start + quoteSpan.start + quoteSpan.text.indexOf(quote);
    out.push({
      kind, region, city, metric: fullMetric, value: fig.suffix && fig.suffix !== '多' && fig.suffix !== '余' ? fig.value + fig.suffix : fig.value,
      comparator, hedge: kind === 'target' ? hedge : null, number: fig.number, numberMax: fig.numberMax,
      unit: fig.unit || null, year, deadline: kind === 'target' ? isoDate(year, monthDay) : null, definition: null,
      heading: d.heading,
      citation: citation(doc, quoteOffset, quote),
    });
  }
  return out;
}

function nearestHedge(lead: string): string | null {
  let best: string | null = null;
  let at = -1;
  for (const h of hedgeWords) {
    const i = lead.lastIndexOf(h);
    if (i > at) { at = i; best = h; }
  }
  return best;
}

function trimQuote(text: string): string {
  return text.replace(/^[\s，,；;：:、]+|[\s，,；;：:、]+$/g, '');
}

