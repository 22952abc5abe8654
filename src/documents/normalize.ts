/**
 * Pure string primitives that make document text and questions comparable:
 * full-width → half-width, stray spaces from PDF copy, traditional → simplified.
 *
 * Every function is a single linear pass (or a fixed number of them) over the
 * input; none uses a regular expression that can backtrack per character, so a
 * megabyte of text normalizes in milliseconds.
 */
import * as OpenCC from 'opencc-js';

// ---------------------------------------------------------------------------
// Character classes (code point tests, no regex)
// ---------------------------------------------------------------------------

/** True for a CJK ideograph (Han), including 〇 and the compatibility block. */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007
  );
}

/**
 * True for a "wide" character that never takes a space next to it in Chinese
 * text: Han, CJK and full-width punctuation, curly quotes, ellipsis, dashes,
 * kana and hangul.
 */
export function isWide(cp: number): boolean {
  return (
    isHan(cp) ||
    (cp >= 0x3000 && cp <= 0x30ff) || // CJK symbols and punctuation, kana
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    (cp >= 0x2018 && cp <= 0x201f) || // ‘ ’ “ ”
    cp === 0x2026 || // …
    cp === 0x2014 ||
    cp === 0x2015 || // — ―
    cp === 0x00b7 || // ·
    (cp >= 0xac00 && cp <= 0xd7af) || // hangul
    (cp >= 0xfe30 && cp <= 0xfe4f) // CJK compatibility forms
  );
}

function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

function isAsciiLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

function isLowerAscii(cp: number): boolean {
  return cp >= 0x61 && cp <= 0x7a;
}

/** Whitespace inside a line (never a line break). */
function isInlineSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    cp === 0x09 ||
    cp === 0x0b ||
    cp === 0x0c ||
    cp === 0xa0 ||
    cp === 0x3000 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x202f ||
    cp === 0x205f
  );
}

// ---------------------------------------------------------------------------
// toHalfWidth
// ---------------------------------------------------------------------------

/** Full-width characters turned to ASCII; Chinese punctuation is deliberately absent. */
function halfWidthOf(cp: number): number {
  if (
    (cp >= 0xff10 && cp <= 0xff19) || // ０-９
    (cp >= 0xff21 && cp <= 0xff3a) || // Ａ-Ｚ
    (cp >= 0xff41 && cp <= 0xff5a) || // ａ-ｚ
    cp === 0xff05 || // ％
    cp === 0xff0b || // ＋
    cp === 0xff1d || // ＝
    cp === 0xff0f || // ／
    cp === 0xff1c || // ＜
    cp === 0xff1e // ＞
  ) {
    return cp - 0xfee0;
  }
  if (cp === 0x3000) return 0x20;
  return cp;
}

function isDigitAnyWidth(cp: number | undefined): boolean {
  return cp !== undefined && (isDigit(cp) || (cp >= 0xff10 && cp <= 0xff19));
}

const FULL_WIDTH_HINT = /[\u3000\uff05\uff0b\uff0e\uff0f\uff10-\uff19\uff1c-\uff1e\uff21-\uff3a\uff41-\uff5a]/;

/**
 * Turns full-width digits, Latin letters, ％ ＋ ＝ ／ ＜ ＞ and the ideographic
 * space into ASCII; a full-width ． becomes "." only between two digits.
 * Chinese punctuation (，。、；：（）“”《》！？) is kept: quotes must stay the
 * document's own words.
 *
 * @example toHalfWidth('５Ｇ基站２０万个，增长６．０％') // '5G基站20万个，增长6.0%'
 */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH_HINT.test(s)) return s;
  let out = '';
  let prev: number | undefined;
  for (let i = 0; i < s.length; i++) {
    const cp = s.charCodeAt(i);
    if (cp === 0xff0e) {
      const next = s.charCodeAt(i + 1);
      const keep = !(isDigitAnyWidth(prev) && isDigitAnyWidth(Number.isNaN(next) ? undefined : next));
      out += keep ? '．' : '.';
      prev = keep ? cp : 0x2e;
      continue;
    }
    const mapped = halfWidthOf(cp);
    out += mapped === cp ? s[i] : String.fromCharCode(mapped);
    prev = mapped;
  }
  return out;
}

