/**
 * Reading a source document: bytes in, normalized paragraphs and what the
 * document says about itself out. Plain text (including PDF copy with broken
 * lines), Markdown with YAML front matter, HTML, and Markdown carrying HTML;
 * UTF-8 or GB18030/GBK; traditional characters converted to simplified.
 *
 * Every step is a linear pass: a megabyte reads in a fraction of a second.
 */
import { decodeHTML } from 'entities';
import { decodeBytes, type Refusal } from './decode.ts';
import { htmlToBlocks, type HtmlMeta } from './html.ts';
import { buildParagraphs, displayWidth, dropChrome, isChrome, runningLines, type LayoutLine } from './layout.ts';
import { cellPerLineTables } from './cells.ts';
import { contentLines, loneUrl, looksLikeMarkdown, markdownToHtmlSource, readMarkdownLines, splitFrontMatter } from './markdown.ts';
import {
  dateFromDateline,
  dateFromLabels,
  frontMatterString,
  isHttpUrl,
  publisherFromLabels,
  toIsoDate,
  type FoundDate,
} from './metadata.ts';
import { looksTraditional, normalizeInline, toHalfWidth, toSimplified } from './normalize.ts';

export { decodeBytes } from './decode.ts';
export type { DecodeResult, Refusal, RefusalCode } from './decode.ts';

/** One paragraph of a read document. */
export interface Paragraph {
  /** The paragraph's normalized text, one line, never empty. */
  text: string;
  /** A heading: h1–h6, a Markdown `#` line, or a short line without final punctuation. */
  heading: boolean;
  /** Offset of `text` in {@link ReadDocument.text}. */
  start: number;
}

/** A document as planwatch reads it. */
export interface ReadDocument {
  /** Normalized text: the paragraphs joined by "\n" (one per line), no empty lines. */
  text: string;
  paragraphs: Paragraph[];
  format: 'text' | 'markdown' | 'html';
  encoding: 'utf-8' | 'gb18030';
  /** The source was traditional Chinese and the text was converted to simplified. */
  traditional: boolean;
  frontMatter: Record<string, unknown> | null;
  /** Front matter title, else <h1>/<title>, else the first Markdown heading, else the first short heading line. */
  title: string | null;
  /** `YYYY-MM-DD` stated by the document itself (front matter, 发布日期…, a dateline); null when none. */
  date: string | null;
  /** Where `date` came from: 'front matter', '发布日期', '发布时间', '成文日期', '印发日期', '日期', 'meta', 'dateline'. */
  dateSource: string | null;
  /** Front matter url/link, <link rel=canonical>/og:url, or an http(s) link alone on a line. */
  url: string | null;
  /** Front matter publisher/source, 发布机构, 信息来源, 来源, or <meta name=ContentSource>. */
  publisher: string | null;
}

/** The outcome of {@link readDocument}: a document, or a refusal with a code and a message. */
export type ReadResult = { ok: true; document: ReadDocument } | Refusal;

/** Options of {@link readDocument}. */
export interface ReadOptions {
  /**
   * The file's name: named in refusal messages, and its extension is a format
   * hint (.html/.htm → HTML, .md/.markdown → Markdown). Default: none.
   */
  fileName?: string;
}

/** Block-level tags: a Markdown file holding them carries HTML. */
const BLOCK_TAG_NAMES = 'p|div|h[1-6]|html|body|head|table|tr|td|th|ul|ol|li|section|article|nav|header|footer|center|tbody|blockquote|pre';
/** An opening or closing tag of one of `names`, with at most `attributes` characters inside. */
const tagSource = (names: string, attributes = 1000): string => String.raw`<\/?(?:${names})(?=[\s>/])[^<>]{0,${attributes}}>`;
const HTML_TAG = new RegExp(`${tagSource(`${BLOCK_TAG_NAMES}|br|span|title|a|img|script|style|strong|em|b|i|font|meta|link`)}|<!doctype html`, 'i');
/** HTML that makes a Markdown file a carrier of HTML: blocks, not inline tags (<br>, <sup>, <strong>). */
const BLOCK_TAG = new RegExp(`${tagSource(BLOCK_TAG_NAMES)}|<!doctype html`, 'i');
/** Inline HTML tags, opening or closing, a Markdown line may hold: they leave their text. */
const INLINE_TAG = new RegExp(tagSource('span|sup|sub|strong|em|b|i|u|font|a|small|mark', 500), 'gi');

