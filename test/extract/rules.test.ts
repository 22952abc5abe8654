/**
 * The extraction rules one at a time, table-driven: figures and what is never one, time expressions and the
 * deadlines they give, metrics, and region/city/kind attribution on small documents written for the test.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts, type RawFact } from '../../src/extract/extract.ts';
import { findFigures } from '../../src/extract/figures.ts';
import { mergeFacts } from '../../src/extract/merge.ts';
import { balanceMarks, metricFromPost, metricFromPre, sentenceTopic } from '../../src/extract/metric.ts';
import { findTimes } from '../../src/extract/time.ts';
import { seedBase } from './support.ts';

const { regions } = seedBase();

describe('findFigures', () => {
  it.each([
    ['累计建成5G基站20万个', ['20万个']],
    ['开工率一季度30%、二季度60%、三季度85%', ['30%', '60%', '85%']],
    ['培育打造3至5个省级园区', ['3至5个']],
    ['营业收入突破1.15万亿元', ['1.15万亿元']],
    ['亩均税收达37万元/亩', ['37万元/亩']],
    ['比重提高2个百分点', ['2个百分点']],
    ['两化融合发展水平达66.4', ['66.4']],
    ['新增工业机器人1.5万台以上', ['1.5万台以上']],
    ['数据资产总量达80PB', ['80PB']],
    ['智能算力规模达到3000P', ['3000P']],
    ['算力总规模超过30 EFLOPS', ['30EFLOPS']],
    ['储能装机达到50吉瓦时', ['50吉瓦时']],
    ['出口额增长1.5倍', ['1.5倍']],
    ['电价控制在0.4元/千瓦时以内', ['0.4元/千瓦时以内']],
    ['PUE降至1.25以下', ['1.25以下']],
    ['粮食总产量达到837.3亿斤', ['837.3亿斤']],
    ['力争实现发射30次以上', ['30次以上']],
    ['培育企业3000多家、园区20余个', ['3000多家', '20余个']],
    ['完成投资2000余亿元，新增用户20多万户', ['2000余亿元', '20多万户']],
    ['经济增长2%至3%', ['2%至3%']],
  ])('%s → %j', (text, values) => {
    expect(findFigures(text).map((f) => f.value + (f.suffix ?? ''))).toEqual(values);
  });

  it.each([
    ['a document number', '黔府办发〔2022〕25号'],
    ['list numbering', '16.强化经济运行监测'],
    ['a phone number', '联系电话：0851-86892123'],
    ['a date', '2023年3月28日召开'],
    ['an ordinal', '开展第二批试点，第3届大会'],
    ['a code name', '“415X”先进制造业集群和2+6+N产业'],
    ['a technology name', '5G网络和8K超高清'],
    ['a year span', '2021—2023年行动计划'],
    ['a size class', '打造5000亿元级产业集群'],
    ['an age', '有300多年历史'],
  ])('no figure in %s', (_what, text) => {
    expect(findFigures(text)).toEqual([]);
  });
});

describe('findTimes: the plan year and deadline', () => {
  it.each([
    ['今年', 2023, '12-31', false],
    ['去年', 2022, '12-31', true],
    ['明年', 2024, '12-31', false],
    ['到2023年年底', 2023, '12-31', false],
    ['2024年上半年', 2024, '06-30', false],
    ['2023年第三季度末', 2023, '09-30', false],
    ['“十四五”期间', 2025, '12-31', false],
    ['“十四五”末', 2025, '12-31', false],
    ['2021—2023年', 2023, '12-31', false],
    ['用5年时间', 2028, '12-31', false],
    ['截至2023年6月底', 2023, '06-30', false],
  ])('%s (document of 2023) → %i-%s', (text, year, monthDay, past) => {
    expect(findTimes(text, 2023)[0]).toMatchObject({ year, monthDay, past });
  });

  it.each([['一季度', '03-31'], ['二季度', '06-30'], ['三季度', '09-30'], ['四季度', '12-31']])('%s ends %s, in the year around it', (text, monthDay) => {
    expect(findTimes(text, 2023)[0]).toMatchObject({ kind: 'quarter', year: null, monthDay });
  });

  it('a baseline (较2021年, 比上年) is never the fact\'s period', () => {
    expect(findTimes('较2021年增长10%', 2023)[0]).toMatchObject({ baseline: true });
  });
});

describe('metrics', () => {
  it.each<[string, Array<[number, number]>, { metric: string; comparator: string | null; hedge: string | null }]>([
    ['力争全省规上工业增加值增长', [], { metric: '规上工业增加值', comparator: '增长', hedge: '力争' }],
    ['今年主要预期目标是:力争数字经济核心产业增加值增长', [[0, 2]], { metric: '数字经济核心产业增加值', comparator: '增长', hedge: '力争' }],
    ['近三年中小企业研发经费年均增长高于', [], { metric: '近三年中小企业研发经费年均增长', comparator: '高于', hedge: null }],
    ['近三年产值均在', [], { metric: '近三年产值', comparator: '在', hedge: null }],
    ['或者不少于', [], { metric: '', comparator: '不少于', hedge: null }],
  ])('before the figure: %s', (pre, removeSpans, parts) => {
    expect(metricFromPre(pre, removeSpans)).toEqual(parts);
  });

  it.each([
    ['先进制造业集群和', '先进制造业集群'],
    ['行政村已进入“村村有5G”的收尾阶段', '行政村'],
    ['数据要素市场主体已率先在数据先行区落地', '数据要素市场主体'],
    ['主导产业的制造业单项冠军企业或专精特新“小巨人”企业', '制造业单项冠军企业'],
    ['千亿级省级特色产业集群和一批百亿级“新星”产业群', '千亿级省级特色产业集群'],
    ['“专精特新”中小企业', '“专精特新”中小企业'],
  ])('after a count: %s → %s', (post, metric) => {
    expect(metricFromPost(post)).toBe(metric);
  });

  it.each([
    ['锂电新能源产业要加快制定…，力争全年营业收入突破5000亿元', '锂电新能源产业'],
    ['武汉要打造光电子信息产业集群，力争营业收入突破6000亿元', '光电子信息产业集群'],
    ['实施“千亿技术改造投资工程”，完成投资1500亿元', '千亿技术改造投资工程'],
    ['力争全年营业收入突破1.15万亿元', null],
  ])('the topic of %s', (sentence, topic) => {
    expect(sentenceTopic(sentence)).toBe(topic);
  });

  it.each([
    ['专精特新”中小企业', '“专精特新”中小企业'],
    ['新增“', '新增'],
    ['首台（套', '首台（套）'],
    ['“链主”企业', '“链主”企业'],
  ])('balanceMarks(%s) = %s', (metric, balanced) => {
    expect(balanceMarks(metric)).toBe(balanced);
  });
});

/** Extracts one small document written as paragraphs; a line starting with "# " is a heading. */
function facts(text: string, date = '2023-03-01', title = '测试文档', publisher: string | null = null): RawFact[] {
  const paragraphs: Array<{ text: string; heading: boolean; start: number }> = [];
  let start = 0;
  for (const line of text.trim().split('\n').map((l) => l.trim()).filter(Boolean)) {
    const heading = line.startsWith('# ');
    const body = heading ? line.slice(2) : line;
    paragraphs.push({ text: body, heading, start });
    start += body.length + 1;
  }
  return extractFacts({ meta: { id: 'doc', title, date, url: null, publisher }, text: paragraphs.map((p) => p.text).join('\n'), paragraphs }, regions);
}

const pick = (f: RawFact) => ({ kind: f.kind, region: f.region, city: f.city, metric: f.metric, value: f.value, year: f.year, deadline: f.deadline });

