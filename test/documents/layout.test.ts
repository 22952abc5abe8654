import { describe, expect, it } from 'vitest';
import {
  buildParagraphs,
  displayWidth,
  dropChrome,
  endsSentence,
  isChrome,
  leavesOpen,
  type LayoutLine,
} from '../../src/documents/layout.ts';

const plain = (...texts: string[]): LayoutLine[] => texts.map((text) => ({ text, kind: 'line' }));

describe('endsSentence', () => {
  it.each([
    ['力争增长10%。', true],
    ['主要目标是：', true],
    ['任务包括；', true],
    ['“要高质量推进今年工业和信息化发展。”', true],
    ['济平稳健康发展。（赣文）', true],
    ['Growth is 10%.', true],
    ['数字经济创新提质“一号发展工程”', false],
    ['培育一批支柱产业，', false],
    ['工业投资增长11.', false], // a PDF cut a decimal: 11. + 7%
    ['加快培育有竞争力的', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(endsSentence(text)).toBe(expected);
  });
});

describe('leavesOpen', () => {
  it.each([
    ['大力培育“专精特', true],
    ['实施《浙江省数字经济', true],
    ['（数字化车间）', false],
    ['“链长+链主+‘专精特新’企业”', false],
    ['无括号', false],
  ])('%j → %s', (text, expected) => {
    expect(leavesOpen(text)).toBe(expected);
  });
});

describe('displayWidth', () => {
  it.each([
    ['数字经济', 4],
    ['5G基站', 3],
    ['Top 10', 3],
    ['', 0],
  ])('%j is %d cells wide', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('isChrome', () => {
  it.each([
    ['当前位置:首页', true],
    ['您现在的位置：首页>新闻中心', true],
    ['>政务公开>政府信息公开目录>计划总结', true],
    ['首页>政务公开>计划总结', true],
    ['打印本页关闭窗口', true],
    ['【字体：大中小】', true],
    ['【打印】【关闭】', true],
    ['分享到：', true],
    ['浏览次数：1234', true],
    ['索引号:002482904/2023-00263发布日期:2023-03-03发布机构:省经信厅', true],
    ['发布日期:2023-03-28 14:44信息来源:省经信厅浏览次数:', true],
    ['上一篇：关于印发实施方案的通知', true],
    ['— 4 —', true],
    ['- 12 -', true],
    ['第3页 共12页', true],
    ['2/12', true],
    ['— 4 —月完成', false],
    ['推进大中小企业融通发展。', false],
    ['分享经济规模增长10%。', false],
    ['2023年全省经信工作要点', false],
    ['1.切实稳定企业发展预期。', false],
  ])('%j → %s', (line, expected) => {
    expect(isChrome(line)).toBe(expected);
  });

  it('drops breadcrumb continuation lines only after a breadcrumb', () => {
    const lines = plain('当前位置:首页', '>政务公开', '正文第一段。', '>引用的一句话');
    expect(dropChrome(lines).map((l) => l.text)).toEqual(['正文第一段。', '>引用的一句话']);
  });
});

describe('buildParagraphs', () => {
  const column = plain(
    '近年来，浙江在数字化道路上高歌',
    '猛进，数字经济日益成为浙江经济增长',
    '的主引擎、实体经济转型升级的主动力',
    '和创业创新的主战场。',
    '一、重点任务',
    '培育15个千亿元级省级特色产业集群，',
    '组建产业链上下游企业共同体20个。',
  );

  it('joins lines cut by the page width and keeps real paragraph ends', () => {
    expect(buildParagraphs(column)).toEqual([
      {
        text: '近年来，浙江在数字化道路上高歌猛进，数字经济日益成为浙江经济增长的主引擎、实体经济转型升级的主动力和创业创新的主战场。',
        heading: false,
      },
      { text: '一、重点任务', heading: true },
      { text: '培育15个千亿元级省级特色产业集群，组建产业链上下游企业共同体20个。', heading: false },
    ]);
  });

  it('in an indented text, a full line ending in ； goes on into an unindented next line, not into an indented one', () => {
    const lines = [
      { text: '2023年，全县实现规模以上工业增加值265亿元，增长7.8%；', kind: 'line' as const, indented: true },
      { text: '规模以上工业总产值达到1320亿元；完成工业投资128亿元，增', kind: 'line' as const, indented: false },
      { text: '长14.6%。', kind: 'line' as const, indented: false },
      { text: '二、主要目标', kind: 'line' as const, indented: true },
      { text: '到2027年，特色产业集群产值突破900亿元，培育上市企业5家；', kind: 'line' as const, indented: true },
      { text: '到2030年，特色产业集群产值突破1500亿元，培育上市企业9家。', kind: 'line' as const, indented: true },
    ];
    expect(buildParagraphs(lines).map((p) => p.text)).toEqual([
      '2023年，全县实现规模以上工业增加值265亿元，增长7.8%；规模以上工业总产值达到1320亿元；完成工业投资128亿元，增长14.6%。',
      '二、主要目标',
      '到2027年，特色产业集群产值突破900亿元，培育上市企业5家；',
      '到2030年，特色产业集群产值突破1500亿元，培育上市企业9家。',
    ]);
  });

  it('never merges a document written one paragraph per line', () => {
    const lines = plain(
      '2023年全省经信工作要点',
      '今年主要预期目标是:力争全省规上工业增加值增长5.5%,数字经济核心产业增加值增长10%,制造业投资增长12%。',
      '(一)全力推进以稳保调、以调促稳,在提信心稳预期稳增长上有新突破',
      '1.切实稳定企业发展预期。召开全省制造业高质量发展大会,稳定企业发展预期,提振企业发展信心。',
      '2.强化经济运行监测调度。完善经济形势分析制度,打造“工业智治”重大应用,建立全省工业运行监测体系。',
    );
    const paragraphs = buildParagraphs(lines);
    expect(paragraphs.map((p) => p.text)).toEqual(lines.map((l) => l.text));
    expect(paragraphs.map((p) => p.heading)).toEqual([true, false, true, false, false]);
  });

  it('joins a line that leaves a quote open, even in a paragraph-per-line document', () => {
    const lines = plain(
      '江苏坚持扩增量、提质量,更高水平培育专精特新企业,引导企业聚焦主业、精耕细作,努力成长为“单打冠军”“配套专家”。更有效率培育中小微企业。',
      '河南坚持抓大育小、梯度推进,育优做强“链主”企业,大力培育“专精特',
      '新”企业,实现链群企业共生共赢,以深化改革增强市场主体活力,推动制造业链群大中小企业融通发展。',
    );
    expect(buildParagraphs(lines).map((p) => p.text)[1]).toBe(
      '河南坚持抓大育小、梯度推进,育优做强“链主”企业,大力培育“专精特新”企业,实现链群企业共生共赢,以深化改革增强市场主体活力,推动制造业链群大中小企业融通发展。',
    );
  });

  it('does not join a cut line into a following headline', () => {
    const lines = plain(
      ...column.map((l) => l.text),
      '未来产业是面向未来并决定产业竞争力',
      '上海：紧抓五大未来产业',
      '本报讯 2月17日，上海市召开会议。',
    );
    const texts = buildParagraphs(lines).map((p) => p.text);
    expect(texts).toContain('未来产业是面向未来并决定产业竞争力');
    expect(texts).toContain('上海：紧抓五大未来产业');
  });

  it('puts a space only between Latin words when joining', () => {
    const lines = plain(
      '浙江发布数字经济发展报告，全文题为Zhejiang',
      'Digital Economy Report，报告指出数字经',
      '济核心产业增加值增长10%。',
    );
    expect(buildParagraphs(lines)[0]?.text).toBe(
      '浙江发布数字经济发展报告，全文题为Zhejiang Digital Economy Report，报告指出数字经济核心产业增加值增长10%。',
    );
  });

  it('keeps explicit kinds as their own paragraphs', () => {
    const lines: LayoutLine[] = [
      { text: '重点指标', kind: 'heading' },
      { text: '新增专精特新中小企业500家', kind: 'item' },
      { text: '抓数改，做强做优做大数字经济', kind: 'paragraph' },
      { text: '会议提出，今年浙江省将把工业稳增长摆在最重要的位置。', kind: 'paragraph' },
    ];
    expect(buildParagraphs(lines)).toEqual([
      { text: '重点指标', heading: true },
      { text: '新增专精特新中小企业500家', heading: false },
      { text: '抓数改，做强做优做大数字经济', heading: true },
      { text: '会议提出，今年浙江省将把工业稳增长摆在最重要的位置。', heading: false },
    ]);
  });
});

describe('related links', () => {
  it('drops a 相关新闻 heading and the headlines under it, up to the next sentence', () => {
    const lines = ['正文第一段。', '相关新闻', '广东2025年GDP突破14万亿元', '江苏规上工业增加值增长7.2%', '版权所有，转载请注明出处。'].map((text) => ({ text }));
    expect(dropChrome(lines).map((l) => l.text)).toEqual(['正文第一段。', '版权所有，转载请注明出处。']);
  });

  it('drops a portal\'s 相关解读 list the same way', () => {
    const lines = ['正文第一段。', '相关解读', '一图读懂：到2028年盐湖锂电产业产值突破1500亿元2026-04-08', '前两个月全省碳酸锂产量同比增长22.6%2026-03-12'].map((text) => ({ text }));
    expect(dropChrome(lines).map((l) => l.text)).toEqual(['正文第一段。']);
  });
});

describe('posts and PDF pages', () => {
  it("drops a post's counter bar, its 往期推荐 list and the readers' comments", () => {
    const lines = ['正文第一段。', '往期推荐', '7省份突破6万亿元', '阅读原文', '阅读 2.3万', '赞 418在看 96', '精选留言', '河南今年能冲到130万辆吗？'].map((text) => ({ text }));
    expect(dropChrome(lines).map((l) => l.text)).toEqual(['正文第一段。']);
  });

  it("drops a PDF's running header repeated on every page, not a line said twice", () => {
    const header = '奉贤区美丽健康产业高质量发展三年行动方案（2026—2028年）';
    const lines = ['第一页正文，', header, '第二页正文。', header, '小标题', '第三页正文。', '小标题', header].map((text) => ({ text }));
    expect(dropChrome(lines).map((l) => l.text)).toEqual(['第一页正文，', '第二页正文。', '小标题', '第三页正文。', '小标题']);
  });
});

describe('isChrome on an OCR scan', () => {
  it('takes a page number an OCR read with 一 for its dashes (一 4 一) for chrome', () => {
    expect(isChrome('一 4 一')).toBe(true);
    expect(isChrome('一4一')).toBe(true);
    expect(isChrome('一是4')).toBe(false);
  });
});
