/**
 * From normalized lines to paragraphs: page chrome dropped (breadcrumbs,
 * print/close/share tools, index-field lines), lines cut by the page width of
 * a PDF joined again, headings told from paragraph ends.
 */
import { isHan } from './normalize.ts';

/** One normalized line and what the source format says about it. */
export interface LayoutLine {
  text: string;
  /**
   * 'line': plain text, may be a cut line of a longer paragraph;
   * 'heading': an explicit heading (h1–h6, Markdown #);
   * 'paragraph': an explicit paragraph (an HTML block);
   * 'item': an explicit list item.
   */
  kind: 'line' | 'heading' | 'paragraph' | 'item';
  /** The source line began with white space (a paragraph's first-line indent, 　　). */
  indented?: boolean;
}

/** A paragraph before offsets are assigned. */
export interface LaidParagraph {
  text: string;
  heading: boolean;
}

// ---------------------------------------------------------------------------
// Chrome
// ---------------------------------------------------------------------------

const BREADCRUMB = /^(?:当前位置|您的位置|您现在的位置|您当前的位置|当前所在位置|所在位置)[:：]/;
const CRUMB_CONTINUATION = /^[>›»]/;
const CRUMB_TRAIL = /^首页[>›»].*[>›»]/;
const TOOL_TOKENS =
  /^(?:[\s|｜/·•【】[\]()（）:：,，]|打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|分享到|分享|收藏本页|收藏|保存本页|字体|字号|默认|[大中小]|浏览次数|访问次数|阅读次数|点击数|次|\d|扫一扫|微信|微博|QQ空间|我要纠错|纠错)+$/;
const STRONG_TOOL = /打印|关闭|分享|浏览次数|访问次数|阅读次数|点击数|字体|字号|返回顶部|扫一扫|纠错|收藏/;
const INDEX_FIELD =
  /^(?:索引号|发布日期|发布时间|发布机构|公开方式|公开范围|信息来源|浏览次数|成文日期|文号|发文字号|发文机关|主题分类|公文种类|体裁分类|来源|作者|责任编辑|编辑)[:：]/;