describe('extraction on small documents', () => {
  it('a table of indicators: each figure of the year its column is of, the base year an actual, heading rows not headings', () => {
    const got = facts(`
      # 河北省数字经济行动方案（2025—2027年）
      主要指标如下：
      # | 指标 | 2024年（基期） | 2025年 | 2027年 |
      # |---|---|---|---|
      # | 5G基站数 | 15.2万个 | 16.4万个 | 20万个 |
      数据产业规模突破600亿元。`, '2025-04-18', '河北省数字经济高质量发展行动方案（2025—2027年）');
    expect(got.map(pick)).toEqual([
      { kind: 'actual', region: '河北', city: null, metric: '5G基站数', value: '15.2万个', year: 2024, deadline: null },
      { kind: 'target', region: '河北', city: null, metric: '5G基站数', value: '16.4万个', year: 2025, deadline: '2025-12-31' },
      { kind: 'target', region: '河北', city: null, metric: '5G基站数', value: '20万个', year: 2027, deadline: '2027-12-31' },
      // An undated goal of a 2025—2027 plan is a 2027 goal, not a result of the header's base year.
      { kind: 'target', region: '河北', city: null, metric: '数据产业规模', value: '600亿元', year: 2027, deadline: '2027-12-31' },
    ]);
    expect(got[0]!.citation.quote).toBe('| 5G基站数 | 15.2万个 | 16.4万个 | 20万个 |');
  });

  it('one sentence with figures per quarter gives one fact per quarter, each due at its quarter end', () => {
    expect(facts('浙江力争新建项目开工率一季度30%、二季度60%、三季度85%。').map(pick)).toEqual([
      { kind: 'target', region: '浙江', city: null, metric: '新建项目开工率一季度', value: '30%', year: 2023, deadline: '2023-03-31' },
      { kind: 'target', region: '浙江', city: null, metric: '新建项目开工率二季度', value: '60%', year: 2023, deadline: '2023-06-30' },
      { kind: 'target', region: '浙江', city: null, metric: '新建项目开工率三季度', value: '85%', year: 2023, deadline: '2023-09-30' },
    ]);
  });

  it.each([
    ['山西用5年时间培育10家链主企业。', 2028, 'target'],
    ['山西《行动计划（2021—2023年）》提出，培育10家链主企业。', 2023, 'target'],
    ['“十四五”期间，山西将培育10家链主企业。', 2025, 'target'],
    ['去年，山西培育链主企业10家。', 2022, 'actual'],
    ['截至目前，山西已累计培育链主企业10家。', 2023, 'actual'],
  ])('%s → %i %s', (text, year, kind) => {
    expect(facts(text).map((f) => [f.region, f.value, f.year, f.kind])).toEqual([['山西', '10家', year, kind]]);
  });

  it('由2023年的40%提高到55%: the baseline is a result of its year, the target moves the same metric', () => {
    expect(facts('云南咖啡精深加工率由2023年的40%提高到55%。', '2024-03-01', '云南省2024年工作要点').map((f) => [f.kind, f.metric, f.value, f.comparator, f.year])).toEqual([
      ['actual', '咖啡精深加工率', '40%', null, 2023],
      ['target', '咖啡精深加工率', '55%', '提高到', 2024],
    ]);
  });

  it('a baseline without a year (从目前的) is of the document\'s year; 吨标准煤 is one unit', () => {
    expect(facts('云南单位工业增加值能耗从目前的0.5吨标准煤降低到0.45吨标准煤。', '2024-03-01').map((f) => [f.kind, f.metric, f.value, f.year])).toEqual([
      ['actual', '单位工业增加值能耗', '0.5吨标准煤', 2024],
      ['target', '单位工业增加值能耗', '0.45吨标准煤', 2024],
    ]);
  });

  describe('分别: each figure takes its own subject, in order', () => {
    it.each([
      ['南山区、宝安区、龙岗区规模以上工业总产值分别达到8120亿元、1.03万亿元和9650亿元，分别增长8.2%、7.5%和10.1%。', [
        ['南山区规模以上工业总产值', '8120亿元'], ['宝安区规模以上工业总产值', '1.03万亿元'], ['龙岗区规模以上工业总产值', '9650亿元'],
        ['南山区规模以上工业总产值', '8.2%'], ['宝安区规模以上工业总产值', '7.5%'], ['龙岗区规模以上工业总产值', '10.1%'],
      ]],
      ['宝安区、龙岗区分别完成工业投资1100亿元、900亿元。', [['宝安区工业投资', '1100亿元'], ['龙岗区工业投资', '900亿元']]],
      ['高技术制造业和装备制造业增加值分别增长9%和8%。', [['高技术制造业增加值', '9%'], ['装备制造业增加值', '8%']]],
      ['城乡居民人均可支配收入分别增长4.2%和5.6%。', [['城镇居民人均可支配收入', '4.2%'], ['农村居民人均可支配收入', '5.6%']]],
      ['全年接待国内外游客6300万人次，实现旅游收入780亿元，分别增长15.6%和14.2%。', [
        ['接待国内外游客', '6300万人次'], ['旅游收入', '780亿元'], ['接待国内外游客', '15.6%'], ['旅游收入', '14.2%'],
      ]],
    ])('%s', (text, expected) => {
      expect(facts(text, '2025-03-01', '深圳市2025年工作要点').map((f) => [f.metric, f.value])).toEqual(expected);
    });

    it('gives a 分别 list of cities each its city, with the shared relation', () => {
      expect(facts('广东广州、深圳分别新增规上工业企业1000家、1200家。', '2025-03-01').map((f) => [f.city, f.value, f.comparator])).toEqual([
        ['广州', '1000家', null],
        ['深圳', '1200家', null],
      ]);
    });

    it('leaves the metric alone when the subjects and figures do not pair up', () => {
      expect(facts('浙江、江苏工业投资分别增长12%。', '2025-03-01').map((f) => f.metric)).not.toContain('浙江工业投资');
    });
  });

  it.each([
    ['a running total after a new count', '全市新建5G基站5000个，累计达到8.7万个。', [['新建5G基站', '5000个'], ['累计5G基站', '8.7万个']]],
    ['a part of the projects counted before (其中)', '安排市重大工业项目300个，年度计划投资2300亿元，其中10亿元以上项目85个。', [
      ['安排市重大工业项目', '300个'], ['市重大工业项目年度计划投资', '2300亿元'], ['10亿元以上市重大工业项目', '85个'],
    ]],
    ['districts\' shares of a count', '全市新增规模以上工业企业1000家，其中宝安区新增300家、龙岗区新增200家。', [
      ['新增规模以上工业企业', '1000家'], ['宝安区新增规模以上工业企业', '300家'], ['龙岗区新增规模以上工业企业', '200家'],
    ]],
    ['a second unit in brackets', '工业互联网平台连接工业设备数量达到1200万台（套）。', [['工业互联网平台连接工业设备数量', '1200万台（套）']]],
    ['list numbering before the item', '6.集成电路产业规模突破650亿元；（七）工业投资增长6.5%。', [['集成电路产业规模', '650亿元'], ['工业投资', '6.5%']]],
  ])('the subject is put back: %s', (_what, text, expected) => {
    expect(facts(text, '2025-03-01', '深圳市2025年工作要点').map((f) => [f.metric, f.value])).toEqual(expected);
  });

  describe('tables without year columns', () => {
    it('an HTML table of districts by indicator: each cell is the district\'s figure for the column, of the plan\'s year', () => {
      const found = facts('2025年重点工业项目安排如下。\n区域｜重点工业项目｜年度计划投资｜工业投资增速目标\n江夏区｜55个｜130亿元｜10%\n新洲区｜40个｜85亿元｜11%', '2025-02-10', '武汉市2025年重点工业项目计划');
      expect(found.map((f) => [f.metric, f.value, f.year, f.kind])).toEqual([
        ['江夏区重点工业项目', '55个', 2025, 'target'], ['江夏区年度计划投资', '130亿元', 2025, 'target'], ['江夏区工业投资增速目标', '10%', 2025, 'target'],
        ['新洲区重点工业项目', '40个', 2025, 'target'], ['新洲区年度计划投资', '85亿元', 2025, 'target'], ['新洲区工业投资增速目标', '11%', 2025, 'target'],
      ]);
    });

    it('a two-level header: 目标值 over 2028年 and 2030年, a group line between rows, a category cell spanning rows, a yearless 年均增长 column', () => {
      const found = facts(
        '类别｜指标｜单位｜基期｜目标值｜｜年均增长（%）\n｜｜｜2025年｜2028年｜2030年｜\n一、产业规模\n产业｜光伏组件产量｜万千瓦｜3000｜4500｜6000｜15\n｜锂电池营业收入｜亿元｜1800｜2600｜3500',
        '2026-03-01', '江西省新能源产业发展规划（2026—2030年）',
      );
      expect(found.map((f) => [f.kind, f.metric, f.value, f.year])).toEqual([
        ['actual', '光伏组件产量', '3000万千瓦', 2025],
        ['target', '光伏组件产量', '4500万千瓦', 2028],
        ['target', '光伏组件产量', '6000万千瓦', 2030],
        ['target', '光伏组件产量年均增长', '15%', 2030],
        ['actual', '锂电池营业收入', '1800亿元', 2025],
        ['target', '锂电池营业收入', '2600亿元', 2028],
        ['target', '锂电池营业收入', '3500亿元', 2030],
      ]);
    });

    it('a header whose year spans two measured columns with their units in brackets (2026年目标: 产值（亿元）, 企业数（家）)', () => {
      const found = facts('| 城市 | 2026年目标 | |\n|---|---|---|\n| | 产值（亿元） | 企业数（家） |\n| 南京 | 800 | 120 |', '2026-02-10', '江苏省2026年人工智能产业发展工作要点');
      expect(found.map((f) => [f.city, f.metric, f.value, f.year])).toEqual([
        ['南京', '南京人工智能产业产值', '800亿元', 2026],
        ['南京', '南京人工智能企业数', '120家', 2026],
      ]);
    });

    it('a project table: rows named by the 项目 column, 总投资 of the plan year, the year column of its year, 合计 the projects', () => {
      const found = facts(
        '附件：重点项目表\n序号｜重点项目｜建设内容｜总投资（亿元）｜2026年计划投资（亿元）\n1｜中车智能制造基地｜建设年产500辆整车生产线｜50｜12\n｜合计｜｜58.5｜15',
        '2026-03-01', '株洲市轨道交通装备产业发展三年行动计划（2026—2028年）',
      );
      expect(found.map((f) => [f.metric, f.value, f.year])).toEqual([
        ['中车智能制造基地总投资', '50亿元', 2028],
        ['中车智能制造基地计划投资', '12亿元', 2026],
        ['重点项目总投资', '58.5亿元', 2028],
        ['重点项目计划投资', '15亿元', 2026],
      ]);
    });

    it('a "十五五" plan: an undated goal is a 2030 goal', () => {
      expect(facts('全省新能源产业营业收入突破1万亿元。', '2026-04-20', '江西省“十五五”新能源产业发展规划').map((f) => [f.value, f.year])).toEqual([['1万亿元', 2030]]);
    });

    it('a table of indicators with a target column and a unit column', () => {
      const found = facts('| 指标 | 单位 | 目标值 | 属性 |\n|---|---|---|---|\n| 规上工业增加值增速 | % | 6 | 预期性 |\n| 制造业投资 | 亿元 | 1200 | 预期性 |', '2025-02-10', '山东省2025年工业经济主要目标');
      expect(found.map((f) => [f.region, f.metric, f.value, f.year])).toEqual([
        ['山东', '规模以上工业增加值增速', '6%', 2025],
        ['山东', '制造业投资', '1200亿元', 2025],
      ]);
    });
  });

  it('a region named as a benchmark does not take the figures after it', () => {
    expect(facts('青海清洁能源装机占比达到93.1%，高出同为西北清洁能源大省的甘肃约30个百分点。全年外送绿电350亿千瓦时。', '2025-02-10').map((f) => f.region)).toEqual(['青海', '青海', '青海']);
  });

  it('a review section (一、发展基础) reports the year before the document; the next section plans again', () => {
    const found = facts('# 一、发展基础\n三大先导产业规模达到1.8万亿元。\n# 二、主要目标\n三大先导产业规模突破2.5万亿元。', '2026-03-27', '上海市先进制造业发展“十五五”规划（2026—2030年）');
    expect(found.map((f) => [f.value, f.kind, f.year])).toEqual([['1.8万亿元', 'actual', 2025], ['2.5万亿元', 'target', 2030]]);
  });

  it('a cap per recipient (最高不超过500万元) is no figure of the plan', () => {
    expect(facts('浙江对新认定的省级智能工厂给予补助，最高不超过500万元；全省新增智能工厂100家。').map((f) => f.value)).toEqual(['100家']);
  });

  it('an event\'s audience is no figure of the plan', () => {
    expect(facts('浙江举行产业大脑启动仪式，企业代表300余人参加了本次仪式。全省新增上云企业3000家。').map((f) => f.value)).toEqual(['3000家']);
  });

  it('a result without a year of its own is of the document\'s year, even under an article about later goals', () => {
    const found = facts('# 北京：到2030年建成数据先行区\n到2030年，数据交易额达到100亿元。\n据介绍，先行区共有产业园区18个，已有10家企业落地。');
    expect(found.map((f) => [f.value, f.kind, f.year])).toEqual([['100亿元', 'target', 2030], ['18个', 'actual', 2023], ['10家', 'actual', 2023]]);
  });

  it('the subject comes from the previous clause when the figure\'s own clause has none', () => {
    expect(facts('2022年，江西制造业增加值首次突破万亿元，达1.09万亿元。').map(pick)).toEqual([
      { kind: 'actual', region: '江西', city: null, metric: '制造业增加值', value: '1.09万亿元', year: 2022, deadline: null },
    ]);
  });

  describe('cities', () => {
    it.each([
      ['the subject of the figure\'s clause', '湖北武汉新增智能工厂50家。', '武汉'],
      ['the subject the sentence opens with', '武汉要打造光电子信息产业集群，力争营业收入突破6000亿元。', '武汉'],
      ['a city in another ；-segment', '湖北装备制造业要在武汉等地集聚；汽车产业要力争营业收入突破5000亿元。', null],
      ['a city in brackets', '推进中国(杭州)工业互联网小镇建设，累计创建省级工业互联网平台300个。', null],
      ['one of two coordinated cities', '石家庄、唐山各新增省级工业互联网平台5个。', null],
      ['a city before a conjunction', '推进示范区建设，绍兴综合试点和48个分行业试点要取得经验。', null],
    ])('%s', (_what, text, city) => {
      expect(facts(text).map((f) => f.city)).toEqual([city]);
    });

    it.each([
      ['宁波市经济和信息化局', '浙江', '宁波'],
      ['宁波日报', null, null],
    ])('a plan titled 全市… takes its city from a government publisher, not a newspaper (%s)', (publisher, region, city) => {
      const found = facts('全市规上工业增加值增长6%左右，增速高于全省0.5个百分点。', '2025-03-01', '2025年全市制造业高质量发展工作要点', publisher);
      expect(found.map((f) => [f.region, f.city])).toEqual(region ? [[region, city], [region, city]] : []);
    });

    it('a county the sentence is about keeps the figure off the province', () => {
      expect(facts('浙江支持海岛发展。支持嵊泗县走海岛县高质量发展之路，力争规上工业增加值突破5亿元。').map((f) => [f.region, f.city])).toEqual([['浙江', '嵊泗县']]);
    });
  });

  describe('regions on a page of several articles', () => {
    const page = [
      '# 山东：发布37条政策措施',
      '本报讯 山东印发政策清单，推出了共37条政策措施。',
      '（张琪玮）',
      '# 打造“3+3”未来产业链群',
      '在聚力“建体系”方面，江西将积极打造“3+3”未来产业链群，力争新增专精特新企业100家。',
      '# 河南今年',
      '# 5G基站总数将突破18万个',
      '本报讯 到2023年年底，河南5G基站总数将突破18万个。',
    ].join('\n');
    const found = facts(page);

    it.each([
      ['a headline names its province', '37条', '山东'],
      ['a headline without a province heads the body below it, not the article above', '3+3', '江西'],
      ['a figure in that body', '100家', '江西'],
      ['a headline continuing the headline above it', '18万个', '河南'],
    ])('%s', (_what, value, region) => {
      const hits = found.filter((f) => f.value === value);
      expect(hits.length).toBeGreaterThan(0);
      for (const f of hits) expect(f.region).toBe(region);
    });
  });

  it.each([
    ['a share of the previous subject', '山西高技术制造业增加值增长9%，占规模以上工业比重达到12%。', ['高技术制造业增加值', '高技术制造业增加值占规模以上工业比重']],
    ['a total of what was newly counted', '山西新增规模以上工业企业800家，总数超过2.1万家。', ['新增规模以上工业企业', '规模以上工业企业总数']],
    ['a cumulative count of what was newly built', '山西新建5G基站1.2万个，累计建成9.6万个。', ['新建5G基站', '累计建成5G基站']],
    ['a comparison with the average', '山西装备制造业增加值增长12%，高于全省平均水平3个百分点。', ['装备制造业增加值', '装备制造业增加值高于全省平均水平']],
    ['the growth rate compared', '山西规上工业增加值增长8%，增速高于全国2个百分点。', ['规模以上工业增加值', '规模以上工业增加值增速高于全国']],
    ['the amount of the projects counted before', '山西全年实施省重点工程500个，完成投资3000亿元。', ['实施省重点工程', '省重点工程投资']],
    ['enterprises doing what they are counted for', '山西推动5000家工业企业开展数字化改造。', ['工业企业开展数字化改造']],
  ])('%s: the subject the clause elides is put back', (_what, text, metrics) => {
    expect(facts(text).map((f) => f.metric)).toEqual(metrics);
  });

  it.each([
    ['规上工业增加值增长7%左右。', '7%', '增长…左右'],
    ['全年工业增加值为7%左右。', '7%', '左右'],
    ['力争数字经济核心产业增加值增长15%以上。', '15%', '增长…以上'],
    ['软件业务收入突破1500亿元。', '1500亿元', '突破'],
    ['新增上云企业3000多家。', '3000多家', null],
    ['培育专精特新企业2000余家。', '2000余家', null],
    ['完成技改投资1500余亿元。', '1500余亿元', null],
    ['新增5G用户20多万户。', '20多万户', null],
  ])('%s: the value is the figure alone, the comparator has what is around it', (text, value, comparator) => {
    const [fact] = facts(`浙江${text}`);
    expect([fact?.value, fact?.comparator]).toEqual([value, comparator]);
  });

  it('a list item\'s own year does not frame the items after it; the plan\'s end year does', () => {
    const found = facts('# 山西省数字经济发展行动方案（2024—2027年）\n# 二、重点任务\n（一）建设算力枢纽。到2025年建成数据中心10个。\n（二）发展算力服务。培育算力服务企业50家以上。', '2024-05-01', '山西省数字经济发展行动方案（2024—2027年）');
    expect(found.map((f) => [f.value, f.year])).toEqual([['10个', 2025], ['50家', 2027]]);
  });

  it('a city\'s own plan gives its figures to the city, unless a sentence is about the province', () => {
    const found = facts('成都市2024年工作要点\n全年规模以上工业增加值增长6%。\n全省新增专精特新企业500家。', '2024-03-01', '成都市2024年工作要点');
    expect(found.map((f) => [f.region, f.city, f.value])).toEqual([['四川', '成都', '6%'], ['四川', null, '500家']]);
  });

  it('a city inside a name stays in the metric; a region that is the subject does not', () => {
    expect(facts('陕西提出，比亚迪西安基地产能提升至150万辆。').map((f) => f.metric)).toEqual(['比亚迪西安基地产能']);
    expect(facts('到2025年，河南5G基站总数将突破18万个。').map((f) => f.metric)).toEqual(['5G基站总数']);
  });

  it('a region inside the item starts the metric after it ("…产业集群浙江将组织实施…项目60项")', () => {
    expect(facts('培育15个千亿元级特色产业集群浙江将组织实施产业链协同创新项目60项左右。').map((f) => [f.metric, f.value])).toEqual([
      ['培育千亿元级特色产业集群', '15个'],
      ['组织实施产业链协同创新项目', '60项'],
    ]);
  });

  it('a figure qualifying a noun is not a fact of its own ("611项总投资10亿元以上制造业重大项目")', () => {
    expect(facts('浙江突出抓好611项总投资10亿元以上制造业重大项目。').map((f) => [f.metric, f.value])).toEqual([['突出抓好总投资10亿元以上制造业重大项目', '611项']]);
  });
});

