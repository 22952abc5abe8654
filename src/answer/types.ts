/**
 * The one answer shape every surface renders: CLI, console, Telegram and Slack.
 * `text` is the complete plain-text rendering; the structured fields let a
 * surface render the same answer richly (bold figure, blockquotes, Block Kit).
 */
import { z } from 'zod';
import { type Fact, FactKind } from '../knowledge/schema.ts';
import { formatFigure } from './figure.ts';

/** A citation as the answer contract shows it. */
export const SourceRef = z.object({
  document: z.string(),
  title: z.string(),
  date: z.string(),
  url: z.string().nullable(),
  quote: z.string(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** A fact as the answer contract (`ask --json`) shows it. */
export const FactHit = z.object({
  id: z.string(),
  kind: FactKind,
  region: z.string(),
  city: z.string().nullable(),
  metric: z.string(),
  value: z.string(),
  comparator: z.string().nullable(),
  /** value with its comparator as users read it (增长10%, 18万个以上): the one rendering every surface shows. */
  figure: z.string(),
  hedge: z.string().nullable(),
  number: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().nullable(),
  deadline: z.string().nullable(),
  definition: z.string().nullable(),
  citations: z.array(SourceRef).min(1),
});
export type FactHit = z.infer<typeof FactHit>;

/** A fact in the answer contract's shape: citations without offsets. */
export function toFactHit(f: Fact): FactHit {
  return {
    id: f.id, kind: f.kind, region: f.region, city: f.city, metric: f.metric, value: f.value, comparator: f.comparator, figure: formatFigure(f),
    hedge: f.hedge, number: f.number, unit: f.unit, year: f.year, deadline: f.deadline, definition: f.definition,
    citations: f.citations.map(({ document, title, date, url, quote }) => ({ document, title, date, url, quote })),
  };
}

/** A numbered source under an answer: `[1] title · date · quote`. */
export const Source = SourceRef.extend({
  /** 1-based number shown in the text. */
  n: z.number().int().positive(),
  /** The fact this source supports. */
  factId: z.string(),
});
export type Source = z.infer<typeof Source>;

/** One aligned row of a list or comparison: region · year · figure [n]. */
export const Row = z.object({
  region: z.string(),
  year: z.number().nullable(),
  /** What is measured, as short as it stays unambiguous. */
  metric: z.string(),
  /** The figure with its comparator: 增长5.5%, 突破18万个. */
  figure: z.string(),
  kind: FactKind,
  /** Number of the row's source in `sources`. */
  source: z.number().int().positive(),
  factId: z.string(),
});
export type Row = z.infer<typeof Row>;

/**
 * What kind of answer this is. Questions: value, list, compare, define, deadline, refuse.
 * Commands and pushes reuse the same shape: help, sources, subscription, reminder, digest.
 */
export const Intent = z.enum([
  'value', 'list', 'compare', 'define', 'deadline', 'refuse',
  'help', 'sources', 'subscription', 'reminder', 'digest',
]);
export type Intent = z.infer<typeof Intent>;

export const Language = z.enum(['zh', 'en']);
export type Language = z.infer<typeof Language>;

/** What planwatch says to one question, whatever the surface. */
export const Answer = z.object({
  question: z.string(),
  answered: z.boolean(),
  intent: Intent,
  language: Language,
  /** The complete plain-text answer: headline, rows, notes, numbered sources. */
  text: z.string(),
  /** The answer itself in one line: 浙江 2023年目标：数字经济核心产业增加值增长10%（力争）. */
  headline: z.string(),
  /** The figure of a single-fact answer with its comparator as the headline shows it (突破18万个), for surfaces that bold it. */
  figure: z.string().nullable(),
  /** Lists and comparisons: one row per fact. Empty otherwise. */
  rows: z.array(Row),
  /** Plain statements the user must see: year fallbacks, missing regions. */
  notes: z.array(z.string()),
  /** Numbered sources, in the order the text cites them. */
  sources: z.array(Source),
  /** Facts, most relevant first, at most 10. */
  facts: z.array(FactHit).max(10),
  /** Refusals: up to three nearest facts. */
  suggestions: z.array(FactHit).max(3),
  /** Refusals: why, in the question's language. */
  reason: z.string().nullable(),
});
export type Answer = z.infer<typeof Answer>;
