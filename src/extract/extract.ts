/**
 * Sentences → facts. Rule-based and general: it knows Chinese plan prose
 * (figures, comparators, time expressions, region names, code-named
 * programs), not the seed documents.
 *
 * Region attribution: the sentence, then its paragraph, then its article
 * (newspaper pages mix provinces), then its heading, then the document.
 * Time: the sentence, then the paragraph, then the article, then the
 * document's own year.
 */
import { placeCity, type Place } from '../knowledge/places.ts';
import type { RegionIndex, RegionMention } from '../knowledge/regions.ts';
import { findFigures, type FigureMatch } from './figures.ts';
import {
  POINTER, balanceMarks, continuedAction, dependsOnSubject, hedgeWords, isGenericMetric, metricBeforeComparator, metricFromPost, metricFromPre, sentenceTopic, siteOpening,
  SILENT_RELATIONS, withSubject,
} from './metric.ts';
import { findPrograms } from './programs.ts';
import { CHINESE_COUNT, namedGroups, respectiveSubject, type NamedGroups, type Respective } from './respectively.ts';
import { clauseAround, insideAny, protectedSpans, splitSentences, type Span } from './sentences.ts';
import { findTimes, FIVE_YEAR_PLANS, isoDate, type TimeMention } from './time.ts';

/** A document as extraction needs it: normalized text with paragraphs and its metadata. */
export interface ExtractInput {
  meta: { id: string; title: string; date: string; url: string | null; publisher?: string | null };
  text: string;
  paragraphs: Array<{ text: string; heading: boolean; start: number }>;
}

/** A fact as found in one place of one document, before merging across documents. */
export interface RawFact {
  kind: 'target' | 'actual' | 'program';
  region: string;
  city: string | null;
  metric: string;
  value: string;
  comparator: string | null;
  hedge: string | null;
  number: number | null;
  numberMax: number | null;
  unit: string | null;
  year: number | null;
  deadline: string | null;
  definition: string | null;
  /** Found in a heading (headlines repeat the body; the body's wording wins). */
  heading: boolean;
  citation: { document: string; title: string; date: string; url: string | null; quote: string; offset: number; context?: string };
}

const ACTUAL_MARKERS = /截至|截止|已经|已累计|已建成|已有|已达|已完成|已实现|首次突破|首次|实现了|完成了|共有|现有|拥有|同比增长|比上年|较上年|交出|获评|位居|连续\d+年|达到了|取得/;
/** "已" after a figure in its clause: what is counted has already happened. */
const ALREADY = /已(?!于)/;
/** Markers of a result in the figure's own clause (narrower than {@link ACTUAL_MARKERS}: 拥有 also words criteria). */
const CLAUSE_DONE = /截至|截止|已|共有|现有|首次/;
/** Metrics naming things whose amounts a generic metric (投资, 营业收入) can be of. */
const ENTITY_END = /(?:项目|工程|企业|产业|集群)$/;
/**
 * List numbering opening a paragraph or a clause: （一）, 一、, 6., 6、, ⑥ — not a decimal (6.5%). An item's own year
 * does not frame what follows it, and its number is not part of what it measures.
 */
const ITEM_NUMBER = /^\s*(?:\d{1,2}[.．、](?!\d)|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])\s*/;
/** What follows a region that is the subject of a clause: 浙江将…, 河南省要…, 成都市力争…. */
const SUBJECT_PREDICATE = /^(?:省|市|区)?(?:将|要|还将|还要|计划|拟|力争|争取|提出|全省|全市|全区)/;
/** Words that may stand before a subject region without making it part of a name: 到2025年, 全省, 其中. */
const TIME_OR_NOISE = /(?:(?:到|至|截至)?(?:19|20)\d{2}年(?:底|末)?|今年|全年|其中|同时|此外|支持|推动|全省|全市)$/;
/** What the things counted are chosen to do, up to the clause's end: 开展智能化改造, 开展“一企一策”精准服务. */
const CHOSEN_FOR = /^(?:开展|实施|进行)[^，,；;。、]{2,16}(?=$|[，,；;。])/;
/** Verbs making what is counted do something (推动2000家企业开展…): the action belongs to the metric. */
const CAUSATIVE = /^(?:推动|引导|支持|带动|组织|鼓励|帮助|促进|指导)$/;
/** A sentence about the whole province (全省…), even in a city's document; 高于全省, 占全省 only compare with it. */
const PROVINCE_WIDE = /(?<!高于|低于|快于|慢于|超过|领先|比|较|占|于)(?:全省|我省|本省)/;
const ARTICLE_START = /^(?:本报讯|本报[^\s，,]{0,6}讯|新华社|据新华社|讯\s)/;
const MONEY_UNITS = new Set(['元', '美元', '港元', '欧元']);
const QUALIFIER_SUFFIX = new Set(['以上', '以下']);
const COUNT_UNITS = /^(?:个|家|项|条|台|套|座|所|名|户|款|种|件|张|部|辆|架|艘|对|处|只|批)$/;
const YEAR_KINDS = new Set(['year', 'relative', 'period', 'range', 'span']);
/** Relative words that continue the year being talked about rather than name one: 全年, 年内, 当年. */
const CONTINUING_YEAR = /^(?:全年|年内|当年|这一年)/;
/**
 * Words that make a sentence a goal, whatever year it continues: 力争, 目标, 预期, 要, 将. Not 重要, 主要, 需要, 要求 or
 * 将近, and not a goal reported done (完成了…主要目标任务).
 */