/** A social post's counters (阅读原文 阅读 2.3万 赞 418 在看 96 留言 12) or its topic tags (#产业观察 56). */
const SOCIAL_BAR = /^(?:(?:阅读原文|阅读|赞|点赞|在看|留言|转发|分享|收藏|喜欢|评论)\s*(?:\d+(?:\.\d+)?万?\+?)?\s*|#[^#\s]{1,12}\s*\d*\s*)+$/;
const NEIGHBOUR_NAV = /^(?:上一篇|下一篇)[:：]/;
/** A printed page number on a line of its own (PDF copy): — 4 —, - 4 -, 第4页, 4/12. */
const PAGE_NUMBER = /^(?:[—–\-－]{1,2}\s*\d{1,3}\s*[—–\-－]{1,2}|一\s*\d{1,3}\s*一|第\s*\d{1,3}\s*页(?:\s*[/／，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*[/／]\s*\d{1,3})$/;

/** Longest line (in UTF-16 units) that can be a tool bar or an index-field line. */
const MAX_CHROME_LENGTH = 160;

/**
 * True when a normalized line is page chrome: a breadcrumb ("当前位置:首页>…"),
 * a tool bar ("打印本页关闭窗口", "【字体：大中小】", "分享到"), a view counter,
 * an index-field line ("索引号:… 发布日期:… 发布机构:…", "信息来源:…"), a
 * previous/next-article link, or a page number of PDF copy ("— 4 —"). `afterCrumb` is true when the previous line was
 * a breadcrumb, so that "> 政务公开 > …" continuation lines go too.
 */
export function isChrome(line: string, afterCrumb = false): boolean {
  if (line.length > MAX_CHROME_LENGTH) return false;
  if (BREADCRUMB.test(line) || CRUMB_TRAIL.test(line)) return true;
  if (CRUMB_CONTINUATION.test(line) && (afterCrumb || (line.match(/[>›»]/g)?.length ?? 0) >= 2)) return true;
  if (INDEX_FIELD.test(line) || NEIGHBOUR_NAV.test(line) || PAGE_NUMBER.test(line.trim())) return true;
  if (line.length <= 60 && SOCIAL_BAR.test(line.trim()) && /\d/.test(line)) return true;
  return line.length <= 60 && STRONG_TOOL.test(line) && TOOL_TOKENS.test(line);
}

/** Drops chrome lines (see {@link isChrome}). */
/** The heading of a page's list of links to other articles. */
const RELATED_HEADING = /^[【\[]?(?:相关新闻|相关阅读|相关解读|政策解读|相关链接|相关文章|相关稿件|相关报道|相关文档|延伸阅读|推荐阅读|热点推荐|热门推荐|精彩推荐|热门文章|更多阅读|更多新闻|猜你喜欢|往期回顾|往期推荐|往期精选|历史文章|新闻推荐|图片新闻)[】\]]?[:：]?$/;

/** Lines a PDF copy repeats page after page (a running header with the document's title): three times or more. */
export function runningLines(lines: readonly { text: string }[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const t = line.text.trim();
    if (t.length >= 6 && t.length <= 60 && !/[。！？；]/.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([t]) => t));
}

/** The heading of readers' comments under a post (精选留言, 写留言, 网友评论). */
const COMMENTS_HEADING = /^[【\[]?(?:精选留言|写留言|留言精选|网友评论|网友留言|读者留言|热门评论|全部评论)[】\]]?[:：]?$/;

export function dropChrome<T extends { text: string }>(lines: readonly T[]): T[] {
  const kept: T[] = [];
  let afterCrumb = false;
  let related = false;
  const running = runningLines(lines);
  for (const line of lines) {
    // A PDF's running header or footer, repeated on every page, is not the text.
    if (running.has(line.text.trim())) continue;
    // Readers' comments under a post are not the document.
    if (COMMENTS_HEADING.test(line.text.trim())) break;
    // "相关新闻" and the headlines listed under it: other pages' titles, not this page's text.
    if (RELATED_HEADING.test(line.text.trim())) {
      related = true;
      continue;
    }
    if (related && line.text.length <= 60 && !/[。！？]$/.test(line.text)) continue;
    related = false;
    const crumb = BREADCRUMB.test(line.text) || CRUMB_TRAIL.test(line.text);
    if (isChrome(line.text, afterCrumb)) {
      afterCrumb = crumb || (afterCrumb && CRUMB_CONTINUATION.test(line.text));
      continue;
    }
    afterCrumb = false;
    kept.push(line);
  }
  return kept;
}

// ---------------------------------------------------------------------------
// Width and punctuation
// ---------------------------------------------------------------------------

/** Display width in full-width cells: a Chinese character counts 1, an ASCII character ½. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a surrogate pair
    width += c < 0x80 ? 0.5 : 1;
  }
  return width;
}

const FINAL = new Set(['。', '！', '？', '；', '：', '…', '!', '?', ';', ':', '.', '」', '』']);
/** A bracketed note naming who carries a task out (责任单位：…, 牵头单位：…). */
const TASK_NOTE = /^(?:[^：:）)]{0,4}(?:责任|牵头|配合|实施|负责)(?:单位|部门)[^：:）)]{0,2}[：:])/;
const SENTENCE_END_BEFORE_QUOTE = new Set(['。', '！', '？', '…', '!', '?', '.']);

/**
 * True when a line ends a sentence: 。！？；：… (and ASCII .!?;:), or a
 * closing quote right after one of them (“……。”). A closing quote after a
 * word (“一号发展工程”) does not end the line's sentence.
 */
export function endsSentence(text: string): boolean {
  const last = text[text.length - 1];
  if (last === undefined) return false;
  // "工业投资增长11." + "7%": a PDF cut a decimal in two; the line goes on.
  if (last === '.' && /\d/.test(text[text.length - 2] ?? '')) return false;
  if (FINAL.has(last)) return true;
  if (last === '”' || last === '’' || last === '"' || last === ')' || last === '）') {
    const before = text[text.length - 2];
    if (before !== undefined && SENTENCE_END_BEFORE_QUOTE.has(before)) return true;
  }
  if (last === ')' || last === '）') {
    // A byline after the sentence: "……发展。（赣文）"; a task's note of who leads it: "……。（责任单位：市工业和信息化局）".
    const open = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'));
    const before = open > 0 ? text[open - 1] : undefined;
    const note = TASK_NOTE.test(text.slice(open + 1));
    return (open >= text.length - 12 || note) && before !== undefined && FINAL.has(before);
  }
  return false;
}

/** Pairs of quotes and brackets, as opening and closing code points. */
const PAIRS: ReadonlyArray<readonly [number, number]> = [
  [0x201c, 0x201d], // “ ”
  [0x2018, 0x2019], // ‘ ’
  [0xff08, 0xff09], // （ ）
  [0x28, 0x29], // ( )
  [0x300a, 0x300b], // 《 》
  [0x3010, 0x3011], // 【 】
  [0x300c, 0x300d], // 「 」
];

/** True when a quote or bracket opened in the line is still open at its end ("大力培育“专精特"). */
export function leavesOpen(text: string): boolean {
  const depth = new Int32Array(PAIRS.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let p = 0; p < PAIRS.length; p++) {
      const pair = PAIRS[p];
      if (pair === undefined) continue;
      if (c === pair[0]) depth[p] = (depth[p] ?? 0) + 1;
      else if (c === pair[1] && (depth[p] ?? 0) > 0) depth[p] = (depth[p] ?? 0) - 1;
    }
  }
  return depth.some((d) => d > 0);
}