// ---------------------------------------------------------------------------
// removeStraySpaces
// ---------------------------------------------------------------------------

const NO_SPACE_BEFORE = new Set([0x29, 0x5d, 0x7d, 0x25, 0x2c, 0x3b, 0x21, 0x3f, 0x2030]); // ) ] } % , ; ! ? ‰
const NO_SPACE_AFTER = new Set([0x28, 0x5b, 0x7b]); // ( [ {

/** Length of the run of lowercase ASCII letters ending just before `end` (exclusive). */
function lowerWordBefore(s: string, end: number): number {
  let i = end - 1;
  while (i >= 0 && isLowerAscii(s.charCodeAt(i))) i--;
  const len = end - 1 - i;
  // A word glued to a digit or capital ("5g", "Gb") is a unit, not an English word.
  return i >= 0 && (isDigit(s.charCodeAt(i)) || isAsciiLetter(s.charCodeAt(i))) ? 0 : len;
}

/** Length of the run of lowercase ASCII letters starting at `start`. */
function lowerWordAfter(s: string, start: number): number {
  let i = start;
  while (i < s.length && isLowerAscii(s.charCodeAt(i))) i++;
  const len = i - start;
  return i < s.length && (isDigit(s.charCodeAt(i)) || isAsciiLetter(s.charCodeAt(i))) ? 0 : len;
}

/** True when the digits and single spaces around s[from, to) run from a wide character to a wide one, a % or a unit. */
function spacedNumber(s: string, from: number, to: number): boolean {
  // "专栏1 2026年…": a number before a year is a number of its own.
  if (/^(?:19|20)\d{2}\s*(?:年|[—–\-~～至到])/.test(s.slice(to, to + 8))) return false;
  let a = from - 1;
  while (a >= 0 && from - a <= 24 && (isDigit(s.charCodeAt(a)) || (s.charCodeAt(a) === 0x2e && isDigit(s.charCodeAt(a - 1))) || (s.charCodeAt(a) === 0x20 && a - 1 >= 0 && (isDigit(s.charCodeAt(a - 1)) || s.charCodeAt(a - 1) === 0x2e)))) a--;
  let b = to;
  while (b < s.length && b - to <= 24 && (isDigit(s.charCodeAt(b)) || s.charCodeAt(b) === 0x2e || (s.charCodeAt(b) === 0x20 && (isDigit(s.charCodeAt(b + 1)) || s.charCodeAt(b + 1) === 0x2e)))) b++;
  // Spaces the pass drops anyway may stand between the number and its neighbours ("达到 2 6 86.5亿元").
  while (a >= 0 && isInlineSpace(s.charCodeAt(a))) a--;
  while (b < s.length && isInlineSpace(s.charCodeAt(b))) b++;
  const after = s.codePointAt(b) ?? 0;
  const opens = a < 0 || s.charCodeAt(a) === 0x0a || isWide(s.codePointAt(a) ?? 0);
  return opens && (isWide(after) || after === 0x25);
}

/**
 * Decides whether the whitespace run s[from, to) goes. Reads only `s` (never
 * the output being built: reading a string under construction flattens it,
 * which would make the pass quadratic).
 */