describe('years and metrics of a review paragraph', () => {
  it('全年 in a paragraph opened by a past year is that year, not the document\'s', () => {
    const got = facts('云南2023年，全省工业攻坚克难。全年规模以上工业增加值同比增长4.8%；绿色能源产业营业收入突破4500亿元。', '2024-03-05');
    expect(got.map((f) => [f.metric, f.value, f.year, f.kind])).toEqual([
      ['规模以上工业增加值', '4.8%', 2023, 'actual'],
      ['绿色能源产业营业收入', '4500亿元', 2023, 'actual'],
    ]);
  });

  it('a table\'s indicator is the column before the first year column, not its category', () => {
    const got = facts(`
      # | 类别 | 指标 | 2023年 | 2026年 | 属性 |
      # | --- | --- | --- | --- | --- |
      # | 创新能力 | 制造业创新中心 | 18家 | 30家 | 预期性 |`, '2024-02-01', '天津市制造业行动计划（2024—2026年）');
    expect(got.map((f) => [f.metric, f.value, f.year, f.kind])).toEqual([
      ['制造业创新中心', '18家', 2023, 'actual'],
      ['制造业创新中心', '30家', 2026, 'target'],
    ]);
  });

  it('比上年 is the baseline of a change, not its metric', () => {
    expect(facts('云南光伏产业营业收入比上年增长20%以上。', '2024-03-05').map((f) => f.metric)).not.toContain('比上年');
  });
});

describe('programs on small documents', () => {
  const programs = (text: string) => facts(text).filter((f) => f.kind === 'program').map((f) => ({ region: f.region, value: f.value, metric: f.metric, definition: f.definition }));

  it('a number code written right before a program name is the program: 531产业链递进培育工程', () => {
    expect(programs('江苏持续推进531产业链递进培育工程，实施强链行动。')).toEqual([
      { region: '江苏', value: '531', metric: '产业链递进培育工程', definition: null },
    ]);
  });

  it('a year, a count or a figure before 工程/行动 is no program', () => {
    expect(programs('浙江实施2023年技改行动，推进100个重点工程，安排300亿元专项行动资金。')).toEqual([]);
  });
});

describe('a review running over paragraphs', () => {
  const year = (f: RawFact) => [f.value, f.kind, f.year];

  it('过去一年 opens it; a paragraph that goes on reporting keeps its year; 今年 ends it', () => {
    const got = facts(`
过去一年，全县地区生产总值达到356亿元，增长6.5%。
产业转型步伐加快。规模以上工业增加值增长8.2%，新增规上工业企业45家。
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。
`, '2026-01-10', '石狮市2026年政府工作报告');
    expect(got.map(year)).toEqual([
      ['356亿元', 'actual', 2025], ['6.5%', 'actual', 2025], ['8.2%', 'actual', 2025], ['45家', 'actual', 2025], ['6%', 'target', 2026],
    ]);
  });

  it('过去五年 reports the year before the document', () => {
    expect(facts('过去五年，全市规模以上工业增加值年均增长7.1%。', '2026-01-10', '石狮市2026年政府工作报告').map(year)).toEqual([['7.1%', 'actual', 2025]]);
  });

  it('a task after a result is no review: it is the plan year', () => {
    const got = facts(`
2025年，全省数字经济核心产业增加值达到1万亿元。
推进数字化改造，实施技改项目500个。
`, '2026-02-01', '浙江省2026年数字经济工作要点');
    expect(got.map(year)).toEqual([['1万亿元', 'actual', 2025], ['500个', 'target', 2026]]);
  });
});

describe('metric shapes', () => {
  const shape = (f: RawFact) => [f.metric, f.value];

  it('the share of a plan done: 上半年完成全年计划投资的50%', () => {
    const got = facts('全市工业投资增长6%，上半年完成全年计划投资的50%以上。', '2025-02-18', '深圳市2025年工业和信息化工作要点');
    expect(got.map(shape)).toContainEqual(['工业投资完成全年计划投资上半年', '50%']);
  });

  it('the same things over another threshold: 超千亿元的企业12家，超百亿元的95家', () => {
    const got = facts('营业收入超千亿元的工业企业达到12家，超百亿元的达到95家。', '2025-02-18', '深圳市2025年工业和信息化工作要点');
    expect(got.map(shape)).toEqual([['营业收入超千亿元的工业企业', '12家'], ['营业收入超百亿元的工业企业', '95家']]);
  });

  it('a metric that only says what was done continues the thing before it', () => {
    expect(facts('山东海上风电新开工300万千瓦、建成并网200万千瓦。', '2025-01-20').map(shape)).toEqual([
      ['海上风电新开工', '300万千瓦'], ['海上风电建成并网', '200万千瓦'],
    ]);
    expect(facts('云南建成工业互联网标识解析二级节点25个，接入企业超过3000家。', '2024-02-01').map(shape)).toEqual([
      ['建成工业互联网标识解析二级节点', '25个'], ['工业互联网标识解析二级节点接入企业', '3000家'],
    ]);
    // The thing before already is what the count is of.
    expect(facts('浙江培育专精特新企业200家，新增企业50家。', '2024-02-01').map(shape)).toEqual([
      ['培育专精特新企业', '200家'], ['新增企业', '50家'],
    ]);
  });

  it('a ratio without a unit after 缩小到', () => {
    const got = facts('到2030年，城乡居民收入比缩小到1.85以内。', '2026-01-09', '石狮市2026年政府工作报告');
    expect(got.map((f) => [f.metric, f.value, f.year])).toEqual([['城乡居民收入比', '1.85', 2030]]);
  });
});

describe('national documents and figures', () => {
  const notice = '工业和信息化部办公厅关于公布2026年度卓越级智能工厂名单的通知';

  it("a ministry's notice: a row's region counts, a total no region claims is the nation's and left out", () => {
    const got = facts(
      '经地方推荐、专家评审，共遴选出339家卓越级智能工厂。\n序号｜地区｜数量\n1｜北京市｜12家\n2｜深圳市｜14家\n浙江省、江苏省分别为35家和33家。',
      '2026-03-16', notice, '工业和信息化部办公厅',
    );
    expect(got.map((f) => [f.region, f.city, f.metric, f.value])).toEqual([
      ['北京', null, '北京市卓越级智能工厂数量', '12家'],
      ['广东', '深圳', '深圳市卓越级智能工厂数量', '14家'],
      ['浙江', null, '浙江省卓越级智能工厂', '35家'],
      ['江苏', null, '江苏省卓越级智能工厂', '33家'],
    ]);
  });

  it("a clause about the whole country is not the province's; a slogan naming 全国 is", () => {
    const got = facts('2025年，全国规模以上工业增加值增长5.8%，河南增长7.2%。河南争当全国制造业高质量发展排头兵，制造业增加值增长8%。', '2026-01-20', '河南省2026年工业工作要点');
    expect(got.map((f) => [f.region, f.value])).toEqual([['河南', '7.2%'], ['河南', '8%']]);
  });
});

describe('news pages', () => {
  it("a dateline's city is where the reporter filed from; 各地 is no one region", () => {
    const got = facts('人民网北京2月5日电 近日，多地晒出2025年工业经济成绩单。\n河南省2025年规模以上工业增加值增长8.1%。\n研究员李某表示，各地目标普遍在5%至7%之间。', '2026-02-05', '多地晒出2025年工业成绩单', '人民网');
    expect(got.map((f) => [f.region, f.value])).toEqual([['河南', '8.1%']]);
  });
});

describe('after round six', () => {
  const shape = (f: RawFact) => [f.metric, f.value, f.year];

  it('a 分别 over a list of years gives each figure its year, also in the clause going on with it', () => {
    const got = facts('全市先进轨道交通装备产业产值2026年、2027年、2028年分别达到1950亿元、2200亿元和2500亿元，规模以上企业数分别达到440家、470家和500家。', '2026-03-27', '株洲市先进轨道交通装备产业高质量发展三年行动计划（2026—2028年）');
    expect(got.map((f) => [f.value, f.year])).toEqual([['1950亿元', 2026], ['2200亿元', 2027], ['2500亿元', 2028], ['440家', 2026], ['470家', 2027], ['500家', 2028]]);
  });

  it("a sectoral plan's industry goes in front of what it says of the industry without naming it", () => {
    const got = facts('全年完成产业投资152亿元，本地配套率达到72%，地区生产总值增长6%。', '2026-03-27', '株洲市先进轨道交通装备产业高质量发展三年行动计划（2026—2028年）');
    expect(got.map((f) => f.metric)).toEqual(['先进轨道交通装备产业投资', '先进轨道交通装备本地配套率', '地区生产总值']);
  });

  it('what the clause before builds, or the item label names, is what an added amount is of', () => {
    expect(facts('建设省级算力调度平台，接入算力资源20EFLOPS以上。', '2026-02-26', '江苏省2026年人工智能产业发展工作要点').map(shape)).toEqual([['省级算力调度平台接入算力资源', '20EFLOPS', 2026]]);
    expect(facts('**南京智算中心二期**：新增智能算力5EFLOPS。', '2026-02-26', '江苏省2026年人工智能产业发展工作要点').map(shape)).toEqual([['南京智算中心二期新增智能算力', '5EFLOPS', 2026]]);
  });

  it('no figure: an award per recipient, the steps passed, a count of provinces', () => {
    expect(facts('对新认定的单项冠军企业给予一次性奖励100万元；按设备投资额的10%给予补助。', '2026-03-27', '株洲市2026年工作要点')).toEqual([]);
    expect(facts('全市地区生产总值先后跨越500亿元、600亿元两个台阶。', '2026-01-08', '长葛市2026年政府工作报告')).toEqual([]);
    expect(facts('其中19个省份增速高于全国，河南规上工业增加值增长8.1%。', '2026-02-05', '多地晒出成绩单', '人民网').map((f) => f.value)).toEqual(['8.1%']);
  });

  it('a part named by the generic word of the thing before is the same thing (其中郑州市产量)', () => {
    const got = facts('河南新能源汽车产量达到120万辆，其中郑州市产量达到61.2万辆。', '2026-02-05');
    expect(got.map((f) => [f.city, f.metric, f.value])).toEqual([[null, '新能源汽车产量', '120万辆'], ['郑州', '新能源汽车产量', '61.2万辆']]);
  });

  it('a "十五五" plan naming the plan is no time: 今年 is', () => {
    expect(facts('今年是“十五五”规划开局之年，主要预期目标是：地区生产总值增长6.5%左右。', '2026-01-08', '长葛市2026年政府工作报告').map(shape)).toEqual([['地区生产总值', '6.5%', 2026]]);
  });
});

