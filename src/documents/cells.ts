/**
 * Tables a PDF copy gives one cell per line, as `pdftotext` without `-layout` (and a copy from a PDF viewer) does:
 *
 *     序号 / 指标名称 / 单位 / 2025年 / 2028年 / 属性 / 1 / 新能源汽车产量 / 万辆 / 28 / 50 / 预期性 / 2 / …
 *
 * Such a run of short cells is put back into rows, their cells between tabs, as a Word export gives a table, so that the
 * text reader reads it as any other table. A cell is a line, or, where the copy sets cells a blank line apart, the lines
 * between two blank lines (a cell wrapped over lines: 规模以上信创企 / 业数量). A header is a run of short column heads
 * with a year among them and a 序号 or 指标 head; rows follow, each opened by its number when the first column is 序号
 * (a cell left empty in the PDF is then no line at all, and a cell wrapped over two lines is joined back), else by the
 * header's width. A table read column by column (序号 / 1 / 2 / 3 / 指标 / …) is put back too. Page furniture inside a
 * table (a page number, a running header, a printed URL) is left out; anything else that is no cell (a sentence, a
 * heading) ends it.
 */
import { isChrome, joinPieces } from './layout.ts';

/** A column head: the words heads use, or a year (2025年, 2025年（基期）, 2028年目标, 2026年计划投资). */
const HEAD = /^(?:序号|编号|指标|指标名称|名称|单位|计量单位|属性|指标属性|类别|类型|领域|备注|目标值|基期值|现状值|年均增长|年均增速|项目名称|建设地点|建设内容|建设内容及规模|建设规模|建设性质|建设年限|建设期限|实施主体|项目单位|责任单位|牵头单位|总投资(?:[（(][^）)]{1,4}[）)])?|(?:19|20)\d{2}\s*年.{0,8})$/;
const YEAR_HEAD = /^(?:19|20)\d{2}\s*年/;
const NUMBER_HEAD = /^(?:序号|编号)$/;
const INDICATOR_HEAD = /^(?:指标|指标名称|名称|项目名称)$/;
/** Sentence punctuation or a section heading: no cell. */
const NOT_A_CELL = /[。；;！？]|^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件|注[:：])/;
/** A group row between rows (一、规模效益): kept as a line of its own. */
const GROUP_ROW = /^[一二三四五六七八九十]+、[\u4e00-\u9fa5]{2,12}$/;
/** A cell of a kind that never wraps onto a second line: a figure, a unit, a property. */
const WHOLE_CELL = /\d|^(?:预期性|约束性|[%‰]|[\u4e00-\u9fa5]{0,2}(?:元|个|家|项|辆|吨|人|台|套|座|户|千瓦|千瓦时|万千瓦)|[A-Za-z/]+)$/;
const MAX_CELL = 40;
const TOTAL = /^(?:合\s*计|总\s*计|小\s*计)$/;

/** A cell as read: its text and the index of the line after it. */
interface Token {
  text: string;
  start: number;
  end: number;
}

function isCell(t: string): boolean {
  return t !== '' && t.length <= MAX_CELL && !NOT_A_CELL.test(t);
}

/** Each line a cell, page furniture left out. */
function lineTokens(lines: readonly string[], skip: (line: string) => boolean): Token[] {
  const out: Token[] = [];
  lines.forEach((l, i) => {
    if (l.trim() !== '' && !skip(l)) out.push({ text: l.trim(), start: i, end: i + 1 });
  });
  return out;
}

/** The lines between blank lines (or page furniture) a cell each. */
function runTokens(lines: readonly string[], skip: (line: string) => boolean): Token[] {
  const out: Token[] = [];
  let open: Token | null = null;
  lines.forEach((l, i) => {
    if (l.trim() === '' || skip(l)) {
      open = null;
      return;
    }
    if (open) {
      open.text = joinPieces(open.text, l.trim());
      open.end = i + 1;
    } else {
      open = { text: l.trim(), start: i, end: i + 1 };
      out.push(open);
    }
  });
  return out;
}

/** The header starting at token `i`, or null: its cells, with a year and a 序号 or 指标 head among three to twelve. */
function headerAt(toks: readonly Token[], i: number): string[] | null {
  const heads: string[] = [];
  for (let j = i; j < toks.length && heads.length < 12; j++) {
    if (!HEAD.test(toks[j]!.text)) break;
    heads.push(toks[j]!.text);
  }
  if (heads.length < 3 || !heads.some((h) => YEAR_HEAD.test(h))) return null;
  return NUMBER_HEAD.test(heads[0]!) || heads.some((h) => INDICATOR_HEAD.test(h)) ? heads : null;
}

/** Joins the lines of a cell a PDF wrapped (规模以上工业企业研发 / 投入强度) until the row has `width` cells. */
function joinWrapped(cells: string[], width: number): string[] {
  const out = [...cells];
  for (let k = 1; out.length > width && k < out.length; ) {
    if (!WHOLE_CELL.test(out[k - 1]!) && !WHOLE_CELL.test(out[k]!)) {
      out.splice(k - 1, 2, joinPieces(out[k - 1]!, out[k]!));
    } else k++;
  }
  return out;
}

