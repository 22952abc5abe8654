/**
 * Splitting a paragraph into sentences and a sentence into clauses and items,
 * keeping offsets so every quote can point back into its document.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);
const CLOSERS = new Set(['”', '’', '」', '』', ')', '）', '"']);

/** An ASCII ! or ? with a Latin letter or digit right after it is part of a token (<!channel>, a URL's ?a=1), not an end. */
function insideWord(text: string, i: number): boolean {
  return (text[i] === '!' || text[i] === '?') && /[A-Za-z0-9]/.test(text[i + 1] ?? '');
}

/** Sentences of a paragraph, each ending after its final punctuation (and a closing quote). */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!SENTENCE_END.has(text[i]!) || insideWord(text, i)) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    if (end - start > 0) out.push({ start, end, text: text.slice(start, end) });
    start = end;
    i = end - 1;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

/** Is `text[i]` a clause delimiter? A colon between digits (14:44) is not. */
export function isClauseDelimiter(text: string, i: number): boolean {
  const ch = text[i]!;
  if (ch === '，' || ch === '；' || ch === ';' || ch === '：') return true;
  if (ch === ',' || ch === ':') return !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
  return false;
}

/** Bounds of the clause around [from, to) in `text`: from after the previous delimiter to before the next. */
export function clauseAround(text: string, from: number, to: number): Span {
  let start = from;
  while (start > 0 && !isClauseDelimiter(text, start - 1) && !SENTENCE_END.has(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && !isClauseDelimiter(text, end) && !SENTENCE_END.has(text[end]!)) end++;
  return { start, end, text: text.slice(start, end) };
}

/** Offsets of 《…》 and short “…” spans, where numbers are titles or code names, not figures. */
export function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pairs: Array<[string, string, number]> = [['《', '》', 80], ['“', '”', 15], ['"', '"', 15], ['「', '」', 15], ['‘', '’', 15]];
  for (const [open, close, max] of pairs) {
    let i = text.indexOf(open);
    while (i >= 0) {
      const j = text.indexOf(close, i + 1);
      if (j < 0) break;
      if (j - i - 1 <= max) spans.push([i, j + 1]);
      i = text.indexOf(open, j + 1);
    }
  }
  return spans;
}

/** True when [start, end) lies inside one of `spans`. */
export function insideAny(spans: Array<[number, number]>, start: number, end = start + 1): boolean {
  return spans.some(([a, b]) => start >= a && end <= b);
}
