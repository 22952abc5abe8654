/**
 * Time expressions in plan text and the plan year and deadline they give.
 *
 * The document's date resolves the relative ones: 今年/全年/年内 → the
 * document's year, 去年 → the year before, 明年 → the year after. A year
 * ends on 12-31; 一季度 … 四季度 end on the quarter's last day; "十四五" ends
 * 2025-12-31; a 2021—2023 plan's goals are due 2023-12-31; 用5年时间 counts
 * from the document's year.
 */

import { countInCharacters, digitsInCharacters } from '../documents/normalize.ts';

/** `review`: no words of the text, the year a review section (发展基础, 工作回顾) reports. */
export type TimeKind = 'year' | 'relative' | 'quarter' | 'half' | 'month' | 'period' | 'range' | 'span' | 'date' | 'review';

export interface TimeMention {
  start: number;
  end: number;
  kind: TimeKind;
  /** The year meant; null for a quarter/month/half without a year of its own (the caller supplies it). */
  year: number | null;
  /** Month-day of the deadline within `year`: "12-31", "03-31". */
  monthDay: string;
  /** 去年, 上年, 2021年 when reported as done: the mention is about the past relative to the document. */
  past: boolean;
  /** 较2021年, 比上年, 同比: a comparison baseline, never the fact's own period. */
  baseline: boolean;
  /** Short label for metrics split by period: 一季度, 上半年. */
  label: string;
}

export const FIVE_YEAR_PLANS: Record<string, number> = { 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030 };
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const YEAR = String.raw`((?:19|20)\d{2})`;
const PATTERN = new RegExp(
  [
    String.raw`(?<range>${YEAR}\s*年?\s*(?:—|–|-|~|～|至|到)\s*${YEAR}\s*年)`,
    String.raw`(?<year>${YEAR}\s*年(?:(?:年底|年末|底|末)|(?:第?(?<yq>[一二三四1-4])季度末?)|(?<yh>上半年|下半年)|(?<ym>\d{1,2})月(?:(?<yd>\d{1,2})日|底|末)?)?)`,
    // 二〇二五年, as signatures and some reports write a year.
    String.raw`(?<cnyear>[一二][〇零○][〇零○一二三四五六七八九]{2}\s*年(?:底|末)?)`,
    String.raw`(?<plan>“?(?<fyp>十二五|十三五|十四五|十五五)”?(?:期间|末|时期|前(?<fypN>[一二三四两1-4])年)?)`,
    String.raw`(?<within>(?<![近前去来])(?:(?:未来|今后)(?=(?:[一二三四五六七八九十两]|\d{1,2})年)|(?=(?:[一二三四五六七八九十两]|\d{1,2})年(?:内|时间内|之内|(?<=[两二三23]年)(?=累计|新增|新建|新培育|培育|引进|招引|完成|实施|建成|推动|打造))))(?<withinN>[一二三四五六七八九十两]|\d{1,2})年(?:内|时间内|之内|里|间)?)`,
    String.raw`(?<rel>今年|全年|年内|本年度|本年|当年|这一年|去年|上年|上一年|明年|次年|(?:刚刚)?过去的?[一五]年|[一五]年来)(?:年底|年末|底)?`,
    String.raw`(?<quarter>(?:前三|第?[一二三四1-4])季度末?)`,
    String.raw`(?<half>上半年|下半年)`,
    String.raw`(?<span>(?:用|再用|力争用)(?<spanN>\d+|[一二三四五六七八九十两]+)年(?:时间|左右)?)`,
    String.raw`(?<date>(?<dm>\d{1,2})月(?<dd>\d{1,2})日)`,
  ].join('|'),
  'g',
);

/** 较2021年, 比上年, 由2023年的40%提高到55%: the year a change starts from. */
const BASELINE_BEFORE = /(?:较|比|同比|相比|相较|与|比较|由|从)$/;

/**
 * Every time expression in `text`, left to right, resolved against `docYear`.
 * @example findTimes('到2023年年底，河南5G基站总数将突破18万个', 2023)[0] // { year: 2023, monthDay: '12-31', … }
 */
