/**
 * 分别: "南山区、宝安区、龙岗区规模以上工业总产值分别达到8120亿元、1.03万亿元和9650亿元，分别增长8.2%、7.5%和10.1%"
 * gives each figure its own subject, in order: 南山区规模以上工业总产值 8120亿元 … 龙岗区规模以上工业总产值 10.1%.
 */
import type { FigureMatch } from './figures.ts';
import { metricFromPre, withSubject } from './metric.ts';
import { clauseAround } from './sentences.ts';

/** One figure's share of a 分别 list. */
export interface Respective {
  /** The subject item (南山区, 城镇) and the metric it makes (南山区规模以上工业总产值). */
  item: string;
  metric: string;
  /** The relation 分别 is followed by (增长, 达到), shared by every figure of the list. */
  comparator: string | null;
  /** Where the subjects start in the sentence: the quote runs from here to the figure's clause end. */
  from: number;
}

const RESPECTIVELY = '分别';
const ITEM_SEPARATORS = /[、和及与]/;
/** A time or a lead-in before the subjects (2024年，分区看). */
const LEAD = /^(?:(?:19|20)\d{2}年(?:底|末)?|今年|去年|全年|上年|其中|累计|(?:预期|年度)?目标|分区看|分行业看|分产业看|分县区看|分地区看|(?:前三|[一二三四])季度|[上下]半年|1?\d[—–-]1?\d月)[，,：:]?/;

/** A ranking after what is measured: 居前四位, 位居全国第一, 居首位. */
const RANKING = /(?:位?居|位列|排名|排在)(?:全国|全省|全市)?(?:前[一二三四五六七八九十\d]+位?|第[一二三四五六七八九十\d]+位?|首位)$/;

/** The kind of thing a list's items are, where the noun they share starts. */
const ITEM_HEAD = /产业|行业|制造业(?!增加值)|板块|领域|集群/;

/** One word naming two subjects in order: 城乡居民收入 is 城镇居民收入 and 农村居民收入. */
const COMPACT_PAIRS: Array<[string, string[]]> = [
  ['城乡', ['城镇', '农村']],
  ['进出口', ['进口', '出口']],
];

