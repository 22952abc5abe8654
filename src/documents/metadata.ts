/**
 * What a document says about itself: its publication date (from labelled
 * fields or a dateline, never from years inside sentences), its publisher and
 * its URL. Works on normalized lines (half-width digits, no stray spaces).
 */

import { countInCharacters, digitsInCharacters } from './normalize.ts';

/** A date found in a document, with where it was found. */
export interface FoundDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** 'front matter', '发布日期', '发布时间', '成文日期', '日期', 'meta', 'dateline'. */
  source: string;
}

const DATE_BODY = String.raw`(\d{4})[ \t]*(?:[-/.]|年)[ \t]*(\d{1,2})[ \t]*(?:[-/.]|月)[ \t]*(\d{1,2})(?![\d])[ \t]*日?`;
const DATE_ONLY = new RegExp(String.raw`^${DATE_BODY}`);

/**
 * Turns "2023-03-28", "2023/3/28", "2023.3.28", "2023年3月28日" (and a leading
 * date in a longer string such as "2022-02-18 10:30:04 +0800") into
 * `YYYY-MM-DD`; null when the date is not a real calendar date in 1949–2100.
 *
 * @example toIsoDate('2023年3月8日') // '2023-03-08'
 */
export function toIsoDate(text: string): string | null {
  const m = DATE_ONLY.exec(text.trim());
  if (!m) return null;
  return isoFromParts(m[1], m[2], m[3]);
}

function isoFromParts(y: string | undefined, mo: string | undefined, d: string | undefined): string | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!Number.isInteger(year) || year < 1949 || year > 2100) return null;
  if (!(month >= 1 && month <= 12)) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!(day >= 1 && day <= daysInMonth)) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const LABELS = ['发布日期', '发布时间', '成文日期', '印发日期', '日期'] as const;
const LABELLED_DATE = new RegExp(
  String.raw`(发布日期|发布时间|成文日期|印发日期|日期)[ \t]*[:：]?[ \t]*${DATE_BODY}([ \t]*\d{1,2}:\d{2})?`,
  'g',
);

/** True when the label starts a field: at the line start or after a space or punctuation, not inside a word. */
function startsField(line: string, index: number): boolean {
  if (index === 0) return true;
  const prev = line.codePointAt(index - 1) ?? 0;
  return !((prev >= 0x4e00 && prev <= 0x9fff) || (prev >= 0x30 && prev <= 0x39) || (prev >= 0x41 && prev <= 0x7a));
}

interface LabelledDate {
  date: string;
  label: string;
  withTime: boolean;
}

function labelledDates(lines: readonly string[]): LabelledDate[] {
  const found: LabelledDate[] = [];
  for (const line of lines) {
    if (!line.includes('日期') && !line.includes('发布时间')) continue;
    LABELLED_DATE.lastIndex = 0;
    for (let m = LABELLED_DATE.exec(line); m; m = LABELLED_DATE.exec(line)) {
      const label = m[1] ?? '';
      if (!startsField(line, m.index)) continue;
      const date = isoFromParts(m[2], m[3], m[4]);
      if (date) found.push({ date, label, withTime: m[5] !== undefined });
    }
  }
  return found;
}

/**
 * The publication date stated by labelled fields: 发布日期 / 发布时间 first
 * (the one carrying a time wins, as on government pages that show the index
 * date and the real publication time; else the first), then 成文日期,
 * 印发日期, then a bare 日期 field. Null when no label carries a date.
 *
 * @example dateFromLabels(['索引号: x 发布日期: 2023-03-03', '发布日期:2023-03-28 14:44'])
 * // { date: '2023-03-28', source: '发布日期' }
 */
export function dateFromLabels(lines: readonly string[]): FoundDate | null {
  const found = labelledDates(lines);
  const published = found.filter((f) => f.label === '发布日期' || f.label === '发布时间');
  const best = published.find((f) => f.withTime) ?? published[0];
  if (best) return { date: best.date, source: best.label };
  for (const label of LABELS.slice(2)) {
    const f = found.find((x) => x.label === label);
    if (f) return { date: f.date, source: label };
  }
  return null;
}