export function findTimes(text: string, docYear: number): TimeMention[] {
  const out: TimeMention[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const g = m.groups!;
    const start = m.index!;
    const end = start + m[0].length;
    // 较2021年, 由2023年的…; 是2020年的9.2倍, 相当于2020年的: a year a figure is compared with.
    const baseline =
      BASELINE_BEFORE.test(text.slice(Math.max(0, start - 2), start)) ||
      (/(?:是|为|相当于)$/.test(text.slice(Math.max(0, start - 3), start)) && /^的/.test(text.slice(end)));
    const base = { start, end, baseline, past: false, label: '' };
    if (g.range) {
      const years = [...g.range.matchAll(/(?:19|20)\d{2}/g)].map((x) => Number(x[0]));
      out.push({ ...base, kind: 'range', year: years[1]!, monthDay: '12-31', past: years[1]! < docYear });
    } else if (g.year) {
      const year = Number(/(?:19|20)\d{2}/.exec(g.year)![0]);
      if (g.yq) {
        const q = countInCharacters(g.yq);
        out.push({ ...base, kind: 'quarter', year, monthDay: QUARTER_END[q - 1]!, label: `${'一二三四'[q - 1]}季度`, past: year < docYear });
      } else if (g.yh) {
        out.push({ ...base, kind: 'half', year, monthDay: g.yh === '上半年' ? '06-30' : '12-31', label: g.yh, past: year < docYear });
      } else if (g.ym) {
        const month = Number(g.ym);
        if (month < 1 || month > 12) continue;
        const monthDay = g.yd ? `${g.ym.padStart(2, '0')}-${g.yd.padStart(2, '0')}` : lastDayOfMonth(year, month);
        out.push({ ...base, kind: g.yd ? 'date' : 'month', year, monthDay, past: year < docYear });
      } else {
        out.push({ ...base, kind: 'year', year, monthDay: '12-31', past: year < docYear });
      }
    } else if (g.cnyear) {
      const year = Number(digitsInCharacters(g.cnyear.slice(0, 4)));
      out.push({ ...base, kind: 'year', year, monthDay: '12-31', past: year < docYear });
    } else if (g.plan) {
      // “十五五”规划开局之年, 奋力实现“十五五”良好开局: the plan named, not a time frame.
      if (!/期间|末|时期/.test(g.plan) && /^(?:规划|开局|良好开局|开好局|发展规划|的)/.test(text.slice(end))) continue;
      // “十四五”前四年: the plan's first years, 2021—2024, done.
      const year = FIVE_YEAR_PLANS[g.fyp!]! - (g.fypN ? 5 - countInCharacters(g.fypN) : 0);
      out.push({ ...base, kind: 'period', year, monthDay: '12-31', past: year < docYear });
    } else if (g.rel) {
      // 过去一年, 一年来 and 过去五年 (a report's review) end with the year before the document's.
      const offset = /去年|上年|上一年|过去|年来/.test(g.rel) ? -1 : /明年|次年/.test(g.rel) ? 1 : 0;
      out.push({ ...base, kind: 'relative', year: docYear + offset, monthDay: '12-31', past: offset < 0 });
    } else if (g.quarter) {
      const q = g.quarter.startsWith('前三') ? 3 : countInCharacters(g.quarter.replace(/^第|季度末?$/g, ''));
      const label = g.quarter.startsWith('前三') ? '前三季度' : `${'一二三四'[q - 1]}季度`;
      out.push({ ...base, kind: 'quarter', year: null, monthDay: QUARTER_END[q - 1]!, label });
    } else if (g.half) {
      out.push({ ...base, kind: 'half', year: null, monthDay: g.half === '上半年' ? '06-30' : '12-31', label: g.half });
    } else if (g.within) {
      // 三年内, 三年累计, 三年引进 in a plan of 2026—2028 published in 2026: the three years end with 2028. (五年累计 is as
      // often the review of the five years past, so only two or three years with a verb count.)
      const n = countInCharacters(g.withinN!);
      if (!Number.isFinite(n) || n <= 0 || n > 50) continue;
      // 三年累计完成投资: the three years stay in the metric (三年累计完成投资), so the mention takes no text.
      const kept = /^[两二三23]年$/.test(m[0]) ? { end: start } : {};
      out.push({ ...base, ...kept, kind: 'span', year: docYear + n - 1, monthDay: '12-31' });
    } else if (g.span) {
      const n = countInCharacters(g.spanN!);
      if (!Number.isFinite(n) || n <= 0 || n > 50) continue;
      out.push({ ...base, kind: 'span', year: docYear + n, monthDay: '12-31' });
    } else if (g.date) {
      const month = Number(g.dm);
      if (month < 1 || month > 12) continue;
      out.push({ ...base, kind: 'date', year: null, monthDay: `${g.dm!.padStart(2, '0')}-${g.dd!.padStart(2, '0')}`, past: true });
    }
  }
  return out;
}

/** `YYYY-MM-DD` for a year and a month-day. */
export function isoDate(year: number, monthDay: string): string {
  return `${year}-${monthDay}`;
}
