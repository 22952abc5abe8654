/**
 * The reminders' messages, each an Answer so every surface renders it with its one renderer:
 * the reminder before a deadline, the follow-up after it, and the digest of new facts.
 */
import { toFactHit, type Answer, type Row, type Source } from '../answer/types.ts';
import type { Fact } from '../knowledge/schema.ts';
import type { DueSend } from './due.ts';
import {
  formatDaysLeft,
  formatFigure,
  formatFigureWithHedge,
  formatPlace,
  formatSourceLine,
  rowOf,
  sourceOf,
} from './format.ts';

function answerOf(fields: Pick<Answer, 'intent' | 'headline' | 'text' | 'rows' | 'sources' | 'facts'> & Partial<Answer>): Answer {
  return {
    question: '', answered: true, language: 'zh', figure: null, notes: [], suggestions: [], reason: null, ...fields,
  };
}

/**
 * A reminder before a deadline (intent `reminder`):
 * `提醒：河南 5G基站总数 突破18万个，截止 2023-12-31，还有30天`, then the source.
 *
 * @example reminderMessage(henan5g, 30).headline
 */
export function reminderMessage(fact: Fact, daysLeft: number): Answer {
  const deadline = fact.deadline ?? '';
  const headline = `提醒：${formatPlace(fact)} ${fact.metric} ${formatFigureWithHedge(fact)}，截止 ${deadline}，${formatDaysLeft(daysLeft)}`;
  const source = sourceOf(fact, 1);
  return answerOf({
    intent: 'reminder', headline, text: `${headline} [1]\n\n${formatSourceLine(source)}`, figure: formatFigure(fact),
    rows: [rowOf(fact, 1)], sources: [source], facts: [toFactHit(fact)],
  });
}

/**
 * The day after a deadline (intent `reminder`): says it passed and shows the actual figure the
 * fact base has for the same region, metric and year (目标 增长8% · 实际 6.6%), or that none is known yet.
 *
 * @example followupMessage(target, [actual]).headline // '已到期：浙江 2023年 地区生产总值 目标 增长8% · 实际 6.6%'
 */
export function followupMessage(fact: Fact, actuals: readonly Fact[]): Answer {
  const deadline = fact.deadline ?? '';
  const year = fact.year ? ` ${fact.year}年` : '';
  const target = `目标 ${formatFigureWithHedge(fact)}`;
  const actual = actuals[0];
  const sources: Source[] = [sourceOf(fact, 1)];
  const rows: Row[] = [rowOf(fact, 1)];
  const facts = [toFactHit(fact)];
  let headline: string;
  const lines: string[] = [];
  if (actual) {
    headline = `已到期：${formatPlace(fact)}${year} ${fact.metric} ${target} · 实际 ${formatFigure(actual)}`;
    sources.push(sourceOf(actual, 2));
    rows.push(rowOf(actual, 2));
    facts.push(toFactHit(actual));
    lines.push(`截止日期 ${deadline} 已过。`, `目标：${formatFigureWithHedge(fact)} [1]`, `实际：${formatFigure(actual)} [2]`);
  } else {
    headline = `已到期：${formatPlace(fact)}${year} ${fact.metric} ${target} · 暂无实际数据`;
    lines.push(`截止日期 ${deadline} 已过。`, `目标：${formatFigureWithHedge(fact)} [1]`, '知识库中尚无实际完成数据。');
  }
  const text = [headline, '', ...lines, '', ...sources.map(formatSourceLine)].join('\n');
  return answerOf({ intent: 'reminder', headline, text, figure: actual ? formatFigure(actual) : null, rows, sources, facts });
}

/** The message of one due send: a reminder or a follow-up. */
export function dueMessage(send: DueSend): Answer {
  return send.kind === 'followup' ? followupMessage(send.fact, send.actuals) : reminderMessage(send.fact, send.daysLeft);
}

/** Options of `digestMessage`. */
export interface DigestOptions {
  /** Most rows listed; a note counts the rest. Default 10 (the Answer's fact limit). */
  limit?: number;
}

/**
 * One digest of newly ingested facts for a chat (intent `digest`): a row per fact with its source.
 *
 * @example digestMessage(newFacts).headline // '新增3条相关数据'
 */
export function digestMessage(facts: readonly Fact[], options: DigestOptions = {}): Answer {
  const limit = Math.min(options.limit ?? 10, 10);
  const shown = facts.slice(0, limit);
  const headline = `新增${facts.length}条相关数据`;
  const sources = shown.map((f, i) => sourceOf(f, i + 1));
  const lines = shown.map((f, i) => {
    const year = f.year ? ` ${f.year}年` : '';
    const label = f.kind === 'target' ? '目标' : f.kind === 'actual' ? '实际' : '项目';
    const figure = f.kind === 'program' ? f.value : formatFigureWithHedge(f);
    const deadline = f.deadline ? `，截止 ${f.deadline}` : '';
    return `${formatPlace(f)}${year} ${label}：${f.metric} ${figure}${deadline} [${i + 1}]`;
  });
  const notes = facts.length > shown.length ? [`另有${facts.length - shown.length}条未列出。`] : [];
  const text = [headline, '', ...lines, ...(notes.length ? ['', ...notes] : []), '', ...sources.map(formatSourceLine)].join('\n');
  return answerOf({
    intent: 'digest', headline, text, rows: shown.map((f, i) => rowOf(f, i + 1)), sources, notes,
    facts: shown.map(toFactHit),
  });
}
