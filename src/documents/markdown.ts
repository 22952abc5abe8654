/**
 * YAML front matter and the Markdown constructs documents actually use:
 * headings, links, images, list items, emphasis, autolinks and lines of
 * navigation links. Everything works line by line with bounded patterns.
 */
import { parse as parseYaml } from 'yaml';

/** Body text with the front matter removed, and the front matter when it parsed to a mapping. */
export interface FrontMatterSplit {
  body: string;
  frontMatter: Record<string, unknown> | null;
}

const FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits a leading `---` YAML block off the text. Bad YAML, or YAML that is not
 * a mapping, is not front matter: the text is returned unchanged. Never throws.
 *
 * @example splitFrontMatter('---\ntitle: 标题\n---\n正文').frontMatter // { title: '标题' }
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || text.slice(0, firstBreak).trimEnd() !== '---') return { body: text, frontMatter: null };
  let start = firstBreak + 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (FENCE.test(line)) {
      const yaml = text.slice(firstBreak + 1, start);
      const body = end < 0 ? '' : text.slice(end + 1);
      const frontMatter = parseMapping(yaml);
      return frontMatter ? { body, frontMatter } : { body: text, frontMatter: null };
    }
    if (end < 0) break;
    start = end + 1;
  }
  return { body: text, frontMatter: null };
}