// ---------------------------------------------------------------------------
// Paragraphs
// ---------------------------------------------------------------------------

/** Options of {@link buildParagraphs}. */
export interface ParagraphOptions {
  /** A line at least this share of the typical width, without final punctuation, was cut by the page. Default 0.7. */
  cutShare?: number;
  /** Percentile of the line widths around a line taken as the typical width. Default 0.75. */
  percentile?: number;
  /** Lines on each side considered for the typical width. Default 30. */
  window?: number;
  /** Lines narrower than this (in full-width cells) are never cut lines. Default 8. */
  minCutWidth?: number;
  /** An explicit paragraph no wider than this and without punctuation at its end is a heading. Default 30. */
  maxHeadingWidth?: number;
  /** A plain line wider than this is never a heading: without final punctuation it was cut. Default 50. */
  maxLineHeadingWidth?: number;
}

const paragraphDefaults: Required<ParagraphOptions> = {
  cutShare: 0.7,
  percentile: 0.75,
  window: 30,
  minCutWidth: 8,
  maxHeadingWidth: 30,
  maxLineHeadingWidth: 50,
};

/** Widths are counted in half cells up to this bound: only widths up to ~70 cells decide anything. */
const WIDTH_BUCKETS = 256;

/**
 * Typical width around each line: a percentile of the widths in a sliding
 * window, kept in a histogram of half-cell buckets, so the cost is
 * O(n · buckets) with no sorting.
 */
function typicalWidths(widths: readonly number[], window: number, percentile: number): number[] {
  const n = widths.length;
  const histogram = new Int32Array(WIDTH_BUCKETS);
  const count = (w: number | undefined, delta: number): void => {
    const b = Math.min(WIDTH_BUCKETS - 1, Math.round((w ?? 0) * 2));
    histogram[b] = (histogram[b] ?? 0) + delta;
  };
  const out = new Array<number>(n);
  const size = Math.min(n, 2 * window + 1);
  let from = 0;
  for (let i = 0; i < size; i++) count(widths[i], 1);
  for (let i = 0; i < n; i++) {
    const wanted = Math.max(0, Math.min(i - window, n - size));
    while (from < wanted) {
      count(widths[from], -1);
      count(widths[from + size], 1);
      from++;
    }
    const rank = Math.floor(percentile * size);
    let seen = 0;
    let b = 0;
    for (; b < WIDTH_BUCKETS; b++) {
      seen += histogram[b] ?? 0;
      if (seen > rank) break;
    }
    out[i] = b / 2;
  }
  return out;
}

const ASCII_LETTER = /[A-Za-z]/;
const ASCII_ALNUM = /[A-Za-z0-9]/;

/**
 * Joins two pieces of one paragraph (or of one cell) a PDF copy broke apart: never a space between Chinese characters or
 * inside a number (7⏎8.4万辆), one after a Latin word.
 */
export function joinPieces(left: string, right: string): string {
  const a = left[left.length - 1] ?? '';
  const b = right[0] ?? '';
  const space = ASCII_LETTER.test(a) && ASCII_ALNUM.test(b);
  return space ? `${left} ${right}` : left + right;
}

const SENTENCE_INSIDE = /[。！？；!?;]/;
/** A line at least this wide (in cells) that stops mid-sentence may be a hard-wrapped one. */
const WRAP_WIDTH = 20;
const BYLINE = /^(?:本报记者|本报讯|记者|通讯员|作者|文\/|图\/)/;
/** Punctuation that ends a clause but, at the end of a full line of indented PDF copy, not the paragraph. */
const SOFT_FINAL = /[；：;:]$/;
/** A news lead always starts a paragraph, even after a cut line (a headline set in the column above). */
const STARTS_PARAGRAPH = /^(?:本报讯|本报记者|新华社)/;
const BRACKETED = /^[(（][^()（）]*[)）]$/;
/** A box's title line: 专栏2　…重点推进项目, 表1 主要指标. */
const BOX_TITLE = /^[\s\u3000]*(?:专栏|附表|表)\s*\d{1,2}(?![\d.．])/;