/** A table at token `i` read row by row: its rows (cells between tabs) and the token after it, or null. */
function rowsAt(toks: readonly Token[], i: number): { rows: string[]; next: number } | null {
  const header = headerAt(toks, i);
  if (!header) return null;
  const width = header.length;
  const numbered = NUMBER_HEAD.test(header[0]!);
  const rows: string[] = [];
  let j = i + width;
  let n = 1;
  for (;;) {
    // The row's cells: from its number to the next row's (or `width` cells without numbers).
    const cells: string[] = [];
    let k = j;
    for (; k < toks.length; k++) {
      const t = toks[k]!.text;
      if (cells.length > 0 && GROUP_ROW.test(t)) break;
      if (!isCell(t) && !GROUP_ROW.test(t)) break;
      if (numbered && cells.length > 0 && t === String(n + 1)) break;
      if (!numbered && cells.length === width) break;
      if (numbered && cells.length >= width + 3) break;
      cells.push(t);
      if (GROUP_ROW.test(t)) break;
    }
    if (cells.length === 1 && GROUP_ROW.test(cells[0]!)) {
      rows.push(cells[0]!);
      j = k + 1;
      continue;
    }
    const opens = numbered ? cells[0] === String(n) : cells.length === width;
    if (!opens || cells.length < 3) break;
    // The last row ends with its width: a short line after the table (保障措施) is no cell of it.
    if (numbered && toks[k]?.text !== String(n + 1) && cells.length > width) {
      k -= cells.length - width;
      cells.length = width;
    }
    rows.push(joinWrapped(cells, width).join('\t'));
    n++;
    j = k;
  }
  // A 合计 row after the numbered ones: its word, then its figures (the columns it spans have no cells of their own).
  if (numbered && rows.length > 0 && TOTAL.test(toks[j]?.text ?? '')) {
    let k = j + 1;
    while (k < toks.length && k - j < width && /^\d+(?:\.\d+)?\S{0,4}$/.test(toks[k]!.text)) k++;
    if (k > j + 1) {
      rows.push(toks.slice(j, k).map((t) => t.text).join('\t'));
      j = k;
    }
  }
  return rows.some((r) => r.includes('\t')) ? { rows: [header.join('\t'), ...rows], next: j } : null;
}

/**
 * A table at token `i` read column by column, as `pdftotext` gives some (序号 / 1 / 2 / 3 / 指标 / A / B / C / 2025年 /
 * …): the number column says how many rows there are, and each column after it is its head and that many cells.
 */
function columnsAt(toks: readonly Token[], i: number): { rows: string[]; next: number } | null {
  if (!NUMBER_HEAD.test(toks[i]!.text)) return null;
  let n = 0;
  while (toks[i + 1 + n]?.text === String(n + 1)) n++;
  if (n < 2) return null;
  const columns: string[][] = [[toks[i]!.text, ...Array.from({ length: n }, (_, r) => String(r + 1))]];
  let k = i + 1 + n;
  for (;;) {
    const column = toks.slice(k, k + n + 1).map((t) => t.text);
    // A column's head is no figure, and the next table's number column is no column of this one.
    if (column.length < n + 1 || !column.every(isCell) || /^\d+(?:\.\d+)?%?$/.test(column[0]!) || NUMBER_HEAD.test(column[0]!) || column.includes('序号')) break;
    columns.push(column);
    k += n + 1;
  }
  if (columns.length < 3 || !columns.some((c) => YEAR_HEAD.test(c[0]!))) return null;
  return { rows: Array.from({ length: n + 1 }, (_, r) => columns.map((c) => c[r]!).join('\t')), next: k };
}

/**
 * The lines with every cell-per-line table put back into rows (cells between tabs); other lines unchanged. `lines`
 * keeps its blank lines (they may part cells); `skip` says which lines are page furniture a table may run through.
 */
export function cellPerLineTables(lines: readonly string[], skip: (line: string) => boolean = (l) => isChrome(l.trim())): string[] {
  // Cells a blank line apart are read as such first (a cell wrapped over lines is one); else each line is a cell.
  const readings = [runTokens(lines, skip), lineTokens(lines, skip)].map((toks) => ({ toks, at: new Map(toks.map((t, k) => [t.start, k] as const)) }));
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let found: { rows: string[]; end: number } | null = null;
    for (const { toks, at } of readings) {
      const k = at.get(i);
      const table = k === undefined ? null : (columnsAt(toks, k) ?? rowsAt(toks, k));
      // The table ends with the line of its last cell.
      if (table) found = { rows: table.rows, end: toks[table.next - 1]!.end };
      if (found) break;
    }
    if (found) {
      out.push(...found.rows);
      i = found.end;
    } else {
      out.push(lines[i]!);
      i++;
    }
  }
  return out;
}
