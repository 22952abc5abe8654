/**
 * Plan deadlines: which targets are due when, as a list, an Answer, or an
 * iCalendar file a team can import. Pure: `today` and `now` are passed in.
 */
import { toFactHit, type Answer, type Row, type Source } from '../answer/types.ts';
import type { Fact } from '../knowledge/schema.ts';
import {
  formatDaysLeft,
  formatFigure,
  formatFigureWithHedge,
  formatPlace,
  formatSourceLine,
  rowOf,
  sourceOf,
} from './format.ts';
import { addDays, daysBetween } from './time.ts';

/** Which deadlines to list. Every field is optional; dates are inclusive `YYYY-MM-DD`. */
export interface DeadlineFilter {
  /** Region short name (浙江); facts of other regions are left out. */
  region?: string;
  /** Earliest deadline to include. */
  from?: string;
  /** Latest deadline to include. */
  to?: string;
}

/** One target with a deadline, and how far away it is from `today`. */
export interface DeadlineItem {
  fact: Fact;
  deadline: string;
  /** Calendar days from today to the deadline; negative once it has passed, 0 on the day. */
  daysLeft: number;
}

/**
 * Target facts with a deadline, earliest deadline first (then region, metric, id).
 *
 * @example listDeadlines(facts, { region: '河南', from: '2023-01-01' }, '2023-12-01')[0].daysLeft // 30
 */
export function listDeadlines(facts: readonly Fact[], filter: DeadlineFilter, today: string): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  for (const fact of facts) {
    const deadline = fact.deadline;
    if (fact.kind !== 'target' || !deadline) continue;
    if (filter.region && fact.region !== filter.region) continue;
    if (filter.from && deadline < filter.from) continue;
    if (filter.to && deadline > filter.to) continue;
    items.push({ fact, deadline, daysLeft: daysBetween(today, deadline) });
  }
  return items.sort(
    (a, b) =>
      a.deadline.localeCompare(b.deadline) ||
      a.fact.region.localeCompare(b.fact.region, 'zh') ||
      a.fact.metric.localeCompare(b.fact.metric, 'zh') ||
      a.fact.id.localeCompare(b.fact.id),
  );
}

/** Options of `deadlinesAnswer`. */
export interface DeadlinesAnswerOptions {
  /** Most rows to show; a note says how many more there are. Default: all. */
  limit?: number;
  /** The question or command text echoed in `Answer.question`. Default `''`. */
  question?: string;
}

function describeFilter(filter: DeadlineFilter): string {
  const parts: string[] = [];
  if (filter.region) parts.push(filter.region);
  if (filter.from && filter.to) parts.push(`${filter.from} 至 ${filter.to}`);
  else if (filter.from) parts.push(`${filter.from} 起`);
  else if (filter.to) parts.push(`${filter.to} 前`);
  return parts.join(' · ');
}

/**
 * Deadlines as an Answer (intent `deadline`): one row per target,
 * `河南 · 2023-12-31 · 5G基站总数 突破18万个 · 还有30天 [1]`, then the numbered sources.
 * Used by `/deadlines` and the `deadlines` CLI.
 *
 * @example deadlinesAnswer(facts, { region: '河南' }, '2023-12-01').text
 */
export function deadlinesAnswer(
  facts: readonly Fact[],
  filter: DeadlineFilter,
  today: string,
  options: DeadlinesAnswerOptions = {},
): Answer {
  const all = listDeadlines(facts, filter, today);
  const shown = options.limit !== undefined ? all.slice(0, Math.max(0, options.limit)) : all;
  const scope = describeFilter(filter);
  const question = options.question ?? '';
  if (shown.length === 0) {
    const text = scope ? `没有找到符合条件的计划截止日期（${scope}）。` : '没有找到计划截止日期。';
    return {
      question, answered: false, intent: 'deadline', language: 'zh', text, headline: text, figure: null,
      rows: [], notes: [], sources: [], facts: [], suggestions: [], reason: text,
    };
  }
  const headline = `计划截止日期${scope ? `（${scope}）` : ''}：共${all.length}项`;
  const rows: Row[] = [];
  const sources: Source[] = [];
  const lines: string[] = [];
  for (const [i, item] of shown.entries()) {
    const { fact } = item;
    const n = i + 1;
    sources.push(sourceOf(fact, n));
    rows.push(rowOf(fact, n));
    lines.push(
      `${formatPlace(fact)} · ${item.deadline} · ${fact.metric} ${formatFigureWithHedge(fact)} · ${formatDaysLeft(item.daysLeft)} [${n}]`,
    );
  }
  const notes = shown.length < all.length ? [`另有${all.length - shown.length}项未列出，请缩小地区或日期范围。`] : [];
  const text = [headline, '', ...lines, ...(notes.length ? ['', ...notes] : []), '', ...sources.map(formatSourceLine)].join('\n');
  return {
    question, answered: true, intent: 'deadline', language: 'zh', text, headline, figure: null, rows, notes, sources,
    facts: shown.slice(0, 10).map((item) => toFactHit(item.fact)), suggestions: [], reason: null,
  };
}

// ---------------------------------------------------------------------------
// iCalendar (RFC 5545)

/** Options of `toIcs`. */
export interface IcsOptions {
  /** Written as every event's DTSTAMP. */
  now: Date;
  /** Calendar name shown by clients (X-WR-CALNAME). Default `planwatch 计划截止日期`. */
  name?: string;
  /** Domain part of each UID. Default `planwatch`. */
  uidDomain?: string;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1): continuation lines start with a space,
 * and a UTF-8 character is never split.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function icsDate(date: string): string {
  return date.replace(/-/g, '');
}

function icsStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * An iCalendar file of deadlines: one all-day VEVENT per deadline with the figure and the
 * source (title, date, url, quote) in the description. CRLF line endings, folded lines,
 * UIDs stable across runs (derived from the fact id).
 *
 * @example toIcs(listDeadlines(facts, {}, today), { now: new Date() })
 */
export function toIcs(items: readonly DeadlineItem[], options: IcsOptions): string {
  const name = options.name ?? 'planwatch 计划截止日期';
  const domain = options.uidDomain ?? 'planwatch';
  const stamp = icsStamp(options.now);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//planwatch//deadlines//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(name)}`,
  ];
  for (const { fact, deadline } of items) {
    const c = fact.citations[0];
    const figure = formatFigureWithHedge(fact);
    const description = [
      `${formatPlace(fact)} ${fact.year ?? ''}${fact.year ? '年' : ''}目标：${fact.metric} ${figure}`,
      `截止：${deadline}`,
      ...(c ? [`来源：${c.title}（${c.date}）`, ...(c.url ? [c.url] : []), `原文：${c.quote}`] : []),
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${fact.id}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(deadline)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(deadline, 1))}`,
      `SUMMARY:${escapeIcsText(`${formatPlace(fact)}·${fact.metric}·${formatFigure(fact)}`)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
      ...(c?.url ? [`URL:${c.url}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