function looksLikeHeadingText(text: string, maxWidth: number): boolean {
  const last = text[text.length - 1] ?? '';
  if (endsSentence(text) || /[,，、]/.test(last)) return false;
  if (SENTENCE_INSIDE.test(text) || BYLINE.test(text) || BRACKETED.test(text) || leavesOpen(text)) return false;
  if (displayWidth(text) > maxWidth) return false;
  // A heading has Chinese or Latin words, not just a number or a byline in brackets.
  for (const ch of text) if (isHan(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

/**
 * Rebuilds paragraphs from lines. A plain line that does not end a sentence
 * and is long relative to the typical width of the lines around it was cut by
 * the page width (PDF copy): it is joined to the next line, across blank lines
 * already removed, unless that next line is itself heading-like. A short plain
 * line without final punctuation is a heading. Explicit headings, paragraphs
 * and items stand alone. Linear in the number of lines.
 *
 * @example buildParagraphs([{ text: '近年来，浙江在数字化道路上高歌', kind: 'line' }, { text: '猛进。', kind: 'line' }])
 * // [{ text: '近年来，浙江在数字化道路上高歌猛进。', heading: false }]
 */
export function buildParagraphs(lines: readonly LayoutLine[], options: ParagraphOptions = {}): LaidParagraph[] {
  const o = { ...paragraphDefaults, ...options };
  const plainIndex: number[] = [];
  lines.forEach((l, i) => {
    if (l.kind === 'line') plainIndex.push(i);
  });
  const widths = plainIndex.map((i) => displayWidth(lines[i]?.text ?? ''));
  const typical = typicalWidths(widths, o.window, o.percentile);
  const cut = new Array<boolean>(lines.length).fill(false);
  const indenting = lines.some((l) => l.kind === 'line' && l.indented);
  const headingLike = new Array<boolean>(lines.length).fill(false);
  const isLong = (k: number): boolean => (widths[k] ?? 0) >= Math.max(o.minCutWidth, o.cutShare * (typical[k] ?? 0));
  plainIndex.forEach((lineIndex, k) => {
    const text = lines[lineIndex]?.text ?? '';
    // "专栏2　“十五五”前期电子信息产业重点推进项目": a box's title stands alone, however wide a PDF set it.
    const boxTitle = BOX_TITLE.test(text) && !endsSentence(text) && displayWidth(text) <= 40;
    headingLike[lineIndex] = boxTitle || (!endsSentence(text) && !isLong(k) && looksLikeHeadingText(text, o.maxLineHeadingWidth));
  });
  plainIndex.forEach((lineIndex, k) => {
    const text = lines[lineIndex]?.text ?? '';
    const width = widths[k] ?? 0;
    const long = isLong(k);
    const final = endsSentence(text);
    const heading = headingLike[lineIndex] ?? false;
    // "…增长7.8%；⏎规模以上工业总产值…": in a text that marks paragraphs by indenting them, a full line ending in ；
    // or ： goes on when the next line is not indented.
    const next = lines[lineIndex + 1];
    const intoNext = indenting && next?.kind === 'line' && !next.indented;
    const goesOn = intoNext && long && SOFT_FINAL.test(text);
    const wrapped = intoNext && width >= WRAP_WIDTH && !BYLINE.test(text) && !headingLike[lineIndex + 1];
    // "…1—3月全⏎市能源工业…同比下降5.⏎2%。": one paragraph hard-wrapped in a copy whose other paragraphs are long lines;
    // where paragraphs are indented, an unfinished line goes on into a line that is not.
    cut[lineIndex] = goesOn || (!final && !heading && (long || width > o.maxLineHeadingWidth || leavesOpen(text) || wrapped));
  });

  const out: LaidParagraph[] = [];
  let open: string | null = null;
  const flushOpen = (): void => {
    if (open !== null) out.push({ text: open, heading: false });
    open = null;
  };

  lines.forEach((line, i) => {
    if (line.kind !== 'line') {
      flushOpen();
      const heading =
        line.kind === 'heading' || (line.kind === 'paragraph' && looksLikeHeadingText(line.text, o.maxHeadingWidth));
      out.push({ text: line.text, heading });
      return;
    }
    if (open !== null && (headingLike[i] || STARTS_PARAGRAPH.test(line.text))) flushOpen();
    if (open === null) {
      if (!cut[i]) {
        out.push({ text: line.text, heading: headingLike[i] ?? false });
        return;
      }
      open = line.text;
      return;
    }
    open = joinPieces(open, line.text);
    if (!cut[i]) flushOpen();
  });
  flushOpen();
  return out;
}