function dropsSpace(s: string, from: number, to: number): boolean {
  const prev = s.charCodeAt(from - 1);
  const prevIsLowSurrogate = prev >= 0xdc00 && prev <= 0xdfff && from >= 2;
  const prevCp = prevIsLowSurrogate ? (s.codePointAt(from - 2) ?? prev) : prev;
  const next = s.codePointAt(to) ?? 0;
  const prevWide = isWide(prevCp);
  const nextWide = isWide(next);
  if (prevWide || nextWide) {
    // "支持 and 人才": an English word keeps its spaces.
    if (prevWide && !nextWide && lowerWordAfter(s, to) >= 2) return false;
    if (nextWide && !prevWide && lowerWordBefore(s, from) >= 2) return false;
    return true;
  }
  if (isDigit(prev) && (next === 0x25 || next === 0x2030)) return true; // "10 %"
  // "增长5 .6%", "38 . 2%": a decimal point never opens a word.
  if (isDigit(prev) && next === 0x2e && isDigit(s.charCodeAt(s.slice(to + 1).search(/\S|$/) + to + 1))) return true;
  // "38 . 2%": nor ends one when a digit stands before it (past the space an OCR put there).
  if (prev === 0x2e && isDigit(next) && from >= 3 && isInlineSpace(s.charCodeAt(from - 2)) && isDigit(s.charCodeAt(from - 3))) return true;
  // "达到2 6 86.5亿元", "1 86.5亿元": a number an OCR scan spaced, between Chinese words (never a table's columns,
  // which stand two spaces or more apart, nor "Top 10 20").
  if (isDigit(prev) && isDigit(next) && to - from === 1 && spacedNumber(s, from, to)) return true;
  if (NO_SPACE_BEFORE.has(next) || NO_SPACE_AFTER.has(prev)) return true;
  // "6. 0%" → "6.0%"; but "1. 2023年…" / "1. 2023 目标" is a list number followed by a year.
  if (prev === 0x2e && isDigit(next) && from >= 2 && isDigit(s.charCodeAt(from - 2))) {
    let j = to;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
    const after = s.charCodeAt(j);
    const isDate = after === 0x5e74 /* 年 */ || after === 0x6708; /* 月 */
    return !isDate && j - to <= 2;
  }
  return false;
}

/**
 * Removes the spaces PDF copy leaves inside Chinese text, line by line:
 * between two CJK characters, CJK and punctuation, CJK and a number or Latin
 * unit ("30 亿元" → "30亿元", "5G 网络" → "5G网络"), inside brackets
 * ("( 数字化车间 )"), before %, and inside a decimal ("6. 0%" → "6.0%").
 * A single space stays between two Latin words or numbers ("Top 10"), and an
 * English word keeps its spaces even next to Chinese. Runs of spaces collapse
 * to one; lines are trimmed; line breaks are kept.
 *
 * @example removeStraySpaces('调 ， 要 全 力 实 施') // '调，要全力实施'
 */
export function removeStraySpaces(s: string): string {
  const parts: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && !isInlineSpace(s.charCodeAt(j))) j++;
    if (j > i) parts.push(s.slice(i, j));
    if (j >= n) break;
    let k = j;
    while (k < n && isInlineSpace(s.charCodeAt(k))) k++;
    const atStart = j === 0 || s.charCodeAt(j - 1) === 0x0a;
    const atEnd = k >= n || s.charCodeAt(k) === 0x0a || s.charCodeAt(k) === 0x0d;
    if (!atStart && !atEnd && !dropsSpace(s, j, k)) parts.push(' ');
    i = k;
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------
// Traditional → simplified
// ---------------------------------------------------------------------------

let converter: ((s: string) => string) | undefined;

/** Builds the OpenCC converter once, on first use (its dictionaries take a moment to load). */
function t2s(): (s: string) => string {
  const c = converter ?? OpenCC.Converter({ from: 'tw', to: 'cn' });
  converter = c;
  return c;
}

/**
 * Converts traditional Chinese to simplified with OpenCC (Taiwan variants
 * included, no phrase rewriting: 軟體 stays 软体, so the words stay the
 * source's). Apply only when {@link looksTraditional} says so.
 *
 * @example toSimplified('數位經濟產業發展') // '数位经济产业发展'
 */