const GOAL_WORDS = /力争|争取|确保|(?<!(?:完成|实现)了?[^，。；]{0,16})目标|预期|预计|(?<!(?:完成|实现)了?[^，。；]{0,16})计划(?!(?:完成)?(?:总)?投资)|(?<![重主需必纲])要(?![求素点件]|看到|清醒|认识到)|将(?!近)/;
/** 预计 before the whole year (预计全年): an estimate of a year's result, not a goal. */
const ESTIMATED_YEAR = /预计(?=全年|年内)/g;
/** Section headings over a review of results: 发展基础, 发展现状, 工作回顾, 主要成效. */
const REVIEW_SECTION = /^[^，。]{0,8}(?:发展基础|工作总结|发展现状|现状基础|基础现状|工作回顾|回顾|主要成效|取得成效|发展成效|发展成就|取得的成绩|主要成绩)/;
/** Words before a region that name it as a benchmark, not the subject: 高出…甘肃, 对标江苏. */
const BENCHMARK_BEFORE = /(?:高出|高于|低于|超过|领先|快于|慢于|相比|对标|同为|学习|借鉴|不足|不及)[^，,。；;]*$/;
/** The heading of a glossary: 名词解释, 名词注释, 注释, 附：名词解释. */
const GLOSSARY_HEADING = /^[\s（(一二三四五六七八九十\d、.．)）]*(?:附[：:]?)?\s*(?:名词解释|名词注释|名词说明|术语解释|注释|释义)[：:]?$/;
/** A footnote on definitions: [3]…, 注：…, 注1：…. */
const NOTE = /^\s*(?:\[\d{1,2}\]|〔\d{1,2}〕|［\d{1,2}］|注\d?[：:]|注释\d?[：:])/;
/** Titles of reports on a past year: 统计公报, 工作总结, 年度报告 (not a press conference about one). */
const REPORT_TITLE = /^(?!.*(?:发布会|新闻|解读|答记者问)).*(?:统计公报|工作总结|年度报告|年报)/;
/** A news dateline: 人民网北京2月5日电, 新华社南宁1月3日电, 本报杭州讯, 【本报广州十六日电】. */
const DATELINE = /[【[(（]?(?:新华社|人民网|中新社|中新网|新华网|央视网|本报|[\u4e00-\u9fa5]{2,6}(?:网|社|报|台))[\u4e00-\u9fa5]{2,4}(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})日?电|[【[(（]?本报[\u4e00-\u9fa5]{2,4}讯/;
/** Many places as a clause's subject (各地目标普遍在5%至7%之间): no one region's figure. */
const MANY_PLACES = /各地|各省份?(?!级)|多地|多省份?|部分省份|不少省份|许多省份|多个省份|多数省份|全国各地|(?:东部|中部|西部|中西部|东北|东中西部)地区/;
/** What names the thing measured before it: 电解铝产能 → 电解铝, 新能源汽车产量 → 新能源汽车 (two characters at least). */
const MEASURED_THING = /(?<=[\u4e00-\u9fa5A-Za-z0-9]{2})(?:产能|产量|产值|销量|出货量)$/;
/** What is done with a resource, measured as an amount or a rate (抽采量, 利用率, 处置量, 回收率). */
const HANDLING = '(?:抽采|开采|利用|综合利用|处理|处置|回收|收集|消纳|转化|就地转化|加工|回用|捕集|封存)[量率]';
/** A rate or amount named only by what is done (利用率, 利用量): of the thing the clause before measures. */
const BARE_RATE = new RegExp(`^${HANDLING}$`);
/** The thing a metric measured by what is done with it is of (煤矿瓦斯 in 煤矿瓦斯抽采量). */
const BARE_RATE_AFTER = new RegExp(`^([\\u4e00-\\u9fa5A-Za-z0-9]{2,}?)${HANDLING}$`);
/** A ban or a rule against building: 严禁新建, 禁止, 不得新建, 不再新建, 原则上不. */
const BAN = /严禁|禁止|不得|不再(?:新建|审批|核准|备案)|原则上不/;
/** An award per recipient: 给予一次性奖励, 一次性补助, 给予奖励. */
const AWARD_BEFORE = /(?:给予|一次性)[^，,；;。]{0,4}(?:奖励|补助|补贴|资助)$/;
/** A list of years a 分别 gives its figures to: 2026年、2027年、2028年分别达到…. */
const YEAR_LIST = /((?:19|20)\d{2})年(?:[、，,和及与]\s*(?:19|20)\d{2}年)+(?:底|末)?(?:[，,]\s*)?$/;
/** A list of years opening a clause: 2026年、2027年(，). */
const LEADING_YEAR_LIST = /^[\s，,]*(?:到|至)?((?:19|20)\d{2}年(?:[、，,和及与]\s*(?:19|20)\d{2}年)+)(?:底|末)?[，,]?/;
/** A national body: 国务院, 工业和信息化部, 国家发展改革委, 国家数据局, 商务部 (办公厅). */
const NATIONAL_BODY = /^(?:国务院|中共中央|工业和信息化部|国家发展和?改革委员?会?|国家[\u4e00-\u9fa5]{1,8}?(?:局|委员会|委|部|署|办公室)|(?:科学技术|商务|财政|自然资源|生态环境|交通运输|农业农村|人力资源和社会保障|住房和城乡建设|水利|教育)部)/;
/** 全国 opening a clause as what it is about (2025年，全国规模以上工业增加值增长5.8%); 高于全国, 争当全国…领跑者 are not. */
const NATIONAL_SUBJECT = /^[（(]?(?:(?:19|20)\d{2}年(?:底|末)?|今年|去年|全年|同期|其中|此外)?[，,]?全国(?!首位|第|前列|领先|平均|的|范围|各地|层面)/;
/** The document's own region as a subject (全省, 我市): a clause going on about the nation stops there. */
const OWN_REGION = /全省|全市|全区|全州|全县|我省|我市|我区|本省|本市|该省|该市/;
/** A publisher that is a government body (…局, …厅, …人民政府办公厅), not a newspaper or a website. */
const GOVERNMENT_BODY = /(?:局|厅|委员会|委|政府|办公室|办|管委会|管理委员会|中心)$/;
/** "由2023年的", "从目前的" right before a figure that a 提高到/降低到 later in its clause moves from. */
const BASELINE_BEFORE = /(?:由|从)(?:((?:19|20)\d{2})年(?:底|末)?|目前|现在|现有|当前)?的?$/;
/** A move of a metric to a figure: 提高到, 降低至, 增至; a count merged down: 整合为, 压减至. */
const MOVE_TO = String.raw`(?:(?:提高|提升|增加|增长|扩大|上升|降低|下降|减少|压减|缩小|缩短|降|升|增|整合|缩减|精简)(?:到|至)|(?:整合|压减|缩减|精简|减少)为)`;
const BASELINE_AFTER = new RegExp(String.raw`^[^，,；;。]{0,3}?${MOVE_TO}`);
const MOVED_TO = new RegExp(`${MOVE_TO}$`);
/** Nothing before a figure but the move (…1.77万亿元增加到2.68万亿元). */
// "增加到2025年的1180亿元": the year moved to may be named.
const MOVE_ONLY = new RegExp(`^[\\s，,]*${MOVE_TO}(?:(?:19|20)\\d{2}年(?:底|末)?的?)?$`);
/** A metric that only says a thing stays or goes on (连续多年稳定在, 连续): the thing is the previous figure's. */
const STAYS_ONLY = /^(?:连续(?:多|[\d一二三四五六七八九十两]+)?年?|多年|持续)(?:稳定|保持|稳居|维持)?$/;
/** A metric that only says how much a thing changed (净增, 净减): the change is the previous figure's thing's. */
const CHANGE_ONLY = /^(?:净增|净减|净增加|净减少)$/;
/** "完成全年计划投资的", "完成产业投资计划的" before a percentage: the share of a plan done. */
const PLAN_SHARE = /完成((?:全年|年度)?[^，,；;。：:]{0,12}?(?:计划|任务|目标)[^，,；;。：:的]{0,6}?)的$/;
/** A money threshold (超千亿元, 10亿元以上) in a metric. */
const THRESHOLD = /(?:超过|超)?(?:\d+(?:\.\d+)?|[一二三四五六七八九十两]?[十百千万亿]+)(?:万亿|亿|万|千|百)?元(?:以上|级)?/;
const THRESHOLDS = new RegExp(THRESHOLD.source, 'g');
/** A metric that is only a threshold (超百亿元, 50亿元以上): what it qualifies is the previous figure's. */
const THRESHOLD_ONLY = new RegExp(`^(?:${THRESHOLD.source})$`);
/** "300余人参加了启动仪式": an event's audience, not a figure of the plan. */
const AUDIENCE = /^[^，,；;。]{0,4}(?:参加|出席|参会|与会|到场|观看|聆听)/;

interface Context {
  region: RegionMention | null;
  year: TimeMention | null;
}

function firstMention(mentions: RegionMention[]): RegionMention | null {
  return mentions[0] ?? null;
}

function contextTimes(text: string, docYear: number): TimeMention[] {
  // 全年/年内/当年 name no year of their own: they continue the one in context (see figureFacts).
  return findTimes(text, docYear).filter((t) => !t.baseline && YEAR_KINDS.has(t.kind) && !CONTINUING_YEAR.test(text.slice(t.start, t.end)));
}

/**
 * Whether a time frames the sentences after it: one opening its clause (到2027年，…), stating a figure's year or
 * naming a plan's period in its title. A milestone's date inside a clause with no figure (确保项目2027年建成投产) is that
 * event's only.
 */
function framesWhatFollows(text: string, t: TimeMention): boolean {
  // "印发《…行动方案（2023—2025年）》": the period of the plan the article reports frames its goals.
  if (insideAny(protectedSpans(text), t.start, t.end)) return true;
  const clause = clauseAround(text, t.start, t.end);
  const before = text.slice(clause.start, t.start).trim();
  const after = text.slice(t.end, clause.end).trim();
  if (after === '' || /^(?:到|至|截至|截止|力争|争取|预计|计划|在|于|从)?$/.test(before)) return true;
  return findFigures(before + after).length > 0;
}

/** The year the document's plans are for: a year in its title, else the year it was published. */
export function documentYear(meta: ExtractInput['meta']): number {
  const published = Number(meta.date.slice(0, 4));
  // A plan for 2025—2027 aims at its last year: an undated goal in it is a 2027 goal.
  const range = /(?:19|20)\d{2}\s*(?:年)?\s*[—–\-~～至到]\s*((?:19|20)\d{2})\s*年/.exec(meta.title);
  if (range) return Number(range[1]);
  // "2025年工作总结和2026年工作思路": the plan is the later year's.
  const titled = [...meta.title.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  if (titled.length > 0) return Math.max(...titled);
  // A "十五五" plan aims at 2030.
  const period = /十[二三四五六]五/.exec(meta.title)?.[0];
  return period && FIVE_YEAR_PLANS[period] ? Math.max(FIVE_YEAR_PLANS[period], published) : published;
}

/**
 * The region index as one document sees it: a county-level name (南山区, 晋江市) is the place of a province or city
 * the document names elsewhere, so a name two places share is resolved and a stray one (海城市 in 沿海城市) dropped.
 * The title's and a government publisher's own place counts even when nothing else names its province.
 */
function documentIndex(
  regions: RegionIndex,
  doc: ExtractInput,
  publisher: string,
): { index: RegionIndex; own: RegionMention | null; paragraphMentions: RegionMention[][] } {
  const named = new Set<string>();
  const note = (m: RegionMention): void => {
    named.add(m.region);
    if (m.city) named.add(m.city);
  };
  for (const text of [doc.meta.title, publisher]) for (const m of regions.findMentions(text, { place: () => null })) note(m);
  // One scan per paragraph: it finds what the document names, and it is the paragraph's mentions unless the paragraph
  // names a county-level place, which only the whole document's names can resolve (those are scanned again below).
  const withPlaces = new Set<number>();
  const firstPass = doc.paragraphs.map((p, i) =>
    regions.findMentions(p.text, {
      place: () => {
        withPlaces.add(i);
        return null;
      },
    }),
  );
  for (const ms of firstPass) for (const m of ms) note(m);
  const inContext = (candidates: readonly Place[]): Place | null => {
    const cityNamed = (c: Place): boolean => [c.prefecture, placeCity(c)].some((city) => city !== null && named.has(city));
    for (const known of [cityNamed, (c: Place) => named.has(c.region)]) {
      const hits = candidates.filter(known);
      if (hits.length === 1) return hits[0]!;
      if (hits.length > 1) return null;
    }
    return null;
  };
  const own = (text: string): RegionMention | null =>
    firstMention(regions.findMentions(text, { place: (c) => inContext(c) ?? (c.length === 1 ? c[0]! : null) }));
  const ownMention = own(doc.meta.title) ?? own(publisher);
  if (ownMention?.place) note(ownMention);
  // "人民网北京2月5日电": where the reporter filed from, not what the article is about.
  const outsideDateline = (text: string, found: RegionMention[]): RegionMention[] => {
    const dateline = DATELINE.exec(text);
    return dateline ? found.filter((m) => m.start >= dateline.index + dateline[0].length || m.end <= dateline.index) : found;
  };
  const index: RegionIndex = {
    ...regions,
    findMentions: (text, options) => outsideDateline(text, regions.findMentions(text, { place: inContext, ...options })),
  };
  // A region's name opening a body's (重庆大学, 北京现代沧州工厂) names no place the figures are of.
  const paragraphMentions = doc.paragraphs.map((p, i) =>
    (withPlaces.has(i) ? index.findMentions(p.text) : outsideDateline(p.text, firstPass[i]!))
      .filter((m) => !isNamePart(p.text, m) && !isBenchmark(p.text, m) && !(ownMention && isPartner(p.text, m))),
  );
  return { index, own: ownMention, paragraphMentions };
}

/** Extracts every figure and program fact of one document. */
export function extractFacts(doc: ExtractInput, allRegions: RegionIndex): RawFact[] {
  const pubYear = Number(doc.meta.date.slice(0, 4));
  const planYear = documentYear(doc.meta);
  // A report of a past year (唐山市2025年国民经济和社会发展统计公报, published 2026): its 全年 and 今年 are that year.
  const timeYear = REPORT_TITLE.test(doc.meta.title) && planYear < pubYear ? planYear : pubYear;
  // The title names the plan's region (宁波市…工作要点); else a government publisher does (宁波市经济和信息化局 issuing
  // 全市制造业工作要点). A newspaper's name does not: its pages report other places.
  const publisher = doc.meta.publisher && GOVERNMENT_BODY.test(doc.meta.publisher) ? doc.meta.publisher : '';
  const { index: regions, own: titleRegion, paragraphMentions } = documentIndex(allRegions, doc, publisher);
  const counts = new Map<string, number>();
  for (const ms of paragraphMentions) for (const m of ms) counts.set(m.region, (counts.get(m.region) ?? 0) + 1);
  // A ministry's notice (工业和信息化部办公厅关于公布…名单的通知) is the nation's: a figure no sentence or row gives a
  // region (共遴选出339家) is national, and national figures are not in the fact base.
  const national = !titleRegion && [doc.meta.title, doc.meta.publisher ?? ''].some((t) => NATIONAL_BODY.test(t));
  const docRegion = titleRegion?.region ?? (national ? null : ([...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null));
  // A city's own plan (成都市2024年建设制造强市工作要点): its figures are the city's unless a sentence says otherwise.
  const docCity = titleRegion?.form === 'city' ? titleRegion.city : null;
  const sector = sectorOf(doc.meta.title, regions);
  const titleTopic = tableTopic(null, doc.meta.title);
  const groups = namedGroups(doc.paragraphs.map((p) => p.text));

  const out: RawFact[] = [];
  let heading: Context = { region: null, year: null };
  let article: Context = { region: null, year: null };
  let previousWasHeading = true;
  /** The numbering of the heading that named the current heading year (一、, （一）, 1., or none). */
  let headingYearStyle: string | null = null;
  let spokenYear: TimeMention | null = null;
  /** A review running on over paragraphs (过去一年，…达到… ⏎ 产业转型步伐加快。…增长8%): the past year it reports. */
  let review: TimeMention | null = null;
  let section: string | null = null;
  let glossary = false;

  /** The first region named by the body paragraph right after the headings at `pi`. */
  const bodyMention = (pi: number): RegionMention | null => {
    let next = pi + 1;
    while (next < doc.paragraphs.length && doc.paragraphs[next]!.heading) next++;
    return next < doc.paragraphs.length ? firstMention(paragraphMentions[next]!) : null;
  };

  const tables = tableRows(doc.paragraphs, doc.meta.title);
  doc.paragraphs.forEach((para, pi) => {
    const mentions = paragraphMentions[pi]!;
    if (tables.has(pi)) {
      // A table row is neither a heading nor an article: its figures take their years from the header row.
      // A national table's row is a region's only when it names one (not 中央企业, not 合计).
      const region = firstMention(mentions)?.region ?? (national ? null : (article.region?.region ?? heading.region?.region ?? docRegion));
      const city = firstMention(mentions)?.city ?? docCity;
      if (region) out.push(...tableFacts(doc, para, tables.get(pi) ?? null, { region, city, pubYear, planYear, sector }));
      return;
    }
    // "[3]规模以上工业统计范围为年主营业务收入2000万元": a note on definitions states no figure of the plan.
    if (NOTE.test(para.text)) return;
    // A glossary (名词解释) defines terms by thresholds (指年主营业务收入2000万元及以上的工业企业): no figures of the plan,
    // until a heading of the document's own outline (四、, 第五章, 附件) ends it.
    if (para.heading && GLOSSARY_HEADING.test(para.text)) glossary = true;
    else if (para.heading && (['cn', 'chapter'].includes(numberingStyle(para.text)) || /^附件|^附表/.test(para.text))) glossary = false;
    if (glossary) return;
    const paraTimes = contextTimes(para.text, timeYear);
    // Where the times that frame what follows them start (once a paragraph: each sentence looks back at them).
    const framing = new Set(paraTimes.filter((t) => framesWhatFollows(para.text, t)).map((t) => t.start));
    // "2025年累计下降" under a table: an indicator's words a copy wrapped onto a line of their own, not a heading.
    if (para.heading && tables.has(pi - 1) && numberingStyle(para.text) === 'none' && /(?:增长|下降|提高|降低|减少|提升|上升)$/.test(para.text)) return;
    if (para.heading) {
      // A heading names its region, continues the heading above it, or heads the body below it.
      const m = firstMention(mentions) ?? (previousWasHeading ? heading.region : null) ?? bodyMention(pi) ?? article.region;
      heading = { ...heading, region: m };
      const t = paraTimes[0];
      const style = numberingStyle(para.text);
      // "一、发展基础", "工作回顾": what the section reports without a year is of the year before the document.
      if (REVIEW_SECTION.test(para.text)) heading = { ...heading, year: t ?? reviewYear(timeYear) };
      else if (t) heading = { ...heading, year: t };
      // A heading of the same rank as the one that named the year (二、 after 一、2025年…; a news page's next
      // subheading) starts a section of its own; a lower one (（一） under 一、) goes on with it.
      // A box's heading (专栏1　2025年重点推进项目) dates the box only: the next heading ends it.
      // A review's year (一、发展基础) goes on under its lower headings (（一）产业规模稳步壮大), and ends at any other.
      else if ((heading.year?.kind === 'review' && !lowerRank(style, headingYearStyle)) || style === headingYearStyle || headingYearStyle === 'box') heading = { ...heading, year: null };
      if (t || REVIEW_SECTION.test(para.text)) headingYearStyle = /^[\s*_#]*专栏/.test(para.text) ? 'box' : style;
    } else if (previousWasHeading || ARTICLE_START.test(para.text)) {
      // A past year (2022年…达到) describes its own paragraph only; a plan year (到2025年) frames the article.
      // Only a time before the paragraph's first figure opens it: "…达到1650亿元，力争到2027年突破2000亿元" is an aside.
      const firstFigure = findFigures(para.text)[0]?.start ?? Infinity;
      // A milestone's date (确保项目2027年建成投产) frames nothing.
      const first = paraTimes.find((t) => framing.has(t.start));
      const opening = ITEM_NUMBER.test(para.text) || (first?.start ?? 0) > firstFigure ? undefined : first;
      article = {
        region: firstMention(mentions) ?? heading.region,
        year: opening && !opening.past ? opening : heading.year && !heading.year.past ? heading.year : null,
      };
    }
    else {
      // "到2030年，…" opening a later paragraph frames the goals that follow it (——产业规模更加壮大。…达到2万亿元).
      const opening = paraTimes[0];
      if (opening && !opening.past && opening.start <= 2 && !ITEM_NUMBER.test(para.text)) article = { ...article, year: opening };
    }
    previousWasHeading = para.heading;
    if (para.heading) section = para.text.slice(0, 80);
    // The last year the text under this heading named: 全年 in a later paragraph continues it.
    if (para.heading) spokenYear = null;
    const spokenBefore = spokenYear;
    spokenYear = paraTimes.filter((t) => t.kind !== 'relative' && t.year !== null).at(-1) ?? spokenYear;
    const reviewBefore = review;
    review = para.heading ? null : continuedReview(para.text, paraTimes, review);
    const reviewed = review && review === reviewBefore ? review : null;

    // "重点推进以下项目：…" opens a list of projects; it names none.
    // In a box of projects (专栏1　2026年…重点推进项目) every item's label names a project (…储能系统集成基地（东台市）：).
    const boxed = section && PROJECT_BOX.test(section) ? BOXED_LABEL.exec(para.text)?.[1] : undefined;
    const label = PROJECT_LABEL.exec(para.text)?.[1] ?? boxed ?? null;
    const project = label && !OPENS_PROJECT_LIST.test(label) ? label : null;
    const park = project ? null : PARK_LABEL.exec(para.text)?.[1] ?? null;
    for (const sentence of splitSentences(para.text)) {
      const ctx = {
        sentence,
        paragraphStart: para.start,
        // (A paragraph's mentions already leave out body names and, in a place's own document, its partners.)
        priorMentions: mentions.filter((m) => m.end <= sentence.start && !isBenchmark(para.text, m)),
        priorTimes: contextTimes(para.text.slice(0, sentence.start), timeYear).filter((t) => framing.has(t.start)),
        fallbackRegion: para.heading ? heading.region ?? article.region : article.region ?? heading.region,
        fallbackYear: para.heading ? heading.year : article.year ?? heading.year,
        section: para.heading ? null : section,
        spokenYear: spokenBefore,
        review: reviewed,
        paragraphBefore: para.text.slice(0, sentence.start),
        project,
        park,
      };
      out.push(...figureFacts(doc, ctx, { pubYear, timeYear, planYear, docRegion, docCity, titled: titleRegion !== null, national, sector, titleTopic, groups, heading: para.heading }, regions));
      // A definition may open the next paragraph ("“4”是指…" after "“415X”…是…关键立柱。").
      const next = doc.paragraphs[pi + 1];
      const scope = next && next.start === para.start + para.text.length + 1 ? `${para.text}\n${next.text}` : para.text;
      for (const program of findPrograms(scope, sentence, regions)) {
        const region = program.region ?? ctx.priorMentions.at(-1)?.region ?? ctx.fallbackRegion?.region ?? docRegion;
        if (!region) continue;
        // A program's year is when the document mentions it.
        const year = pubYear;
        out.push({
          kind: 'program', region, city: null, metric: program.metric, value: program.name, comparator: null, hedge: null,
          number: null, numberMax: null, unit: null, year, deadline: null, definition: program.definition,
          heading: para.heading,
          citation: citation(doc, para.start + program.quoteStart, program.quote, searchContext(ctx, program.quote)),
        });
      }
    }
  });
  // A headline restates a figure its body gives (…新能源装机剑指2亿千瓦 over "到2030年…力争达到2亿千瓦"): the body's
  // sentence says for when. When the body leaves out what it measures (江西：…电子信息产业营收突破1.15万亿元 over
  // "力争全年营业收入突破1.15万亿元"), the headline names it, and both are one fact cited twice.
  const inBody = new Map(out.filter((f) => !f.heading && f.kind !== 'program').map((f) => [`${f.region}|${f.value}`, f] as const));
  return out
    .flatMap((f): RawFact[] => {
      const body = f.heading && f.kind !== 'program' ? inBody.get(`${f.region}|${f.value}`) : undefined;
      if (!body) return [f];
      if (!isGenericMetric(body.metric)) return [];
      body.metric = f.metric;
      return [{ ...f, kind: body.kind, year: body.year, deadline: body.deadline }];
    })
    // 规上 is the documents' shorthand for 规模以上: one spelling, as analysts search and write it.
    .map((f) => (f.kind !== 'program' && f.metric.includes('规上') ? { ...f, metric: f.metric.replaceAll('规上', '规模以上') } : f));
}

/** A project list's item label: its name in bold or before a colon (**重型燃机智能制造基地项目**（旌阳区）：), not a task
 * opening with its verb (8. 招引重大项目。). */
/** How a listed item opens (- , （1）, 1.) and how its label closes (its place in brackets, then ：or 。). */
const ITEM_OPENING = String.raw`^[\s\-*•·]*(?:[（(]\d{1,2}[）)]|\d{1,2}[.．、])`;
const LABEL_CLOSING = String.raw`\**\s*(?:[（(][^）)]{1,16}[）)])?\s*[：:。]`;
const TASK_VERB = '招引|实施|推进|加快|谋划|储备|引进|建设|推动|抓好|狠抓|抓实|强化|扩大|做好|全力|着力|大力|深化|聚焦|围绕|培育|打造|支持|开展|提升|完善|落实|加强';
/** A project's name: …项目, …工程, …电站, …产业园二期. */
const PROJECT_NAME = String.raw`[^*：:，,。；;（(]{2,30}?(?:项目|工程|电站|[一二三四]期)`;
const PROJECT_LABEL = new RegExp(String.raw`${ITEM_OPENING}?\s*\**(?!\s*(?:[\d（(]|${TASK_VERB}))(${PROJECT_NAME})${LABEL_CLOSING}`);
/** A project named inline, opening an item of a list in a sentence (重点推进以下项目：A项目，总投资186亿元，…；B项目，…). */
const INLINE_PROJECT = new RegExp(String.raw`^(?!\d|${TASK_VERB})(${PROJECT_NAME})(?:[（(][^）)]{1,16}[）)])?$`);
/** An item's label in a box of projects, whatever the project is called (**东台…集成基地**（东台市）：). */
const BOXED_LABEL = new RegExp(String.raw`${ITEM_OPENING}?\s*\**(?!\s*(?:[\d（(]|以上|上述|合计))([^*：:，,。；;（(]{2,30}?)${LABEL_CLOSING}`);
/** A box's item naming a park (（1）甘泉堡经济技术开发区：, **璧山高新区**：). */
const PARK_LABEL = new RegExp(String.raw`${ITEM_OPENING}\s*\**([^*：:，,。；;（(]{2,20}?(?:经济技术开发区|高新技术产业开发区|开发区|高新区|工业园区|产业园区|产业园|示范区))${LABEL_CLOSING}`);
/** What a box of parks measures of each park: its output, revenue, investment, firms. */
const PARK_MEASURE = /^(?:工业总产值|总产值|产值|规模以上工业产值|规上工业产值|营业收入|工业增加值|增加值|固定资产投资|工业投资|投资|入驻企业|规模以上工业企业|规上企业|亩均)/;
/** A box listing projects: 专栏1 2026年重点推进项目 → 2026年重点推进项目. */
const PROJECT_BOX = /^专栏\s*\d*\s*[:：]?\s*([^，,。]{2,24}?项目)/;
/** A label opening a list of projects, naming none (重点推进以下项目：). */
const OPENS_PROJECT_LIST = /(?:以下|下列|如下)(?:\d+个)?(?:重点)?项目$/;
/** A sentence opening a list of projects: 重点推进以下项目, 实施以下5个重点项目. */
const LIST_OF_PROJECTS = /(重点)?(推进|实施|建设|安排|抓好)以下(?:\d+个)?(重点)?项目/;
/** What a project list's item measures of its project: investment, output, capacity. */
const PROJECT_MEASURE = /^(?:总投资|计划投资|计划完成投资|年度投资|投资|达产后|建成后|投产后|(?:建设|新建|建成|形成|新增|改造)|年产|年处理|年加工|年回收|年利用|年发电|年吞吐|年产值|年销售收入|年营业收入|产值|营业收入|年税收|税收)/;

/** A preposition a time expression opens with (到2028年, 截至2025年底). */
const TIME_PREPOSITION = /(?:截至|截止|到|至)$/;

/** A figure as the source writes it, with its 以上/左右; a vague 多/余 is left out (10余家 → 10家). */
function writtenValue(fig: FigureMatch): string {
  return fig.suffix === '多' || fig.suffix === '余' ? fig.value + fig.suffix : fig.value;
}

/**
 * The comparator of a figure from the word before it and the bound after it (以上, 左右 …), which `value` leaves
 * out: 增长 + 以上 → "增长…以上", 为 + 左右 → "左右", 突破 + none → "突破".
 */
export function comparatorOf(before: string | null, fig: FigureMatch): string | null {
  const bound = fig.suffix === '多' || fig.suffix === '余' ? null : fig.suffix;
  if (!bound) return before;
  return before && !SILENT_RELATIONS.has(before) ? `${before}…${bound}` : bound;
}

/** The header of a table: per column, the year it is of, whether it reports results, and what it holds. */
interface TableHeader {
  years: Array<number | null>;
  actual: boolean[];
  /** Columns that are indicators themselves (| 区域 | 项目数 | 年度计划投资 |): each row's subject measured by them. */
  measures: Array<string | null>;
  /** Columns holding a value of the row's indicator without a year (| 指标 | 目标值 | 属性 |). */
  values: boolean[];
  /** The column naming each row's indicator when no column is a year or an indicator. */
  indicator: number;
  /** The column giving each row's unit (| 指标 | 单位 | 2025年 |), or -1. */
  unit: number;
  /** Each column's unit from its header's brackets (产值（亿元）), or null. */
  units: Array<string | null>;
  /** The last year a column is of; a column with no year of its own in a table of years (年均增长) aims at it. */
  lastYear: number | null;
  /** In a table of years, the column naming each row's indicator: the last before the first year that says what is measured. */
  subject: number;
  /** In a table of indicator columns, the column naming each row (| 序号 | 地区 | 数量 | → 地区). */
  rowName: number;
  /** What a generic column (数量) counts, from the table's caption or the document's title (卓越级智能工厂). */
  topic: string;
  /** The header cells, 名称 dropped (项目名称 → 项目). */
  names: string[];
}

/** Header cells that hold something about an indicator, not an indicator: 目标值, 属性, 单位 … */
const ABOUT_COLUMN = /^(?:(?:19|20)\d{2}\s*年?)?(?:[（(]?(?:目标|目标值|预期目标|预期值|预期|计划|计划值|基期|基数|基期值|现状|现状值|实际|实际值|完成|完成值|指标值|数值|属性|指标属性|单位|计量单位|备注|类别|类型|序号|牵头单位|责任单位)[）)]?)+$/;
const VALUE_COLUMN = /目标|预期|计划|完成|实际|现状|基期|基数|数值|指标值/;
const UNIT_COLUMN = /^(?:计量)?单位$/;
const INDICATOR_COLUMN = /指标|名称|项目|内容/;

/** The cells of a Markdown row (| a | b |) or of an HTML or text row as the reader renders it (a｜b, ｜b｜c). */
const cellsOf = (row: string): string[] => row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/[|｜]/).map((c) => c.trim());
const isTableRow = (t: string): boolean => /^\s*\|.*\|\s*$/.test(t) || (/^[^｜]*(?:｜[^｜]*)+$/.test(t.trim()) && /[^｜\s]/.test(t));
/** A year in a header cell: 2025年, 2030. */
const YEAR_CELL = /((?:19|20)\d{2})\s*年?/;
/** A unit in a header cell's brackets: 制造业增加值（亿元）, 2030年(%), 装机（GW） — not a place (汉南区) or a kind (基期). */
const HEADER_UNIT = /[（(]\s*(%|‰|个百分点|[十百千万亿]*(?:元|美元|家|个|项|人|人次|户|台|套|辆|吨|千瓦|千瓦时|瓦|平方米|平方公里|公里|亩|公顷|座|所|条|张|次|部|架|艘|标箱|吨标准煤)|[A-Za-z]{1,8})\s*[)）]/;

function tableHeader(cells: string[]): TableHeader {
  const plain = cells.map((c) => c.replace(/[*_`\s]/g, ''));
  const years = plain.map((c) => Number(YEAR_CELL.exec(c)?.[1]) || null);
  const yearless = years.every((y) => y === null);
  const about = plain.map((c, i) => i === 0 || ABOUT_COLUMN.test(c));
  const unit = plain.findIndex((c) => UNIT_COLUMN.test(c));
  // What a column measures besides its year (2026年目标产值（亿元） → 产值; 年均增长 in a table of years).
  const rest = plain.map((c) => c.replace(YEAR_CELL, '').replace(HEADER_UNIT, '').replace(ABOUT_WORDS, ''));
  const firstYear = years.findIndex((y) => y !== null);
  const subject = firstYear < 0 ? -1 : indicatorBefore(plain, firstYear);
  return {
    years,
    actual: plain.map((c) => /基期|实际|完成|现状/.test(c)),
    measures: plain.map((c, i) => {
      if (yearless) return !about[i] && c && findFigures(c).length === 0 ? c.replace(HEADER_UNIT, '') : null;
      return i > subject && i !== unit && !about[i] && !DESCRIPTION_COLUMN.test(c) && rest[i]!.length >= 2 && findFigures(rest[i]!).length === 0 ? rest[i]! : null;
    }),
    values: plain.map((c, i) => i > 0 && yearless && VALUE_COLUMN.test(c)),
    indicator: Math.max(0, plain.findIndex((c) => INDICATOR_COLUMN.test(c))),
    unit,
    units: plain.map((c) => HEADER_UNIT.exec(c)?.[1] ?? null),
    lastYear: yearless ? null : Math.max(...years.filter((y): y is number => y !== null)),
    subject,
    rowName: Math.max(0, plain.findIndex((c) => c !== '' && !ABOUT_COLUMN.test(c))),
    names: plain.map((c) => c.replace(/名称$/, '')),
    topic: '',
  };
}

/** Columns describing a row in words (建设内容, 备注): a number in them is no figure of the column. */
const DESCRIPTION_COLUMN = /内容|说明|备注|进度|单位$|主体|地点|时间|期限/;

/** A column measuring how the column before it grows: 比上年增长, 同比, 增速, 增幅. */
const GROWTH_COLUMN = /^(?:比上年|同比|较上年)|^(?:年均)?(?:增速|增幅|增长|增长率)$/;

/** A column naming places: 县（市、区）, 地区, 设区市, 城市. */
const PLACE_COLUMN = /^(?:各|设区)?(?:县|市|区|地区|区域|城市|地市|省份?|州|盟)(?:[（(][市县区、]+[）)])?(?:名称)?$/;

/** A row of totals. */
const TOTAL_ROW = /^(?:合计|总计|小计|全部|汇总)$/;

/** Columns that count without saying what: 数量, 个数, 家数, 总数; or a part of what the table counts (其中：中小企业). */
const GENERIC_MEASURE = /^(?:入选)?(?:数量|个数|家数|总数|数目|合计)$|^其中[:：]?/;

/**
 * What a table is about, from a short caption just before it (表2　2026年度卓越级智能工厂分地区数量) or else the title
 * (工业和信息化部办公厅关于公布2026年度卓越级智能工厂名单的通知 → 卓越级智能工厂).
 */
function tableTopic(before: string | null, title: string): string {
  const label = before?.replace(/^(?:附件|附表|表)\s*\d*[：:、.\s]*/, '') ?? null;
  const caption = label && before && !isTableRow(before) && label.length <= 40 && !/[。；;：:]/.test(label) ? label : null;
  for (const text of [caption, title]) {
    if (!text) continue;
    const topic = text
      .replace(/^.*?关于(?:公布|印发|发布|下达)?/, '')
      .replace(/的通知$|的公告$/, '')
      .replace(/(?:19|20)\d{2}\s*年度?/g, '')
      .replace(/(?:分地区|分省份?|分区域|分城市|各地区?|各省份?)/g, '')
      .replace(/(?:名单|情况|统计表|一览表|汇总表|统计|分布|数量|表)+$/, '')
      .trim();
    if (topic.length >= 2 && topic.length <= 20) return topic;
  }
  return '';
}

/**
 * The column before `end` naming each row's indicator: one headed 指标, 名称 or 项目 (| 重点项目 | 建设内容 | 总投资 |
 * 2026年计划投资 |), else the last that is not 单位, 类别 or 属性, else the first.
 */
function indicatorBefore(cells: string[], end: number): number {
  const named = cells.slice(0, end).findIndex((c) => /指标|名称|项目/.test(c) && !/内容|投资|金额/.test(c));
  if (named >= 0) return named;
  for (let i = end - 1; i > 0; i--) if (!ABOUT_COLUMN.test(cells[i]!)) return i;
  return 0;
}

/** Words of a header cell saying what kind of value a column holds (目标值, 预期, 基期), not what is measured. */
const ABOUT_WORDS = /目标值|预期目标|预期值|目标|预期|计划值|计划(?!投资)|基期值|基期|基数|现状值|现状|实际值|实际|完成值|完成|指标值|数值/g;

/** A header's second row (| | | 2025年 | 2028年 | 2030年 |): no digit but its years, and two cells or more. */
function isHeaderRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length >= 2 && filled.every((c) => !/\d/.test(c.replace(YEAR_CELL, '')));
}

/**
 * A two-level header as one: each column's upper cell, carried from the left over the columns it spans (目标值 over
 * 2028年 and 2030年), then its lower cell.
 */
function mergeHeader(given: string[], sub: string[]): string[] {
  // A text export writes a spanning cell once (指标 | 单位 | 2025年 | 目标值 | 年均增长 over | | | 2028年 | 2030年 | |):
  // the upper row gets an empty cell after each one whose lower cells both hold something, until the rows line up.
  const top = [...given];
  for (let i = 0; i < top.length && top.length < sub.length; i++) {
    if (top[i] !== '' && !YEAR_CELL.test(top[i]!) && sub[i] && sub[i + 1]) top.splice(i + 1, 0, '');
  }
  const width = Math.max(top.length, sub.length);
  const merged: string[] = [];
  let spanning = '';
  for (let i = 0; i < width; i++) {
    const upper = top[i] ?? '';
    const lower = sub[i] ?? '';
    if (upper !== '') spanning = lower !== '' ? upper : '';
    merged.push((upper !== '' ? upper : lower !== '' ? spanning : '') + lower);
  }
  return merged;
}

/**
 * Rows of tables (主要指标 tables: 指标 | 2024年（基期） | 2025年 | 2027年; 区域 | 项目数 | 计划投资) with their header, by
 * paragraph index. Header, separator and group rows (| 一、产业规模 | | |) map to no header: they state no figure of
 * their own. A header's second row merges into it; a short group line between rows (一、产业规模) keeps the table open.
 */
function tableRows(paragraphs: ExtractInput['paragraphs'], title: string): Map<number, TableHeader | null> {
  const rows = new Map<number, TableHeader | null>();
  let top: string[] | null = null;
  let header: TableHeader | null = null;
  let data = false;
  let topic = '';
  let caption: string | null = null;
  paragraphs.forEach((p, i) => {
    if (!isTableRow(p.text)) {
      caption = null;
      const next = paragraphs[i + 1];
      if (header && p.text.length <= 16 && !/[。，；,;]/.test(p.text) && next && isTableRow(next.text)) return;
      top = null;
      header = null;
      return;
    }
    rows.set(i, null);
    if (/^[\s|:\-—]+$/.test(p.text)) return;
    const cells = cellsOf(p.text);
    // "| 附表　2026年…主要指标分解表 | | | |": a caption spanning the table's width, above its header.
    if (top === null && cells.filter((c) => c !== '').length <= 1) {
      caption = cells.find((c) => c !== '') ?? caption;
      return;
    }
    if (top === null) {
      top = cells;
      topic = tableTopic(caption ?? paragraphs[i - 1]?.text ?? null, title);
      caption = null;
      header = { ...tableHeader(cells), topic };
      data = false;
      return;
    }
    if (!data && isHeaderRow(cells)) {
      top = mergeHeader(top, cells);
      header = { ...tableHeader(top), topic };
      return;
    }
    if (cells.filter((c) => c !== '').length <= 1) return;
    data = true;
    rows.set(i, header);
  });
  return rows;
}

/**
 * The figures of one table row. With year columns, the indicator is the column right before the first one
 * (| 类别 | 指标 | 2023年 |…: a category column names a group of indicators, not one) and each figure is of its column's
 * year. With indicator columns (| 区域 | 项目数 | 计划投资 |), the row's first cell is measured by each. With value
 * columns only (| 指标 | 目标值 | 属性 |), the figures are of the plan's year.
 */
function tableFacts(doc: ExtractInput, para: { text: string; start: number }, header: TableHeader | null, at: { region: string; city: string | null; pubYear: number; planYear: number; sector: Sector }): RawFact[] {
  if (!header) return [];
  const raw = cellsOf(para.text);
  // A row missing its first cells (a category cell spanning rows above it) lines up from the right.
  const cells = raw.length < header.years.length && raw[0] !== '' ? [...Array<string>(header.years.length - raw.length).fill(''), ...raw] : raw;
  const firstYear = header.years.findIndex((y) => y !== null);
  const byMeasure = firstYear < 0 && header.measures.some((m) => m !== null);
  const subjectColumn = firstYear >= 0 ? header.subject : byMeasure ? header.rowName : header.indicator;
  const named = (cells[subjectColumn] ?? '').replace(/[*_`]/g, '').replace(HEADER_UNIT, '').trim();
  // A 合计 row is the whole table's: the table's topic, else what its naming column lists (重点项目); in a table of
  // places (| 县（市、区） | 增加值 | 增速 |) it is the region's own figure, measured by each column alone.
  const total = TOTAL_ROW.test(named || (cells.find((c) => c !== '') ?? ''));
  const ofPlaces = total && PLACE_COLUMN.test(header.names[subjectColumn] ?? '') && header.measures.some((m) => m !== null);
  const subject = ofPlaces ? '' : total ? header.topic || header.names[subjectColumn] || named : named;
  // A row's name holds no figure but a threshold (营业收入超10亿元企业数量) or, in a list of projects, the project's
  // size (察尔汗盐湖4万吨/年基础锂盐一体化项目).
  const project = /项目|名称/.test(header.names[subjectColumn] ?? '') || /(?:项目|工程)$/.test(subject);
  if ((!subject && !ofPlaces) || (!project && findFigures(subject.replace(THRESHOLDS, '')).length > 0)) return [];
  const rowUnit = header.unit >= 0 ? (cells[header.unit] ?? '').trim() : (HEADER_UNIT.exec(cells[subjectColumn] ?? '')?.[1] ?? '');
  const quote = para.text.trim();
  const out: RawFact[] = [];
  cells.forEach((cell, col) => {
    if (col === subjectColumn || col === header.unit) return;
    // A growth column (| 产量 | 比上年增长（%） |, | 2025年增加值 | 2026年增速目标 |) measures the column before it.
    const own = header.measures[col] ?? null;
    const before = col > 0 ? header.measures[col - 1] ?? null : null;
    const measure = own && before && GROWTH_COLUMN.test(own) ? before + own : own;
    // A yearless measure in a table of years (年均增长 beside 2030年, 总投资 beside 2026年计划投资) is of the plan's last year.
    const year = header.years[col] ?? (firstYear < 0 ? (measure || header.values[col] ? at.planYear : null) : measure ? Math.max(header.lastYear ?? 0, at.planYear) : null);
    const unit = header.units[col] ?? rowUnit;
    const fig = findFigures(unit && /^\d+(?:\.\d+)?$/.test(cell) ? cell + unit : cell)[0];
    if (!year || !fig) return;
    const kind: RawFact['kind'] = header.actual[col] || year < at.pubYear ? 'actual' : 'target';
    out.push({
      kind, region: at.region, city: at.city, metric: measure ? subject + (GENERIC_MEASURE.test(measure) ? header.topic : '') + withSector(measure.replace(/^其中[:：]?/, ''), at.sector) : withSector(subject, at.sector), value: writtenValue(fig),
      comparator: comparatorOf(null, fig), hedge: null, number: fig.number, numberMax: fig.numberMax, unit: fig.unit || null, year,
      deadline: kind === 'target' ? isoDate(year, '12-31') : null, definition: null, heading: false,
      citation: citation(doc, para.start + para.text.indexOf(quote), quote, null),
    });
  });
  return out;
}

function citation(doc: ExtractInput, offset: number, quote: string, context: string | null): RawFact['citation'] {
  const c: RawFact['citation'] = { document: doc.meta.id, title: doc.meta.title, date: doc.meta.date, url: doc.meta.url, quote, offset };
  return context === null ? c : { ...c, context };
}

/**
 * What a search should see around a quote: its heading and whole sentence (数据先行区 in the sentence, 认定标准 in the
 * heading), or nothing when that adds no word to the quote.
 */
function searchContext(ctx: SentenceContext, quote: string): string | null {
  const context = [ctx.section, ctx.sentence.text].filter((x): x is string => Boolean(x)).join(' ').trim();
  return context === quote ? null : context;
}

interface SentenceContext {
  sentence: Span;
  paragraphStart: number;
  priorMentions: RegionMention[];
  priorTimes: TimeMention[];
  fallbackRegion: RegionMention | null;
  fallbackYear: TimeMention | null;
  /** The heading over the sentence's paragraph (an article's title on a newspaper page), for search context. */
  section: string | null;
  /** The last year named under the same heading before this paragraph. */
  spokenYear: TimeMention | null;
  /** The past year a review in the paragraphs before reports, when this paragraph goes on reporting it. */
  review: TimeMention | null;
  /** The sentence's paragraph before it. */
  paragraphBefore: string;
  /** The project an item of a project list is about (- **旌湖氢能装备产业园项目**（德阳经开区）：…). */
  project: string | null;
  /** The park a box of parks names at the head of the paragraph (（1）甘泉堡经济技术开发区：). */
  park: string | null;
}

/** A figure met earlier in the sentence: its metric, where its clause starts, its unit. */
interface EarlierFigure {
  metric: string;
  clauseStart: number;
  unit: string;
  /** The thing named before that a bare measure of this figure was given (加工增值免关税政策 of 享惠货物货值). */
  owner?: string;
  /** One of a 分别 list: its subject (启东市) and what the list measures (船舶海工产业产值). */
  listed?: { item: string; shared: string };
}

interface DocContext {
  pubYear: number;
  /** The year 今年 and 全年 mean: the publication's, or the year a report of a past year reports. */
  timeYear: number;
  planYear: number;
  docRegion: string | null;
  /** The city a document's title names, when the document is a city's. */
  docCity: string | null;
  /** Whether the title names the document's own region (a place's own document, not a page of several). */
  titled: boolean;
  /** A national body's document (a ministry's notice). */
  national: boolean;
  /** The industry a sectoral plan's title names (轨道交通装备产业…行动计划 → 先进轨道交通装备), if any. */
  sector: Sector;
  /** What the title is about (工业和信息化部…关于公布2026年度卓越级智能工厂名单的通知 → 卓越级智能工厂), or ''. */
  titleTopic: string;
  /** The counted groups the document defines (三大主导产业 = 烟草, 装备制造, 生物医药). */
  groups: NamedGroups;
  heading: boolean;
}

/** Start of the ；-segment holding `pos`: a semicolon separates statements about different subjects. */
function segmentStart(s: string, pos: number): number {
  return Math.max(s.lastIndexOf('；', pos - 1), s.lastIndexOf(';', pos - 1)) + 1;
}

/**
 * The last of a list of goals named after it ("锚定…、工业投资增长12%以上的目标"): a figure with its metric and relation
 * before it. Not one measured against a goal (好于5%左右的预期目标, 完成30万人的预期目标).
 */
function listedGoal(s: string, g: FigureMatch): boolean {
  if (!/^的(?:预期)?目标/.test(s.slice(g.endWithSuffix))) return false;
  const before = s.slice(0, g.start);
  return /[\u4e00-\u9fa5]{2,}(?:增长|突破|达到|超过|提高到)$/.test(before) && !/(?:好于|低于|高于|完成|未完成|比)[^，,；;。]*$/.test(before);
}

/**
 * A goal a result is measured against ("增长4.6%，低于年初确定的5%左右的预期目标", "未完成6%左右的预期目标"): the goal of
 * the figure before, a figure of its own.
 */
function goalMeasuredAgainst(s: string, g: FigureMatch): boolean {
  return /^的(?:预期|年度)?目标/.test(s.slice(g.endWithSuffix)) && /(?:好于|低于|高于|未完成|完成|超过|超出|未达到|达到)(?:了)?(?:年初确定的|年初确定|确定的)?(?:增长)?$/.test(s.slice(0, g.start));
}
/** A goal stated after the result (…增长4.9%，预期目标为增长5.5%左右). */
const GOAL_AFTER_RESULT = /(?:预期|年度)?目标(?:分别)?(?:为|是)(?:增长)?$/;

/**
 * A money threshold before what it sorts ("产值超10亿元企业17家"): not an amount of its own.
 */
function thresholdBefore(s: string, fig: FigureMatch): boolean {
  return MONEY_UNITS.has(fig.unit) && /(?:超|超过|过)$/.test(s.slice(0, fig.start)) && /^[\u4e00-\u9fa5]{0,6}?(?:企业|项目|集群|园区|工厂|品牌)/.test(s.slice(fig.endWithSuffix));
}

/** A shortcoming stated (仅为, 只有, 不足, 低于全省平均水平): a figure of how things stand, not a goal. */
const SHORTFALL = /仅为|仅有|仅占|仅达|仅增长|只有|尚不足|(?:低于|落后于?)全(?:国|省|市|州)[^，,；;。]{0,8}$|比全(?:国|省|市|州)[^，,；;。]{0,8}(?:低|少|慢)$/;
/** A metric that is only a county, district or city's name (张家川县): the place, not what is measured. */
const PLACE_ONLY = /^[\u4e00-\u9fa5]{1,6}?(?:县|区|市|旗|州|新区)$/;
/** Things counted whose size may stand before them (17.4万立方米LNG运输船12艘, 100万千瓦级机组2台). */
const SPECCED_COUNT = /^(?:艘|台|套|辆|座|架|列|个|条)$/;
/** Words between two figures that make the first a figure of its own (600万千瓦，新增…, 3万吨、达到…). */
const SPEC_BREAK = /达到|突破|超过|增长|新增|建成|其中|累计|以上|左右|和|及|与/;
/** Units of a plant's size that name it (100万吨/年乙烯项目, 200万千瓦风电基地项目). */
const NAMING_MEASURE = /^(?:吨|万千瓦|千瓦|兆瓦|吉瓦|GW|MW|GWh)(?:\/年)?$/;

/** The fund a size names ("规模100亿元的省人工智能产业母基金" → 省人工智能产业母基金), or null. */
function fundOf(s: string, fig: FigureMatch): string | null {
  if (!/规模(?:为|达)?$/.test(s.slice(0, fig.start))) return null;
  return /^的([^，,；;。、]{2,24}?基金)/.exec(s.slice(fig.endWithSuffix))?.[1] ?? null;
}

/** "10亿元以上项目", "超过3亿元、增速不低于15%的": figures qualifying a noun, not figures of their own. */
function qualifiesNoun(s: string, figures: FigureMatch[], fig: FigureMatch, clauseEnd: number): boolean {
  // "设立规模100亿元的省人工智能产业母基金": the fund's size is a figure of the plan.
  if (fundOf(s, fig)) return false;
  // "…工业投资增长12%以上的目标": the goal named after a list of goals is not a noun they qualify.
  if (figures.some((g) => g.start >= fig.start && g.endWithSuffix <= clauseEnd && s[g.endWithSuffix] === '的' && !listedGoal(s, g) && !goalMeasuredAgainst(s, g) && !s.startsWith('的基础上', g.endWithSuffix))) return true;
  if (thresholdBefore(s, fig)) return true;
  // "专栏3所列…": a box's number; "沿江1公里化工企业": the strip of land a rule is about; "高于全国（5.8%）": the nation's.
  if (/(?:专栏|附表|附件|表)$/.test(s.slice(0, fig.start)) || (/^(?:公里|米)$/.test(fig.unit) && /(?:沿江|沿河|沿湖|沿海|两岸)$/.test(s.slice(0, fig.start))) || /全国[（(]$/.test(s.slice(0, fig.start))) return true;
  // "推动洋浦100万吨/年乙烯项目二期开工建设": a capacity naming the project, not a figure of the plan.
  if (NAMING_MEASURE.test(fig.unit) && /^[\u4e00-\u9fa5]{1,8}?(?:项目|工程|装置)/.test(s.slice(fig.endWithSuffix)) && !/(?:年产|产能|规模|能力|达到|达|为|超过|突破|新增|建设|建成|形成|总计|合计)$/.test(s.slice(0, fig.start))) return true;
  // "其中17.4万立方米LNG运输船12艘": a size before the thing counted is its spec.
  const next = figures.find((g) => g.start > fig.endWithSuffix && g.start <= clauseEnd);
  if (next && SPECCED_COUNT.test(next.unit) && /^[A-Za-z\u4e00-\u9fa5]{2,12}$/.test(s.slice(fig.endWithSuffix, next.start)) && !SPEC_BREAK.test(s.slice(fig.endWithSuffix, next.start))) return true;
  // "加快F级50兆瓦重型燃气轮机产业化": a product's rating names the product developed, it is not an amount.
  if (fig.suffix === null && /^[\u4e00-\u9fa5A-Za-z]{2,14}?(?:产业化|研制|研发|国产化|攻关|首台套应用|示范应用)(?:[，,；;。]|$)/.test(s.slice(fig.endWithSuffix, clauseEnd + 1))) return true;
  // "关闭退出年产30万吨以下煤矿8处", "单机10兆瓦以上风电机组": a size class of what is counted.
  const sized = MONEY_UNITS.has(fig.unit) || /(?:年产|单机|单体|产能|装机)$/.test(s.slice(0, fig.start));
  return sized && fig.suffix !== null && QUALIFIER_SUFFIX.has(fig.suffix) && /^[\u4e00-\u9fa5]/.test(s.slice(fig.endWithSuffix));
}

function figureFacts(doc: ExtractInput, ctx: SentenceContext, d: DocContext, regions: RegionIndex): RawFact[] {
  const s = ctx.sentence.text;
  const guarded = protectedSpans(s);
  const all = findFigures(s).filter((f) => !insideAny(guarded, f.start, f.end));
  if (all.length === 0) return [];
  const figures = all.filter((f) => !qualifiesNoun(s, all, f, clauseAround(s, f.start, f.endWithSuffix).end));
  const mentions = regions.findMentions(s);
  // A region a place's own document works with (承接京津产业转移项目150个) is no subject of its figures.
  const placeMentions = d.titled ? mentions.filter((m) => !isPartner(s, m)) : mentions;
  // A region inside a title or a quoted name (《江西省…》, “工赋山东”) is not the subject of a figure.
  const subjects = mentions.filter((m) => !insideAny(guarded, m.start, m.end));
  const times = findTimes(s, d.timeYear).filter((t) => !t.baseline && t.kind !== 'date' && !insideAny(guarded, t.start, t.end));
  const out: RawFact[] = [];
  /** The metrics of the sentence's figures so far, with where their clauses start; the last is the previous one. */
  const earlier: EarlierFigure[] = [];
  let previousStated = false;
  /** Where the clause about the whole country that the sentence's clauses go on with starts. */
  let nationalFrom: number | null = null;

  for (let i = 0; i < figures.length; i++) {
    const fig = figures[i]!;
    const previous = earlier.at(-1) ?? null;
    /** What the places of a 分别 list before measure (规模以上工业增加值), for a place named after them alone. */
    const placeShared = [...earlier].reverse().find((e) => e.listed)?.listed!.shared ?? '';
    let placeItem: { item: string; shared: string } | null = null;
    const clause = clauseAround(s, fig.start, fig.endWithSuffix);
    // Items of an enumeration are cut between figures ("A 200家、B 1000家"), never inside a list of names.
    const prevEnd = figures[i - 1] && figures[i - 1]!.endWithSuffix > clause.start ? figures[i - 1]!.endWithSuffix : -1;
    const comma = prevEnd >= 0 ? s.indexOf('、', prevEnd) : -1;
    let itemStart = prevEnd < 0 ? clause.start : Math.max(clause.start, comma >= 0 && comma < fig.start ? comma + 1 : prevEnd);
    // A region opening the item, or followed by its predicate ("……产业集群浙江将组织实施…项目60项"), is the subject:
    // the metric starts after it. One inside a name stays ("比亚迪西安基地产能"), and so does a district, whose
    // figures are its city's (宝安区新增规模以上工业企业300家).
    const subject = subjects
      .filter((m) => m.start >= itemStart && m.end <= fig.start && m.place?.kind !== 'district')
      .filter((m) => !/[\u4e00-\u9fa5A-Za-z]$/.test(s.slice(itemStart, m.start).replace(TIME_OR_NOISE, '')) || SUBJECT_PREDICATE.test(s.slice(m.end)))
      .at(-1);
    if (subject) itemStart = subject.end;
    // "6.集成电路产业规模突破650亿元": the item's number is not part of what it measures.
    const numbering = ITEM_NUMBER.exec(s.slice(itemStart, fig.start));
    if (numbering) itemStart += numbering[0].length;
    const nextStart = figures[i + 1]?.start ?? s.length;
    const nextMention = subjects.find((m) => m.start >= fig.endWithSuffix)?.start ?? s.length;
    let postEnd = fig.endWithSuffix;
    while (postEnd < Math.min(clause.end, nextStart, nextMention) && s[postEnd] !== '、') postEnd++;
    const pre = s.slice(itemStart, fig.start);
    // "1200万台（套）": a bracketed second unit is not what is counted.
    const post = s.slice(fig.endWithSuffix, postEnd).replace(/^[（(][^）)]{1,2}[）)]/, '');

    const removeSpans: Array<[number, number]> = [];
    for (const t of times) {
      if (t.start < itemStart || t.end > fig.start) continue;
      // "到2028年算力规模达到8EFLOPS": the preposition goes with its time (not 到算力规模).
      const lead = TIME_PREPOSITION.exec(s.slice(Math.max(itemStart, t.start - 2), t.start))?.[0].length ?? 0;
      removeSpans.push([t.start - lead - itemStart, t.end - itemStart]);
    }
    // "加工率由2023年的40%提高到55%": 40% is where the metric starts from, a result of 2023 (or of now).
    const baseline = BASELINE_BEFORE.exec(pre);
    const fromBaseline = baseline !== null && BASELINE_AFTER.test(s.slice(fig.endWithSuffix, clause.end)) ? baseline : null;
    const parts = fromBaseline ? metricFromPre(pre.slice(0, fromBaseline.index), removeSpans.filter(([, b]) => b <= fromBaseline.index)) : metricFromPre(pre, removeSpans);
    let metric = parts.metric;
    const ownMetric = metric;
    // "上半年完成全年计划投资的50%": the share of a plan done, not the plan.
    const planShare = fig.unit === '%' ? PLAN_SHARE.exec(pre) : null;
    let planShareFrom: number | null = null;
    if (planShare) metric = `完成${planShare[1]}`;
    // "…工业投资增长6%，上半年完成全年计划投资的50%": whose plan the clause before says.
    // "完成投资5860亿元，完成年度计划的102.5%": the plan of what the clause before did.
    if (planShare && previous && !isGenericMetric(previous.metric) && !previous.metric.endsWith(planShare[1]!)) {
      metric = previous.metric + metric;
      planShareFrom = previous.clauseStart;
    }
    // "营业收入超千亿元的工业企业达到12家，超百亿元的达到95家": the same things over another threshold.
    const threshold = previous && THRESHOLD_ONLY.test(metric) ? THRESHOLD.exec(previous.metric) : null;
    if (threshold) metric = previous!.metric.replace(threshold[0], metric);
    let quoteSpan: Span = threshold ? spanOf(s, previous!.clauseStart, clause.end) : planShareFrom !== null ? spanOf(s, planShareFrom, clause.end) : clause;
    // "钢铁企业由69家整合为38家": what follows a figure moved from is the move, not a noun of what is counted.
    const postNoun = fromBaseline ? '' : metricFromPost(post);
    const action = CAUSATIVE.test(metric) ? balanceMarks(post.replace(/^[\s，,、]+|[，,。；;、].*$/g, '')) : '';
    // "为1.5万名适龄妇女免费开展“两癌”筛查": the people served, and what they are served with.
    // "在100家养老机构开展康养机器人应用试点": the places where it is done, and what is done there.
    const served = /^[\s，,]*(?:为|在)$/.test(pre) && /^(?:名|人|户|人次|家|个|所)$/.test(fig.unit) ? balanceMarks(post.replace(/[，,。；;].*$/, '')) : '';
    if (served.length >= 4 && served.length <= 24) {
      metric = served;
    } else if (COUNT_UNITS.test(fig.unit) && action.length >= 4 && action.length <= 24 && action.startsWith(postNoun)) {
      // "推动2000家规上工业企业开展数字化转型": the count is of the enterprises doing it.
      metric = action;
    } else if (postNoun.length >= 2 && COUNT_UNITS.test(fig.unit) && REACH.test(metric) && metric.length <= 12) {
      // "产品出口覆盖全球110个国家和地区": what reaches them is part of what is counted.
      metric += postNoun;
    } else if (postNoun.length >= 2 && COUNT_UNITS.test(fig.unit)) {
      // "聚焦16个先进制造业集群" → 聚焦先进制造业集群: a short verb stays (questions ask "发布了多少条…"); a long
      // phrase before the count is another clause's, unless the noun is one word ("千兆光纤网络具备覆盖" + 家庭).
      metric = (metric.length <= 4 && !metric.endsWith('等')) || postNoun.length < 3 ? metric + postNoun : postNoun;
      // "每年遴选100家骨干企业开展智能化改造": what they are chosen for is part of what is counted.
      const purpose = metric.endsWith(postNoun) ? CHOSEN_FOR.exec(post.slice(post.indexOf(postNoun) + postNoun.length)) : null;
      if (purpose && /(?:遴选|选树|选择|确定|组织|培育|支持)$/.test(metric.slice(0, -postNoun.length))) metric += balanceMarks(purpose[0]);
    } else if (postNoun.length >= 2 && metric.length < 3) {
      // "统筹不少于5亿元资金": the thing measured follows the amount.
      metric += postNoun;
    }
    // "累计建成省级智能工厂86个、数字化车间312个": a listed item without a verb is counted by the verb of the item before it.
    const listVerb = previous && previous.clauseStart === clause.start && itemStart === comma + 1 ? LIST_VERB.exec(previous.metric) : null;
    if (listVerb && metric.length >= 2 && !dependsOnSubject(metric) && !LIST_VERB.test(metric) && !ACTION_START.test(metric) && !metric.startsWith(listVerb[0])) metric = listVerb[0] + balanceMarks(metric);
    const fund = fundOf(s, fig);
    if (fund) metric = `${fund}规模`;
    const periodLabel = times.filter((t) => t.label && t.start >= itemStart && t.end <= fig.start).at(-1)?.label ?? '';
    // 其中 opens a part of something counted earlier in the sentence with the same head noun (项目, 企业).
    const whole = /^其中/.test(s.slice(clause.start)) ? partOf(earlier, metric) : null;
    // "全区算力总规模达到8.5万P，其中智能算力占比超过90%": the part's share of the whole before it.
    const share = previous && /^其中/.test(s.slice(clause.start)) ? /^(.{2,12})占比$/.exec(metric) : null;
    if (share) {
      metric = `${previous!.metric.replace(/^(?:累计|新增|全年)+/, '')}中${share[1]}占比`;
      quoteSpan = spanOf(s, previous!.clauseStart, clause.end);
    }
    let continued: string | null = null;
    let clauseSubject: { metric: string; start: number } | null = null;
    let kindOf: { metric: string; clauseStart: number } | null = null;
    const sibling = previous && /^[\s，,；;]*(?:实现|完成)/.test(pre) && SIBLING_MEASURE.exec(previous.metric);
    if (sibling && SIBLING_ONLY.test(metric) && previous!.metric.length > sibling[0].length) {
      // "规模以上工业企业实现营业收入1.38万亿元；实现利润总额386.2亿元": the same enterprises' profit.
      metric = previous!.metric.slice(0, -sibling[0].length) + metric;
    } else if (previous && (MOVE_ONLY.test(pre) || STAYS_ONLY.test(metric))) {
      // "地区生产总值由2020年的1.77万亿元增加到2.68万亿元": the figure moved to is the same thing's.
      // "粮食总产量达到58.6亿斤，连续多年稳定在55亿斤以上": so is one held over the years.
      metric = previous.metric;
      quoteSpan = spanOf(s, previous.clauseStart, clause.end);
    } else if (previous && previous.unit === fig.unit && CHANGE_ONLY.test(metric)) {
      // "高新技术企业达到1286家，净增148家": the same thing's change.
      metric = withSubject(previous.metric, metric);
      quoteSpan = spanOf(s, previous.clauseStart, clause.end);
    } else if (metric.length < 2 && previous && /累计/.test(pre)) {
      // "新建5G基站5000个，累计达到8.7万个": the running total of the same thing.
      metric = withSubject(previous.metric, '累计');
      quoteSpan = spanOf(s, previous.clauseStart, clause.end);
    } else if (whole) {
      // "安排市重大工业项目300个…，其中10亿元以上项目85个": a part of the same projects.
      // "其中新开工亿元以上项目150个": a part that names the whole's thing itself keeps its own words.
      // "新开工亿元以上项目300个，其中10亿元以上项目30个": the part is done as the whole is (新开工10亿元以上项目).
      const thing = withSubject(whole.metric, '');
      const done = whole.metric.endsWith(thing) ? whole.metric.slice(0, -thing.length) : '';
      if (!metric.endsWith(thing)) metric = metric.slice(0, -whole.head.length) + thing;
      else if (/^(?:新开工|开工|实施|新建|建成|引进|招引|签约|培育|新增|认定)+$/.test(done) && !ACTION_START.test(metric) && !LIST_VERB.test(metric)) metric = done + metric;
      quoteSpan = spanOf(s, whole.clauseStart, clause.end);
    } else if ((kindOf = kindOfWhole(s, clause, earlier, metric, fig))) {
      // "园区累计并网装机达到2810万千瓦，其中光伏2210万千瓦、风电560万千瓦": each a kind of the whole before.
      metric = kindOf.metric;
      quoteSpan = spanOf(s, kindOf.clauseStart, clause.end);
    } else if (metric.length < 2 && !previous && (clauseSubject = stepsPassedBefore(s, clause, itemStart))) {
      // "全市地区生产总值迈上4000亿元新台阶、达到4150亿元": what passed the step is what is reached.
      metric = clauseSubject.metric;
      quoteSpan = spanOf(s, clauseSubject.start, clause.end);
    } else if (metric.length < 2 && (clauseSubject = subjectOfClauseBefore(s, clause, previous?.clauseStart ?? -1, times, mentions))) {
      // "制造业增加值首次突破万亿元，达1.09万亿元", "绿色铝产量达到546万吨；新能源电池产业营业收入首次突破千亿元，
      // 达到1086亿元": the clause right before (after the previous figure's) names what is reached.
      metric = clauseSubject.metric;
      quoteSpan = spanOf(s, clauseSubject.start, clause.end);
    } else if (previous && placeShared && (metric.length < 2 ? subject !== undefined : PLACE_ONLY.test(metric))) {
      // "…分别增长6.2%和5.4%，秦安县增长12.6%，张家川县增长4.2%": another place's figure of what the list measures.
      const place = metric.length < 2 ? s.slice(subject!.start, subject!.end) : metric;
      placeItem = { item: place, shared: placeShared };
      metric = place + placeShared;
    } else if (metric.length < 2 && previous) {
      metric = previous.metric;
      if (previous.clauseStart < clause.start) quoteSpan = spanOf(s, previous.clauseStart, clause.end);
    } else if (previous && (continued = continuedAction(previous.metric, metric))) {
      metric = continued;
      quoteSpan = spanOf(s, previous.clauseStart, clause.end);
    } else if (previous && dependsOnSubject(metric)) {
      // "高技术制造业增加值增长7.5%，占规模以上工业比重达到14.5%": the share is the previous subject's.
      metric = withSubject(previous.metric, metric);
      quoteSpan = spanOf(s, previous.clauseStart, clause.end);
    }
    if (metric.length < 2 || /^[\d.%]+$/.test(metric)) continue;
    if ((fig.unit === '人' || fig.unit === '名') && AUDIENCE.test(s.slice(fig.endWithSuffix))) continue;
    // "严禁新建年产50万吨以下磷矿", "不再新建30万千瓦以下机组": the line a ban draws, not a figure of the plan.
    if (BAN.test(s.slice(clause.start, fig.start)) && /^(?:以下|以内|以上|及以下)/.test(s.slice(fig.end))) continue;
    // "每个项目给予不超过500万元支持", "对单个企业最高给予1000万元奖励": what one recipient may get.
    if (MONEY_UNITS.has(fig.unit) && /(?:每个|每家|每户|每项|单个|单家|单项)[^，,；;。]{0,12}给予[^，,；;。]{0,6}$/.test(s.slice(clause.start, fig.start))) continue;
    // "给予补助，最高不超过500万元": a cap per recipient, not a figure of the plan.
    if (MONEY_UNITS.has(fig.unit) && /(?:最高|最多)(?:不超过)?$/.test(pre)) continue;
    // "给予一次性奖励50万元", "按设备投资额的10%给予补助": an award per recipient, not a figure of the plan.
    if (AWARD_BEFORE.test(pre) || (/按[^，,；;。]{0,14}的$/.test(pre) && /^[^，,；;。]{0,4}给予/.test(s.slice(fig.endWithSuffix)))) continue;
    // "分别给予100万元、200万元奖励": awards per recipient named after the amounts.
    if (MONEY_UNITS.has(fig.unit) && /给予[^，,；;。]{0,12}$/.test(s.slice(clause.start, fig.start)) && /^[^，,；;。]{0,12}(?:奖励|补助|补贴|资助)/.test(s.slice(fig.endWithSuffix))) continue;
    // "全区10种有色金属产量达到810万吨": the kinds counted are a fixed set, named for the figure after it.
    if (/^[种类]$/.test(fig.unit) && figures.some((g) => g.start > fig.end && g.start < clause.end)) continue;
    // "以上4个项目总投资143亿元": a count referring back to what was listed; "设置主要指标11项": the plan's own indicators.
    if (COUNT_UNITS.test(fig.unit) && /(?:以上|上述|前述|所列)$/.test(s.slice(clause.start, fig.start))) continue;
    if ((fig.unit === '项' || fig.unit === '个') && /指标$/.test(metric)) continue;
    // "确定的15项主要指标中，8项完成或好于预期，7项未达到预期": counts of the plan's own indicators.
    if (fig.unit === '项' && /\d项[\u4e00-\u9fa5]{0,4}指标/.test(s)) continue;
    // "先后跨越500亿元、600亿元两个台阶": the steps passed, not a figure of something.
    if (/跨越|迈上|跨上|站上|连跨/.test(s.slice(clause.start, fig.start)) && /^[^，,；;。]{0,24}台阶/.test(s.slice(fig.endWithSuffix))) continue;
    // "出口覆盖全球60多个国家和地区": a vague reach, not a figure of the plan.
    if (/[多余]/.test(fig.value) && /^国家(?:和|与|及)地区/.test(s.slice(fig.end))) continue;
    // "其中19个省份增速高于全国": a count of provinces is the nation's, no one region's.
    if (/^(?:个)?(?:省份|省区市|省\(区、市\)|省（区、市）)/.test(s.slice(fig.end))) continue;
    // "全区规模以上有色金属企业实现营业收入4860亿元，…；实现利润总额386亿元": who achieved the first achieved this.
    const who = metric.length <= 6 ? achiever(s, clause, earlier) : null;
    if (who) {
      metric = who + metric.replace(/^实现/, '');
    } else if (isGenericMetric(metric)) {
      const segment = segmentStart(s, fig.start);
      const topic = sentenceTopic(s.slice(segment));
      if (topic) {
        metric = topic + metric;
        quoteSpan = spanOf(s, segment, Math.max(clause.end, quoteSpan.end));
      } else if (previous && previous.metric.endsWith(metric) && previous.metric !== metric) {
        // "全省新能源汽车产量达到120万辆，其中郑州市产量达到61.2万辆": the same thing, named before.
        metric = previous.metric;
      } else if (previous && ENTITY_END.test(previous.metric)) {
        // "实施省重点建设项目300个左右，完成投资2100亿元": the investment of those projects.
        metric = withSubject(previous.metric, metric);
        quoteSpan = spanOf(s, previous.clauseStart, clause.end);
      } else if (previous && previous.clauseStart >= segment && MEASURED_THING.test(previous.metric)) {
        // "电解铝产能达到720万吨，产量695万吨": the thing the clause before measures, measured another way.
        metric = previous.metric.replace(MEASURED_THING, '') + metric;
        quoteSpan = spanOf(s, previous.clauseStart, clause.end);
      }
    } else if (BARE_RATE.test(metric) && previous && previous.clauseStart >= segmentStart(s, fig.start)) {
      // "煤矿瓦斯抽采量达到4.2亿立方米，利用量1.6亿立方米，利用率38.1%": the thing the clause before measures.
      const thing = BARE_RATE_AFTER.exec(previous.metric)?.[1];
      if (thing && !thing.endsWith(metric.slice(0, 2))) {
        metric = thing + metric;
        quoteSpan = spanOf(s, previous.clauseStart, clause.end);
      }
    }
    // "2026年、2027年、2028年分别达到1950亿元、2200亿元和2500亿元": each figure of its year.
    const yearly = yearOfList(s, figures, fig);
    if (yearly && yearly.metric.length >= 2) metric = yearly.metric;
    // "建设南京智算中心二期，新增智能算力5EFLOPS": what the clause before builds is what the figure is of.
    const built = !yearly && clause.start > 0 && BUILT_MEASURE.test(metric) ? builtBefore(s, clause.start, figures) : null;
    if (built) {
      metric = built.name + metric;
      quoteSpan = spanOf(s, built.start, clause.end);
    }
    // "支持崇川区建设船舶配套产业园，入园企业达到60家", "海口市新能源汽车产量达到12万辆，本地配套率提高到30%": a measure
    // that names no thing is of the thing the clause before names or measures.
    // Not one whose clause names its own place (克拉玛依市算力规模, 全区算力规模), nor a table's row.
    const ownPlace = subject !== undefined || /全省|全市|全区|全县|全国|园区/.test(s.slice(clause.start, fig.start)) || /[|｜]/.test(s);
    const bare = !yearly && !built && !ownPlace && isBareMeasure(metric);
    // "新签约亿元以上项目286个、协议引资1620亿元": an item of a list is of the thing the item before measures.
    const listOwner = bare && previous?.clauseStart === clause.start && comma >= 0 && itemStart === comma + 1 ? previous.owner ?? thingOf(previous.metric) : null;
    const owner = (bare && clause.start > 0 ? ownerBefore(s, clause, previous, figures) : null) ?? (listOwner ? { name: listOwner, start: previous!.clauseStart } : null);
    // "新入驻企业26家，累计入驻企业达到186家": the same things counted another way own nothing.
    const owned = owner && !metric.startsWith(owner.name) && owner.name.slice(-2) !== metric.slice(-2) ? owner : null;
    if (owned) {
      metric = owned.name + metric;
      quoteSpan = spanOf(s, owned.start, Math.max(clause.end, quoteSpan.end));
    }
    const respective = yearly ? null : respectiveSubject(s, figures, fig, earlier, (name) => openingPlaceEnd(name, regions), d.groups);
    // One of a 分别 list of regions (浙江省、江苏省分别为35家和33家): that region's figure.
    const itemPlace = respective ? regions.findMentions(respective.item)[0] ?? null : null;
    if (respective) {
      // Regions alone say whose, not what: the thing measured is the figure's before (广东省入选数量…达40家).
      // A county the index does not know by itself (费县) is named by its suffix.
      const named = (itemPlace !== null && itemPlace.start === 0 && itemPlace.end === respective.item.length && respective.metric.length - respective.item.length < 2)
        || (respective.metric === respective.item && /^[\u4e00-\u9fa5]{1,6}(?:县|区|市|旗)$/.test(respective.item));
      // The figure before the list, not an item of the list itself (费县…700亿元 for 兰山区).
      // Measured in the same unit: "新能源汽车产量达到171万辆，约占全国的11.6%，其中合肥、芜湖两市分别达到…万辆".
      const outside = [...earlier].reverse().filter((e) => e.clauseStart < clause.start);
      const measured = outside.find((e) => e.unit === fig.unit) ?? outside[0] ?? previous;
      const thing = !named ? '' : measured ? withoutPlace(measured.metric, regions) : d.titleTopic;
      metric = thing ? respective.item + thing : respective.metric;
      quoteSpan = spanOf(s, named && measured ? Math.min(measured.clauseStart, respective.from) : respective.from, clause.end);
    }
    // "增长4.9%，预期目标为增长5.5%左右", "增长5.1%，未完成6%左右的预期目标": the goal of what the figure before measures.
    const goalOf = !respective && previous && previous.clauseStart < clause.start && (GOAL_AFTER_RESULT.test(pre) || goalMeasuredAgainst(s, fig)) ? previous : null;
    if (goalOf) {
      metric = goalOf.metric;
      quoteSpan = spanOf(s, goalOf.clauseStart, clause.end);
    }
    // "…分别达到405亿元、318亿元和226亿元，三地合计占全市的68.5%", "如皋市、通州湾示范区合计达到290亿元": the places'
    // sum of what the 分别 list before measures.
    const sum = respective ? null : summedPlaces(s, clause, fig, earlier);
    if (sum) {
      metric = sum.metric;
      quoteSpan = spanOf(s, sum.from, clause.end);
    }
    // An item of a project list or of a box of parks: what it measures is the project's or the park's.
    // "1. 项目名称：…；建设内容：…；总投资：36亿元；2026年计划投资：12亿元": a project's record, field by field.
    const record = ctx.project ? null : recordProject(s, fig.start);
    if (record?.field) metric = record.field;
    const inline = ctx.project || record ? null : inlineProject(s, clause.start);
    const project = ctx.project ?? record?.name ?? inline?.name ?? null;
    const itemName = project ?? ctx.park;
    // "新建大型干船坞1座、FPSO总装平台2座": a listed item goes with the project as the item before it does.
    const measured = project
      ? projectMeasure(ownMetric, metric) ?? (previous && previous.clauseStart === clause.start && previous.metric.startsWith(project) ? metric : null)
      : PARK_MEASURE.test(metric) ? metric : null;
    if (itemName && measured && !measured.includes(itemName)) {
      metric = itemName + measured;
      quoteSpan = spanOf(s, inline?.start ?? 0, Math.max(clause.end, quoteSpan.end));
    }
    // "以上4个项目总投资293亿元" under "专栏1 2026年重点推进项目": the box's projects.
    // "重点推进以下项目：…。以上4个项目总投资392亿元": the projects the list was opened for.
    const summed = /(?:以上|上述)\d+个[^，,；;。]{0,4}项目/.test(s);
    const box = summed && ctx.section ? PROJECT_BOX.exec(ctx.section)?.[1] : undefined;
    const opened = summed && !box ? LIST_OF_PROJECTS.exec(ctx.paragraphBefore + s.slice(0, clause.start)) : null;
    const projects = box ?? (opened ? `${opened[1] ?? ''}${opened[2]}${opened[3] ?? ''}项目` : null);
    if (projects && PROJECT_MEASURE.test(metric.replace(/^项目/, ''))) metric = projects + metric.replace(/^项目/, '');
    // "高于全国（5.8%）": a figure in brackets inside a metric is an aside.
    // "重点项目8个（见附件）": a pointer to an attachment is no part of what is measured.
    metric = balanceMarks(metric.replace(/[（(][\d.]+%?[）)]/g, '').replace(POINTER, ''));
    // "连云港石化产业基地实现营业收入2980亿元。基地炼油能力达到1600万吨/年": the site named in full before.
    const siteWord = BARE_SITE.exec(metric)?.[1];
    const site = siteWord ? siteNamedBefore(ctx.paragraphBefore + s.slice(0, clause.start), siteWord) : null;
    if (site) metric = site + metric.slice(siteWord!.length);
    metric = withSector(metric, d.sector, openingPlaceEnd(metric, regions));
    // A national list's short metrics say what is listed (深圳入选 → 深圳卓越级智能工厂入选).
    if (d.national && d.titleTopic && !metric.includes(d.titleTopic)) metric = withTopic(metric, d.titleTopic, regions);
    // A sum names its places in full (海淀区、北京经济技术开发区、昌平区机器人产业营业收入合计占全市).
    if (metric.length > (sum ? 45 : 30)) metric = metric.slice(-30);
    const listed = respective ? listedItem(respective, placeShared) : placeItem;
    earlier.push({ metric, clauseStart: clause.start, unit: fig.unit, ...(owned ? { owner: owned.name } : {}), ...(listed ? { listed } : {}) });
    const fullMetric = periodLabel && !metric.endsWith(periodLabel) ? metric + periodLabel : metric;

    // Region: the sentence (nearest before, else the first after), the paragraph, the article, the heading, the document.
    const subjectMentions = placeMentions.filter((m) => !isBenchmark(s, m) && !isNamePart(s, m));
    // In a national document a region names only the figures of its own ；-segment.
    const from = d.national ? segmentStart(s, fig.start) : 0;
    const before = subjectMentions.filter((m) => m.end <= fig.start && m.start >= from).at(-1);
    // In a national document a figure is a region's only when its own sentence names the region.
    const context = d.national ? null : (ctx.priorMentions.at(-1) ?? ctx.fallbackRegion ?? null);
    // A place named after the figure names it only in the figure's own ；-segment (not "…下降6.8%；…低于苏州、无锡").
    const after = subjectMentions.find((m) => m.start >= fig.end && segmentStart(s, m.start) === segmentStart(s, fig.start));
    const mention = itemPlace ?? before ?? after ?? context;
    const region = mention?.region ?? d.docRegion;
    if (!region) continue;
    // "全国规模以上工业增加值增长5.8%": the nation's figure, unless a region is named after 全国 and before the figure.
    // The clauses after it go on with the nation until a region or 全省 takes over (…增长5.9%，装备制造业增加值增长9.1%);
    // 国内生产总值 is the nation's own measure.
    // "（2024年全国日用陶瓷产量约330亿件）": a bracketed aside about the nation.
    const bracket = Math.max(s.lastIndexOf('（', fig.start), s.lastIndexOf('(', fig.start));
    const aside = bracket >= clause.start && !/[）)]/.test(s.slice(bracket, fig.start)) ? s.slice(bracket, fig.start) : null;
    const nationwide = NATIONAL_SUBJECT.test(s.slice(clause.start, fig.start)) || (aside !== null && NATIONAL_SUBJECT.test(aside)) || /国内生产总值/.test(metric);
    if (nationwide) nationalFrom = clause.start;
    const nationalGoesOn = nationalFrom !== null && !nationwide && !subjectMentions.some((m) => m.start >= nationalFrom! && m.end <= fig.start) && !OWN_REGION.test(s.slice(nationalFrom, fig.start));
    if (!nationalGoesOn && !nationwide) nationalFrom = null;
    const many = MANY_PLACES.test(s.slice(clause.start, fig.start));
    if ((nationwide || many || nationalGoesOn) && !subjectMentions.some((m) => m.start >= clause.start && m.end <= fig.start)) continue;
    // A city's own document: its figures are the city's unless the sentence is about the province or names a place
    // outside it (its own districts and county-level cities, when not the figure's subject, do not move the figure).
    const ownPlaces = subjectMentions.every((m) => m.form === 'city' && m.region === d.docRegion);
    const titleCity = d.docCity && ownPlaces && region === d.docRegion && !PROVINCE_WIDE.test(s) ? d.docCity : null;
    // One of a 分别 list of cities (杭州、宁波分别…) is that city's figure.
    const itemCity = respective ? regions.findMentions(respective.item).find((m) => m.city && m.region === region)?.city ?? null : null;
    const city = itemCity ?? (before && mention === before && cityOf(s, before, fig, mentions) ? before.city : null) ?? localSubject(s) ?? titleCity;

    // Time: the sentence (nearest before, else in the clause after), the paragraph, the article, the document.
    // A time told after a figure ("…达到1650亿元，力争到2027年突破2000亿元；…") is that statement's: it does not reach
    // past the ；. One opening the sentence (到2025年，…；…) frames all of it.
    // A part of the year told in a 其中 clause ("…，其中一季度新开工…150个以上，工业投资增长12%") is that clause's only.
    const asidePart = (t: TimeMention): boolean => t.label !== '' && t.start < clause.start && /^其中/.test(clauseAround(s, t.start, t.end).text);
    // "2026年计划投资15亿元，形成储能系统年产能10GWh": the year of a year's investment is that clause's only.
    const yearsInvestment = (t: TimeMention): boolean => t.start < clause.start && /^(?:计划)?(?:完成)?投资/.test(s.slice(t.end));
    const timeBefore = times.filter((t) => t.end <= fig.start && !asidePart(t) && !yearsInvestment(t) && (segmentStart(s, t.start) === segmentStart(s, fig.start) || !all.some((g) => g.end <= t.start))).at(-1);
    const timeAfter = times.find((t) => t.start >= fig.end && t.end <= clause.end);
    let time = timeBefore ?? timeAfter ?? null;
    // 全年/年内/当年 mean the year being talked about: in a paragraph opened by 2023年 (a review), that year.
    if (time && time.kind === 'relative' && CONTINUING_YEAR.test(s.slice(time.start, time.end))) {
      // A paragraph of its own continues the last year named under its heading (2024年，该区… ⏎ 全区全年接待…), unless
      // the sentence sets a goal (全年力争…).
      // Under a heading naming a past year (一、2025年工作总结), 全年 is that year.
      const pastHeading = ctx.fallbackYear?.past ? ctx.fallbackYear : undefined;
      // "过去的一年，…预计全年地区生产总值达到…": a January report's estimate of the year just past sets no goal.
      const goal = GOAL_WORDS.test(s.replace(ESTIMATED_YEAR, ''));
      const carried = !goal ? (ctx.spokenYear?.past ? ctx.spokenYear : (ctx.review ?? pastHeading)) : undefined;
      const spoken = times.filter((t) => t.year !== null && (t.kind !== 'relative' || (t.past && !goal)) && t.end <= time!.start).at(-1) ?? ctx.priorTimes.filter((t) => t.kind !== 'relative' || t.year === d.timeYear).at(-1) ?? carried;
      if (spoken) time = spoken;
    }
    let year: number;
    let monthDay = '12-31';
    if (time && time.year === null) {
      const withYear = times.filter((t) => t.year !== null && t.end <= time!.start).at(-1) ?? ctx.priorTimes.at(-1) ?? ctx.fallbackYear;
      year = withYear?.year ?? d.planYear;
      monthDay = time.monthDay;
    } else if (time) {
      year = time.year!;
      monthDay = time.monthDay;
    } else if (/每年|总投资$/.test(s.slice(clause.start, fig.start)) || ctx.project) {
      // A project item's investment and what it builds (建设…生产线12条, 形成年产…能力) are for when the plan ends.
      // "每年安排专项资金3亿元", "总投资36亿元": no one year's, so the plan's (its last year).
      year = d.planYear;
    } else {
      time = ctx.priorTimes.at(-1) ?? (GOAL_WORDS.test(s) ? null : ctx.review) ?? ctx.fallbackYear ?? null;
      year = time?.year ?? d.planYear;
    }
    if (yearly) {
      year = yearly.year;
      monthDay = '12-31';
    }
    const lead = s.slice(0, fig.start);
    // "共有…产业园区18个", "1.3万个行政村已进入…": the clause reports how things stand, and so does a clause that
    // only continues it ("…18个,4.57万家市场主体,其中…30家"). Under an article about 2030 goals, such a result
    // without a year of its own is of the document's year.
    const continues = /^[\s，,、]*(?:其中|$)/.test(pre);
    const stated: boolean = (continues && previousStated) || CLAUSE_DONE.test(s.slice(clause.start, fig.start)) || ALREADY.test(s.slice(fig.endWithSuffix, clause.end));
    previousStated = stated;
    // "本地消纳比例仅为18.4%", "新能源利用率低于全省平均水平2.1个百分点": a shortcoming is how things stand.
    const shortfall = !timeBefore && !timeAfter && SHORTFALL.test(s.slice(clause.start, fig.start)) && !GOAL_WORDS.test(s.slice(clause.start, clause.end));
    // How things stand when the plan is written: the year its review reports (the year before, early in the year).
    const standing = ctx.review?.year ?? (Number(doc.meta.date.slice(5, 7)) <= 6 ? d.pubYear - 1 : d.pubYear);
    if (shortfall) year = standing;
    const done = stated || shortfall || ACTUAL_MARKERS.test(lead);
    if (stated && !timeBefore && !timeAfter && year > d.pubYear) year = d.pubYear;
    const past = (time?.past ?? false) || year < d.pubYear;
    // "从目前的0.5吨" is of the document's year; "轮胎企业由38家整合至25家以内", from no named time, starts from how
    // things stand (the plan's base year).
    // A move toward a goal ("到2028年，…由38家整合至25家以内") starts from now, not from an earlier move's year.
    if (fromBaseline) {
      const towardGoal = times.some((t) => t.start < fig.start && (t.year ?? 0) > d.pubYear);
      const yearBefore = towardGoal ? null : baselineYearBefore(ctx.paragraphBefore + s.slice(0, fig.start));
      year = fromBaseline[1] ? Number(fromBaseline[1]) : (yearBefore ?? (/目前|现在|现有|当前/.test(fromBaseline[0]) ? d.pubYear : standing));
    }
    const goalStated = goalOf !== null || (respective !== null && GOAL_AFTER_RESULT.test(s.slice(clause.start, fig.start).replace(/\d.*$/, '')));
    const kind: RawFact['kind'] = fromBaseline ? 'actual' : year > d.pubYear || goalStated ? 'target' : past || done ? 'actual' : 'target';
    const hedge = parts.hedge ?? nearestHedge(lead);
    // "…提高到55%": the move is the comparator, not its bare 到.
    const movedTo = MOVED_TO.exec(pre);
    const relation = movedTo && (parts.comparator === null || SILENT_RELATIONS.has(parts.comparator)) ? movedTo[0] : parts.comparator ?? respective?.comparator ?? null;
    const comparator = fromBaseline ? null : comparatorOf(relation, fig);
    const quote = trimQuote(quoteSpan.text);
    const quoteOffset = ctx.paragraphStart + ctx.sentence.start + quoteSpan.start + quoteSpan.text.indexOf(quote);
    out.push({
      kind, region, city, metric: fullMetric, value: writtenValue(fig),
      comparator, hedge: kind === 'target' ? hedge : null, number: fig.number, numberMax: fig.numberMax,
      unit: fig.unit || null, year, deadline: kind === 'target' ? isoDate(year, monthDay) : null, definition: null,
      heading: d.heading,
      citation: citation(doc, quoteOffset, quote, searchContext(ctx, quote)),
    });
  }
  return out;
}

/** A record's field naming its project (项目名称：…), and the field a figure fills (总投资：, 2026年计划投资：). */
const RECORD_NAME = /项目名称[:：]\s*([^；;。：:]{2,40})/g;
const RECORD_FIELD = /([^；;：:，,]{2,14})[:：]\s*$/;

/**
 * The project a record names before a figure (项目名称：泗洪储能电池及系统集成项目；…), and the field the figure fills when
 * it measures money (总投资：, 2026年计划投资：), or null.
 */
function recordProject(s: string, figStart: number): { name: string; field: string | null } | null {
  const before = s.slice(0, figStart);
  const named = [...before.matchAll(RECORD_NAME)].at(-1);
  if (!named) return null;
  const field = RECORD_FIELD.exec(before)?.[1]?.trim() ?? null;
  return { name: named[1]!.trim(), field: field && /投资|产值|营业收入|税收/.test(field) ? field.replace(/(?:19|20)\d{2}年度?/, '') : null };
}

/**
 * The project an item of a list in a sentence opens with (重点推进以下项目：A项目，总投资…；B项目，…), with where the item
 * starts, when the clause at `clauseStart` is a later clause of that item.
 */
function inlineProject(s: string, clauseStart: number): { name: string; start: number } | null {
  const before = s.slice(0, clauseStart);
  const itemStart = Math.max(before.lastIndexOf('；'), before.lastIndexOf(';'), before.lastIndexOf('：'), before.lastIndexOf(':')) + 1;
  // Only in a list a colon opens, not a task's first clause (深入实施智能制造工程，新建智能工厂20个).
  if (!/[：:]/.test(before)) return null;
  const first = /^[^，,]*/.exec(s.slice(itemStart, clauseStart))![0];
  const name = itemStart + first.length < clauseStart ? INLINE_PROJECT.exec(first.trim())?.[1] : undefined;
  return name ? { name, start: itemStart } : null;
}

/** A site referred to by its kind alone (基地炼油能力, 园区营业收入): the one named in full before. */
const BARE_SITE = /^(基地|园区|开发区|高新区|新区|产业园|示范区)(?!建设|内|外|和|及|与|、)/;

/** The last site of a kind (…基地) named in full in `text` as a clause's subject, or null. */
function siteNamedBefore(text: string, kind: string): string | null {
  const named = new RegExp(String.raw`(?:^|[。；;，,：:、])(?:依托|推动|支持|推进)?(?!建设|打造|培育|发展|壮大)([^。；;，,：:、（(“”\d.．]{2,16}?${kind})(?=实现|已|建成|累计|现有|目前|形成|全年|[，,。；;])`, 'g');
  let last: string | null = null;
  for (const m of text.matchAll(named)) if (m[1] !== kind) last = m[1]!;
  return last;
}

/** Who an earlier clause of the sentence says achieved something (X实现营业收入…), when this clause opens with 实现 too. */
function achiever(s: string, clause: Span, earlier: readonly EarlierFigure[]): string | null {
  if (!/^[，,；;\s]*实现/.test(s.slice(clause.start))) return null;
  // The first such clause names them in full; a later one's metric may be a share cut to length.
  for (const e of earlier) {
    const who = /^([\u4e00-\u9fa5]{2,}?)实现/.exec(e.metric)?.[1];
    if (who) return who;
  }
  return null;
}

/**
 * What a project item's figure measures of the project: its own clause's measure when that is a bare one (总投资 after
 * "建设年产30万辆…总装线，": the project's investment, not the line's), else the metric built so far, else null.
 */
function projectMeasure(own: string, built: string): string | null {
  const ownMeasure = PROJECT_MEASURE.test(own);
  if (ownMeasure && isGenericMetric(own)) return own;
  if (PROJECT_MEASURE.test(built)) return built;
  return ownMeasure ? own : null;
}

/**
 * What the clause right before a figure's names, when that clause holds no figure of its own and comes after
 * `after` (the previous figure's clause): "新能源电池产业营业收入首次突破千亿元，达到1086亿元".
 */
function subjectOfClauseBefore(s: string, clause: Span, after: number, times: TimeMention[], mentions: RegionMention[]): { metric: string; start: number } | null {
  if (clause.start === 0) return null;
  const before = clauseAround(s, clause.start - 1, clause.start - 1);
  if (before.start <= after) return null;
  const cut = [...times, ...mentions].filter((x) => x.start >= before.start && x.end <= before.end).map((x): [number, number] => [x.start - before.start, x.end - before.start]);
  // "全市经济总量连跨两个千亿台阶，年均增长6.1%": what passed the steps is what grew.
  const stepped = STEPS_PASSED.exec(before.text);
  const metric = stepped ? stepped[1]! : metricBeforeComparator(before.text, cut);
  // "…增长5%，总量突破千亿元，达到1086亿元": a metric that leans on the subject before is no subject of its own.
  return metric.length >= 2 && (after < 0 || !dependsOnSubject(metric)) ? { metric, start: before.start } : null;
}

/**
 * A short kind (光伏, 风电) counted after 其中 in the unit of the whole the clause before measures (园区累计并网装机
 * 2810万千瓦): the whole's metric with the kind in it (园区光伏并网装机). Null when the clause is no such part.
 */
function kindOfWhole(s: string, clause: Span, earlier: readonly EarlierFigure[], kind: string, fig: FigureMatch): { metric: string; clauseStart: number } | null {
  if (!/^其中/.test(s.slice(clause.start)) || kind.length < 2 || kind.length > 4 || !/^[\u4e00-\u9fa5]+$/.test(kind)) return null;
  if (fig.unit === '' || fig.unit === '%' || fig.unit === '个百分点') return null;
  const whole = earlier.filter((e) => e.clauseStart < clause.start).at(-1);
  if (!whole || whole.unit !== fig.unit || whole.metric.includes(kind)) return null;
  const parts = /^(园区|全市|全省|全区|全县|全州)?(?:累计|新增|全年|总)*(.{2,})$/.exec(whole.metric);
  if (!parts) return null;
  return { metric: (parts[1] ?? '') + kind + parts[2], clauseStart: whole.clauseStart };
}

/** The subject passing steps in the clause's part before the item (…迈上4000亿元新台阶、达到4150亿元). */
function stepsPassedBefore(s: string, clause: Span, itemStart: number): { metric: string; start: number } | null {
  if (itemStart <= clause.start || s[itemStart - 1] !== '、') return null;
  const m = STEPS_PASSED.exec(s.slice(clause.start, itemStart - 1));
  return m ? { metric: m[1]!, start: clause.start } : null;
}
/** A subject passing steps (全市经济总量连跨两个千亿台阶, 地区生产总值迈上4000亿元新台阶): the subject. */
const STEPS_PASSED = /^(?:全市|全省|全区|全县|全州)?([\u4e00-\u9fa5]{2,10}?)(?:先后|连续|接连)?(?:连跨|迈上|跨上|站上|跨越|迈过)[^，,；;。]*台阶$/;
/** A verb of reach before a count of places or people (覆盖全球, 销往, 惠及). */
const REACH = /(?:覆盖|遍及|辐射|销往|出口到|出口至|通达|联通|惠及|带动)(?:全球|全国|全省|全市|世界)?$/;
/** A count verb opening a listed item's metric (累计建成省级智能工厂), which the items after it without one share. */
const LIST_VERB = /^(?:累计)?(?:新建成|新建|建成|新增|新培育|培育|新引进|引进|新认定|认定|新创建|创建|打造|新开工|开工|招引|遴选|改造|推广)+|^累计/;
/** A metric that opens with a verb of its own (达到, 实现, 新签): not a bare listed noun. */
const ACTION_START = /^(?:实现|完成|达到|新签|签约|带动|接入|覆盖|惠及|服务|形成|配套|建设|推动|支持|组织|开展|举办)/;
/** Measures of the same things that a clause opening with 实现 goes on with (…实现营业收入1.38万亿元；实现利润总额…). */
const SIBLING_MEASURE = /(?:营业收入|主营业务收入|利润总额|利润|税收|产值|增加值|出口交货值)$/;
const SIBLING_ONLY = new RegExp(`^${SIBLING_MEASURE.source}`);
/** Words of the present event or state: 本次签约, 此次, 目前, 当前, 近日. */
const NOW = /本次|此次|这次|目前|当前|近日|日前|现场|今年/;
/**
 * A paragraph going on with a review without a word of its own for it: a place's figures after the region's
 * (乌鲁木齐市规模以上工业增加值增长7.5%，…), or 同时/此外 (同时也要看到，…研发经费投入强度为1.12%).
 */
const GOES_ON = /^(?:[\u4e00-\u9fa5]{2,6}?(?:市|州|县|区|盟|旗)(?!场|级)|同时|此外|另外|但|然而|这一年|从[^，,]{1,6}看)/;
/** A task's imperative opening a paragraph (推进数字化改造，实施…): what is to be done, not what was. */
const TASK_OPENING = /^(?:推进|实施|加快|推动|深化|强化|支持|开展|打造|培育|建设|完善|健全|落实|组织|扩大|提升|聚焦|围绕|大力|全力|着力|积极|持续|加强|做强|做优|做大|引导|鼓励)/;
/** Words of a reported result: 同比增长, 比上年, 实现了, 位居全省第三. */
const REPORTED = /同比|比上年|较上年|分别增长|分别达到|增长了|实现了|完成了|达到了|新增了|建成了|位居|位列|居全(?:国|省|市)|首次|获评|入选/;
/** A review's topic sentence: a short statement of how something went (产业转型步伐加快, 创新动能持续增强). */
const REVIEW_TOPIC = /^[^，,；;。]{2,18}(?:加快|提升|增强|明显|显著|有力|向好|深化|提高|壮大|优化|改善|加力|见效|巩固|扎实|攀升|提速|拓展|跃升|成效|稳固|突破|领先|强劲|活跃|激发|释放|增效|推进|完善|成形|落地|提质|扩容|夯实)[。！]/;

/**
 * The past year a paragraph reports in a review that runs over paragraphs: one opening with a past year (过去一年，…;
 * 2025年，…) starts it; one with no year of its own goes on with it while it reports (a topic sentence like
 * 产业转型步伐加快。, or 同比/比上年/实现了…) and sets no goal; anything else ends it.
 */
function continuedReview(text: string, times: TimeMention[], review: TimeMention | null): TimeMention | null {
  const body = text.replace(ITEM_NUMBER, '');
  const first = body.split(/[。！？]/, 1)[0]!;
  // The year the first sentence names (2025年，…; 贵州省统计局数据显示，2025年全省…).
  const opening = times.find((t) => t.start <= text.length - body.length + first.length);
  if (opening) return opening.past && !GOAL_WORDS.test(first) ? opening : null;
  // "台州是制造业大市…。过去一年，面对…，全市上下…": a review opened after a sentence of introduction.
  const later = times.find((t) => t.kind === 'relative' && t.past && !GOAL_WORDS.test(splitSentences(text).find((x) => x.end > t.start)?.text ?? ''));
  if (later && !times.some((t) => t.start > later.start && !t.past)) return later;
  // 全年 and 当年 name no year of their own: in a review they are the year reviewed.
  const named = times.filter((t) => !(t.kind === 'relative' && /^(?:全年|当年|这一年)$/.test(text.slice(t.start, t.end))));
  if (!review || named.length > 0 || GOAL_WORDS.test(first)) return null;
  // "本次签约…", "目前…": the present event or state, not the year reviewed.
  if (NOW.test(body)) return null;
  // It goes on while it reports: a topic sentence, 同比/比上年, 全年 (the year reviewed), a breakdown (分城市看，武汉市…),
  // or a paragraph that sets no goal and opens with a place or 同时/此外/这一年 (see GOES_ON).
  return REVIEW_TOPIC.test(body) || REPORTED.test(body) || /全年|^(?:分|从)(?:城市|地区|区域|市州|行业|产业|领域)看/.test(body) || (!GOAL_WORDS.test(body) && GOES_ON.test(body)) ? review : null;
}

/**
 * The start year of the last move named before a yearless one ("…由2020年的480万千瓦增加到2130万千瓦；高新技术企业由126家
 * 增加到420家": 2020), or null.
 */
function baselineYearBefore(text: string): number | null {
  const last = [...text.matchAll(/(?:由|从)((?:19|20)\d{2})年(?:底|末)?的/g)].at(-1);
  return last ? Number(last[1]) : null;
}

/** How a heading is numbered: 一、 / （一） / 1. / （1） / 第一章 / none. */
function numberingStyle(heading: string): string {
  const t = heading.trim();
  if (/^[一二三四五六七八九十]+[、.．]/.test(t)) return 'cn';
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(t)) return 'cn()';
  if (/^\d+[.．、]/.test(t)) return 'num';
  if (/^[（(]\d+[）)]/.test(t)) return 'num()';
  if (/^第[一二三四五六七八九十\d]+[章节部分篇]/.test(t)) return 'chapter';
  // "▲工业经济稳中有进", "🔹…", "■…": a post's or a page's bulleted subheads, below its plain ones.
  if (/^(?:[▲△►▶◆◇■□●○★☆※◎]|\p{Extended_Pictographic})/u.test(t)) return 'bullet';
  return 'none';
}

/** Outline ranks, highest first: 第一章, 一、, （一）, 1., （1）, ▲. */
const RANKS = ['chapter', 'cn', 'cn()', 'num', 'num()', 'bullet'];

/** Whether a heading of numbering `style` sits below one of `above` in the outline. */
function lowerRank(style: string, above: string | null): boolean {
  const a = RANKS.indexOf(above ?? '');
  return a >= 0 && RANKS.indexOf(style) > a;
}

/** The year a review section reports: the one before the document's. */
function reviewYear(pubYear: number): TimeMention {
  return { start: 0, end: 0, kind: 'review', year: pubYear - 1, monthDay: '12-31', past: true, baseline: false, label: '' };
}

/**
 * The year list a 分别 gives its figures to, in this clause (全市…产值2026年、2027年、2028年分别达到…) or, for a clause
 * going on with it (，规模以上企业数分别达到440家、470家和500家), in an earlier one; with the metric the clause names.
 */
function yearOfList(s: string, figures: FigureMatch[], fig: FigureMatch): { year: number; metric: string } | null {
  const clause = clauseAround(s, fig.start, fig.endWithSuffix);
  const at = s.lastIndexOf('分别', fig.start);
  if (at < clause.start) return null;
  const group = figures.filter((f) => f.start > at && f.endWithSuffix <= clause.end);
  const k = group.indexOf(fig);
  const head = s.slice(clause.start, at);
  let list = YEAR_LIST.exec(head);
  let metricText = list ? head.slice(0, list.index) : head;
  // "2026年、2027年全区新能源汽车产量分别达到…": the years open the clause, what is measured follows them.
  const opening = list ? null : LEADING_YEAR_LIST.exec(head);
  if (opening) {
    list = YEAR_LIST.exec(opening[1]!);
    metricText = head.slice(opening[0].length);
  }
  // "2026年、2027年，全市规模以上工业营业收入分别达到…": the years stand in the clause before, on their own.
  if (!list) list = YEAR_LIST.exec(s.slice(0, clause.start).replace(/^.*[，,；;。]\s*(?=(?:19|20)\d{2}年[^，,；;。]*[，,]\s*$)/, ''));
  if (!list) {
    const earlier = [...s.slice(0, clause.start).matchAll(/((?:19|20)\d{2}年(?:[、，,和及与]\s*(?:19|20)\d{2}年)+)(?:底|末)?[，,]?[^，,；;。]{0,20}?分别/g)].at(-1);
    if (!earlier) return null;
    list = YEAR_LIST.exec(earlier[1]!);
  }
  const years = list ? [...list[0].matchAll(/(?:19|20)\d{2}/g)].map((y) => Number(y[0])) : [];
  if (k < 0 || years.length !== group.length) return null;
  metricText = metricText.replace(/^[\s，,]+/, '');
  return { year: years[k]!, metric: metricFromPre(metricText, []).metric };
}

/** "建设南京智算中心二期" in the clause before a figure's (and holding none): the named thing it builds. */
function builtBefore(s: string, clauseStart: number, figures: FigureMatch[]): { name: string; start: number } | null {
  const prev = clauseAround(s, clauseStart - 1, clauseStart - 1);
  if (figures.some((f) => f.start >= prev.start && f.start < prev.end)) return null;
  const m = BUILT.exec(prev.text.replace(ITEM_NUMBER, ''));
  if (m) return { name: m[1]!, start: prev.start };
  // "**南京智算中心二期**：新增智能算力5EFLOPS": a facility named as the item's label.
  const label = /^[\s*_]*([^，,；;。：:*_]{2,20}?(?:中心|产业园|园区|集群|平台|基地|项目|工程|[一二三四]期))[\s*_]*[：:]\s*$/.exec(s.slice(0, clauseStart));
  return label ? { name: label[1]!, start: 0 } : null;
}

/** Building a named thing: 建设南京智算中心二期, 打造无锡太湖智算集群, 依托省级算力调度平台, 推进大同数据中心集群建设. */
const BUILT = /^(?:加快|全力|高标准|持续)?(?:建设|建成|打造|推进|推动|依托|实施|扩建|新建)([^，,；;。、]{2,20}?(?:中心|产业园|园区|集群|平台|基地|项目|工程|[一二三四]期))(?:建设)?$/;
/**
 * What a thing built in the clause before adds, serves or reaches (建设南京智算中心二期，新增智能算力5EFLOPS; 实施农村供水提质
 * 工程，惠及群众12万人; 推进大同数据中心集群建设，算力规模达到8EFLOPS).
 */
const BUILT_MEASURE = /^(?:新增|配套|接入|新建|建成|形成|惠及|带动|覆盖|服务)|^(?:算力规模|总规模|年产能|产能|装机容量|总装机)$/;

/**
 * A 分别 list's item and the noun its items share (启东市 + 船舶海工产业产值), for a place named alone or summed after the
 * list. The last item names the shared noun itself (昌平区机器人产业营业收入): its name is what the others' share leaves.
 */
function listedItem(respective: Respective, sharedBefore: string): EarlierFigure['listed'] | null {
  const { item, metric } = respective;
  if (metric.startsWith(item) && metric.length > item.length) return { item, shared: metric.slice(item.length) };
  if (sharedBefore && metric.endsWith(sharedBefore) && metric.length > sharedBefore.length) return { item: metric.slice(0, -sharedBefore.length), shared: sharedBefore };
  return null;
}

/**
 * The sum of places after a 分别 list of places in the sentence: "三地合计占全市的68.5%" (the last three listed) or
 * "如皋市、通州湾示范区合计达到290亿元" (places named before 合计), measured as the list was (…营业收入合计占全市).
 */
function summedPlaces(s: string, clause: Span, fig: FigureMatch, earlier: EarlierFigure[]): { metric: string; from: number } | null {
  const listed = earlier.filter((e) => e.listed);
  const at = s.indexOf('合计', clause.start);
  if (listed.length < 2 || at < 0 || at >= fig.start) return null;
  const before = s.slice(clause.start, at).replace(/^(?:其中|上述|以上)/, '');
  const counted = /^([两三四五六七八九十])(?:地|区|市|县|个区|个县|个市|县区|县市区)$/.exec(before);
  const n = counted ? CHINESE_COUNT[counted[1]!]! : 0;
  if (counted && n > listed.length) return null;
  // "纺织服装、玩具创意两大特色产业…分别达到1128亿元和486亿元，合计占…": the list just before, all of it.
  const lastList = listed.filter((e) => e.clauseStart === listed.at(-1)!.clauseStart);
  const names = counted ? listed.slice(-n).map((e) => e.listed!.item).join('、')
    : before === '' && lastList.length >= 2 ? lastList.map((e) => e.listed!.item).join('、')
    : /^[\u4e00-\u9fa5（）()]{2,12}(?:、[\u4e00-\u9fa5（）()]{2,12})+$/.test(before) ? before : '';
  if (!names) return null;
  const rest = metricFromPre(s.slice(at + 2, fig.start), []).metric;
  return { metric: `${names}${listed.at(-1)!.listed!.shared}合计${rest}`, from: counted ? listed.at(-n)!.clauseStart : before === '' ? lastList[0]!.clauseStart : clause.start };
}

/**
 * A measure that names no thing (入园企业, 本地配套率, 年交付量, 累计投放量, 配套新型储能): whose it is, the clause before says.
 * Period and count words in front (全年, 累计, 新增) do not name a thing either.
 */
function isBareMeasure(metric: string): boolean {
  const own = metric.replace(/^(?:全年|年度|当年|累计|新增)+/, '');
  return BARE_MEASURE.test(own) || (OWNED_ACTION.test(metric) && metric.length <= 10);
}
const BARE_MEASURE = /^(?:(?:入园|入库|入驻|入链)企业数?|(?:本地)?配套率|[\u4e00-\u9fa5]{0,2}(?:到位率|占有率|渗透率|国产化率|良品率)|年?(?:交付量|投放量|货物吞吐量|吞吐量|交易额|检测能力|纳税额?|处理能力|接收能力|出货量|装机量|产能)|(?:合同|协议)?引资额?|(?:营业收入)?利润率|税收占比|(?:享惠)?货物货值|货值|平均电价|(?:标识)?注册量|算力规模|并网装机|装机规模)$/;
/** A verb opening a metric for what a thing named before adds or brings (配套建设液冷机柜, 带动设备投资, 撬动社会投资). */
const OWNED_ACTION = /^(?:配套建设|配套|带动|撬动|拉动|惠及|享惠|减免|接入)[\u4e00-\u9fa5]{2,8}$/;

/**
 * The thing a bare measure is of, named in the clause right before it (same ；-segment): what that clause's figure measures
 * (海口市新能源汽车产量达到12万辆 → 新能源汽车), or, with no figure there, what it builds, sets up or develops
 * (支持崇川区建设船舶配套产业园 → 崇川区船舶配套产业园; 发展科考船、海上风电运维船等特种船舶 → 特种船舶).
 */
function ownerBefore(s: string, clause: Span, previous: EarlierFigure | null, figures: FigureMatch[]): { name: string; start: number } | null {
  const prev = clauseAround(s, clause.start - 1, clause.start - 1);
  if (prev.start < segmentStart(s, clause.start)) return null;
  const text = prev.text.replace(ITEM_NUMBER, '');
  if (figures.some((f) => f.start >= prev.start && f.start < prev.end)) {
    if (!previous || previous.clauseStart !== prev.start) return null;
    const thing = previous.owner ?? thingOf(previous.metric);
    return thing ? { name: thing, start: prev.start } : null;
  }
  // "大亚湾LNG接收站一期建成投运，年接收能力达到400万吨": the site the clause before is about.
  const site = siteOpening(text);
  if (site) return { name: site, start: prev.start };
  const placed = /^(?:支持|推动|鼓励|引导)([\u4e00-\u9fa5]{2,8}?(?:区|县|市|园区|新区))(?:加快)?(?:建设|打造|发展|建立)([^，,；;。]{2,20})$/.exec(text);
  const m = placed ? null : OWNER_VERB.exec(text);
  let name = placed ? placed[1]! + placed[2]! : m ? m[1]! : '';
  name = name.replace(/(?:建设|发展|工作|集聚发展|进程)+$/, '');
  if (name.includes('等')) name = name.slice(name.lastIndexOf('等') + 1);
  if (name.length < 2 || name.length > 20 || /^(?:全省|全市|全区|我省|我市)$/.test(name)) return null;
  return { name: balanceMarks(name), start: prev.start };
}
/** A clause doing something to a thing: its verb, then the thing (加快建设…, 建立拟升规企业培育库, 投放导览、巡检、配送机器人). */
const OWNER_VERB = /^(?:加快|全力|大力|高标准|持续|积极|加速|着力)?(?:建设|建成|建立|设立|组建|打造|依托|实施|扩建|新建|发展|投放|布局|壮大)([^，,；;。]{2,24})$/;
/** What a figure's metric measures the thing of: 新能源汽车产量 → 新能源汽车; 加工增值免关税政策累计惠及企业 → 加工增值免关税政策. */
function thingOf(metric: string): string | null {
  const acted = /^(.{2,}?)(?:累计|新增|惠及|带动|签约|接入)/.exec(metric);
  if (acted) return acted[1]!;
  // "中卫集群标准机架达到7.5万架，算力规模达到5.8万P": the site measured before.
  const site = /^(.{2,16}?(?:集群|产业园|园区|基地|开发区|高新区|石化区|接收站))(?!化|式|发展|建设)/.exec(metric);
  if (site) return site[1]!;
  // "实施设备更新和技术改造项目6000个，带动设备投资1200亿元": the projects are the thing.
  if (ENTITY_END.test(metric)) return metric.replace(/^(?:实施|推动|推进|培育|引进|建设|新建|新开工|开工)+/, '');
  const thing = metric.replace(/(?:(?:达产|投产)后)?年?(?:实现)?(?:产量|产值|营业收入|主营业务收入|增加值|利润总额|销量|总数|数量)$/, '');
  return thing.length >= 2 && thing !== metric ? thing : null;
}

/**
 * The industry a sectoral plan's title names: 株洲市先进轨道交通装备产业…行动计划 → 先进轨道交通装备; '' for a title
 * naming none (…工业和信息化工作要点).
 */
function sectorOf(title: string, regions: RegionIndex): Sector {
  // "2026年连云港市石化产业…": the year goes first, then the place it opens with.
  const undated = title.replace(/(?:19|20)\d{2}\s*年度?|[“”"]?十[二三四五六]五[“”"]?/g, '');
  const at = openingPlaceEnd(undated, regions);
  // "…推动新型储能产业高质量发展行动方案": the verb the title opens with is no part of the industry.
  const rest = (at > 0 ? undated.slice(at).replace(/^(?:省|市|自治区|自治州|区|县|州|盟)/, '') : undated).replace(/^(?:关于)?(?:加快|推动|促进|支持|推进|加快推进|加快推动)+/, '');
  const m = /^([\u4e00-\u9fa5]{2,12}?)(?:产业|行业)(集群|链)?/.exec(rest);
  if (!m || /^(?:工业|经济|重点|全省|全市|现代化|主导|优势|特色|新兴)$/.test(m[1]!)) return NO_SECTOR;
  // "海南宁夏部署…产业": a news headline's places and verbs are no industry.
  if (regions.findMentions(m[1]!).length > 0 || /部署|推进|加快|召开|发布|出台|印发|推动|聚焦/.test(m[1]!)) return NO_SECTOR;
  return { name: m[1]!, cluster: m[2] === '集群' ? m[0] : '', chain: m[2] === '链' ? m[0] : '' };
}

/**
 * The industry a sectoral plan is about, and the cluster or chain when the title names one (清洁能源装备产业集群,
 * 先进能源材料产业链).
 */
interface Sector {
  name: string;
  cluster: string;
  chain: string;
}
const NO_SECTOR: Sector = { name: '', cluster: '', chain: '' };

/** Metrics a sectoral plan says of its industry without naming it: 产业投资, 本地配套率, 研发投入强度, 规模以上企业. */
/** A measure alone, the industry's when a sectoral plan names no other thing: 营业收入, 产值. */
const INDUSTRY_MEASURE = /^(?:营业收入|主营业务收入|产值|增加值)$/;
const SECTOR_BOUND = new RegExp(
  `${INDUSTRY_MEASURE.source}|^(?:产业(?!链|园|集群|基金|工人|工程)|利润总额|利税总额|本地配套|研发(?:经费)?投入强度|出口交货值|规模以上企业|规上企业|配套企业|企业数|新签订单|产值超|营业收入超)`,
);

/** The metric with the plan's industry in front when it is one the plan says of its industry without naming it. */
function withSector(metric: string, sector: Sector, placeEnd = 0): string {
  // "集群营业收入" in a cluster's plan: the cluster the title names.
  if (sector.cluster && /^集群(?!化|式|发展|建设)/.test(metric)) return sector.cluster + metric.slice(2);
  if (!sector.name || metric.includes(sector.name)) return metric;
  // "累计完成产业链投资" in a chain's plan: the chain the title names.
  if (sector.chain && metric.includes('产业链')) return metric.replace('产业链', sector.chain);
  // "新材料产值占集群产值比重": the industry's cluster.
  if (/集群(?:产值|营业收入|规模)/.test(metric) && !/产业集群/.test(metric)) return metric.replace(/集群(?=产值|营业收入|规模)/, `${sector.name}产业集群`);
  // "贵阳、黔南两地产业营业收入分别…": the place's figure of the industry.
  const place = metric.slice(0, placeEnd);
  const own = metric.slice(placeEnd);
  // "每年安排产业用地", "五年累计完成产业投资": the verb before says what is done with the industry's land or money.
  const verb = /^(?:每年安排|[三五]年内保障|保障|安排|[三五]年累计完成|累计完成|完成)/.exec(own)?.[0] ?? '';
  const rest = own.slice(verb.length);
  // A bare measure (营业收入, 产值) is the industry's: 集成电路产业营业收入.
  if (SECTOR_BOUND.test(rest)) return place + verb + sector.name + (INDUSTRY_MEASURE.test(rest) ? '产业' : '') + rest;
  // "新增省级以上研发平台" → 新增…省级以上研发平台: the industry's, after what is done.
  const done = SECTOR_GENERIC.exec(own)?.[1] ?? null;
  return done === null ? metric : place + done + sector.name + own.slice(done.length);
}
/**
 * Counts a sectoral plan makes of its industry without naming it: its enterprises, platforms, factories and projects
 * (新增省级以上研发平台, 培育营业收入超50亿元企业, 新开工亿元以上项目, 国家级专精特新“小巨人”企业).
 */
const SECTOR_GENERIC = new RegExp(
  String.raw`^((?:新增|新建|建成|培育|引进|认定|新认定|新创建|创建|累计培育|累计建成|累计|五年内|三年内|每年|突破|攻克|实施|转化)*)(?:新开工|开工|签约|竣工投产|竣工|投产)?` +
    String.raw`(?:(?:营业收入|产值)?[超过][\d.十百千万亿]+元的?|\d*亿元以上|省级以上|国家级|省级|市级以上|[、和])*` +
    String.raw`(?:关键配套|配套|关键|骨干|链主)?` +
    String.raw`(?:研发平台|创新平台|创新中心|技术创新中心|企业技术中心|智能工厂|绿色工厂|数字化车间|专精特新“小巨人”企业|专精特新企业|“小巨人”企业|高新技术企业|单项冠军企业|上市企业|龙头企业|企业|项目|产业项目|授权发明专利|发明专利|关键核心技术|关键技术|核心技术|(?:科技)?成果转化项目)数?$`,
);

/** A national list's topic put after the region a short metric opens with: 深圳入选 → 深圳卓越级智能工厂入选. */
function withTopic(metric: string, topic: string, regions: RegionIndex): string {
  const at = openingPlaceEnd(metric, regions);
  return metric.length - at <= 8 ? metric.slice(0, at) + topic + metric.slice(at) : metric;
}

/** A metric without the region that opens it (广东省入选数量 → 入选数量). */
function withoutPlace(metric: string, regions: RegionIndex): string {
  const at = openingPlaceEnd(metric, regions);
  return metric.length - at >= 2 ? metric.slice(at) : metric;
}

/** Where the region a text opens with ends (深圳入选 → 2), or 0 when it opens with none. */
function openingPlaceEnd(text: string, regions: RegionIndex): number {
  const first = regions.findMentions(text)[0];
  return first && first.start === 0 ? first.end : 0;
}

/**
 * A region a place's own document works with, not about ("承接北京非首都功能疏解", "主动对接上海", "融入粤港澳大湾区"): no
 * subject for the sentences after it.
 */
function isPartner(text: string, m: RegionMention): boolean {
  return PARTNER_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start));
}
const PARTNER_BEFORE = /(?:承接|对接|服务|融入|疏解|配合|接轨|联动|协同|合作|面向|辐射|借鉴|学习|考察|赴)[^，,。；;、]{0,2}$|(?:加强|深化|推动|支持企业|鼓励企业)?与(?:[\u4e00-\u9fa5]{2,8}、){0,4}$/;

/** A region's name that opens the name of a body (重庆大学, 北京现代沧州工厂, 上海交通大学): no place of a figure. */
function isNamePart(text: string, m: RegionMention): boolean {
  return NAME_AFTER.test(text.slice(m.end, m.end + 8));
}
const NAME_AFTER = /^(?:市|省)?(?:大学|学院|交通大学|理工|集团|银行|研究院|研究所|实验室|医院|证券|日报|海关)|^现代(?:汽车|[\u4e00-\u9fa5]{2}工厂)/;

/** "高出同为西北清洁能源大省的甘肃约30个百分点": a region named as a benchmark is not what the text is about. */
function isBenchmark(text: string, m: RegionMention): boolean {
  return BENCHMARK_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start));
}

/** The latest earlier metric `part` is a part of: one ending in the same head noun (项目, 企业 …), and that noun. */
function partOf(earlier: ReadonlyArray<{ metric: string; clauseStart: number }>, part: string): { metric: string; clauseStart: number; head: string } | null {
  const head = /(?:项目|企业|园区|基地|集群|平台|工厂)$/.exec(part)?.[0];
  if (!head) return null;
  const whole = [...earlier].reverse().find((e) => e.metric.endsWith(head) && e.metric !== part);
  return whole ? { ...whole, head } : null;
}

/**
 * A county or district a sentence is about ("支持嵊泗县走海岛县高质量发展…之路，力争规上工业增加值突破5亿元"):
 * its figures are the county's, not the province's. Counties are not in the region list, so the sentence's
 * opening verb and the name's suffix tell.
 */
function localSubject(sentence: string): string | null {
  const m = /^(?:支持|推动|鼓励|指导|引导)([\u4e00-\u9fa5]{2,3}(?:县|区|旗))(?![域级委内])/.exec(sentence);
  return m && !/^(?:山区|各|全|试点|示范|重点)/.test(m[1]!) ? m[1]! : null;
}

function spanOf(s: string, start: number, end: number): Span {
  return { start, end, text: s.slice(start, end) };
}

/**
 * A city names a fact only when it is the subject of the figure's own item: in the same ；-segment, not in
 * brackets ("中国(杭州)工业互联网小镇"), not one of two coordinated subjects ("绍兴综合试点和48个分行业试点"),
 * and the sentence names no other province.
 */
function cityOf(s: string, mention: RegionMention, fig: FigureMatch, mentions: RegionMention[]): boolean {
  if (!mention.city || mentions.some((m) => m.form !== 'city' && m.region !== mention.region)) return false;
  const segment = segmentStart(s, fig.start);
  if (segment > mention.start) return false;
  if (/[(（]$/.test(s.slice(0, mention.start)) && /^[)）]/.test(s.slice(mention.end))) return false;
  // "石家庄、唐山各新增…5个": one of several coordinated cities.
  if (/[、和及与]$/.test(s.slice(0, mention.start)) || /^[、和及与]/.test(s.slice(mention.end))) return false;
  // The subject the segment opens with ("武汉要打造…产业集群，力争…"), or one in the figure's own clause.
  if (mention.start === segment) return true;
  return !/[，,、和及与]/.test(s.slice(mention.end, fig.start));
}

function nearestHedge(lead: string): string | null {
  let best: string | null = null;
  let at = -1;
  for (const h of hedgeWords) {
    const i = lead.lastIndexOf(h);
    if (i > at) { at = i; best = h; }
  }
  return best;
}

/** A quote without the punctuation at its edges, nor a quotation mark whose partner lies outside it. */
function trimQuote(text: string): string {
  let q = text.replace(/^[\s，,；;：:、]+|[\s，,；;：:、]+$/g, '');
  if (q.endsWith('”') && !q.includes('“')) q = q.slice(0, -1);
  if (q.startsWith('“') && !q.includes('”')) q = q.slice(1);
  return q;
}