describe('after round seven', () => {
  const bulletin = '唐山市2025年国民经济和社会发展统计公报';

  it("a statistical bulletin of a past year: 全年 is that year, everything a result, notes on definitions no figures", () => {
    const got = facts('全年全市地区生产总值9512.6亿元，比上年增长5.6%。\n[3]规模以上工业统计范围为年主营业务收入2000万元及以上的工业法人单位。', '2026-03-10', bulletin);
    expect(got.map((f) => [f.value, f.kind, f.year])).toEqual([['9512.6亿元', 'actual', 2025], ['5.6%', 'actual', 2025]]);
  });

  it('a table of products: the growth column is of the output column before it', () => {
    const got = facts('产品名称｜单位｜产量｜比上年增长（%）\n原煤｜万吨｜1862.4｜2.7', '2026-03-10', bulletin);
    expect(got.map((f) => [f.metric, f.value])).toEqual([['原煤产量', '1862.4万吨'], ['原煤产量比上年增长', '2.7%']]);
  });

  it('places listed after 的有, and a second 分别 going on with them', () => {
    const got = facts('地区生产总值超过千亿元的有迁安市和曹妃甸区，分别为1286.4亿元和1052.7亿元，分别比上年增长6.2%和7.8%。', '2026-03-10', bulletin);
    expect(got.map((f) => [f.city, f.metric, f.value])).toEqual([
      // 迁安市 is a county-level city (its own city); 曹妃甸区 a district of 唐山.
      ['迁安', '迁安市地区生产总值', '1286.4亿元'], ['唐山', '曹妃甸区地区生产总值', '1052.7亿元'],
      ['迁安', '迁安市地区生产总值', '6.2%'], ['唐山', '曹妃甸区地区生产总值', '7.8%'],
    ]);
  });

  it('…实现营业收入；实现利润总额: the same enterprises; 由…增加到: the same thing', () => {
    const got = facts('规模以上工业企业实现营业收入1.38万亿元；实现利润总额386.2亿元。地区生产总值由2020年的1.77万亿元增加到2.68万亿元。', '2026-01-28', '陕西省2026年政府工作报告');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['规模以上工业企业实现营业收入', '1.38万亿元'], ['规模以上工业企业实现利润总额', '386.2亿元'],
      ['地区生产总值', '1.77万亿元'], ['地区生产总值', '2.68万亿元'],
    ]);
  });
});

describe('before round eight', () => {
  const plan = '山西省制造业数字化转型行动方案（2026—2028年）';
  const shape = (f: RawFact) => [f.metric, f.value, f.deadline?.slice(0, 4) ?? f.year];

  it('到 goes with its year, not into the metric; 三年内 in a three-year plan ends with its last year', () => {
    expect(facts('到2028年城轨车辆年产能达到1500辆。三年内保障产业项目用地3000亩以上。', '2026-03-01', plan).map(shape)).toEqual([
      ['城轨车辆年产能', '1500辆', '2028'], ['保障产业项目用地', '3000亩', '2028'],
    ]);
  });

  it('a listed item without a verb is counted by the verb of the item before it', () => {
    expect(facts('到2028年，累计建成省级智能工厂200个、数字化车间600个；新建5G基站1万个、数据中心3个。', '2026-03-01', plan).map((f) => f.metric)).toEqual([
      '累计建成省级智能工厂', '累计建成数字化车间', '新建5G基站', '新建数据中心',
    ]);
    // Items with their own verb, and measures that are not counts, keep their own words.
    expect(facts('规模以上工业增加值增长8%、固定资产投资增长10%。新增上市公司5家、累计达到56家。', '2026-03-01', plan).map((f) => f.metric)).toEqual([
      '规模以上工业增加值', '固定资产投资', '新增上市公司', '累计上市公司',
    ]);
  });

  it('what a clause does or totals goes on with the thing of the clause before', () => {
    const got = facts('工业互联网标识解析二级节点达到20个，服务企业超过1.5万家。新开工亿元以上工业项目186个，竣工投产132个。新能源装机新增1250万千瓦，总装机达到7860万千瓦。', '2026-03-01', plan);
    expect(got.map((f) => f.metric)).toEqual([
      '工业互联网标识解析二级节点', '工业互联网标识解析二级节点服务企业', '新开工亿元以上工业项目', '亿元以上工业项目竣工投产', '新能源装机新增', '新能源装机总装机',
    ]);
  });

  it('what the clause before builds is what is reached or measured; a verb of reach keeps its count', () => {
    expect(facts('推进大同数据中心集群建设，到2028年算力规模达到8EFLOPS。实施农村供水提质工程，惠及群众12万人。产品出口覆盖全球110个国家和地区。', '2026-03-01', plan).map((f) => f.metric)).toEqual([
      '大同数据中心集群算力规模', '农村供水提质工程惠及群众', '产品出口覆盖全球国家和地区',
    ]);
  });

  it("a fund's size is a figure; 重要 and 完成了…目标任务 do not make a review paragraph a goal", () => {
    expect(facts('设立规模100亿元的省人工智能产业母基金。', '2026-02-26', '江苏省2026年人工智能产业发展工作要点').map(shape)).toEqual([['省人工智能产业母基金规模', '100亿元', '2026']]);
    const report = facts('过去一年，较好完成了省人大会议确定的主要目标任务。全省地区生产总值增长5.2%。\n\n我们坚持把扩大内需作为稳增长的重要抓手，全年新开工亿元以上项目1380个。', '2026-01-21', '2026年陕西省人民政府工作报告');
    expect(report.map((f) => [f.value, f.kind, f.year])).toEqual([['5.2%', 'actual', 2025], ['1380个', 'actual', 2025]]);
  });
});

describe('after round eight', () => {
  const shape = (f: RawFact) => [f.metric, f.value, f.kind, f.deadline?.slice(0, 4) ?? f.year];

  it('a 2025 summary and 2026 plan: the plan is the later year, 全年 under the summary heading is 2025', () => {
    const got = facts('一、2025年工作总结\n全年新开工亿元以上工业项目468个。\n二、2026年工作思路\n全年汽车产量力争达到260万辆。', '2026-01-16', '吉林省工业和信息化厅2025年工作总结和2026年工作思路');
    expect(got.map((f) => [f.value, f.kind, f.year])).toEqual([['468个', 'actual', 2025], ['260万辆', 'target', 2026]]);
  });

  it('a review goes on over paragraphs that set no goal, and one that names its year after a source', () => {
    const got = facts('贵州省统计局数据显示，2025年全省规模以上工业增加值增长4.8%。\n分城市看，六盘水市原煤产量6950万吨。\n2026年，贵州提出规模以上工业增加值增长5%以上。', '2026-02-08', '五省区工业目标');
    expect(got.map((f) => [f.value, f.kind, f.year])).toEqual([['4.8%', 'actual', 2025], ['6950万吨', 'actual', 2025], ['5%', 'target', 2026]]);
  });

  it("the nation's clauses go on until a region takes over; a headline's figure is the body's", () => {
    const national = facts('2025年全国规模以上工业增加值增长5.9%，装备制造业增加值增长9.1%，制造业增加值占国内生产总值比重为26.8%。2025年，湖北规模以上工业增加值增长7.3%。', '2026-02-08', '五省区工业目标');
    expect(national.map((f) => [f.region, f.value])).toEqual([['湖北', '7.3%']]);
    const headline = facts('# 新疆：新能源装机剑指2亿千瓦\n到2030年，全区新能源装机规模力争达到2亿千瓦。', '2026-02-08', '五省区工业目标');
    expect(headline.map((f) => [f.value, f.year])).toEqual([['2亿千瓦', 2030]]);
  });

  it("a cluster plan's bare 集群 is the cluster; a project list item's investment is the project's", () => {
    const title = '德阳市清洁能源装备产业集群高质量发展行动计划（2026—2028年）';
    expect(facts('到2028年，集群营业收入突破4000亿元。', '2026-03-06', title).map((f) => f.metric)).toEqual(['清洁能源装备产业集群营业收入']);
    const projects = facts('- **重型燃机智能制造基地项目**（旌阳区）：建设重型燃机总装及试验平台。总投资52亿元，2026年计划投资14亿元。\n以上4个项目总投资143亿元。', '2026-03-06', title);
    expect(projects.map(shape)).toEqual([
      ['重型燃机智能制造基地项目总投资', '52亿元', 'target', '2028'], ['重型燃机智能制造基地项目计划投资', '14亿元', 'target', '2026'],
      ['项目总投资', '143亿元', 'target', '2028'],
    ]);
  });

  it('no figure: a product rating, awards after 分别给予, the plan counting its indicators, a social bar', () => {
    const got = facts('加快F级50兆瓦重型燃气轮机产业化。对首次突破50亿元、100亿元的企业分别给予100万元、200万元奖励。共设置主要指标11项，其中预期性指标9项。', '2026-03-24', '宁夏回族自治区制造业重点产业链高质量发展行动方案（2026—2030年）');
    expect(got).toEqual([]);
  });

  it('listed totals after 累计分别, a share inside a whole, a move from a yearless baseline', () => {
    const got = facts('2025年，新认定省级智能工厂32个、数字化车间105个，累计分别达到128个、436个。全区算力总规模达到8.5万P，其中智能算力占比超过90%。', '2026-01-16', '吉林省2026年工作要点');
    expect(got.filter((f) => ['128个', '436个', '90%'].includes(f.value)).map((f) => f.metric)).toEqual(['累计省级智能工厂', '累计数字化车间', '算力总规模中智能算力占比']);
    const moved = facts('五年来，新能源装机由2020年的480万千瓦增加到2130万千瓦；高新技术企业由126家增加到420家。', '2026-01-12', '2026年鄂尔多斯市人民政府工作报告');
    expect(moved.map((f) => [f.metric, f.value, f.year])).toEqual([
      ['新能源装机', '480万千瓦', 2020], ['新能源装机', '2130万千瓦', 2025], ['高新技术企业', '126家', 2020], ['高新技术企业', '420家', 2025],
    ]);
  });
});

describe('after round nine', () => {
  it("a speech's review: 过去一年 after an introduction, 这一年 paragraphs going on with it", () => {
    const got = facts('台州是制造业大市。过去一年，全市上下迎难而上。\n这一年，我们稳住了增长的基本盘。全市规上工业增加值增长8.6%。\n今年全市规上工业增加值增长8%左右。', '2026-02-24', '在全市制造业高质量发展大会上的讲话');
    expect(got.map((f) => [f.value, f.kind, f.year])).toEqual([['8.6%', 'actual', 2025], ['8%', 'target', 2026]]);
  });

  it('a list of goals named 的目标 keeps its figures; a threshold before what it sorts is none', () => {
    const goals = facts('2026年，璧山将锚定地区生产总值增长7%左右、工业投资增长12%以上的目标。', '2026-02-26', '重庆市璧山区2026年招商引资重大项目集中签约');
    expect(goals.map((f) => f.value)).toEqual(['7%', '12%']);
    const sorted = facts('到2028年，上海奉贤区培育产值超10亿元企业25家。', '2026-03-12', '奉贤区三年行动方案（2026—2028年）');
    expect(sorted.map((f) => f.value)).toEqual(['25家']);
  });

  it("a news page's next subheading does not keep the year the one before named", () => {
    const got = facts('# 去年地区生产总值增长6.8%\n2025年，重庆璧山实现地区生产总值1186.4亿元。\n# 产业链招商成效明显\n其中，璧山高新区签约项目19个。', '2026-02-26', '璧山区2026年一季度招商引资重大项目集中签约');
    expect(got.filter((f) => f.value === '19个').map((f) => f.year)).toEqual([2026]);
  });
});

