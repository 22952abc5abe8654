/**
 * HTML → blocks of text. Scripts, styles and page furniture (nav, header,
 * footer, aside, forms…) are dropped, entities decoded (by htmlparser2), block
 * elements become paragraph breaks and h1–h6 heading blocks. Also collects what
 * the page says about itself: <title>, the first <h1>, canonical URL, and
 * publication-date and source <meta> tags.
 */
import { Parser } from 'htmlparser2';

/** One block of text as the page lays it out (whitespace not yet normalized). */
export interface Block {
  text: string;
  /** 'heading': h1–h6 (or a Markdown heading); 'paragraph': any other block; 'item': a list item or a table row. */
  kind: 'heading' | 'paragraph' | 'item';
}

/** What an HTML page says about itself. */
export interface HtmlMeta {
  title: string | null;
  h1: string | null;
  canonical: string | null;
  date: string | null;
  publisher: string | null;
}

/** The outcome of {@link htmlToBlocks}. */
export interface HtmlText {
  blocks: Block[];
  meta: HtmlMeta;
}

/** Elements whose whole content is dropped. */
const SKIP = new Set([
  'script', 'style', 'nav', 'header', 'footer', 'aside', 'noscript', 'form', 'iframe', 'svg',
  'template', 'head', 'select', 'button', 'object', 'canvas', 'map', 'math', 'video', 'audio',
]);

/** Elements that start and end a block. */
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section',
  'article', 'main', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr', 'address',
  'center', 'tbody', 'thead', 'tfoot', 'caption', 'body', 'html', 'fieldset', 'details', 'summary',
]);

const HEADING = /^h[1-6]$/;
const CELL = new Set(['td', 'th']);

const DATE_META = new Set([
  'pubdate', 'publishdate', 'publish_date', 'publishtime', 'article:published_time', 'og:published_time',
  'dc.date', 'dc.date.issued', 'dcterms.issued', 'dcterms.created', 'date', 'firstpublishedtime',
]);
const PUBLISHER_META = new Set(['contentsource', 'publisher', 'dc.publisher', 'article:publisher', 'source']);

const BLANK_LINE = /\n[ \t\u00a0\r]*\n/;
const WHITESPACE = /\s+/g;

/**
 * Parses HTML into text blocks and page metadata. Never throws: htmlparser2
 * recovers from any markup.
 *
 * A blank line inside a text node is a paragraph break too, so Markdown
 * paragraphs around inline HTML survive; single line breaks are spaces, as in HTML.
 *
 * @example htmlToBlocks('<h1>标题</h1><p>正文&amp;内容</p>').blocks
 * // [{ text: '标题', kind: 'heading' }, { text: '正文&内容', kind: 'paragraph' }]
 */