// Control characters (tab, line feed, form feed and vertical tab are handled apart),
// zero-width characters, soft hyphens and private-use glyphs PDF copy leaves behind.
const INVISIBLE =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200d\u2060\ufeff\ue000-\uf8ff\u{f0000}-\u{10ffff}]/gu;
const LINE_BREAKS = /\r\n?|[\f\v\u2028\u2029\u0085]/g;

/** Line breaks unified to "\n", invisible and private-use characters removed. */
function cleanText(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '');
}

function extensionOf(fileName: string | undefined): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName ?? '');
  return m?.[1]?.toLowerCase() ?? '';
}

/** A layout line with its source text before stray spaces went: field separators in "发布机构: 省经信厅 公开方式: …". */
interface SourceLine extends LayoutLine {
  raw: string;
}

interface SourceLines {
  lines: SourceLine[];
  urls: string[];
  meta: HtmlMeta | null;
}

function linesOfHtml(body: string, markdown: boolean): SourceLines {
  const source = markdown ? markdownToHtmlSource(body) : { html: body, urls: [] };
  const { blocks, meta } = htmlToBlocks(source.html);
  const urls = [...source.urls];
  const lines: SourceLine[] = [];
  for (const block of blocks) {
    const url = loneUrl(block.text);
    if (url) {
      urls.push(url);
      continue;
    }
    lines.push({ text: normalizeInline(block.text), kind: block.kind, raw: block.text });
  }
  return { lines, urls, meta };
}

function linesOfMarkdown(body: string): SourceLines {
  const { lines, urls } = readMarkdownLines(body);
  return {
    lines: lines.map((l) => {
      // Inline tags a Markdown file may hold: a line break in a table cell is a space, the others leave their text.
      const raw = decodeHTML(l.text.replace(/<br\s*\/?>/gi, ' ').replace(INLINE_TAG, ''));
      return { text: normalizeInline(raw), kind: l.kind, raw };
    }),
    urls,
    meta: null,
  };
}

/** A source line opening with white space: a paragraph's first-line indent. */
const INDENT = /^[ \t\u3000]/;

function linesOfText(body: string): SourceLines {
  const lines: Array<SourceLine & { cells?: string[] }> = [];
  let width: number | null = null;
  // A table a PDF copy gives one cell per line may run through a page number, a running header or a printed page's URL;
  // blank lines may part its cells.
  const all = body.split('\n');
  const running = runningLines(all.map((text) => ({ text })));
  const furniture = (l: string): boolean => isChrome(l.trim()) || loneUrl(l) !== null || running.has(l.trim());
  const { lines: given, urls } = contentLines(cellPerLineTables(all, furniture).join('\n'));
  for (const raw of given) {
    if (/^\s*(?:[-=_*]\s*){3,}$/.test(raw)) continue; // a rule line
    const cells = tableCells(raw);
    // A table row stands alone, its cells between full-width bars as an HTML row is read (指标｜单位｜2025年).
    if (!cells) {
      lines.push({ text: normalizeInline(raw), kind: 'line', raw });
      continue;
    }
    const texts = cells.map(normalizeInline);
    // A row a PDF wrapped (…，达产后年产 ⏎ | | 能15万件（套） | 16.8亿元): its second line, opening with empty cells,
    // goes on with the cells of the first, which stopped short of the row's width.
    const last = lines.at(-1);
    if (last?.kind === 'item' && texts[0] === '' && last.cells && last.cells.length < (width ?? 0)) {
      const joined = texts.map((t, i) => (last.cells![i] ?? '') + t);
      Object.assign(last, { text: joined.join('｜'), cells: joined, raw: `${last.raw}\n${raw}` });
      continue;
    }
    width = Math.max(width ?? 0, texts.length);
    lines.push({ text: texts.join('｜'), kind: 'item', raw, cells: texts });
  }
  return { lines, urls, meta: null };
}

/** Two column heads a PDF copy set one space apart (序号 指标, 指标 单位, 序号 县（市、区）). */
const HEAD_PAIR = /^(?:序号|编号|指标|指标名称|单位|类别|属性|项目名称|建设地点) (?:序号|编号|指标|指标名称|单位|类别|属性|项目名称|建设地点)$|^(?:序号|编号) [^\s\d]{1,12}$/;