describe('before round ten (round nine, part three)', () => {
  it('the clause right before names what 达到 reaches; 约占/环比/同口径 lean on the subject before', () => {
    const got = facts('2025年，绿色铝产量达到546万吨；新能源电池产业营业收入首次突破千亿元，达到1086亿元。重庆市新能源汽车产量达到102.3万辆，约占全国的6.5%。3月份，全市规模以上工业增加值同比增长10.2%，环比增长3.5%。', '2026-04-21', '云南省2026年工作报告');
    const metric = (v: string): string | undefined => got.find((f) => f.value === v)?.metric;
    expect([metric('1086亿元'), metric('6.5%'), metric('3.5%')]).toEqual(['新能源电池产业营业收入', '新能源汽车产量约占全国', '规模以上工业增加值环比']);
  });

  it('the shared noun of a 分别 list starts at the kind of thing its items are, unless the items are places', () => {
    const got = facts('2025年，有色金属、硅光伏、新能源电池产业增加值分别增长12.6%、9.8%和21.4%。株洲市天元区、醴陵市轨道交通配套产业产值分别达到215亿元和58亿元。', '2026-01-26', '云南省2026年工作报告');
    expect(got.map((f) => f.metric)).toEqual(['有色金属产业增加值', '硅光伏产业增加值', '新能源电池产业增加值', '株洲市天元区轨道交通配套产业产值', '醴陵市轨道交通配套产业产值']);
  });

  it('kinds after 其中 in the whole’s unit, a plan done, figures 在…的基础上, and words that only look like noise', () => {
    const got = facts('园区累计并网装机达到2810万千瓦，其中光伏2210万千瓦、风电560万千瓦。全年实施省级重大项目1216个，完成投资5860亿元，完成年度计划的102.5%。', '2026-01-26', '青海省海南州2025年工作总结');
    expect(got.filter((f) => ['2210万千瓦', '560万千瓦', '102.5%'].includes(f.value)).map((f) => f.metric)).toEqual(['园区光伏并网装机', '园区风电并网装机', '省级重大项目投资完成年度计划']);
    const base = facts('在2025年全市规模以上工业增加值增长7.9%的基础上，推动工业经济实现开门稳。', '2026-04-21', '天水市2026年一季度工业经济运行情况');
    expect(base.map((f) => [f.metric, f.value, f.year, f.kind])).toEqual([['规模以上工业增加值', '7.9%', 2025, 'actual']]);
  });

  it('no figure: a voltage class, a time window, counts of the plan’s own indicators; 3万批次 is one', () => {
    const got = facts('加快园区330千伏汇集站建设。确保签约项目6个月内开工率达到70%以上。确定的15项主要指标中，8项完成或好于预期。年检测能力达到3万批次。', '2026-03-12', '云南省2026年工作要点');
    expect(got.map((f) => [f.metric, f.value])).toEqual([['签约项目6个月内开工率', '70%'], ['年检测能力', '3万批次']]);
  });

  it('an indicator wrapped under a table is no heading naming a year', () => {
    const got = facts('| 指标 | 2025年 | 2028年 |\n| --- | --- | --- |\n| 产业规模 | 862亿元 | 1200亿元 |\n# 2025年累计下降\n# 三、重点任务\n核心区产值达到800亿元。', '2026-03-12', '奉贤区美丽健康产业三年行动方案（2026—2028年）');
    expect(got.filter((f) => f.value === '800亿元').map((f) => [f.year, f.kind])).toEqual([[2028, 'target']]);
  });
});

describe('after round ten', () => {
  it('a unit per another (台/万人, 万吨/年), 天 and 公斤 as units, a 公斤级 class is none', () => {
    const got = facts('制造业机器人密度达到450台/万人以上。动力电池回收利用能力达到10万吨/年。优良天数达到236天。支持企业突破20公斤级以上大负载关节模组。', '2026-03-01', '广西新能源汽车产业三年行动方案（2026—2028年）');
    expect(got.map((f) => [f.metric, f.value, f.unit])).toEqual([
      ['制造业机器人密度', '450台/万人', '台/万人'], ['动力电池回收利用能力', '10万吨/年', '吨/年'], ['优良天数', '236天', '天'],
    ]);
  });

  it('a year list opening a clause hands out its years; 总数 takes no list verb; a vague reach is none', () => {
    const title = '广西新能源汽车产业三年行动方案（2026—2028年）';
    const years = facts('2026年、2027年全区新能源汽车产量分别达到95万辆和120万辆。', '2026-03-01', title);
    expect(years.map((f) => [f.metric, f.value, f.deadline?.slice(0, 4)])).toEqual([['新能源汽车产量', '95万辆', '2026'], ['新能源汽车产量', '120万辆', '2027']]);
    const total = facts('新增高新技术企业300家、总数突破2200家。出口覆盖全球60多个国家和地区。', '2026-03-01', title);
    expect(total.map((f) => [f.metric, f.value])).toEqual([['新增新能源汽车高新技术企业', '300家'], ['新能源汽车高新技术企业总数', '2200家']]);
  });

  it("a 专栏's project items: 总投资 and capacity of the project by the plan's end, the box's total named by its heading", () => {
    const title = '广西新能源汽车产业三年行动方案（2026—2028年）';
    const got = facts('# 专栏1　2026年重点推进项目\n（1）柳州新能源汽车智能工厂二期项目（柳东新区）：建设年产30万辆新能源乘用车总装线，总投资85亿元，2026年计划投资28亿元。\n以上4个项目总投资293亿元，2026年计划投资93亿元。', '2026-03-01', title);
    expect(got.map((f) => [f.metric, f.value, f.deadline?.slice(0, 4)])).toEqual([
      ['柳州新能源汽车智能工厂二期项目建设年产新能源乘用车总装线', '30万辆', '2028'], ['柳州新能源汽车智能工厂二期项目总投资', '85亿元', '2028'],
      ['柳州新能源汽车智能工厂二期项目计划投资', '28亿元', '2026'], ['2026年重点推进项目总投资', '293亿元', '2028'], ['2026年重点推进项目计划投资', '93亿元', '2026'],
    ]);
  });

  it('a task opening with its verb is no project label; a capacity naming a project is no figure; people served', () => {
    const task = facts('8. 招引重大项目。全年招引人工智能领域亿元以上项目120个，完成投资320亿元。', '2026-02-01', '江苏省2026年人工智能产业工作要点');
    expect(task.map((f) => f.metric)).toEqual(['招引人工智能领域亿元以上项目', '招引人工智能领域亿元以上项目投资']);
    const named = facts('推动洋浦100万吨/年乙烯项目二期开工建设。为1.5万名适龄妇女免费开展“两癌”筛查。', '2026-02-01', '海南省2026年工作要点');
    expect(named.map((f) => [f.metric, f.value])).toEqual([['适龄妇女免费开展“两癌”筛查', '1.5万名']]);
  });

  it('the places where something is done (在100家…开展…); a duration told is no figure, a time limit is', () => {
    const got = facts('在100家养老机构开展康养机器人应用试点。项目从签约到投产仅用了8个月。审批时间压缩至3个月。', '2025-04-16', '北京市机器人产业创新发展三年行动方案（2025—2027年）');
    expect(got.map((f) => [f.metric, f.value])).toEqual([['养老机构开展康养机器人应用试点', '100家'], ['审批时间压缩', '3个月']]);
  });
});

describe('after round eleven', () => {
  it('a glossary defines terms, it states no figures; 锭 is a unit; the count after a list of places says nothing more', () => {
    const got = facts('纺纱产能达到2500万锭。全省新能源汽车产量达到180万辆，合肥、芜湖两市分别达到118.6万辆和52.3万辆。\n# 名词解释\n规模以上工业企业：指年主营业务收入2000万元及以上的工业企业。\n# 附件\n全年新增企业100家。', '2026-02-01', '安徽省2026年工作要点');
    expect(got.map((f) => [f.metric, f.value])).toEqual([['纺纱产能', '2500万锭'], ['新能源汽车产量', '180万辆'], ['合肥新能源汽车产量', '118.6万辆'], ['芜湖新能源汽车产量', '52.3万辆'], ['新增企业', '100家']]);
  });

  it("a box of parks measures each park; a project item's construction is for when the plan ends", () => {
    const parks = facts('# 专栏2　重点园区\n3.甘泉堡经济技术开发区（乌鲁木齐）。建设新材料基地，到2030年工业总产值达到1000亿元。', '2026-03-01', '新疆推进新型工业化实施方案（2026—2030年）');
    expect(parks.map((f) => [f.metric, f.value])).toEqual([['甘泉堡经济技术开发区工业总产值', '1000亿元']]);
    const project = facts('# 专栏1　2026年重点推进项目\n（1）龙南市稀土永磁电机产业园项目（龙南经开区）。建设高效稀土永磁电机生产线12条，总投资42亿元，2026年计划投资12亿元。', '2026-03-01', '赣州市稀土新材料产业三年行动方案（2026—2028年）');
    expect(project.map((f) => [f.metric, f.value, f.deadline?.slice(0, 4)])).toEqual([
      ['龙南市稀土永磁电机产业园项目建设高效稀土永磁电机生产线', '12条', '2028'], ['龙南市稀土永磁电机产业园项目总投资', '42亿元', '2028'], ['龙南市稀土永磁电机产业园项目计划投资', '12亿元', '2026'],
    ]);
  });

  it('a task heading naming projects is no project item: its figures keep their own metrics and quarters', () => {
    const got = facts('狠抓制造业重大项目。力争新建项目开工率一季度30%、二季度60%。', '2023-03-01', '浙江省2023年全省经信工作要点');
    expect(got.map((f) => [f.metric, f.deadline])).toEqual([['新建项目开工率一季度', '2023-03-31'], ['新建项目开工率二季度', '2023-06-30']]);
  });
});

