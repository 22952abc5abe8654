import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDocument, type ReadDocument } from '../../src/documents/read.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url));

function read(bytes: Uint8Array, fileName?: string): ReadDocument {
  const result = readDocument(bytes, { fileName });
  if (!result.ok) throw new Error(`expected ${fileName ?? 'bytes'} to read: ${result.message}`);
  return result.document;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Invariants every read document keeps. */
function expectWellFormed(doc: ReadDocument): void {
  expect(doc.text).toBe(doc.paragraphs.map((p) => p.text).join('\n'));
  for (const p of doc.paragraphs) {
    expect(p.text).not.toBe('');
    expect(p.text).not.toContain('\n');
    expect(doc.text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  }
  expect(doc.text).not.toMatch(/\n\n/);
  expect(doc.text).not.toMatch(/\p{Script=Han} +\p{Script=Han}/u);
}

describe('HTML page', () => {
  const doc = read(fixture('page.html'), 'page.html');

  it('drops scripts, styles, navigation, header, aside, footer and noscript', () => {
    for (const absent of ['987654', '55555', 'width', '政务公开', '门户网站', '相关阅读', '打印本页', '版权所有', '424242']) {
      expect(doc.text).not.toContain(absent);
    }
  });

  it('decodes entities and collapses markup whitespace', () => {
    expect(doc.text).toContain('力争数字经济核心产业增加值增长10%，研发投入占营业收入比重达到3.1%。');
    expect(doc.text).toContain('推动<产业大脑>建设，实施“链长&链主”协同机制。');
    expect(doc.text).not.toMatch(/&(amp|lt|gt|nbsp);/);
  });

  it('turns blocks into paragraphs and h1–h6 into headings, full-width digits into ASCII', () => {
    expect(doc.paragraphs.map((p) => [p.text, p.heading])).toEqual([
      ['2023年数字经济工作要点', true],
      ['力争数字经济核心产业增加值增长10%，研发投入占营业收入比重达到3.1%。', false],
      ['推动<产业大脑>建设，实施“链长&链主”协同机制。', false],
      ['一、重点任务', true],
      ['累计建成5G基站20万个。', false],
      ['新增未来工厂15家。', false],
      ['指标｜目标', false],
      ['规上工业增加值增长｜5.5%', false],
    ]);
    expectWellFormed(doc);
  });

  it('reads what the page says about itself', () => {
    expect(doc).toMatchObject({
      format: 'html',
      encoding: 'utf-8',
      traditional: false,
      frontMatter: null,
      title: '2023年数字经济工作要点',
      date: '2023-04-10',
      dateSource: 'meta',
      url: 'https://example.gov.cn/art/2023/4/10/art_1.html',
      publisher: '示例省经济和信息化厅',
    });
  });

  it('falls back to <title> without its site suffix when there is no h1', () => {
    const page = read(utf8('<html><head><title>工作要点_某省经信厅</title></head><body><p>正文。</p></body></html>'));
    expect(page.title).toBe('工作要点');
  });
});

describe('Markdown with front matter', () => {
  const doc = read(fixture('front-matter.md'), 'front-matter.md');

  it('reads title, date, url and publisher from the front matter', () => {
    expect(doc).toMatchObject({
      format: 'markdown',
      title: '示例省：2023年制造业高质量发展行动计划',
      date: '2023-05-06',
      dateSource: 'front matter',
      url: 'https://news.example.com/2023/05/06/plan.html',
      publisher: '示例日报',
    });
    expect(doc.frontMatter).toMatchObject({ tags: ['制造业', '行动计划'] });
  });

  it('resolves headings, links, images, emphasis, lists, quotes and navigation', () => {
    expect(doc.paragraphs.map((p) => [p.text, p.heading])).toEqual([
      ['示例省：2023年制造业高质量发展行动计划', true],
      ['据示例日报报道，示例省力争规上工业增加值增长6%以上，研发经费投入增长10%。', false],
      ['重点指标', true],
      ['新增专精特新中小企业500家', false],
      ['数字经济核心产业增加值突破1万亿元', false],
      ['到2025年，制造业增加值占比保持在33%左右。', false],
    ]);
    expect(doc.text).not.toMatch(/\]\(|!\[|\*\*|<http|返回首页|---/);
    expectWellFormed(doc);
  });

  it('treats bad YAML as no front matter, without throwing', () => {
    const bad = read(utf8('---\ntitle: [unclosed\n  : : :\n---\n正文第一段。\n'));
    expect(bad.frontMatter).toBeNull();
    expect(bad.text).toContain('正文第一段。');
  });

  it('takes a bare autolink as the url when the front matter has none', () => {
    const md = read(utf8('---\ntitle: 标题\n---\n<p>正文。</p>\n\n<http://example.com/a?b=1>\n\n[返回首页](//example.com/)\n'));
    expect(md.url).toBe('http://example.com/a?b=1');
    expect(md.text).toBe('正文。');
  });
});

describe('PDF copy with broken lines', () => {
  const doc = read(fixture('pdf-broken.txt'), 'pdf-broken.txt');

  it('joins words cut by the page width across blank lines and keeps real paragraphs', () => {
    expect(doc.paragraphs.map((p) => [p.text, p.heading])).toEqual([
      ['示例省数字经济发展', true],
      ['情况通报', true],
      ['2023年，全省数字经济核心产业增加值增长10%，规模以上工业增加值增长5.5%，制造业投资增长12%。', false],
      ['一、重点任务', true],
      [
        '累计建成5G基站20万个，培育数字工厂标杆企业30家以上，新增未来工厂15家。各地要强化工作调度，确保完成全年目标，全年研发投入增长6.0%。',
        false,
      ],
      ['二、保障措施', true],
      ['加强要素保障，新增制造业用地不少于3万亩，设立总规模30亿元的产业基金，支持“专精特新”企业发展。', false],
      ['（2023年3月28日）', false],
    ]);
    expectWellFormed(doc);
  });

  it('finds the dateline and takes the first heading as the title', () => {
    expect(doc).toMatchObject({ format: 'text', date: '2023-03-28', dateSource: 'dateline', title: '示例省数字经济发展' });
  });
});

describe('government page copied as text', () => {
  const doc = read(fixture('gov-page.txt'), 'gov-page.txt');

  it('drops breadcrumbs, tools and index fields, keeps the content', () => {
    expect(doc.paragraphs.map((p) => p.text)).toEqual([
      '2024年示例省制造业工作要点',
      '今年主要目标是:规上工业增加值增长6%,数字经济核心产业增加值增长9%。',
      '(一)全力稳住工业经济基本盘',
      '1.强化运行监测。建立重点企业监测体系,每月开展运行分析。',
      '2.扩大有效投资。力争制造业投资增长10%以上,新开工亿元以上项目500个。',
    ]);
    expectWellFormed(doc);
  });

  it('prefers the 发布日期 with a time, and the 发布机构', () => {
    expect(doc).toMatchObject({
      title: '2024年示例省制造业工作要点',
      date: '2024-01-20',
      dateSource: '发布日期',
      publisher: '示例省经信厅',
    });
  });
});

describe('encodings and scripts', () => {
  it('reads a GBK-encoded file as gb18030, with the same result as its UTF-8 twin', () => {
    const source = readFileSync(new URL('../fixtures/documents/pdf-broken.txt', import.meta.url), 'utf8');
    const gbk = read(iconv.encode(source, 'gbk'), 'gbk.txt');
    const twin = read(utf8(source));
    expect(gbk.encoding).toBe('gb18030');
    expect(twin.encoding).toBe('utf-8');
    expect(gbk.paragraphs).toEqual(twin.paragraphs);
  });

  it('converts a traditional document to simplified and says so', () => {
    const doc = read(fixture('traditional.txt'), 'traditional.txt');
    expect(doc.traditional).toBe(true);
    expect(doc.title).toBe('本市数位经济发展报告');
    expect(doc.text).toContain('本市数位经济产业规模持续扩大');
    expect(doc.text).toContain('营业收入突破1,000亿元，较上年增长12.5%。');
    expect(doc).toMatchObject({ date: '2023-06-01', dateSource: '发布日期' });
    expectWellFormed(doc);
  });

  it('never rewrites a simplified document', () => {
    const doc = read(fixture('pdf-broken.txt'));
    expect(doc.traditional).toBe(false);
  });

  it('turns full-width digits and letters into ASCII, keeps Chinese punctuation', () => {
    const doc = read(utf8('累计建成５Ｇ基站２０万个，增长６．０％。'));
    expect(doc.text).toBe('累计建成5G基站20万个，增长6.0%。');
  });

  it('unifies CRLF line breaks and drops private-use glyphs', () => {
    const doc = read(utf8('标题\r\n\r\n\u{100cca}省市传真\r\n正文。\r\n'));
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['标题', '省市传真', '正文。']);
  });
});

describe('throughput', () => {
  it('reads a megabyte of PDF copy in well under a second', () => {
    const page = readFileSync(new URL('../../seeds/000_8dca176c051ee1d1.txt', import.meta.url), 'utf8');
    const big = utf8(page.repeat(Math.ceil(1_048_576 / Buffer.byteLength(page))));
    read(utf8(page)); // warm up OpenCC and the JIT
    const started = performance.now();
    const doc = read(big);
    const elapsed = performance.now() - started;
    expect(doc.paragraphs.length).toBeGreaterThan(1000);
    expect(elapsed).toBeLessThan(1000);
  });

  it('reads a megabyte on a single line in linear time', () => {
    const big = utf8('数字经济 核心产业 增加值 增长 10 %，'.repeat(40_000));
    const started = performance.now();
    read(big);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('tables', () => {
  const texts = (doc: ReadDocument): string[] => doc.paragraphs.map((p) => p.text);

  it('reads a Word text export: one row per line, cells between tabs, an empty first cell kept', () => {
    const doc = read(utf8('主要指标\n\n指标\t单位\t2025年\t2030年\n制造业增加值\t亿元\t8500\t12000\n\t规上企业数\t家\t5200\n\n全省制造业稳步发展。\n'), 'plan.txt');
    expect(texts(doc)).toEqual(['主要指标', '指标｜单位｜2025年｜2030年', '制造业增加值｜亿元｜8500｜12000', '｜规上企业数｜家｜5200', '全省制造业稳步发展。']);
  });

  it('reads a PDF copy whose cells stand two spaces apart, but not prose or a caption', () => {
    const doc = read(utf8('表1　主要指标\n制造业增加值  亿元  8500  12000\n近年来，全省  制造业  稳步发展，增加值8500亿元。\n'), 'plan.txt');
    expect(texts(doc)).toEqual(['表1主要指标', '制造业增加值｜亿元｜8500｜12000', '近年来，全省制造业稳步发展，增加值8500亿元。']);
  });

  it('splits two column heads of a PDF copy that stand one space apart (序号 指标), so the columns stay in line', () => {
    const doc = read(utf8('表1　主要指标\n序号 指标                  2025年     2027年     属性\n1    电子信息产业营业收入  2860亿元   3600亿元   预期性\n'), 'plan.txt');
    expect(texts(doc)).toEqual(['表1主要指标', '序号｜指标｜2025年｜2027年｜属性', '1｜电子信息产业营业收入｜2860亿元｜3600亿元｜预期性']);
  });

  it('lines an HTML table up by column: colspan and rowspan leave empty cells, <p> inside a cell stays in its row', () => {
    const html = `<html><body><table>
      <tr><td rowspan="2"><p>指标</p></td><td rowspan="2">单位</td><td>2025年</td><td colspan="2">目标值</td></tr>
      <tr><td>（基期）</td><td>2027年</td><td>2030年</td></tr>
      <tr><td><p>制造业增加值</p></td><td>亿元</td><td>15000</td><td>18000</td><td>21000</td></tr>
    </table><p>全省制造业稳步发展。</p></body></html>`;
    expect(texts(read(utf8(html), 'page.html'))).toEqual([
      '指标｜单位｜2025年｜目标值｜', '｜｜（基期）｜2027年｜2030年', '制造业增加值｜亿元｜15000｜18000｜21000', '全省制造业稳步发展。',
    ]);
  });
});

describe('after round fifteen', () => {
  const texts = (doc: ReadDocument): string[] => doc.paragraphs.map((p) => p.text);

  it('reads a Word export row whose content cell holds a clause: three cells between tabs make a row', () => {
    const doc = read(utf8('序号\t项目名称\t建设内容\t总投资\t2026年计划投资\n5\t威宁风光储一体化项目\t建设风电、光伏装机100万千瓦，配套储能15万千瓦\t48亿元\t20亿元\n\n全市项目稳步推进。\n'), 'plan.txt');
    expect(texts(doc)).toEqual([
      '序号｜项目名称｜建设内容｜总投资｜2026年计划投资', '5｜威宁风光储一体化项目｜建设风电、光伏装机100万千瓦，配套储能15万千瓦｜48亿元｜20亿元', '全市项目稳步推进。',
    ]);
  });

  it('ends a paragraph at a task note in brackets (（责任单位：…）), however long, so the next task is its own paragraph', () => {
    const doc = read(utf8('　　8．建设织金新型能源化工基地。全力服务煤制烯烃项目建设，确保项目2027年建成投产，织金县煤化工产业产值达到45亿元。（责任单位：织金县人民政府、市工业和信息化局、市能源局）\n\n　　9．做强黔西煤化工产业。黔西市煤制乙二醇产量达到30万吨。（责任单位：黔西市人民政府）\n'), 'plan.txt');
    expect(texts(doc).map((t) => t.slice(0, 3))).toEqual(['8．建', '9．做']);
  });
});

describe('a post copied from a WeChat official account', () => {
  it("dates the post by its header line (2026-02-18 09:30 四川), the post's time and place after the date", () => {
    const doc = read(utf8('四川经信\n2026-02-18 09:30 四川\n\n点击蓝字 关注我们\n\n全省规模以上工业增加值增长6.5%左右。\n\n阅读 2.3万\n'), 'post.txt');
    expect(doc).toMatchObject({ date: '2026-02-18', dateSource: 'dateline' });
  });
});

describe('after round fourteen, a box in PDF copy', () => {
  it("keeps a box's title line (专栏2　…重点推进项目) a heading of its own, however wide the copy set it", () => {
    const doc = read(utf8('　　（4）软件和信息服务产业链：工业软件、嵌入式软件、信\n息安全、行业应用软件、数据服务、人工智能模型与应用。\n专栏2　“十五五”前期电子信息产业重点推进项目\n　　（1）新型显示柔性模组扩能项目（绵阳经开区）：建设柔\n性OLED模组生产线6条，总投资62亿元，2026年计划投资18亿元。\n'), 'plan.txt');
    expect(doc.paragraphs.map((p) => [p.heading, p.text.slice(0, 6)])).toEqual([[false, '（4）软件和'], [true, '专栏2“十五'], [false, '（1）新型显']]);
  });
});

describe('after round sixteen', () => {
  const texts = (doc: ReadDocument): string[] => doc.paragraphs.map((p) => p.text);

  it("reads a plain-text table's header row, its heads two spaces apart and one space inside a head (地　区)", () => {
    const doc = read(utf8('2026年各市（区）工业主要指标任务分解表\n\n地　区　　　规模以上工业增加值增速　　工业投资增速　　新增规模以上工业企业\n蓬江区　　　　　7%　　　　　　　　　　9%　　　　　　　　70家\n'), 'plan.txt');
    expect(texts(doc).slice(1)).toEqual(['地区｜规模以上工业增加值增速｜工业投资增速｜新增规模以上工业企业', '蓬江区｜7%｜9%｜70家']);
  });

  it('reads Obsidian Markdown: a callout\'s title is a heading, wiki links are their text, footnote marks go', () => {
    const md = '---\ntitle: 盐城市新能源装备行动方案\ndate: 2026-03-01\n---\n\n依据[[江苏省海上风电发展规划|省规划]]和[[盐城市“十五五”规划纲要]]制定[^1]。\n\n> [!note] 专栏1　2026年新能源装备重点推进项目\n> - **东台储能系统集成基地**（东台市）：总投资38亿元。\n\n[^1]: 本方案所称新能源装备包括风电、光伏装备。\n';
    expect(texts(read(utf8(md), 'plan.md'))).toEqual([
      '依据省规划和盐城市“十五五”规划纲要制定。', '专栏1 2026年新能源装备重点推进项目', '东台储能系统集成基地（东台市）：总投资38亿元。', '本方案所称新能源装备包括风电、光伏装备。',
    ]);
  });
});

describe('after round seventeen', () => {
  const texts = (doc: ReadDocument): string[] => doc.paragraphs.map((p) => p.text);

  it('keeps Markdown with only inline HTML (a <br> in a table cell) Markdown: the table stays a table, the cell one', () => {
    const md = '---\ntitle: 东营市石化产业三年行动计划\ndate: 2026-03-20\n---\n\n**1.推动“减油增化”。**到2028年，烯烃产能达到900万吨/年。\n\n| 序号 | 指标 | 2025年<br>（基数） | 2026年 |\n|:---:|---|:---:|:---:|\n| 1 | 石化产业营业收入 | 6860亿元 | 7200亿元 |\n';
    expect(texts(read(utf8(md), 'plan.md'))).toEqual(['1.推动“减油增化”。到2028年，烯烃产能达到900万吨/年。', '|序号|指标| 2025年（基数）| 2026年|', '| 1 |石化产业营业收入| 6860亿元| 7200亿元|']);
  });

  it('splits 序号 from the head one space after it in a PDF copy (序号 县（市、区）)', () => {
    const doc = read(utf8('序号 县（市、区）              2025年数字经济核心产业增加值  2026年增速目标\n2   广阳区                      22亿元      8%\n'), 'plan.txt');
    expect(texts(doc)).toEqual(['序号｜县（市、区）｜2025年数字经济核心产业增加值｜2026年增速目标', '2｜广阳区｜22亿元｜8%']);
  });
});

describe('formats met in the field: pandoc Markdown from Word, pipe tables in short files, signatures in characters', () => {
  const texts = (doc: ReadDocument): string[] => doc.paragraphs.map((p) => p.text);

  it("reads pandoc's grid tables as rows, a cell wrapped over lines joined, and its escapes and attributes as text", () => {
    const md = [
      '# 2026年工作要点 {#top .unnumbered}', '', '1\\. [重点]{.underline}工作\\*。', '',
      '+------+--------------------+----------+', '| 序号 | 指标               | 2026年   |', '+======+====================+==========+',
      '| 1    | 数字经济核心产业   | 1300亿元 |', '|      | 增加值             |          |', '+------+--------------------+----------+', '', '完。',
    ].join('\n');
    expect(texts(read(utf8(md), 'a.md'))).toEqual(['2026年工作要点', '1.重点工作*。', '|序号|指标| 2026年|', '| 1 |数字经济核心产业增加值| 1300亿元|', '完。']);
  });

  it('keeps each row of a pipe table apart in a short Markdown file, and in Markdown carrying HTML', () => {
    const table = '| 序号 | 指标 | 2026年 |\n|---|---|---|\n| 1 | 工业投资 | 400亿元 |';
    expect(texts(read(utf8(`# 要点\n\n正文。\n\n${table}\n\n完。`), 'a.md'))).toEqual(['要点', '正文。', '|序号|指标| 2026年|', '| 1 |工业投资| 400亿元|', '完。']);
    expect(texts(read(utf8(`# 要点\n\n<div>正文。</div>\n\n${table}\n\n完。`), 'a.md'))).toEqual(['要点', '正文。', '序号｜指标｜2026年', '1｜工业投资｜400亿元', '完。']);
  });

  it('dates a document by a signature written in characters (二〇二六年二月十日)', () => {
    expect(read(utf8('关于印发工作要点的通知\n\n各县区：现印发给你们。\n\n某市人民政府\n二〇二六年二月十日'), 'a.txt').date).toBe('2026-02-10');
  });
});