/** A counted group: 三大主导产业, 两个千亿级产业集群, 四大造船指标. */
const COUNTED_GROUP = /([两三四五六七八九十])(?:大|个|项|类)([\u4e00-\u9fa5]{0,6}?(?:产业|行业|集群|指标|板块|领域|产业链|基地))/g;
export const CHINESE_COUNT: Record<string, number> = { 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** A verb opening a list of members (做强烟草、装备制造…), not part of the first one's name. */
const MEMBER_LEAD = /^(?:其中|以|加快|大力|重点|着力)?(?:(?:壮大|发展|培育|做强|做大|做优|打造|推动|围绕|聚焦|突出|巩固|提升|形成|构建)了?)?/;

/** A counted group of places (三地, 两区, 三县): its members are the places listed last before it. */
const PLACE_GROUP = /^([两三四五六七八九十])(地|区|县|市|个区|个县|县区)()/;

/** The last list of `count` places before a group of places in the sentence ("支持江阳区、龙马潭区、古蔺县建设…，三地…"). */
function placesListedBefore(before: string, group: string, count: number): string[] | null {
  if (!PLACE_GROUP.test(group)) return null;
  const lists = [...before.matchAll(/[\u4e00-\u9fa5]{2,8}?(?:区|县|市|新区|开发区)(?:、[\u4e00-\u9fa5]{2,8}?(?:区|县|市|新区|开发区))+/g)];
  const last = lists.at(-1)?.[0].replace(/^(?:支持|推动|推进|鼓励|引导)/, '').split('、');
  return last && last.length === count ? last : null;
}

/** Counted groups → their members in order; see {@link namedGroups}. */
export type NamedGroups = ReadonlyMap<string, string[]>;

/**
 * The counted groups a document names with their members: "烟草、装备制造、生物医药三大主导产业" or a glossary's
 * "三大主导产业：指烟草、装备制造和生物医药产业" → 三大主导产业 = [烟草, 装备制造, 生物医药]. A later "三大主导产业产值分别
 * 达到…" gives each member its figure. Only a list whose length is the count is taken.
 */
export function namedGroups(texts: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const add = (key: string, count: number, raw: string[]): void => {
    const members = raw.map((x, i) => (i === 0 ? x.replace(MEMBER_LEAD, '') : x).trim()).filter((x) => x.length > 0);
    if (members.length !== count || members.some((x) => x.length > 12 || /\d/.test(x))) return;
    if (!groups.has(key)) groups.set(key, members);
  };
  for (const text of texts) {
    for (const m of text.matchAll(COUNTED_GROUP)) {
      const count = CHINESE_COUNT[m[1]!]!;
      // Members before it, back to the clause's start: "烟草、装备制造、生物医药三大主导产业".
      const before = text.slice(0, m.index).split(/[，,。；;：:（(]/).at(-1)!.replace(/等$/, '');
      // "…、软件和信息技术服务四大重点领域": 和 inside a member's name when splitting there gives too many.
      if (before.includes('、')) add(m[0], count, before.split(/、|和|及|与/).length > count ? before.split('、') : before.split(/、|和|及|与/));
      // Members after it: "三大主导产业：指烟草、装备制造和生物医药产业", "三大主导产业，即…".
      const after = /^(?:是指|指|即|包括|为)?[：:，,]?(?:是指|指|即|包括)([^。；;]+)/.exec(text.slice(m.index + m[0].length));
      if (after) add(m[0], count, after[1]!.replace(/(?:等)?(?:产业|行业)?$/, '').split(/、|和|及|与/));
    }
  }
  return groups;
}

/**
 * The one group defined with the same count and kind under a longer name: "四大领域" for "新型显示、智能终端…四大重点领域".
 */
function sameKindGroup(groups: NamedGroups, count: string, name: string): string[] | null {
  const kind = /(?:产业|行业|集群|领域|板块|产业链|基地)$/.exec(name)?.[0];
  if (!kind) return null;
  const found = [...groups.entries()].filter(([key]) => key.startsWith(count) && key.endsWith(kind) && key.length > name.length + 1);
  return found.length === 1 ? found[0]![1] : null;
}

/**
 * The members a counted group before 分别 stands for (三大主导产业产值分别…), from the document's definition of the group
 * or, for a group of indicators, from the figures listed before it in the sentence ("造船完工量…、新接订单量…、手持订单量…，
 * 三大造船指标分别占全国的…"). Each member's metric is the member, the group's kind (产业) and what follows the group.
 */
function groupMembers(text: string, groups: NamedGroups, earlier: ReadonlyArray<{ metric: string; clauseStart: number }>, clauseStart: number, sentenceBefore = ''): string[] | null {
  const m = new RegExp(COUNTED_GROUP.source).exec(text) ?? PLACE_GROUP.exec(text);
  if (!m) return null;
  const count = CHINESE_COUNT[m[1]!]!;
  const rest = text.slice(m.index + m[0].length);
  const kind = /(?:产业|行业)$/.exec(m[2]!)?.[0] ?? '';
  const defined = groups.get(m[0]) ?? sameKindGroup(groups, m[1]!, m[2]!) ?? placesListedBefore(sentenceBefore, m[0], count);
  if (defined) return defined.map((x) => (kind && !x.endsWith(kind) ? x + kind : x) + rest);
  const listed = earlier.filter((e) => e.clauseStart < clauseStart).slice(-count);
  if (/指标$/.test(m[2]!) && listed.length === count) return listed.map((e) => e.metric + rest);
  return null;
}

/**
 * A list's items: split at 、和及与, unless that makes more items than the figures to share out, when 和及与 inside the
 * shared noun stay (赣州经开区、赣县区、龙南市稀土新材料及应用产业营业收入: three items, not four).
 */
function listItems(text: string, count: number): string[] {
  const all = text.split(ITEM_SEPARATORS).map((x) => x.trim());
  if (count === 0 || all.length <= count) return all;
  const commas = text.split('、').map((x) => x.trim());
  if (commas.length === count) return commas;
  // "A、B和C新材料及应用产业": the last item splits once, at its first 和/及/与.
  const last = commas.pop()!;
  const split = /[和及与]/.exec(last);
  return split ? [...commas, last.slice(0, split.index), last.slice(split.index + 1)] : all;
}

interface Subjects {
  items: string[];
  from: number;
  /** Each item names its own thing in full (城镇居民人均可支配收入, 迁安市地区生产总值): no shared noun to hand out. */
  whole: boolean;
}

/** The subject items before the 分别 at `at`, when the clause names them; null when it does not. */
function subjectsAt(s: string, at: number, count = 0): Subjects | null {
  const clause = clauseAround(s, at, at);
  let from = clause.start;
  let text = s.slice(from, at);
  for (let lead = LEAD.exec(text); lead && lead[0].length > 0; lead = LEAD.exec(text)) {
    from += lead[0].length;
    text = text.slice(lead[0].length);
  }
  // "支持合肥、芜湖两市…", "推动哈尔滨、大庆…": the verb before the list is no part of the first item.
  const verb = /^(?:支持|推动|推进|鼓励|引导|力争|确保|要求)/.exec(text)?.[0] ?? '';
  from += verb.length;
  text = text.slice(verb.length);
  // "合肥、芜湖两市分别达到…": the count of the places listed says nothing more.
  // "海口、三亚两市软件和信息技术服务业收入分别…": also before the noun they share.
  text = text.replace(/(?<=[、和及与][^、和及与]{1,8}?)[两三四五六七八九十](?:个)?(?:市州|县区|县市区|市|地|区|县|省|州)(?=[\u4e00-\u9fa5]{2,}$|$)/, '');
  // "赣州经开区、赣县区（赣州高新区）、龙南市…": another name in brackets is no item of its own.
  text = text.replace(/[（(][^（()）、]{1,12}[）)](?=、|和|及|与)/g, '');
  // "烟草、装备制造、生物医药三大主导产业产值分别…": the group's count and name go; its kind (产业) stays the noun shared.
  text = text.replace(/(?<=[、和及与][^、和及与]{1,8}?)(?:[两三四五六七八九十]|\d{1,2})(?:大|个|项|类)[\u4e00-\u9fa5]{0,6}?(?=产业|行业|集群|产业群)/, '');
  const pair = COMPACT_PAIRS.find(([word]) => text.startsWith(word));
  const rest = pair ? text.slice(pair[0].length) : '';
  // "地区生产总值超过千亿元的有迁安市和曹妃甸区": the places named after 的有, each with the thing before it.
  const having = /^(.{2,20}?)(?:超过|突破|达到|在)[^，,的]{0,12}的有(.+)$/.exec(text);
  const paired = !having && pair !== undefined && !ITEM_SEPARATORS.test(text);
  const items = having
    ? having[2]!.split(ITEM_SEPARATORS).map((x) => x.trim() + having[1]!)
    : paired ? pair[1].map((x) => x + rest) : listItems(text, count);
  // Items holding figures are a list of figures, not of subjects.
  if (items.length < 2 || items.some((x) => x.length === 0 || x.length > 30 || /\d/.test(x))) return null;
  return { items, from, whole: having !== null || paired };
}

/**
 * The items' metrics: the last item carries the noun they share ("龙岗区规模以上工业总产值" → 龙岗区 + 规模以上工业总产值).
 * Its own name ends where the previous item's last character recurs (区, 业), else after as many characters as the
 * previous item has (城镇 + 农村居民人均可支配收入 → 农村).
 */
function itemMetrics(given: string[], placeLength: (name: string) => number): string[] {
  // "…入选数量居前四位": a ranking is said of the items, not measured.
  const items = given.map((x, i) => (i === given.length - 1 ? x.replace(RANKING, '') : x));
  const last = items.at(-1)!;
  const previous = items.at(-2)!;
  const recurs = last.indexOf(previous.at(-1)!, 1);
  // "有色金属、硅光伏、新能源电池产业增加值": the shared noun starts at the kind of thing the items are (产业, 行业).
  // Places are named in full (南京、苏州、无锡三市人工智能核心产业规模; 株洲市天元区、醴陵市…): the last one's name ends
  // where its place does; their names are no kinds of things.
  const places = given.slice(0, -1).some((x) => placeLength(x) > 0);
  const head = places ? null : ITEM_HEAD.exec(last.slice(1));
  // A county the index does not know (涉县) still ends its name with 县, 区 or 市.
  const place = places ? placeLength(last) || (/^[\u4e00-\u9fa5]{1,6}?(?:县|区|市|旗)/.exec(last)?.[0].length ?? 0) : 0;
  const nameEnd = recurs >= 0 ? recurs + 1 : place > 0 ? place : head ? head.index + 1 : Math.min(previous.length, last.length);
  const noun = last.slice(nameEnd);
  return items.map((item, i) => (i === items.length - 1 ? last : item + noun));
}

/**
 * The figure's own subject when it is one of a 分别 list in its clause, with as many subjects before 分别 (or before the
 * previous clause's 分别, for "…，分别增长8.2%、7.5%和10.1%") as figures after it. Null otherwise.
 */
export function respectiveSubject(
  s: string,
  figures: FigureMatch[],
  fig: FigureMatch,
  earlier: ReadonlyArray<{ metric: string; clauseStart: number }>,
  placeLength: (name: string) => number,
  groups: NamedGroups = new Map(),
): Respective | null {
  const clause = clauseAround(s, fig.start, fig.endWithSuffix);
  const at = s.lastIndexOf(RESPECTIVELY, fig.start);
  if (at < clause.start) return null;
  const group = figures.filter((f) => f.start > at && f.endWithSuffix <= clause.end);
  const k = group.indexOf(fig);
  if (k < 0 || group.length < 2) return null;
  // Nothing but a lead-in before 分别 ("，分别增长…"): the subjects are those of an earlier 分别, or the clauses before.
  const bare = s.slice(clause.start, at).replace(LEAD, '').trim() === '';
  let subjects = subjectsAt(s, at, group.length);
  if (!subjects && bare && clause.start > 0) {
    const previousAt = s.lastIndexOf(RESPECTIVELY, clause.start - 1);
    // The previous 分别's subjects: before it in its clause, or (a bare 分别 too) in the clause before that.
    const previousClause = previousAt >= 0 ? clauseAround(s, previousAt, previousAt) : null;
    subjects = previousAt >= 0 ? subjectsAt(s, previousAt) : null;
    if (!subjects && previousClause && previousClause.start > 0) subjects = subjectsAt(s, previousClause.start - 1);
    // "江苏、浙江、广东、山东入选数量居前四位，分别为38家、33家…": the subjects are the clause before's.
    const before = subjects ? null : subjectsAt(s, clause.start - 1);
    if (before && before.items.length === group.length) subjects = before;
  }
  // "宝安区、龙岗区分别完成工业投资1100亿元、900亿元": the words between 分别 and the first figure are measured too.
  const between = metricFromPre(s.slice(at + RESPECTIVELY.length, group[0]!.start), []);
  if (!subjects && bare) {
    // "接待游客6300万人次，实现旅游收入780亿元，分别增长15.6%和14.2%": the subjects are the clauses before, in order.
    const clauses = earlier.filter((e, i) => e.clauseStart < clause.start && earlier.findIndex((x) => x.clauseStart === e.clauseStart) === i);
    const own = clauses.slice(-group.length);
    // "新认定省级智能工厂32个、数字化车间105个，累计分别达到128个、436个": the items of the clause just before, as totals.
    const listed = earlier.filter((e) => e.clauseStart === clauses.at(-1)?.clauseStart);
    const running = /^[\s，,]*累计/.test(s.slice(clause.start, at));
    if (listed.length === group.length && listed.length > 1) {
      const metric = running ? withSubject(listed[k]!.metric, '累计') : listed[k]!.metric;
      return { item: metric, metric, comparator: between.comparator, from: listed[0]!.clauseStart };
    }
    if (own.length === group.length) return { item: own[k]!.metric, metric: own[k]!.metric, comparator: between.comparator, from: own[0]!.clauseStart };
  }
  if (!subjects) {
    // "三大主导产业产值分别达到1100亿元、800亿元和360亿元": the members the document gives the group.
    const text = s.slice(clause.start, at).replace(LEAD, '');
    const members = groupMembers(text, groups, earlier, clause.start, s.slice(0, clause.start));
    if (members && members.length === group.length) {
      const metric = members[k]! + between.metric;
      return { item: metric, metric, comparator: between.comparator, from: clause.start };
    }
  }
  if (!subjects || subjects.items.length !== group.length) return null;
  const metrics = subjects.whole ? subjects.items : itemMetrics(subjects.items, placeLength);
  return { item: subjects.items[k]!, metric: metrics[k]! + between.metric, comparator: between.comparator, from: subjects.from };
}