describe('before round twelve', () => {
  it('a measure that names no thing is of the thing the clause before builds, sets up or measures', () => {
    const got = facts('支持崇川区建设船舶配套产业园，入园企业达到60家。建立拟升规企业培育库，入库企业不少于150家。发展科考船、海上风电运维船等特种船舶，年交付量达到30艘。海口市新能源汽车产量达到12万辆，本地配套率提高到30%。', '2026-02-01', '江苏省2026年工作要点');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['崇川区船舶配套产业园入园企业', '60家'], ['拟升规企业培育库入库企业', '150家'], ['特种船舶年交付量', '30艘'], ['新能源汽车产量', '12万辆'], ['新能源汽车本地配套率', '30%'],
    ]);
  });

  it('not when the clause names its own place, nor when the thing before is the same kind of thing', () => {
    const got = facts('大力发展数字经济，全区算力规模达到5万P。园区全年新入驻企业26家，累计入驻企业达到186家。', '2024-01-20', '内蒙古自治区2024年政府工作报告');
    expect(got.map((f) => f.metric)).toEqual(['算力规模', '园区新入驻企业', '累计入驻企业']);
  });

  it('“十四五”前四年 is a past period (2021—2024); a size before the thing counted is its spec; 座（艘）', () => {
    const got = facts('“十四五”前四年，全市地区生产总值年均增长5.9%。到2027年，LNG运输船年交付量达到32艘，其中17.4万立方米LNG运输船12艘。2024年交付海工平台及海工船舶36座（艘）。', '2025-01-10', '南通市2025年工作要点');
    expect(got.map((f) => [f.kind, f.year, f.metric, f.value])).toEqual([
      ['actual', 2024, '地区生产总值', '5.9%'], ['target', 2027, 'LNG运输船年交付量', '32艘'], ['target', 2027, '17.4万立方米LNG运输船', '12艘'], ['actual', 2024, '交付海工平台及海工船舶', '36座（艘）'],
    ]);
  });

  it('a counted group before 分别 stands for the members the document gives it, or the indicators listed before it', () => {
    const text = '做强烟草、装备制造、生物医药三大主导产业。2026年，三大主导产业产值分别达到1100亿元、800亿元和360亿元。\n2024年，全市造船完工量820万载重吨、新接订单量1350万载重吨，两大造船指标分别占全国的17.1%和11.9%。';
    const got = facts(text, '2026-01-09', '常德市2026年政府工作报告');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['烟草产业产值', '1100亿元'], ['装备制造产业产值', '800亿元'], ['生物医药产业产值', '360亿元'],
      ['造船完工量', '820万载重吨'], ['新接订单量', '1350万载重吨'], ['造船完工量占全国', '17.1%'], ['新接订单量占全国', '11.9%'],
    ]);
  });

  it('the places of a 分别 list summed after it (三地合计占全市); the count and the verb around a list of places go', () => {
    const got = facts('2025年，赣州经开区、赣县区（赣州高新区）、龙南市稀土新材料及应用产业营业收入分别达到405亿元、318亿元和226亿元，三地合计占全市的68.5%。支持合肥、芜湖两市新能源汽车产量分别达到140万辆、60万辆。', '2026-03-12', '赣州市稀土新材料及应用产业高质量发展三年行动方案（2026—2028年）');
    expect(got.map((f) => f.metric)).toEqual([
      '赣州经开区稀土新材料及应用产业营业收入', '赣县区稀土新材料及应用产业营业收入', '龙南市稀土新材料及应用产业营业收入',
      '赣州经开区、赣县区、龙南市稀土新材料及应用产业营业收入合计占全市', '合肥新能源汽车产量', '芜湖新能源汽车产量',
    ]);
  });

  it("a province's figure is not merged into a city's with the same figure", () => {
    const got = facts('全省规模以上工业增加值增长6%左右。推动哈尔滨、大庆两市规模以上工业增加值分别增长7%和6%。', '2026-02-01', '黑龙江省2026年工业和信息化工作要点');
    const merged = mergeFacts(got, () => 'hl');
    expect(merged.map((f) => [f.city, f.metric, f.value]).sort()).toEqual([
      ['哈尔滨', '哈尔滨规模以上工业增加值', '7%'], ['大庆', '大庆规模以上工业增加值', '6%'], [null, '规模以上工业增加值', '6%'],
    ].sort());
  });

  it('a place named alone after a 分别 list of places has its figure of what the list measures', () => {
    const got = facts('分县区看，一季度秦州区、麦积区规模以上工业增加值分别增长9.8%和11.3%，秦安县增长12.6%，张家川县增长4.2%。济南、青岛生产总值分别达到1.33万亿元、1.67万亿元，烟台突破1.07万亿元。', '2026-04-20', '2026年一季度天水市工业经济运行情况');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['秦州区规模以上工业增加值一季度', '9.8%'], ['麦积区规模以上工业增加值', '11.3%'], ['秦安县规模以上工业增加值', '12.6%'], ['张家川县规模以上工业增加值', '4.2%'],
      ['济南生产总值', '1.33万亿元'], ['青岛生产总值', '1.67万亿元'], ['烟台生产总值', '1.07万亿元'],
    ]);
  });

  it('a shortcoming (仅为, 只有, 低于全省平均水平) is how things stand when the plan is written, without its 仅', () => {
    const got = facts('同时也要看到，园区本地消纳比例仅为18.4%，新能源利用率低于全省平均水平2.1个百分点。全市营收超百亿元企业只有12家。', '2026-01-20', '玉树州清洁能源产业园2026年工作计划');
    expect(got.map((f) => [f.kind, f.year, f.metric, f.value])).toEqual([
      ['actual', 2025, '园区本地消纳比例', '18.4%'], ['actual', 2025, '新能源利用率低于全省平均水平', '2.1个百分点'], ['actual', 2025, '营收超百亿元企业', '12家'],
    ]);
  });

  it('a goal a result is measured against is the target of what the result measures', () => {
    const got = facts('2025年，全省地区生产总值增长4.6%，低于年初确定的5%左右的预期目标。社会消费品零售总额增长4.9%，预期目标为增长5.5%左右。', '2026-01-28', '关于云南省2025年国民经济和社会发展计划执行情况与2026年计划草案的报告');
    expect(got.map((f) => [f.kind, f.year, f.metric, f.value])).toEqual([
      ['actual', 2025, '地区生产总值', '4.6%'], ['target', 2025, '地区生产总值', '5%'], ['actual', 2025, '社会消费品零售总额', '4.9%'], ['target', 2025, '社会消费品零售总额', '5.5%'],
    ]);
  });

  it("a box's heading dates the box only; a listed item of a project item goes with the project", () => {
    const text = '# 专栏1　2025年船舶海工产业重点推进项目\n启东滨海深水装备扩建项目（启东市）：新建大型干船坞1座、FPSO总装平台2座，总投资58亿元。\n# 四、保障措施\n设立总规模50亿元的船舶海工产业投资基金。';
    const got = facts(text, '2025-06-18', '南通市船舶海工产业高质量发展三年行动方案（2025—2027年）');
    expect(got.map((f) => [f.metric, f.value, f.deadline?.slice(0, 4)])).toEqual([
      ['启东滨海深水装备扩建项目新建大型干船坞', '1座', '2027'], ['启东滨海深水装备扩建项目FPSO总装平台', '2座', '2027'], ['启东滨海深水装备扩建项目总投资', '58亿元', '2027'],
      ['船舶海工产业投资基金规模', '50亿元', '2027'],
    ]);
  });
});

describe('after round thirteen', () => {
  it('a time told after a figure does not reach past the ；, a quarter neither; one opening the sentence frames all of it', () => {
    const got = facts('# 二、2025年工作安排\n白酒产业营业收入达到1650亿元，力争到2027年突破2000亿元；外贸进出口总额增长10%。\n规模以上工业增加值增长7%左右，其中一季度增长7.5%以上；工业投资增长8%左右。\n到2027年，产值达到900亿元；企业达到50家。', '2025-01-08', '泸州市2025年政府工作报告');
    expect(got.map((f) => [f.metric, f.value, f.deadline])).toEqual([
      ['白酒产业营业收入', '1650亿元', '2025-12-31'], ['白酒产业营业收入', '2000亿元', '2027-12-31'], ['外贸进出口总额', '10%', '2025-12-31'],
      ['规模以上工业增加值', '7%', '2025-12-31'], ['规模以上工业增加值一季度', '7.5%', '2025-03-31'], ['工业投资', '8%', '2025-12-31'],
      ['产值', '900亿元', '2027-12-31'], ['企业', '50家', '2027-12-31'],
    ]);
  });

  it('a counted group of places stands for the places listed before it; a group counted in digits; an industry opening its clause with 以', () => {
    const got = facts('支持江阳区、龙马潭区、古蔺县建设白酒产业集中发展区，三地白酒产业营业收入分别达到620亿元、450亿元和380亿元。新一代信息技术、高端装备、现代消费与健康、绿色石化与新材料4个世界级先进产业群营业收入分别达到2.35万亿元、1.98万亿元、1.62万亿元和2.58万亿元。生物医药产业以沙市区、荆州区为重点，产值突破138亿元。', '2025-01-08', '泸州市2025年政府工作报告');
    expect(got.map((f) => f.metric).filter((m) => !m.endsWith('分别'))).toEqual([
      '江阳区白酒产业营业收入', '龙马潭区白酒产业营业收入', '古蔺县白酒产业营业收入',
      '新一代信息技术产业群营业收入', '高端装备产业群营业收入', '现代消费与健康产业群营业收入', '绿色石化与新材料产业群营业收入', '生物医药产业产值',
    ]);
  });

  it("no figures: a box's number, the strip of land a rule is about, the nation's figure in brackets; a list's sum named by its items", () => {
    const got = facts('专栏3所列6个重点项目总投资219.3亿元。守牢沿江1公里化工企业“清零”成果。规模以上工业增加值增长8.0%，高于全国（5.8%）2.2个百分点。纺织服装、玩具创意两大特色产业规模以上工业产值分别达到1128亿元和486亿元，合计占全市规模以上工业总产值的51.6%。', '2026-03-10', '汕头市制造业高质量发展三年行动方案（2026—2028年）');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['重点项目总投资', '219.3亿元'], ['规模以上工业增加值', '8.0%'], ['规模以上工业增加值高于全国', '2.2个百分点'],
      ['纺织服装产业规模以上工业产值', '1128亿元'], ['玩具创意产业规模以上工业产值', '486亿元'], ['纺织服装、玩具创意产业规模以上工业产值合计占全市规模以上工业总产值', '51.6%'],
    ]);
  });

  it("a sectoral plan's counts of its enterprises, platforms, projects, land and investment carry its industry", () => {
    const got = facts('新增省级以上研发平台20个，培育营业收入超50亿元企业20家。每年安排产业用地不少于1500亩，五年累计完成产业投资2500亿元。新材料产值占集群产值比重达到30%。2025年，贵阳、黔南两地产业营业收入分别达到1060亿元和780亿元。全省规模以上工业增加值增长7%。', '2026-03-01', '贵州省磷化工和新能源电池材料产业高质量发展实施方案（2026—2030年）');
    expect(got.map((f) => f.metric)).toEqual([
      '新增磷化工和新能源电池材料省级以上研发平台', '培育磷化工和新能源电池材料营业收入超50亿元企业', '每年安排磷化工和新能源电池材料产业用地',
      '五年累计完成磷化工和新能源电池材料产业投资', '新材料产值占磷化工和新能源电池材料产业集群产值比重',
      '贵阳磷化工和新能源电池材料产业营业收入', '黔南磷化工和新能源电池材料产业营业收入', '规模以上工业增加值',
    ]);
  });
});


describe('after round thirteen, round twelve mended', () => {
  it('a named site opening the sentence or the clause before owns the measures after it that name no thing', () => {
    const got = facts('大亚湾石化区已形成从原油加工到合成材料的一体化产业链，2024年实现产值2260亿元，增长7.5%。全市电力装机容量达到1560万千瓦；大亚湾LNG接收站一期建成投运，年接收能力达到400万吨。庆阳数据中心集群标准机架达到15万架，算力规模达到20EFLOPS。园区内规模以上企业实现产值120亿元。', '2025-03-01', '惠州市2025年工作要点');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['大亚湾石化区产值', '2260亿元'], ['大亚湾石化区产值', '7.5%'], ['电力装机容量', '1560万千瓦'], ['大亚湾LNG接收站年接收能力', '400万吨'],
      ['数据中心集群标准机架', '15万架'], ['数据中心集群算力规模', '20EFLOPS'], ['园区内规模以上企业实现产值', '120亿元'],
    ]);
  });
});

describe('after round thirteen, three years', () => {
  it("三年累计, 三年引进 in a three-year plan end with its last year, whatever year the sentence named before, and stay in the metric; 五年累计 and 三年来 do not", () => {
    const got = facts('2026年新开工亿元以上项目40个，三年引进精细化工企业60家。三年累计完成工业投资1500亿元以上。', '2026-03-18', '盘锦市精细化工产业高质量发展三年行动方案（2026—2028年）');
    expect(got.map((f) => [f.metric, f.value, f.deadline])).toEqual([
      ['精细化工新开工亿元以上项目', '40个', '2026-12-31'], ['三年引进精细化工企业', '60家', '2028-12-31'], ['三年累计完成工业投资', '1500亿元', '2028-12-31'],
    ]);
    const review = facts('过去一年，全市地区生产总值增长5.6%。五年累计完成固定资产投资1.52万亿元，三年来累计引进项目300个。', '2026-01-20', '常德市2026年政府工作报告');
    expect(review.map((f) => [f.value, f.kind, f.year])).toEqual([['5.6%', 'actual', 2025], ['1.52万亿元', 'actual', 2025], ['300个', 'actual', 2025]]);
  });
});

describe('after round thirteen, chosen for', () => {
  it('what counted things are chosen to do is part of what is counted (每年遴选100家骨干企业开展智能化改造)', () => {
    const got = facts('全省工业经济稳中向好。每年遴选100家骨干企业开展智能化改造，建成5个示范园区。每年遴选100家成长型中小企业开展“一企一策”精准服务。', '2026-02-10', '福建省2026年工业和信息化工作要点');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['每年遴选骨干企业开展智能化改造', '100家'], ['建成示范园区', '5个'], ['每年遴选成长型中小企业开展“一企一策”精准服务', '100家'],
    ]);
  });
});

describe('after round thirteen, bans and caps', () => {
  it("a ban's threshold and what one project may get are not figures of the plan; what is phased out is", () => {
    const got = facts('严禁新建年产50万吨以下磷矿。每个项目给予不超过500万元支持。不再新建30万千瓦以下煤电机组。淘汰落后产能100万吨。', '2026-03-01', '贵州省磷化工产业高质量发展实施方案（2026—2030年）');
    expect(got.map((f) => [f.metric, f.value])).toEqual([['淘汰落后产能', '100万吨']]);
  });
});

describe('after round thirteen, gaps', () => {
  it('a gap that names only the comparison (我市仍低, 比…目标高, 仍低于全省平均水平) is a gap of what the clause before measures', () => {
    const got = facts('2025年，全市精细化工率达到36.5%，我市仍低8.5个百分点。地表水国控断面水质优良比例达到90.2%，比国家下达的87%的目标高3.2个百分点。研发投入强度为1.1%，仍低于全省平均水平0.8个百分点。', '2026-03-18', '盘锦市2026年工作要点');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['精细化工率', '36.5%'], ['精细化工率仍低', '8.5个百分点'], ['地表水国控断面水质优良比例', '90.2%'],
      ['地表水国控断面水质优良比例比国家下达的87%的目标高', '3.2个百分点'], ['研发投入强度', '1.1%'], ['研发投入强度仍低于全省平均水平', '0.8个百分点'],
    ]);
  });
});

describe('after round thirteen, measured another way', () => {
  it('a bare 产量 after the clause measuring a thing is of that thing; a count of kinds named for the figure after it is no figure', () => {
    const got = facts('2025年，电解铝产能达到720万吨，产量695万吨。全区10种有色金属产量达到810万吨。新能源汽车产量达到120万辆，营业收入突破3000亿元。', '2026-04-10', '内蒙古自治区有色金属产业高质量发展行动计划（2026—2027年）');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['电解铝产能', '720万吨'], ['电解铝产量', '695万吨'], ['有色金属产量', '810万吨'], ['新能源汽车产量', '120万辆'], ['新能源汽车营业收入', '3000亿元'],
    ]);
  });
});