export function toSimplified(s: string): string {
  return t2s()(s);
}

/** Options of {@link looksTraditional}. */
export interface LooksTraditionalOptions {
  /** Share of Han characters that must change under {@link toSimplified}. Default 0.05. */
  minShare?: number;
  /** Han characters sampled from the start of the text. Default 20,000. */
  sample?: number;
}

const looksTraditionalDefaults: Required<LooksTraditionalOptions> = { minShare: 0.05, sample: 20_000 };

/**
 * True when a meaningful share of the Han characters change under
 * {@link toSimplified}: a traditional document. Simplified text changes in
 * rare cases only (far below 5%), so it is never rewritten.
 *
 * @example looksTraditional('臺灣數位經濟') // true
 */
export function looksTraditional(s: string, options: LooksTraditionalOptions = {}): boolean {
  const { minShare, sample } = { ...looksTraditionalDefaults, ...options };
  let han = '';
  let count = 0;
  for (const ch of s) {
    if (isHan(ch.codePointAt(0) ?? 0)) {
      han += ch;
      if (++count >= sample) break;
    }
  }
  if (count === 0) return false;
  const converted = toSimplified(han);
  const a = Array.from(han);
  const b = Array.from(converted);
  let changed = 0;
  const len = Math.min(a.length, b.length);
  for (let k = 0; k < len; k++) if (a[k] !== b[k]) changed++;
  changed += Math.abs(a.length - b.length);
  return changed / count >= minShare;
}

// ---------------------------------------------------------------------------
// Composites
// ---------------------------------------------------------------------------

/**
 * The normalization shared by documents and questions: NFC, full-width →
 * half-width, stray spaces removed. Chinese punctuation is untouched.
 *
 * @example normalizeInline('力争 ５Ｇ 基站 ２０ 万个') // '力争5G基站20万个'
 */
export function normalizeInline(s: string): string {
  return removeStraySpaces(toHalfWidth(s.normalize('NFC')));
}

const ANY_SPACE = /\s+/g;

/**
 * An aggressive comparison key, never shown to users: NFKC (all full-width
 * forms to ASCII), traditional → simplified, all whitespace removed.
 *
 * @example normalizeForMatch('數字經濟 增長 １０％') === normalizeForMatch('数字经济增长10%') // true
 */
export function normalizeForMatch(s: string): string {
  return toSimplified(s.normalize('NFKC')).replace(ANY_SPACE, '');
}

// ---------------------------------------------------------------------------
// Numbers written in characters: 二〇二六年二月十日, 三年内, 用五年时间.

const CHARACTER_DIGITS = '〇一二三四五六七八九';

/** The value of one digit written as a character (零 and ○ are 〇, 两 is 二), or -1. */
function characterDigit(c: string): number {
  return CHARACTER_DIGITS.indexOf(c === '零' || c === '○' ? '〇' : c === '两' ? '二' : c);
}

/**
 * A number written digit by digit in characters, as a year is (二〇二六 → "2026"; 零 and ○ are 〇), or null when a
 * character is no digit.
 */
export function digitsInCharacters(s: string): string | null {
  const digits = [...s].map(characterDigit);
  return digits.length > 0 && digits.every((d) => d >= 0) ? digits.join('') : null;
}

/**
 * A count up to 99 written in characters (九 → 9, 两 → 2, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31) or in digits; NaN
 * for anything else.
 */
export function countInCharacters(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && characterDigit(s) >= 0 ? characterDigit(s) : NaN;
  const tens = s.slice(0, ten);
  const ones = s.slice(ten + 1);
  const t = tens === '' ? 1 : tens.length === 1 ? characterDigit(tens) : -1;
  const o = ones === '' ? 0 : ones.length === 1 ? characterDigit(ones) : -1;
  return t < 0 || o < 0 ? NaN : t * 10 + o;
}