/** Words a table's column heads use (地区, 指标, 增速, 目标, 投资). */
const HEAD_WORD = /地\s*区|指标|序号|名称|单位|增速|增长|目标|项目|区域|投资|产值|收入|企业|年/;

/** Sentence punctuation: a line holding it is prose, whatever its spacing. */
const PROSE = /[。，；！？]/;

/**
 * The cells of a plain-text table row, or null: Word's text export puts a row's cells between tabs (an empty first
 * cell under a category spanning rows stays, so the columns line up); a PDF copy sets them two spaces or more apart
 * (or a full-width space), then three short cells, one with a digit, make a row.
 */
function tableCells(raw: string): string[] | null {
  // Trailing tabs are empty cells (a header's second row ends under 属性); other trailing white space goes.
  const line = raw.replace(/[ \r\n\u3000\u00a0]+$/, '');
  // A text table drawn with bars (序号 | 重点项目 | 总投资): cells between them, prose or not.
  const trimmed = line.trim();
  const outer = trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1;
  const barred = (outer ? trimmed.slice(1, -1) : trimmed).split(/\s*\|\s*/);
  if (barred.length >= 3 && / \| |\S\|\S/.test(line) && barred.filter((c) => c !== '').length >= 2) return barred.map((c) => c.trim());
  if (line.includes('\t')) {
    // A cell may hold a clause (建设风电、光伏装机100万千瓦，配套储能15万千瓦) when three cells stand between tabs.
    const cells = line.split('\t').map((c) => c.trim());
    const filled = cells.filter((c) => c !== '').length;
    if (cells.length >= 3 && filled >= (PROSE.test(line) ? 3 : 2)) return cells;
  }
  if (PROSE.test(line)) return null;
  // "序号 指标      2025年": two column heads one space apart are two cells.
  const spaced = line.trim().split(/ {2,}|\u3000+/).flatMap((c) => (HEAD_PAIR.test(c) ? c.split(' ') : [c]));
  if (spaced.length >= 3 && spaced.every((c) => c.length <= 30) && spaced.some((c) => /\d/.test(c))) return spaced;
  // "地　区　　　规模以上工业增加值增速　　工业投资增速": a header row, its cells two spaces or more apart, one space inside
  // a head (地　区) kept.
  const heads = line.trim().split(/ {2,}|\u3000{2,}/);
  if (heads.length >= 3 && heads.every((c) => c.length <= 20 && /[\u4e00-\u9fa5]/.test(c)) && HEAD_WORD.test(line)) return heads.map((c) => c.replace(/[ \u3000]/g, ''));
  return null;
}

/** Converts every string to simplified in one OpenCC call (one call per string if the line count changes). */
function simplifyAll(texts: readonly string[]): string[] {
  const converted = toSimplified(texts.join('\n')).split('\n');
  return converted.length === texts.length ? converted : texts.map(toSimplified);
}