describe('after round thirteen, steps passed', () => {
  it('what passed a step (连跨两个千亿台阶, 迈上4000亿元新台阶) is what grew or reached the figure after it', () => {
    const got = facts('五年来，全市经济总量连跨两个千亿台阶，年均增长6.1%。全市地区生产总值迈上4000亿元新台阶、达到4150亿元。', '2026-01-15', '2026年保定市人民政府工作报告');
    expect(got.map((f) => [f.metric, f.comparator, f.value, f.year])).toEqual([
      ['经济总量', '年均增长', '6.1%', 2025], ['地区生产总值', '达到', '4150亿元', 2025],
    ]);
  });
});

describe('after round thirteen, parts after 其中', () => {
  it("a quarter told in a 其中 clause is that clause's only; a part naming the whole's thing keeps its words and takes the whole's verb", () => {
    const got = facts('全年实施亿元以上项目1200个，其中一季度新开工亿元以上项目150个以上，工业投资增长12%。新开工亿元以上项目300个，其中10亿元以上项目30个。', '2026-01-20', '宜昌市2026年政府工作报告');
    expect(got.map((f) => [f.metric, f.value, f.deadline])).toEqual([
      ['实施亿元以上项目', '1200个', '2026-12-31'], ['新开工亿元以上项目一季度', '150个', '2026-03-31'], ['工业投资', '12%', '2026-12-31'],
      ['新开工亿元以上项目', '300个', '2026-12-31'], ['新开工10亿元以上项目', '30个', '2026-12-31'],
    ]);
  });
});

describe('after round thirteen, 降至', () => {
  it('降至 and 下降至 are relations, not part of what is measured', () => {
    const got = facts('万元工业增加值用水量降至28立方米。PM2.5平均浓度降至38微克/立方米。城镇调查失业率下降至5%。', '2026-03-05', '毕节市2026年推进方案');
    expect(got.map((f) => [f.metric, f.comparator, f.value])).toEqual([
      ['万元工业增加值用水量', '降至', '28立方米'], ['PM2.5平均浓度', '降至', '38微克/立方米'], ['城镇调查失业率', '下降至', '5%'],
    ]);
  });
});

describe('after round fourteen', () => {
  it("a region a city's own document works with (承接北京…疏解) is no subject for the sentences after it", () => {
    const got = facts('把服务保障雄安新区建设和承接北京非首都功能疏解作为重大政治任务。全年承接产业转移项目186个、总投资512亿元。', '2026-01-10', '2026年保定市人民政府工作报告');
    expect(got.map((f) => [f.region, f.city, f.value])).toEqual([['河北', '保定', '186个'], ['河北', '保定', '512亿元']]);
  });
});

describe('after round fourteen, a chain plan', () => {
  it("a chain plan's 产业链 is the chain its title names; its counts of supporting enterprises, green factories and patents carry its industry", () => {
    const got = facts('“十四五”期间累计完成产业链投资420亿元。全年引进关键配套企业5家以上，新创建省级以上绿色工厂4家，新增授权发明专利126件。', '2026-02-28', '湘潭市先进能源材料产业链2026年发展实施方案');
    expect(got.map((f) => f.metric)).toEqual([
      '累计完成先进能源材料产业链投资', '引进先进能源材料关键配套企业', '新创建先进能源材料省级以上绿色工厂', '新增先进能源材料授权发明专利',
    ]);
  });
});

describe('after round fourteen, lists', () => {
  it('years standing alone in the clause before a 分别 give each figure its year; places after 其中 take the figure before measured in their unit', () => {
    const got = facts('分年度看，2026年、2027年，全市规模以上工业营业收入分别达到7500亿元和8250亿元，规模以上工业企业分别达到4600家和4800家。到2028年，木业家居产业营业收入突破2000亿元，约占全省的35%，其中费县、兰山区、沂水县分别达到700亿元、520亿元和260亿元。', '2026-03-01', '临沂市先进制造业强市三年行动方案（2026—2028年）');
    expect(got.map((f) => [f.metric, f.value, f.year])).toEqual([
      ['规模以上工业营业收入', '7500亿元', 2026], ['规模以上工业营业收入', '8250亿元', 2027], ['规模以上工业企业', '4600家', 2026], ['规模以上工业企业', '4800家', 2027],
      ['木业家居产业营业收入', '2000亿元', 2028], ['木业家居产业营业收入约占全省', '35%', 2028],
      ['费县木业家居产业营业收入', '700亿元', 2028], ['兰山区木业家居产业营业收入', '520亿元', 2028], ['沂水县木业家居产业营业收入', '260亿元', 2028],
    ]);
  });
});

describe('after round fourteen, groups', () => {
  it('a group referred to by a shorter name (四大领域 for …四大重点领域) stands for the members the document gave it, 和 inside a member kept', () => {
    const got = facts('产业结构不断优化。形成了新型显示、智能终端、电子元器件、软件和信息技术服务四大重点领域协同发展的格局，四大领域营业收入分别达到680亿元、960亿元、420亿元和186亿元。', '2026-06-20', '绵阳市“十五五”电子信息产业发展规划');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['新型显示营业收入', '680亿元'], ['智能终端营业收入', '960亿元'], ['电子元器件营业收入', '420亿元'], ['软件和信息技术服务营业收入', '186亿元'],
    ]);
  });
});

describe('after round fifteen', () => {
  it("a region's name opening a body's name (重庆大学, 北京现代沧州工厂) is no place of the figures; 与…等地 names partners", () => {
    const nanchong = facts('# 9．加强创新\n支持企业与重庆大学等高校共建研发平台，新建省级以上企业技术中心12个。\n# 10．扩大配套\n加强与成都、重庆等地对接合作。全市累计推广新能源汽车12万辆。', '2026-03-20', '南充市汽车汽配产业高质量发展三年行动方案（2026—2028年）');
    expect(nanchong.map((f) => [f.region, f.value])).toEqual([['四川', '12个'], ['四川', '12万辆']]);
    const cangzhou = facts('北京现代沧州工厂全年整车产量18.2万辆。', '2026-02-20', '沧州市2026年制造业高质量发展工作要点');
    expect(cangzhou.map((f) => [f.region, f.value])).toEqual([['河北', '18.2万辆']]);
  });
});

describe('after round fifteen, projects and units', () => {
  it('names a project listed inline after a colon (重点推进以下项目：A项目，总投资…；B项目，…) and the projects a sum after them refers to', () => {
    const got = facts('重点推进以下项目：基地炼化一体化产品结构优化项目，总投资186亿元，2026年计划投资60亿元，年内建成主体装置；灌南县电子化学品产业园项目，总投资36亿元，2026年计划投资12亿元。以上2个项目总投资222亿元，2026年计划投资72亿元。', '2026-03-06', '2026年连云港市石化产业高质量发展工作要点');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['基地炼化一体化产品结构优化项目总投资', '186亿元'], ['基地炼化一体化产品结构优化项目计划投资', '60亿元'],
      ['灌南县电子化学品产业园项目总投资', '36亿元'], ['灌南县电子化学品产业园项目计划投资', '12亿元'],
      ['重点推进项目总投资', '222亿元'], ['重点推进项目计划投资', '72亿元'],
    ]);
    // Not a task's first clause naming what it carries out.
    expect(facts('深入实施智能制造工程，新建智能工厂20个。', '2026-03-01', '绵阳市电子信息产业发展规划').map((f) => f.metric)).toEqual(['新建电子信息智能工厂']);
  });

  it('reads units per another unit after 千瓦时 and 克标准煤 whole (13380千瓦时/吨, 308克标准煤/千瓦时)', () => {
    expect(findFigures('电解铝综合交流电耗降至13380千瓦时/吨，煤耗为308克标准煤/千瓦时，线路50千米').map((f) => f.value)).toEqual(['13380千瓦时/吨', '308克标准煤/千瓦时', '50千米']);
  });

  it('a size class before what is counted (关闭退出年产30万吨以下煤矿8处) is no figure of its own', () => {
    const got = facts('全年关闭退出年产30万吨以下煤矿8处。', '2026-03-16', '毕节市2026年煤电化一体化产业发展推进方案');
    expect(got.map((f) => [f.metric, f.value])).toEqual([['关闭退出年产30万吨以下煤矿', '8处']]);
  });
});

describe('after round fifteen, subjects and years', () => {
  it("a milestone's date inside a clause with no figure (确保项目2027年建成投产) does not date the figures after it", () => {
    const got = facts('全力服务煤制烯烃项目建设，确保项目2027年建成投产。织金县煤化工产业产值达到45亿元。', '2026-03-16', '毕节市2026年煤电化一体化产业发展推进方案');
    expect(got.map((f) => [f.value, f.year])).toEqual([['45亿元', 2026]]);
  });

  it('what is done with a resource (利用量, 利用率) after a clause measuring it is of the same resource', () => {
    const got = facts('2025年，全市煤矿瓦斯抽采量达到4.2亿立方米，利用量1.6亿立方米，利用率38.1%。', '2026-03-16', '毕节市2026年煤电化一体化产业发展推进方案');
    expect(got.map((f) => f.metric)).toEqual(['煤矿瓦斯抽采量', '煤矿瓦斯利用量', '煤矿瓦斯利用率']);
  });

  it('a clause opening with 实现 achieves for whoever an earlier 实现 clause named; 协议总投资 is of the projects signed', () => {
    const got = facts('2025年，全区规模以上有色金属企业实现营业收入4860亿元，占全区规模以上工业营业收入的比重达到17.2%；实现利润总额386亿元。全年签约石化产业项目60个、协议总投资600亿元。', '2026-04-08', '内蒙古自治区有色金属产业高质量发展行动计划（2026—2027年）');
    expect(got.map((f) => f.metric)).toContain('规模以上有色金属企业利润总额');
    expect(got.map((f) => f.metric)).toContain('签约石化产业项目协议总投资');
  });

  it("a site referred to by its kind alone (基地炼油能力) is the one named in full before; a title's year does not hide its industry", () => {
    const got = facts('连云港石化产业基地实现营业收入2980亿元。基地炼油能力达到1600万吨/年。新开工项目42个、竣工投产项目36个。', '2026-03-06', '2026年连云港市石化产业高质量发展工作要点');
    expect(got.map((f) => f.metric)).toEqual(['石化产业基地实现营业收入', '连云港石化产业基地炼油能力', '石化新开工项目', '石化竣工投产项目']);
  });
});

describe('a post copied from a WeChat official account', () => {
  it('leaves the emoji and bullets a post sets before its lines (✅, 🔹, ▲) out of the metric', () => {
    const got = facts('全省规模以上工业增加值增长6.5%左右。✅ 工业投资增长10%以上。🔹 电子信息产业营业收入突破1.8万亿元。', '2026-02-18', '2026年全省经济和信息化工作要点（四川）');
    expect(got.map((f) => f.metric)).toEqual(['规模以上工业增加值', '工业投资', '电子信息产业营业收入']);
  });
});

describe('after round fourteen, pointers and partners', () => {
  it('a pointer to an attachment (（见附件）) is no part of a metric, and 计划完成投资 is of the projects named before', () => {
    const got = facts('全年安排煤电化一体化重点项目8个（见附件），总投资776亿元。全年安排省级重大项目1300个以上，计划完成投资6000亿元。', '2026-03-16', '毕节市2026年煤电化一体化产业发展推进方案');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['安排煤电化一体化重点项目', '8个'], ['煤电化一体化重点项目总投资', '776亿元'], ['安排省级重大项目', '1300个'], ['省级重大项目计划完成投资', '6000亿元'],
    ]);
  });

  it("a region the place's own document takes work from (承接京津…) is no subject of the figure", () => {
    const got = facts('主动承接北京非首都功能疏解，承接京津产业转移项目150个以上。', '2026-01-20', '2026年保定市政府工作报告');
    expect(got.map((f) => [f.region, f.city, f.value])).toEqual([['河北', '保定', '150个']]);
  });
});