// A post's time and place may follow (2026-02-18 09:30 四川, as a WeChat article's header line has them).
const DATELINE = new RegExp(String.raw`^[(（]?${DATE_BODY}[)）]?(?:\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[\u4e00-\u9fa5]{2,4})?)?$`);

/**
 * A dateline: a line that is only a date ("2023年3月28日", "（2023年3月28日）")
 * among the first or last `window` lines. Null when none.
 *
 * @example dateFromDateline(['标题', '正文。', '（2023年3月28日）']) // { date: '2023-03-28', source: 'dateline' }
 */
export function dateFromDateline(lines: readonly string[], window = 8): FoundDate | null {
  const candidates = [...lines.slice(0, window), ...lines.slice(Math.max(window, lines.length - window))];
  for (const line of candidates) {
    const m = DATELINE.exec(line.trim());
    const c = m ? null : CN_DATELINE.exec(line.trim());
    const date = m ? isoFromParts(m[1], m[2], m[3]) : c ? isoFromParts(digitsInCharacters(c[1]!) ?? undefined, String(countInCharacters(c[2]!)), String(countInCharacters(c[3]!))) : null;
    if (date) return { date, source: 'dateline' };
  }
  return null;
}

/** A signature's date in characters, as official documents write it: 二〇二六年二月十日. */
const CN_DATELINE = /^[(（]?([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日[)）]?$/;

const PUBLISHER_LABELS = ['发布机构', '发文机关', '信息来源', '文章来源', '来源'] as const;
const PUBLISHER_FIELD = /(发布机构|发文机关|信息来源|文章来源|来源)[ \t]*[:：][ \t]*([^\s:：]{1,60})/g;

/**
 * The publisher named by a labelled field: 发布机构, then 发文机关, 信息来源,
 * 文章来源, 来源. The value runs to the next space.
 *
 * @example publisherFromLabels(['发布日期:2023-03-28 信息来源:省经信厅(省中小企业局) 浏览次数:']) // '省经信厅(省中小企业局)'
 */
export function publisherFromLabels(lines: readonly string[]): string | null {
  const found = new Map<string, string>();
  for (const line of lines) {
    if (!line.includes('来源') && !line.includes('发布机构') && !line.includes('发文机关')) continue;
    PUBLISHER_FIELD.lastIndex = 0;
    for (let m = PUBLISHER_FIELD.exec(line); m; m = PUBLISHER_FIELD.exec(line)) {
      const label = m[1] ?? '';
      const value = cleanValue(m[2] ?? '', line, m.index + m[0].length);
      if (value && startsField(line, m.index) && !found.has(label)) found.set(label, value);
    }
  }
  for (const label of PUBLISHER_LABELS) {
    const value = found.get(label);
    if (value) return value;
  }
  return null;
}

const NEXT_FIELD =
  /(?:索引号|发布日期|发布时间|发布机构|公开方式|信息来源|浏览次数|访问次数|成文日期|发文字号|文号|作者|责任编辑|编辑|字号|日期|时间)[:：]?/;

/**
 * Cuts a field value where the next field starts ("省经信厅公开方式:主动公开"
 * → "省经信厅"), drops trailing punctuation and an unmatched closing bracket
 * ("中国电子报）" → "中国电子报"). Null when nothing is left, or when the value
 * is really the next field's label ("来源:浏览次数:").
 */
function cleanValue(value: string, line: string, end: number): string | null {
  const next = line[end];
  if (next === ':' || next === '：') return null;
  const cut = NEXT_FIELD.exec(value);
  let text = cut ? value.slice(0, cut.index) : value;
  text = text.replace(/[,，。;；]+$/, '');
  if (/[)）]$/.test(text) && !/[(（]/.test(text)) text = text.slice(0, -1);
  return text === '' ? null : text;
}

/** Reads a front-matter value as a trimmed non-empty string (numbers and dates too). */
export function frontMatterString(frontMatter: Record<string, unknown> | null, keys: readonly string[]): string | null {
  if (!frontMatter) return null;
  for (const key of keys) {
    const value = frontMatter[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  }
  return null;
}

/** True for an absolute http(s) URL. */
export function isHttpUrl(s: string | null): s is string {
  if (!s || !/^https?:\/\//i.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}