function parseMapping(yaml: string): Record<string, unknown> | null {
  try {
    const value: unknown = parseYaml(yaml, { prettyErrors: false, uniqueKeys: false });
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** One source line classified by its Markdown role. */
export interface MarkdownLine {
  text: string;
  kind: 'line' | 'heading' | 'item';
  /** Heading level 1–6 for headings. */
  level?: number;
}

/** The outcome of {@link readMarkdownLines}: kept lines and the http(s) links that stood alone on a line. */
export interface MarkdownLines {
  lines: MarkdownLine[];
  urls: string[];
}

const HEADING = /^(#{1,6})[ \t]+(.*)$/;
const BULLET = /^[ \t]*[-*+•][ \t]+/;
const QUOTE = /^[ \t]*>[ \t]?/;
const RULE = /^[ \t]*(?:[-*_=][ \t]*){3,}$/;
const TABLE_RULE = /^[ \t|:-]+$/;
const CODE_FENCE = /^[ \t]*(?:```|~~~)/;
const IMAGE = /!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/g;
const LINK = /\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g;
const AUTOLINK = /<(https?:\/\/[^\s<>]{1,2000})>/g;
const LONE_URL = /^[ \t]*<?(https?:\/\/[^\s<>]{1,2000})>?[ \t]*$/;
const NAV_LINE = /^(?:[ \t|｜/·•>»›-]*!?\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\))+[ \t|｜/·•>»›-]*$/;
const EMPHASIS = /\*\*|__|`/g;
/** A wiki link (Obsidian, Logseq): [[target]] or [[target|alias]], read as its text. */
const WIKILINK = /\[\[([^\]|\n]{1,300})(?:\|([^\]\n]{1,300}))?\]\]/g;
/** A footnote's mark in the text ([^1]) and the label opening its definition ([^1]: …). */
const FOOTNOTE_REFERENCE = /\[\^[^\]\s]{1,20}\]/g;
const FOOTNOTE_DEFINITION = /^[ \t]*\[\^[^\]\s]{1,20}\]:[ \t]*/;
/** A bracketed span with attributes, as pandoc writes underlines and small caps: [文字]{.underline}. */
const ATTRIBUTED_SPAN = /\[([^\]\n]{0,500})\]\{[^}\n]{0,200}\}/g;
/** A heading's attributes ({#id .class}) at its end. */
const HEADING_ATTRIBUTES = /\s*\{[#.][^}\n]{0,200}\}\s*$/;
/** A backslash escape of ASCII punctuation (1\. 的 \* 号), as pandoc writes it: the character itself. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** A grid table's border (+----+----+, +====+====+) and row line (| 序号 | 指标 |). */
const GRID_BORDER = /^[ \t]*\+(?:[-=:]+\+)+[ \t]*$/;
const GRID_ROW = /^[ \t]*\|.*\|[ \t]*$/;
/** A callout's first line inside a blockquote (> [!note] 专栏1　…): its title, a heading of the box. */
const CALLOUT = /^[ \t]*\[![A-Za-z-]{1,20}\][+-]?[ \t]*/;

/** The http(s) URL when a line is only a URL (bare or as a `<…>` autolink), else null. */
export function loneUrl(line: string): string | null {
  const m = LONE_URL.exec(line);
  return m?.[1] ?? null;
}

/** The non-blank lines of `body` that are not lone URLs, and those URLs (a source's link, kept for its metadata). */
export function contentLines(body: string): { lines: string[]; urls: string[] } {
  const lines: string[] = [];
  const urls: string[] = [];
  for (const raw of body.split('\n')) {
    if (raw.trim() === '') continue;
    const url = loneUrl(raw);
    if (url) urls.push(url);
    else lines.push(raw);
  }
  return { lines, urls };
}

/**
 * Replaces inline Markdown with its text: images dropped, `[text](url)` → text,
 * `<http://…>` → nothing, emphasis markers and backticks removed (unless
 * `emphasis: false`, for HTML source where `__` may sit in a URL).
 */
export function stripInlineMarkdown(line: string, options: { emphasis?: boolean } = {}): string {
  const text = line
    .replace(IMAGE, '')
    .replace(ATTRIBUTED_SPAN, '$1')
    .replace(LINK, '$1')
    .replace(AUTOLINK, '')
    .replace(WIKILINK, (_, target: string, alias?: string) => alias ?? target)
    .replace(FOOTNOTE_DEFINITION, '')
    .replace(FOOTNOTE_REFERENCE, '');
  return (options.emphasis === false ? text : text.replace(EMPHASIS, '')).replace(ESCAPE, '$1');
}

/** The cells of a row line between its outer bars: | 序号 | 指标 | → ['序号', '指标']. */
function pipeCells(line: string): string[] {
  return line.trim().slice(1, -1).split('|').map((c) => c.trim());
}

/**
 * Grid tables (pandoc's, from a Word file) as pipe rows: the lines of each row between two borders are joined cell by
 * cell, so a cell wrapped over lines (数字经济核心产业 / 增加值) is one cell again. Other lines pass unchanged.
 *
 * @example gridTablesAsPipeRows(['+---+---+', '| 指标 | 2026年 |', '| 增加值 | 8% |', '+---+---+'])
 * // ['| 指标增加值 | 2026年8% |']
 */
export function gridTablesAsPipeRows(lines: readonly string[]): string[] {
  const out: string[] = [];
  let row: string[] | null = null;
  const flush = (): void => {
    if (row && row.some((c) => c !== '')) out.push(`| ${row.join(' | ')} |`);
    row = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const inGrid = GRID_BORDER.test(line) || (row !== null && GRID_ROW.test(line));
    if (!inGrid) {
      flush();
      out.push(line);
      continue;
    }
    if (GRID_BORDER.test(line)) {
      flush();
      // A border opens a row only when a row line follows it.
      if (GRID_ROW.test(lines[i + 1] ?? '')) row = [];
      continue;
    }
    const current: string[] = row ?? [];
    // pandoc wraps a cell only at a space, so two Latin words or numbers get theirs back.
    pipeCells(line).forEach((c, k) => {
      const before = current[k] ?? '';
      current[k] = before === '' ? c : c === '' ? before : before + (/[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(c) ? ' ' : '') + c;
    });
    row = current;
  }
  flush();
  return out;
}

/** Heading text without the closing `#` run and trailing spaces ("标题 ##" → "标题"). */
function headingText(heading: string): string {
  const raw = heading.replace(HEADING_ATTRIBUTES, '');
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === '#' || raw[end - 1] === ' ' || raw[end - 1] === '\t')) end--;
  return raw.slice(0, end);
}

/**
 * Classifies Markdown lines: `#` headings (marker removed), bullet items,
 * blockquote markers removed, rules, code fences and table rules dropped,
 * lines that are only links (navigation) or a lone URL dropped, the URL
 * remembered. Blank lines are dropped (paragraphs are rebuilt later).
 *
 * @example readMarkdownLines('# 标题\n[返回首页](/)\n<https://a.cn/x>').lines
 * // [{ text: '标题', kind: 'heading', level: 1 }]
 */
export function readMarkdownLines(body: string): MarkdownLines {
  const lines: MarkdownLine[] = [];
  const { lines: given, urls } = contentLines(body);
  for (const raw of gridTablesAsPipeRows(given)) {
    if (RULE.test(raw) || CODE_FENCE.test(raw) || (raw.includes('-') && TABLE_RULE.test(raw))) continue;
    if (NAV_LINE.test(raw)) continue;
    const heading = HEADING.exec(raw);
    if (heading) {
      const text = stripInlineMarkdown(headingText(heading[2] ?? ''));
      if (text.trim() !== '') lines.push({ text, kind: 'heading', level: heading[1]?.length ?? 1 });
      continue;
    }
    let text = raw.replace(QUOTE, '');
    if (CALLOUT.test(text)) {
      const title = stripInlineMarkdown(text.replace(CALLOUT, ''));
      if (title.trim() !== '') lines.push({ text: title, kind: 'heading', level: 6 });
      continue;
    }
    // A table row stands alone, as a list item does.
    let kind: MarkdownLine['kind'] = GRID_ROW.test(text) ? 'item' : 'line';
    if (BULLET.test(text)) {
      text = text.replace(BULLET, '');
      kind = 'item';
    }
    text = stripInlineMarkdown(text);
    if (text.trim() !== '') lines.push({ text, kind });
  }
  return { lines, urls };
}

/**
 * Prepares Markdown that carries HTML (seed 001) for the HTML parser: headings
 * become `<hN>`, navigation lines and lone URLs go (URLs remembered), inline
 * Markdown is replaced by its text. Blank lines are kept: the HTML reader
 * treats them as paragraph breaks.
 */
export function markdownToHtmlSource(body: string): { html: string; urls: string[] } {
  const out: string[] = [];
  const urls: string[] = [];
  let inTable = false;
  for (const raw of gridTablesAsPipeRows(body.split('\n'))) {
    // A pipe table's rows become an HTML table's, so that each row stands alone (its rule line goes).
    if (GRID_ROW.test(raw)) {
      if (TABLE_RULE.test(raw)) continue;
      const cells = pipeCells(raw).map((c) => `<td>${stripInlineMarkdown(c, { emphasis: false })}</td>`);
      out.push(`${inTable ? '' : '<table>'}<tr>${cells.join('')}</tr>`);
      inTable = true;
      continue;
    }
    if (inTable) out.push('</table>');
    inTable = false;
    const url = loneUrl(raw);
    if (url) {
      urls.push(url);
      out.push('');
      continue;
    }
    if (RULE.test(raw) || NAV_LINE.test(raw)) {
      out.push('');
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      out.push(`<h${level}>${stripInlineMarkdown(headingText(heading[2] ?? ''), { emphasis: false })}</h${level}>`);
      continue;
    }
    out.push(stripInlineMarkdown(raw.replace(BULLET, ''), { emphasis: false }));
  }
  if (inTable) out.push('</table>');
  return { html: out.join('\n'), urls };
}

/** True when the text uses Markdown that matters: headings, links or images, or autolinks. */
export function looksLikeMarkdown(body: string): boolean {
  return /^#{1,6}[ \t]+\S/m.test(body) || /\]\([^)\n]{0,2000}\)/.test(body) || /<https?:\/\//.test(body);
}
