/**
 * A fact's figure as users read it and as the source says it: 增长10%, 突破18万个, 18万个以上.
 * Every surface (answers, reminders, Telegram, Slack) shows figures through this one function,
 * so a figure never reads differently in a reminder than in an answer.
 */
import { SILENT_RELATIONS } from '../extract/metric.ts';
import type { Fact } from '../knowledge/schema.ts';

/** Comparators written after the figure (18万个以上); all others come before it (突破18万个). */
const AFTER_VALUE = new Set(['以上', '以下', '左右', '以内', '上下']);

/**
 * The figure with its comparator (one word before or after it, or both as 增长…以上); the comparator is not
 * repeated when the value already carries it.
 */
export function formatFigure(f: Pick<Fact, 'kind' | 'value' | 'comparator'>): string {
  const c = f.comparator;
  if (f.kind === 'program' || !c || SILENT_RELATIONS.has(c) || f.value.includes(c)) return f.value;
  // Both around it: 增长…以上 → 增长10%以上.
  const [before, after] = c.split('…');
  if (after !== undefined) return `${SILENT_RELATIONS.has(before!) ? '' : before}${f.value}${after}`;
  return AFTER_VALUE.has(c) ? `${f.value}${c}` : `${c}${f.value}`;
}

/** The figure plus the commitment wording: 增长10%（力争）; English answers put it in ASCII parentheses. */
export function formatFigureWithHedge(f: Pick<Fact, 'kind' | 'value' | 'comparator' | 'hedge'>, lang: 'zh' | 'en' = 'zh'): string {
  const figure = formatFigure(f);
  if (!f.hedge) return figure;
  return lang === 'en' ? `${figure} (${f.hedge})` : `${figure}（${f.hedge}）`;
}