/** A source line for reading labelled fields: half-width, spaces kept as single separators. */
function fieldLine(raw: string): string {
  return toHalfWidth(raw.normalize('NFC')).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const FRONT_MATTER_TITLE = ['title', '标题'];
const FRONT_MATTER_DATE = ['date', 'published', 'pubdate', 'publishDate', 'published_at', '发布日期', '日期'];
const FRONT_MATTER_URL = ['url', 'link', 'permalink', 'canonical', 'canonical_url', 'source_url', 'sourceUrl', 'original_url'];
const FRONT_MATTER_PUBLISHER = ['publisher', 'source', 'organization', '发布机构', '来源'];

function findDate(
  frontMatter: Record<string, unknown> | null,
  allLines: readonly string[],
  keptLines: readonly string[],
  meta: HtmlMeta | null,
): FoundDate | null {
  const fm = toIsoDate(frontMatterString(frontMatter, FRONT_MATTER_DATE) ?? '');
  if (fm) return { date: fm, source: 'front matter' };
  const labelled = dateFromLabels(allLines);
  if (labelled) return labelled;
  const fromMeta = toIsoDate(meta?.date ?? '');
  if (fromMeta) return { date: fromMeta, source: 'meta' };
  return dateFromDateline(keptLines);
}

/**
 * Reads a document's bytes into normalized paragraphs and metadata.
 *
 * Decoding is BOM-aware (UTF-8, else GB18030/GBK); front matter is parsed with
 * `yaml`; HTML (anywhere, also inside Markdown) is parsed with htmlparser2,
 * dropping scripts, styles and page furniture; Markdown headings, links,
 * images and navigation lines are resolved; page chrome (breadcrumbs, print and
 * close tools, index fields) is dropped; lines cut by a PDF's page width are
 * joined; full-width digits and letters become ASCII and stray spaces go;
 * traditional text is converted to simplified. Empty, binary and undecodable
 * files, and files with no readable text left (only markup or chrome), are
 * refused as values. Never throws.
 *
 * @example
 * const result = readDocument(readFileSync('seeds/004_8cc910abbb1174d9.txt'), { fileName: '004.txt' });
 * if (!result.ok) return console.error(result.message);
 * result.document.date;       // '2023-03-28'
 * result.document.paragraphs; // [{ text: '2023年全省经信工作要点', heading: true, start: 0 }, …]
 */
export function readDocument(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  const { fileName } = options;
  const decoded = decodeBytes(bytes, { fileName });
  if (!decoded.ok) return decoded;

  const { body, frontMatter } = splitFrontMatter(cleanText(decoded.text));
  const ext = extensionOf(fileName);
  // Markdown is read as HTML only when it carries HTML blocks; a <br> inside a table cell or a <sup> leaves it Markdown.
  const html = ext === 'html' || ext === 'htm' || (ext === 'md' || ext === 'markdown' || frontMatter !== null ? BLOCK_TAG.test(body) : HTML_TAG.test(body));
  const markdown = ext === 'md' || ext === 'markdown' || (ext !== 'html' && ext !== 'htm' && (frontMatter !== null || looksLikeMarkdown(body)));
  const format: ReadDocument['format'] = markdown ? 'markdown' : html ? 'html' : 'text';

  const source = html ? linesOfHtml(body, markdown) : markdown ? linesOfMarkdown(body) : linesOfText(body);
  const present = source.lines.filter((l) => l.text !== '');
  let fieldLines = present.map((l) => fieldLine(l.raw));
  const traditional = looksTraditional(present.map((l) => l.text).join('\n'));
  const texts = traditional ? simplifyAll(present.map((l) => l.text)) : present.map((l) => l.text);
  if (traditional) fieldLines = simplifyAll(fieldLines);
  const lines: LayoutLine[] = present.map((l, i) => ({ text: texts[i] ?? l.text, kind: l.kind, indented: INDENT.test(l.raw) }));
  const simplify = (s: string | null): string | null => {
    if (s === null) return null;
    const n = normalizeInline(s);
    return n === '' ? null : traditional ? toSimplified(n) : n;
  };

  const kept = dropChrome(lines);
  const keptTexts = kept.map((l) => l.text);
  const laid = buildParagraphs(kept);

  if (laid.length === 0) {
    return {
      ok: false,
      code: 'empty',
      message: `${fileName ?? 'document'}: no readable text (only markup, links or page chrome)`,
    };
  }

  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const p of laid) {
    paragraphs.push({ text: p.text, heading: p.heading, start: offset });
    offset += p.text.length + 1;
  }
  const text = paragraphs.map((p) => p.text).join('\n');

  const found = findDate(frontMatter, fieldLines, keptTexts, source.meta);
  const firstHeading = paragraphs.find(
    (p) => p.heading && displayWidth(p.text) <= 40 && toIsoDate(p.text.replace(/^[(（]/, '')) === null,
  );
  const title =
    simplify(frontMatterString(frontMatter, FRONT_MATTER_TITLE)) ??
    simplify(source.meta?.h1 ?? null) ??
    simplify(source.meta?.title ?? null) ??
    kept.find((l) => l.kind === 'heading')?.text ??
    firstHeading?.text ??
    null;
  const url =
    [frontMatterString(frontMatter, FRONT_MATTER_URL), source.meta?.canonical ?? null, ...source.urls].find(isHttpUrl) ??
    null;
  const publisher =
    simplify(frontMatterString(frontMatter, FRONT_MATTER_PUBLISHER)) ??
    publisherFromLabels(fieldLines) ??
    simplify(source.meta?.publisher ?? null);

  return {
    ok: true,
    document: {
      text,
      paragraphs,
      format,
      encoding: decoded.encoding,
      traditional,
      frontMatter,
      title,
      date: found?.date ?? null,
      dateSource: found?.source ?? null,
      url,
      publisher,
    },
  };
}
