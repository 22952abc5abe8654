import { describe, expect, it } from 'vitest';
import { createSynonymMap, loadGlossary } from '../../src/knowledge/glossary.ts';
import { loadRegionIndex } from '../../src/knowledge/regions.ts';
import { parseQuestion, type ParsedQuestion, type QuestionVocabulary } from '../../src/search/question.ts';

/** The vocabulary the lead builds: knowledge files plus program names and metrics of a fact base. */
const vocabulary: QuestionVocabulary = {
  regions: loadRegionIndex('knowledge'),
  synonyms: createSynonymMap(loadGlossary('knowledge')),
  programs: ['415X', '2+6+N', '一号发展工程', '腾笼换鸟'],
  metricTerms: ['数字经济核心产业增加值', '5G基站总数', '电子信息产业营业收入', '省级工业互联网平台'],
};

const today = '2023-06-15';

type Expected = Partial<ParsedQuestion>;

describe('parseQuestion', () => {
  it.each<[string, Expected]>([
    // value questions, formal and colloquial
    ['浙江今年数字经济核心产业增加值增长目标是多少？', {
      regions: ['浙江'], years: [2023], yearSource: 'relative', kind: 'target', intent: 'value',
      terms: ['数字经济核心产业增加值', '增长'], language: 'zh', offTopic: false,
    }],
    ['2023年浙江规上工业增加值增长多少', { regions: ['浙江'], years: [2023], yearSource: 'explicit', intent: 'value', terms: ['规模以上工业增加值', '增长'] }],
    ['浙江规模以上工业增加值增速', { terms: ['规模以上工业增加值', '增长'] }],
    ['河南5G基站总数', { regions: ['河南'], terms: ['5G基站总数'], intent: 'value' }],
    ['河南要建多少5G基站', { regions: ['河南'], kind: 'target', terms: ['5G基站'] }],
    ['浙江省制造业投资计划增长几成', { regions: ['浙江'], kind: 'target', terms: ['制造业投资', '增长'] }],
    ['浙江力争培育多少家专精特新企业', { regions: ['浙江'], kind: 'target', terms: ['专精特新'] }],
    ['浙江省级工业互联网平台目标', { terms: ['省级工业互联网平台'], kind: 'target' }],
    ['江西电子信息产业营收', { regions: ['江西'], terms: ['电子信息产业', '营业收入'] }],
    ['浙江技术改造投资', { terms: ['技改投资'] }],
    ['浙江的利润总额', { terms: ['利润总额'] }],
    ['浙江利润', { terms: ['利润总额'] }],
    // abbreviations
    ['浙2023年5G基站目标', { regions: ['浙江'], years: [2023], terms: ['5G基站'] }],
    ['浙省制造业投资', { regions: ['浙江'], terms: ['制造业投资'] }],
    ['赣电子信息产业营收目标', { regions: ['江西'], kind: 'target', terms: ['电子信息产业', '营业收入'] }],
    ['豫5G基站', { regions: ['河南'], terms: ['5G基站'] }],
    ['苏规上工业增加值', { regions: ['江苏'], terms: ['规模以上工业增加值'] }],
    ['鲁制造业投资目标', { regions: ['山东'], terms: ['制造业投资'] }],
    ['皖专精特新', { regions: ['安徽'], terms: ['专精特新'] }],
    ['京沪渝鄂的数字经济规模', { regions: ['北京', '上海', '重庆', '湖北'], intent: 'compare' }],
    ['新能源汽车产量目标', { regions: [], terms: ['新能源汽车', '产量'] }],
    // pinyin and English
    ['How many 5G base stations does Zhejiang plan to have in 2023?', {
      language: 'en', regions: ['浙江'], years: [2023], yearSource: 'explicit', kind: 'target', intent: 'value', terms: ['5G基站'],
    }],
    ['Henan 5G base stations target', { language: 'en', regions: ['河南'], kind: 'target', terms: ['5G基站'] }],
    ["What was Jiangxi's electronic information industry revenue last year?", {
      language: 'en', regions: ['江西'], years: [2022], yearSource: 'relative', terms: ['电子信息产业', '营业收入'],
    }],
    ['What did Zhejiang actually achieve in digital economy core industries value added this year?', {
      language: 'en', regions: ['浙江'], years: [2023], kind: 'actual', terms: ['数字经济核心产业增加值'],
    }],
    ['Inner Mongolia industrial investment', { language: 'en', regions: ['内蒙古'], terms: ['工业投资'] }],
    ['zhejiang 5G基站', { language: 'zh', regions: ['浙江'], terms: ['5G基站'] }],
    // normalization
    ['江西電子信息產業營收目標', { normalized: '江西电子信息产业营收目标', regions: ['江西'], kind: 'target', terms: ['电子信息产业', '营业收入'] }],
    ['浙江２０２３年５Ｇ基站', { years: [2023], yearSource: 'explicit', terms: ['5G基站'] }],
    ['浙 江 2023 年 制造业投资', { regions: ['浙江'], years: [2023], terms: ['制造业投资'] }],
    // years
    ['二〇二三年浙江制造业投资', { years: [2023], yearSource: 'explicit' }],
    ['23年浙江制造业投资目标', { years: [2023], yearSource: 'explicit' }],
    ['浙江近10年制造业投资', { years: [], yearSource: null }],
    ['去年浙江规上工业增加值', { years: [2022], yearSource: 'relative' }],
    ['浙江明年的目标', { years: [2024], yearSource: 'relative', kind: 'target' }],
    ['浙江目前年产值', { years: [], yearSource: null }],
    ['十四五期间浙江数字经济核心产业增加值目标', { years: [2025], yearSource: 'period', kind: 'target' }],
    ['“十三五”浙江规上工业增加值', { years: [2020], yearSource: 'period', program: null }],
    ['十五五浙江目标', { years: [2030], yearSource: 'period' }],
    ['到2030年浙江数字经济核心产业增加值', { years: [2030], yearSource: 'explicit', kind: 'target' }],
    ['浙江2021-2025年数字经济核心产业增加值目标', { years: [2021, 2025], intent: 'value' }],
    ['What is the target in the 14th Five-Year Plan for Zhejiang?', { years: [2025], yearSource: 'period', intent: 'value' }],
    // kind
    ['去年浙江数字经济核心产业增加值实际完成多少', { years: [2022], kind: 'actual' }],
    ['去年浙江规上工业增加值完成了多少', { kind: 'actual' }],
    ['浙江规上工业增加值目标完成了吗', { kind: 'actual' }],
    ['浙江规上工业增加值', { kind: null }],
    ['浙江工作要点中的制造业投资', { kind: null }],
    // cities
    ['杭州数字经济核心产业增加值', { regions: ['浙江'], cities: [{ city: '杭州', region: '浙江' }] }],
    ['郑州市5G基站', { regions: ['河南'], cities: [{ city: '郑州', region: '河南' }] }],
    ['赣州和上饶的电子信息产业', { regions: ['江西'], cities: [{ city: '赣州', region: '江西' }, { city: '上饶', region: '江西' }] }],
    // list
    ['哪些省份5G基站目标超过10万个', { intent: 'list', regions: [], terms: ['5G基站'] }],
    ['各省数字经济核心产业增加值目标', { intent: 'list' }],
    ['哪些地区提出了专精特新目标', { intent: 'list', terms: ['专精特新'] }],
    ['哪个省制造业投资增长最快', { intent: 'list' }],
    ['Which provinces plan 5G base stations?', { intent: 'list', language: 'en' }],
    ['5G base stations targets of all provinces', { intent: 'list' }],
    // compare
    ['对比浙江和江西的规上工业增加值增速', { intent: 'compare', regions: ['浙江', '江西'] }],
    ['浙江和江西的规上工业增加值分别是多少', { intent: 'compare', regions: ['浙江', '江西'] }],
    ['浙江江西规上工业增加值', { intent: 'compare', regions: ['浙江', '江西'] }],
    ['浙江2022年和2023年规上工业增加值增速', { intent: 'compare', years: [2022, 2023] }],
    ['比较苏浙沪的制造业投资', { intent: 'compare', regions: ['江苏', '浙江', '上海'] }],
    ['Zhejiang vs Jiangxi revenue', { intent: 'compare', regions: ['浙江', '江西'], terms: ['营业收入'] }],
    ['compare Henan and Hubei 5G base stations', { intent: 'compare', regions: ['河南', '湖北'] }],
    ['江西规上工业增加值2023年目标和2022年实际分别是多少', {
      intent: 'compare', periods: [{ year: 2023, kind: 'target' }, { year: 2022, kind: 'actual' }],
    }],
    ['浙江2022年和2023年规上工业增加值增速', { periods: [{ year: 2022, kind: null }, { year: 2023, kind: null }] }],
    // the plan's targets as a list, without a content word
    ['浙江2023年主要预期目标有哪些', { intent: 'list', regions: ['浙江'], years: [2023], terms: [] }],
    ['哪些省份有到2030年的目标', { intent: 'list', years: [2030], terms: [] }],
    ['浙江2023年目标是什么', { intent: 'list', regions: ['浙江'] }],
    // figures stated in the question
    ['浙江数字经济核心产业增加值能不能突破1万亿', { figures: [{ value: '1万亿', number: 1e12, unit: '' }] }],
    ['北京数据交易额达到50亿元是哪一年的目标', { intent: 'deadline', figures: [{ value: '50亿元', number: 5e9, unit: '元' }] }],
    ['浙江2023年规上工业增加值增长5.5%吗', { years: [2023], figures: [{ value: '5.5%', number: 5.5, unit: '%' }] }],
    ['415X是什么', { figures: [] }],
    // define
    ['什么是415X', { intent: 'define', program: '415X', terms: [] }],
    ['415X是什么', { intent: 'define', program: '415X' }],
    ['415x是什么意思', { intent: 'define', program: '415X' }],
    ['2+6+N是什么', { intent: 'define', program: '2+6+N' }],
    ['湖北51020', { intent: 'define', program: '51020', regions: ['湖北'] }],
    ['33618是什么', { intent: 'define', program: '33618' }],
    ['4x4指什么', { intent: 'define', program: '4×4' }],
    ['1+11+N', { intent: 'define', program: '1+11+N' }],
    ['what is 415X', { intent: 'define', program: '415X', language: 'en' }],
    ['What does 2+6+N mean?', { intent: 'define', program: '2+6+N' }],
    ['浙江“一号发展工程”是什么', { intent: 'define', program: '一号发展工程' }],
    ['什么是专精特新', { intent: 'define', terms: ['专精特新'], program: null }],
    ['“腾笼换鸟”指的是什么', { intent: 'define', program: '腾笼换鸟' }],
    ['415X目标是多少', { intent: 'value', program: '415X', kind: 'target' }],
    ['浙江5G基站有18000个吗', { program: null }],
    // deadline
    ['浙江5G基站目标什么时候到期', { intent: 'deadline', kind: 'target' }],
    ['河南5G基站总数的期限', { intent: 'deadline' }],
    ['415X什么时候完成', { intent: 'deadline', program: '415X', kind: 'target' }],
    ['浙江数字经济核心产业增加值目标截止到哪年', { intent: 'deadline' }],
    ['When is the deadline for Henan 5G base stations?', { intent: 'deadline', language: 'en' }],
    // refuse
    ['', { intent: 'refuse', offTopic: true }],
    ['   ', { intent: 'refuse', offTopic: true }],
    ['？？？', { intent: 'refuse', offTopic: true }],
    ['讲个笑话', { intent: 'refuse', offTopic: true }],
    ['你好', { intent: 'refuse', offTopic: true }],
    ['今天天气怎么样', { intent: 'refuse', offTopic: true }],
    ['今年天气怎么样', { intent: 'refuse', offTopic: true }],
    ['tell me a joke', { intent: 'refuse', offTopic: true, language: 'en' }],
    ['多少？', { intent: 'refuse', offTopic: true }],
    ['你好，浙江2023年制造业投资目标', { intent: 'value', offTopic: false, regions: ['浙江'] }],
  ])('%s', (question, expected) => {
    expect(parseQuestion(question, vocabulary, today)).toMatchObject(expected);
  });

  it.each([
    ['2024-01-02', '今年', 2024],
    ['2024-01-02', '去年', 2023],
    ['2030-12-31', 'this year', 2030],
    ['2030-12-31', 'last year', 2029],
    ['2023-06-15', 'next year', 2024],
  ])('on %s, %s is %i', (day, word, year) => {
    const parsed = parseQuestion(`浙江${word}制造业投资`, vocabulary, day);
    expect(parsed.years).toEqual([year]);
    expect(parsed.yearSource).toBe('relative');
  });

  it('keeps the raw question and never throws on odd input', () => {
    for (const question of ['\u0000', '😀', 'a'.repeat(2000), '2023'.repeat(50), '“”', '1+', 'x'.repeat(3)]) {
      const parsed = parseQuestion(question, vocabulary, today);
      expect(parsed.raw).toBe(question);
    }
  });

  it('works with an empty fact-base vocabulary', () => {
    const bare = { ...vocabulary, programs: [], metricTerms: [] };
    expect(parseQuestion('浙江415X是什么', bare, today)).toMatchObject({ intent: 'define', program: '415X' });
    expect(parseQuestion('浙江数字经济核心产业增加值', bare, today).terms).toEqual(['数字经济核心产业增加值']);
  });

  it('maps every term through the glossary, so synonyms give the same terms', () => {
    const a = parseQuestion('浙江规上工业营收增速', vocabulary, today);
    const b = parseQuestion('浙江规模以上工业营业收入增幅', vocabulary, today);
    expect(a.terms).toEqual(b.terms);
  });
});
