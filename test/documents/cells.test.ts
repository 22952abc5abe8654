import { describe, expect, it } from 'vitest';
import { cellPerLineTables } from '../../src/documents/cells.ts';

const rows = [
  ['序号', '指标名称', '单位', '2025年', '2028年', '属性'],
  ['1', '新能源汽车产量', '万辆', '28', '50', '预期性'],
  ['2', '动力电池产能', 'GWh', '40', '80', '预期性'],
  ['3', '公共充电桩数量', '万个', '6.5', '12', '约束性'],
];
const tabbed = rows.map((r) => r.join('\t'));

describe('tables a PDF copy gives one cell per line', () => {
  it('puts a table read row by row back into rows, through a page number, and leaves the text around it', () => {
    const lines = ['表1　主要指标', ...rows.flat().slice(0, 14), '— 8 —', ...rows.flat().slice(14), '二、重点任务'];
    expect(cellPerLineTables(lines)).toEqual(['表1　主要指标', ...tabbed, '二、重点任务']);
  });

  it('puts a table read column by column back into rows, the 序号 column giving their number', () => {
    const columns = rows[0]!.map((_, c) => rows.map((r) => r[c]!));
    expect(cellPerLineTables(['表1', ...columns.flat(), '（一）提升整车能级。'])).toEqual(['表1', ...tabbed, '（一）提升整车能级。']);
  });

  it('joins a cell wrapped over two lines and leaves a short line after the last row alone', () => {
    const lines = ['序号', '指标', '2025年', '2028年', '1', '规模以上工业企业研发', '投入强度', '2.1%', '2.8%', '2', '工业投资', '300亿元', '400亿元', '保障措施'];
    expect(cellPerLineTables(lines)).toEqual(['序号\t指标\t2025年\t2028年', '1\t规模以上工业企业研发投入强度\t2.1%\t2.8%', '2\t工业投资\t300亿元\t400亿元', '保障措施']);
  });

  it('leaves prose and lists of short lines without a header alone', () => {
    const lines = ['一、总体要求', '1', '坚持创新驱动。', '2028年', '目标'];
    expect(cellPerLineTables(lines)).toEqual(lines);
  });
});

describe('tables a printed page gives with a blank line between cells', () => {
  it('reads a cell wrapped over lines as one, through a printed page break, and keeps the 合计 row', () => {
    const lines = [
      '专栏　2026年重点项目', '', '序号', '', '项目名称', '', '总投资', '', '2026年计划投资', '', '', '1', '', '高性能服务器CPU研', '发及产业化项目', '',
      'https://www.tj.gov.cn/a.html', '3/12', '45亿元', '', '12亿元', '', '', '2', '', '信创终端产业园', '', '22亿元', '', '6亿元', '', '合计', '', '67亿元', '', '18亿元', '', '三、保障措施',
    ];
    const skip = (l: string): boolean => l.startsWith('https://') || /^\d+\/\d+$/.test(l);
    expect(cellPerLineTables(lines, skip).filter((l) => l.includes('\t'))).toEqual([
      '序号\t项目名称\t总投资\t2026年计划投资', '1\t高性能服务器CPU研发及产业化项目\t45亿元\t12亿元', '2\t信创终端产业园\t22亿元\t6亿元', '合计\t67亿元\t18亿元',
    ]);
  });
});