export function htmlToBlocks(html: string): HtmlText {
  const blocks: Block[] = [];
  const meta: HtmlMeta = { title: null, h1: null, canonical: null, date: null, publisher: null };
  let buffer = '';
  let skipDepth = 0;
  let headingDepth = 0;
  let listDepth = 0;
  let inTitle = false;
  let titleText = '';
  let h1Depth = 0;
  let h1Text = '';
  let cellsInRow = 0;
  let rowDepth = 0;
  /** Columns the open cell spans (colspan): the row keeps one cell per column, so headers line up. */
  let cellSpan = 1;
  /** Per column, the rows below still covered by a cell above (rowspan): they read as empty cells. */
  let rowsLeft: number[] = [];
  /** Empty cells for the columns a cell from a row above still covers, from the current column on. */
  const skipCovered = (upTo: number): void => {
    while (cellsInRow < upTo && (rowsLeft[cellsInRow] ?? 0) > 0) {
      rowsLeft[cellsInRow]!--;
      if (cellsInRow > 0) buffer += '｜';
      cellsInRow++;
    }
  };
  /** Inside a table row, blocks within a cell (<p>, <div>, <br>) do not end the row's line. */
  const breaks = (name: string): boolean => BLOCK.has(name) && (rowDepth === 0 || name === 'tr' || name === 'table');

  const flush = (): void => {
    const text = buffer.replace(WHITESPACE, ' ').trim();
    buffer = '';
    if (text === '') return;
    const kind: Block['kind'] = headingDepth > 0 ? 'heading' : listDepth > 0 || rowDepth > 0 ? 'item' : 'paragraph';
    blocks.push({ text, kind });
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title') inTitle = true;
        if (name === 'h1') h1Depth++;
        if (name === 'meta') readMeta(attribs, meta);
        if (name === 'link' && /(^|\s)canonical(\s|$)/i.test(attribs.rel ?? '') && attribs.href) {
          meta.canonical ??= attribs.href.trim();
        }
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (breaks(name)) flush();
        else if (BLOCK.has(name)) buffer += ' ';
        if (HEADING.test(name)) headingDepth++;
        if (name === 'li') listDepth++;
        if (name === 'tr') {
          cellsInRow = 0;
          rowDepth++;
        }
        if (name === 'table') rowsLeft = [];
        if (CELL.has(name)) {
          skipCovered(Infinity);
          // A full-width bar: no space is kept next to it, so cells read "指标｜目标".
          if (cellsInRow > 0) buffer += '｜';
          cellSpan = Math.min(Math.max(1, Number(attribs.colspan) || 1), 20);
          const rowSpan = Math.min(Math.max(1, Number(attribs.rowspan) || 1), 100);
          for (let k = 0; k < cellSpan; k++) rowsLeft[cellsInRow + k] = rowSpan - 1;
          cellsInRow++;
        }
      },
      ontext(data) {
        if (inTitle) titleText += data;
        if (h1Depth > 0) h1Text += data;
        if (skipDepth > 0) return;
        if (!data.includes('\n')) {
          buffer += data;
          return;
        }
        const parts = data.split(BLANK_LINE);
        for (let i = 0; i < parts.length; i++) {
          if (i > 0) flush();
          buffer += parts[i];
        }
      },
      onclosetag(name) {
        if (name === 'title') {
          inTitle = false;
          meta.title ??= cleanTitle(titleText);
        }
        if (name === 'h1' && h1Depth > 0) {
          h1Depth--;
          if (h1Depth === 0) meta.h1 ??= nonEmpty(h1Text.replace(WHITESPACE, ' ').trim());
        }
        if (SKIP.has(name)) {
          if (skipDepth > 0) skipDepth--;
          return;
        }
        if (skipDepth > 0) return;
        if (CELL.has(name) && rowDepth > 0 && cellSpan > 1) {
          buffer += '｜'.repeat(cellSpan - 1);
          cellsInRow += cellSpan - 1;
          cellSpan = 1;
        }
        if (name === 'tr' && rowDepth > 0) skipCovered(rowsLeft.length);
        if (breaks(name)) flush();
        if (HEADING.test(name) && headingDepth > 0) headingDepth--;
        if (name === 'li' && listDepth > 0) listDepth--;
        if (name === 'tr' && rowDepth > 0) rowDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { blocks, meta };
}

function nonEmpty(s: string): string | null {
  return s === '' ? null : s;
}

/** "2023年全省经信工作要点_浙江省经济和信息化厅" → "2023年全省经信工作要点": the site name goes. */
function cleanTitle(raw: string): string | null {
  const text = raw.replace(WHITESPACE, ' ').trim();
  const first = text.split(/\s*[|_]\s*|\s+[-–—]\s+/)[0]?.trim() ?? '';
  return nonEmpty(first || text);
}

function readMeta(attribs: Record<string, string>, meta: HtmlMeta): void {
  const key = (attribs.name ?? attribs.property ?? attribs.itemprop ?? '').toLowerCase().trim();
  const content = (attribs.content ?? '').trim();
  if (key === '' || content === '') return;
  if (DATE_META.has(key)) meta.date ??= content;
  else if (PUBLISHER_META.has(key)) meta.publisher ??= content;
  else if (key === 'og:url') meta.canonical ??= content;
}
