/**
 * Small shared pieces of the reminders' Answers: a fact's place, its figure as users read it
 * (the one formatter of src/answer/figure.ts, re-exported), its row, its numbered source, days left.
 */
import type { Row, Source } from '../answer/types.ts';
import { formatFigure } from '../answer/figure.ts';
import type { Fact } from '../knowledge/schema.ts';

export { formatFigure, formatFigureWithHedge } from '../answer/figure.ts';

/** Region with the city when the fact is a city's: 浙江·杭州. */
export function formatPlace(fact: Pick<Fact, 'region' | 'city'>): string {
  return fact.city ? `${fact.region}·${fact.city}` : fact.region;
}

/** A fact's row of an answer, citing source `n`. */
export function rowOf(fact: Fact, n: number): Row {
  return {
    region: fact.region, year: fact.year, metric: fact.metric, figure: formatFigure(fact), kind: fact.kind, source: n,
    factId: fact.id,
  };
}

/** The numbered source of a fact: its earliest citation. */
export function sourceOf(fact: Fact, n: number): Source {
  const c = fact.citations[0];
  if (!c) throw new Error(`reminders/format: fact "${fact.id}" has no citation`);
  return { document: c.document, title: c.title, date: c.date, url: c.url, quote: c.quote, n, factId: fact.id };
}

/** One source line of an answer's text: `[1] 标题 · 2023-04-18 · 引文 · url`. */
export function formatSourceLine(source: Source): string {
  const parts = [`[${source.n}] ${source.title}`, source.date, source.quote];
  if (source.url) parts.push(source.url);
  return parts.join(' · ');
}

/** Days left in words: 还有30天, 今天截止, 已过去5天. */
export function formatDaysLeft(daysLeft: number): string {
  if (daysLeft > 0) return `还有${daysLeft}天`;
  if (daysLeft === 0) return '今天截止';
  return `已过去${-daysLeft}天`;
}
