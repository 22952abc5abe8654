/**
 * Tables a PDF copy gives one cell per line, as `pdftotext` without `-layout` (and a copy from a PDF viewer) does:
 *
 *     序号 / 指标名称 / 单位 / 2025年 / 2028年 / 属性 / 1 / 新能源汽车产量 / 万辆 / 28 / 50 / 预期性 / 2 / …
 *
 * Such a run of short lines is put back into rows, their cells between tabs, as a Word export gives a table, so that the
 * text reader reads it as any other table. A header is a run of short column heads with a year among them and a
 * 序号 or 指标 head; rows follow, each opened by its number when the first column is 序号 (a cell left empty in the PDF
 * is then no line at all, and a cell wrapped over two lines is joined back), else by the header's width. A table read
 * column by column (序号 / 1 / 2 / 3 / 指标 / …) is put back too. A page number or a running header inside the table is
 * left out; anything else that is no cell (a sentence, a heading) ends it.
 */
import { isChrome } from './layout.ts';

/** A column head: the words heads use, or a year (2025年, 2025年（基期）, 2028年目标). */
const HEAD = /^(?:序号|编号|指标|指标名称|名称|单位|计量单位|属性|指标属性|类别|类型|领域|备注|目标值|基期值|现状值|年均增长|年均增速|(?:19|20)\d{2}\s*年.{0,6})$/;
const YEAR_HEAD = /^(?:19|20)\d{2}\s*年/;
const NUMBER_HEAD = /^(?:序号|编号)$/;
const INDICATOR_HEAD = /^(?:指标|指标名称|名称)$/;
/** Sentence punctuation or a section heading: no cell. */
const NOT_A_CELL = /[。；;！？]|^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件|注[:：])/;
/** A group row between rows (一、规模效益): kept as a line of its own. */
const GROUP_ROW = /^[一二三四五六七八九十]+、[\u4e00-\u9fa5]{2,12}$/;
/** A cell of a kind that never wraps onto a second line: a figure, a unit, a property. */
const WHOLE_CELL = /\d|^(?:预期性|约束性|[%‰]|[\u4e00-\u9fa5]{0,2}(?:元|个|家|项|辆|吨|人|台|套|座|户|千瓦|千瓦时|万千瓦)|[A-Za-z/]+)$/;
const MAX_CELL = 30;

function isCell(line: string): boolean {
  const t = line.trim();
  return t !== '' && t.length <= MAX_CELL && !NOT_A_CELL.test(t);
}

/** The header starting at `i`, or null: its cells, with a year and a 序号 or 指标 head among three to twelve. */
function headerAt(lines: readonly string[], i: number): string[] | null {
  const heads: string[] = [];
  for (let j = i; j < lines.length && heads.length < 12; j++) {
    const t = lines[j]!.trim();
    if (!HEAD.test(t)) break;
    heads.push(t);
  }
  if (heads.length < 3 || !heads.some((h) => YEAR_HEAD.test(h))) return null;
  return NUMBER_HEAD.test(heads[0]!) || heads.some((h) => INDICATOR_HEAD.test(h)) ? heads : null;
}

/** Joins the lines of a cell a PDF wrapped (规模以上工业企业研发 / 投入强度) until the row has `width` cells. */
function joinWrapped(cells: string[], width: number): string[] {
  const out = [...cells];
  for (let k = 1; out.length > width && k < out.length; ) {
    if (!WHOLE_CELL.test(out[k - 1]!) && !WHOLE_CELL.test(out[k]!)) {
      out.splice(k - 1, 2, out[k - 1]! + out[k]!);
    } else k++;
  }
  return out;
}

/**
 * A table read column by column, as `pdftotext` gives some (序号 / 1 / 2 / 3 / 指标 / A / B / C / 2025年 / …): the
 * number column says how many rows there are, and each column after it is its head and that many cells. Its rows
 * (cells between tabs) and the index after it, or null.
 */
function columnsAt(lines: readonly string[], i: number, skip: (line: string) => boolean): { rows: string[]; end: number } | null {
  if (!NUMBER_HEAD.test(lines[i]!.trim())) return null;
  // The lines from `from` on that are not page furniture, with where each is.
  const take = (from: number, count: number): { cells: string[]; end: number } | null => {
    const cells: string[] = [];
    let k = from;
    for (; k < lines.length && cells.length < count; k++) {
      const t = lines[k]!.trim();
      if (t === '' || skip(lines[k]!)) continue;
      if (!isCell(t)) return null;
      cells.push(t);
    }
    return cells.length === count ? { cells, end: k } : null;
  };
  let n = 0;
  let k = i + 1;
  for (let got = take(k, 1); got && got.cells[0] === String(n + 1); got = take(k, 1)) {
    n++;
    k = got.end;
  }
  if (n < 2) return null;
  const columns: string[][] = [[lines[i]!.trim(), ...Array.from({ length: n }, (_, r) => String(r + 1))]];
  for (;;) {
    const column = take(k, n + 1);
    // A column's head is no figure, and the next table's number column is no column of this one.
    if (!column || /^\d+(?:\.\d+)?%?$/.test(column.cells[0]!) || NUMBER_HEAD.test(column.cells[0]!) || column.cells.slice(1).some((c) => c === '序号')) break;
    columns.push(column.cells);
    k = column.end;
  }
  if (columns.length < 3 || !columns.some((c) => YEAR_HEAD.test(c[0]!))) return null;
  const rows = Array.from({ length: n + 1 }, (_, r) => columns.map((c) => c[r]!).join('\t'));
  return { rows, end: k };
}

/**
 * The lines with every cell-per-line table put back into rows (cells between tabs); other lines unchanged.
 * `skip` says which lines are page furniture a table may run through (page numbers, running headers).
 */
export function cellPerLineTables(lines: readonly string[], skip: (line: string) => boolean = (l) => isChrome(l.trim())): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const byColumn = columnsAt(lines, i, skip);
    if (byColumn) {
      out.push(...byColumn.rows);
      i = byColumn.end;
      continue;
    }
    const header = headerAt(lines, i);
    if (!header) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const width = header.length;
    const numbered = NUMBER_HEAD.test(header[0]!);
    const rows: string[] = [];
    let j = i + width;
    let next = 1;
    for (;;) {
      // The row's lines: from its number to the next row's (or `width` cells without numbers).
      const cells: string[] = [];
      let k = j;
      for (; k < lines.length; k++) {
        const t = lines[k]!.trim();
        if (t === '' || skip(lines[k]!)) continue;
        if (cells.length > 0 && GROUP_ROW.test(t)) break;
        if (!isCell(t) && !GROUP_ROW.test(t)) break;
        if (numbered && cells.length > 0 && t === String(next + 1)) break;
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
      const opens = numbered ? cells[0] === String(next) : cells.length === width;
      if (!opens || cells.length < 3) break;
      // The last row ends with its width: a short line after the table (保障措施) is no cell of it.
      const last = numbered && lines[k]?.trim() !== String(next + 1);
      if (last && cells.length > width) {
        let extra = cells.length - width;
        cells.length = width;
        while (extra > 0 && k > j) {
          k--;
          if (lines[k]!.trim() !== '' && !skip(lines[k]!)) extra--;
        }
      }
      rows.push(joinWrapped(cells, width).join('\t'));
      next++;
      j = k;
    }
    if (rows.filter((r) => r.includes('\t')).length === 0) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    out.push(header.join('\t'), ...rows);
    i = j;
  }
  return out;
}