describe('after round sixteen', () => {
  it("a province's name inside a river's bank (珠江西岸, 黄河南岸) is no mention of the province", () => {
    const got = facts('加快建设珠江西岸先进制造业强市。全市规模以上工业增加值增长6.8%。', '2026-02-27', '江门市2026年工业和信息化工作要点');
    expect(got.map((f) => [f.region, f.city])).toEqual([['广东', '江门']]);
  });

  it("a table's caption in its first row is its title, not its header", () => {
    const got = facts('附表：2026年全省主要指标分解表\n附表　2026年全省主要指标分解表｜｜｜｜\n序号｜指标名称｜2025年完成｜2026年目标｜责任处室\n1｜规模以上工业增加值增速｜7.9%｜6.5%左右｜运行监测协调局', '2026-02-10', '山东省2026年全省工业和信息化工作要点');
    expect(got.map((f) => [f.metric, f.value, f.year])).toEqual([['规模以上工业增加值增速', '7.9%', 2025], ['规模以上工业增加值增速', '6.5%', 2026]]);
  });

  it("a storage plant's power and energy (620万千瓦/1350万千瓦时) are two figures; hours count only after a comparator", () => {
    expect(findFigures('装机规模达到620万千瓦/1350万千瓦时，利用小时数仅为520小时，推广4小时以上长时储能技术').map((f) => f.value)).toEqual(['620万千瓦', '1350万千瓦时', '520小时']);
  });

  it('in a box of projects every item names its project; the year of a year\'s investment is that clause\'s only', () => {
    const got = facts('# 专栏1　2026年新能源装备重点推进项目\n东台百兆瓦时级储能系统集成基地（东台市）：总投资38亿元，2026年计划投资15亿元，形成储能系统年产能10GWh。\n以上1个项目总投资38亿元。', '2026-03-01', '盐城市新能源装备产业发展三年行动方案（2026—2028年）');
    expect(got.map((f) => [f.metric, f.value, f.year])).toEqual([
      ['东台百兆瓦时级储能系统集成基地总投资', '38亿元', 2028], ['东台百兆瓦时级储能系统集成基地计划投资', '15亿元', 2026], ['东台百兆瓦时级储能系统集成基地形成储能系统年产能', '10GWh', 2028],
      ['2026年新能源装备重点推进项目总投资', '38亿元', 2028],
    ]);
  });

  it("a sectoral plan's bare 营业收入 is its industry's; 超十亿元/过千亿元 enterprises too; a move to a named year's figure is the same thing's", () => {
    const got = facts('全市集成电路产业营业收入由2020年的310亿元增加到2025年的1180亿元。2028年营业收入突破1800亿元，超十亿元企业达到36家。', '2026-05-01', '绍兴市集成电路产业发展“十五五”规划');
    expect(got.map((f) => f.metric)).toEqual(['集成电路产业营业收入', '集成电路产业营业收入', '集成电路产业营业收入', '集成电路超十亿元企业']);
  });

  it('全年 in a review paragraph whose sentence names a planned investment (计划总投资) is the review\'s year', () => {
    const got = facts('# 一、2025年工作回顾\n三是项目建设提速提效。全年新签约亿元以上工业项目186个，计划总投资1420亿元。', '2026-02-27', '江门市2026年工业和信息化工作要点');
    expect(got.map((f) => [f.value, f.year])).toEqual([['186个', 2025], ['1420亿元', 2025]]);
  });
});

describe('after round sixteen, a title opening with a verb', () => {
  it('finds the industry of a title that opens with its verb (…推动新型储能产业集群高质量发展行动方案)', () => {
    const got = facts('| 序号 | 指标 | 2025年 | 2026年 |\n|---|---|---|---|\n| 9 | 研发投入强度 | 3.6% | 3.8% |', '2026-04-01', '广东省推动新型储能产业集群高质量发展行动方案（2026—2028年）');
    expect(got.map((f) => f.metric)).toEqual(['新型储能研发投入强度', '新型储能研发投入强度']);
  });
});

describe('after round seventeen', () => {
  it("a review's year goes on under its lower headings (（一）, ▲) and ends at a heading of its rank", () => {
    const got = facts('# 一、发展基础\n# （一）产业规模稳步壮大\n新材料产业产值达到1280亿元。\n# 二、主要目标\n新材料产业产值达到2000亿元。', '2026-03-20', '东营市石化产业转型升级和新材料产业发展三年行动计划（2026—2028年）');
    expect(got.map((f) => [f.value, f.year])).toEqual([['1280亿元', 2025], ['2000亿元', 2028]]);
    const post = facts('# 2025年工作回顾\n# ▲工业经济稳中有进\n全省规模以上工业增加值增长6.3%。', '2026-02-27', '2026年全省经济和信息化工作要点（四川）');
    expect(post.map((f) => [f.value, f.year])).toEqual([['6.3%', 2025]]);
  });
});

describe("after round seventeen's own causes", () => {
  it('reads compound units whole: 千克标准煤, 千瓦时/千克, and 16E FLOPS split by a space', () => {
    expect(findFigures('吨钢综合能耗降至548千克标准煤，多晶硅综合电耗降至52千瓦时/千克，算力总规模达到16E FLOPS').map((f) => f.value)).toEqual(['548千克标准煤', '52千瓦时/千克', '16EFLOPS']);
  });

  it('a count merged down (由69家整合为38家) is a move: where it starts, then where it ends, of the same thing', () => {
    const got = facts('“十四五”期间，全省钢铁企业由2020年的69家整合为38家。到2028年，规模以上轮胎企业由38家整合至25家以内。', '2026-03-01', '河北省钢铁产业高质量发展行动计划（2026—2028年）');
    expect(got.map((f) => [f.kind, f.metric, f.value, f.year])).toEqual([
      ['actual', '钢铁企业', '69家', 2020], ['actual', '钢铁企业', '38家', 2025],
      ['actual', '规模以上轮胎企业', '38家', 2025], ['target', '规模以上轮胎企业', '25家', 2028],
    ]);
  });

  it('a growth column (2026年增速目标) measures the column before it; a table of places totals to the region itself', () => {
    const got = facts('附件　2026年各县（市、区）数字经济核心产业发展目标任务分解表\n| 序号 | 县（市、区） | 2025年数字经济核心产业增加值 | 2026年增速目标 |\n|---|---|---|---|\n| 1 | 安次区 | 26亿元 | 10% |\n| 合计 | | 418亿元 | 10% |', '2026-02-27', '廊坊市2026年数字经济发展工作要点');
    expect(got.map((f) => [f.metric, f.value, f.year])).toEqual([
      ['安次区数字经济核心产业增加值', '26亿元', 2025], ['安次区数字经济核心产业增加值增速', '10%', 2026],
      ['数字经济核心产业增加值', '418亿元', 2025], ['数字经济核心产业增加值增速', '10%', 2026],
    ]);
  });

  it("a bare measure listed after a figure (、协议引资) or a clause after (，营业收入利润率) is of the thing measured before", () => {
    const got = facts('2025年，新签约亿元以上项目286个、协议引资1620亿元。规模以上工业企业实现利润总额3126亿元、增长2.2%，营业收入利润率为5.3%。', '2026-01-20', '蚌埠市政府工作报告');
    expect(got.map((f) => f.metric)).toEqual(['新签约亿元以上项目', '新签约亿元以上项目协议引资', '规模以上工业企业实现利润总额', '规模以上工业企业实现利润总额', '规模以上工业企业营业收入利润率']);
  });

  it("a sectoral plan's key technologies and transfer projects are its industry's", () => {
    const got = facts('到2028年，突破关键核心技术50项，实施科技成果转化项目100个。', '2026-03-20', '东营市石化产业转型升级三年行动计划（2026—2028年）');
    expect(got.map((f) => f.metric)).toEqual(['突破石化关键核心技术', '实施石化科技成果转化项目']);
  });
});

describe('years in characters', () => {
  it('reads 二〇二五年 as the year 2025 (a review told in characters is of that year)', () => {
    expect(facts('二〇二五年，全市地区生产总值增长5.8%。', '2026-02-10', '嘉兴市政府工作报告').map((f) => [f.kind, f.year])).toEqual([['actual', 2025]]);
  });
});

describe('after round eighteen', () => {
  it("a January report's 预计全年 after 过去的一年 estimates the year just past: results, not goals", () => {
    const got = facts('# 一、2025年和“十四五”时期工作回顾\n过去的一年，是“十四五”规划收官之年。预计全年地区生产总值达到3108.6亿元，增长6.2%。', '2026-01-08', '孝感市政府工作报告');
    expect(got.map((f) => [f.kind, f.value, f.year])).toEqual([['actual', '3108.6亿元', 2025], ['actual', '6.2%', 2025]]);
  });

  it('reads a table row whose name holds a threshold (营业收入超10亿元企业数量)', () => {
    const got = facts('| 序号 | 指标 | 2025年 | 2028年 |\n|---|---|---|---|\n| 3 | 营业收入超10亿元企业数量 | 23家 | 40家 |', '2026-03-20', '天津市信创产业高质量发展实施方案（2026—2028年）');
    expect(got.map((f) => [f.metric, f.value, f.year])).toEqual([['信创营业收入超10亿元企业数量', '23家', 2025], ['信创营业收入超10亿元企业数量', '40家', 2028]]);
  });
});

describe('after round eighteen, places compared with', () => {
  it("a place named in a later ；-segment or as a benchmark (低于苏州、无锡等) moves no figure; the city's document keeps its city", () => {
    const got = facts('同时，我市工业发展仍面临一些突出问题：化纤、纺织等行业利润总额下降6.8%；规上工业企业研发费用占营业收入比重为2.9%，低于苏州、无锡等周边城市。', '2026-02-20', '嘉兴市2026年全面推进新型工业化工作要点');
    expect(got.map((f) => [f.region, f.city, f.value])).toEqual([['浙江', '嘉兴', '6.8%'], ['浙江', '嘉兴', '2.9%']]);
  });

  it('reads a project table whose names carry their size (察尔汗盐湖4万吨/年基础锂盐一体化项目)', () => {
    const got = facts('| 序号 | 项目名称 | 总投资（亿元） | 2026年计划投资（亿元） |\n|---|---|---|---|\n| 1 | 察尔汗盐湖4万吨/年基础锂盐一体化项目 | 68.5 | 21.0 |', '2026-03-27', '青海省盐湖锂电产业高质量发展三年行动方案（2026—2028年）');
    expect(got.map((f) => [f.metric, f.value, f.year])).toEqual([['察尔汗盐湖4万吨/年基础锂盐一体化项目总投资', '68.5亿元', 2028], ['察尔汗盐湖4万吨/年基础锂盐一体化项目计划投资', '21.0亿元', 2026]]);
  });
});

describe('after round eighteen, clauses that go on with the thing before', () => {
  it('连续多年稳定在 and 净增 are the previous figure\'s thing; a bracketed aside about the nation is no fact', () => {
    const got = facts('2025年，粮食总产量达到58.6亿斤，连续多年稳定在55亿斤以上。高新技术企业达到1286家，净增148家。日用陶瓷产量约占全国的1.4%（2024年全国日用陶瓷产量约330亿件）。', '2026-01-08', '孝感市政府工作报告');
    expect(got.map((f) => [f.metric, f.value])).toEqual([
      ['粮食总产量', '58.6亿斤'], ['粮食总产量', '55亿斤'], ['高新技术企业', '1286家'], ['高新技术企业净增', '148家'], ['日用陶瓷产量约占全国', '1.4%'],
    ]);
  });

  it("a project item's yearly throughput (年处理…) is the project's", () => {
    const got = facts('（3）浮梁县高岭土资源综合利用项目：总投资12亿元，2025年计划投资4亿元，年处理高岭土原矿60万吨。', '2025-06-09', '景德镇市陶瓷产业高质量发展三年行动计划（2025—2027年）');
    expect(got.map((f) => f.metric)).toEqual(['浮梁县高岭土资源综合利用项目总投资', '浮梁县高岭土资源综合利用项目计划投资', '浮梁县高岭土资源综合利用项目年处理高岭土原矿']);
  });
});

describe('after round nineteen', () => {
  it("a project's record (项目名称：…；建设内容：…；总投资：…；2026年计划投资：…) names the project of every field", () => {
    const got = facts('附件：2026年重点工业项目清单\n1. 项目名称：泗洪储能电池及系统集成项目；建设内容：年产储能电池10GWh；总投资：45亿元；2026年计划投资：15亿元。', '2026-02-27', '2026年全市工业经济高质量发展工作要点（宿迁）');
    expect(got.map((f) => [f.metric, f.value, f.year])).toEqual([
      ['泗洪储能电池及系统集成项目年产储能电池', '10GWh', 2026], ['泗洪储能电池及系统集成项目总投资', '45亿元', 2026], ['泗洪储能电池及系统集成项目计划投资', '15亿元', 2026],
    ]);
  });

  it('a review goes on under a topic sentence that ends 提速增效 or 纵深推进', () => {
    const got = facts('# 2026年全市工业经济高质量发展工作要点\n2025年，全市规模以上工业增加值增长9.2%。\n项目建设提速增效。新开工亿元以上工业项目312个。\n转型升级纵深推进。规模以上工业单位增加值能耗下降4.1%。', '2026-02-27', '宿迁市2026年全市工业经济高质量发展工作要点');
    expect(got.map((f) => [f.value, f.year])).toEqual([['9.2%', 2025], ['312个', 2025], ['4.1%', 2025]]);
  });
});
