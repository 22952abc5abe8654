/**
 * Turning the words around a figure into a metric, a comparator and a hedge:
 * "力争全省规上工业增加值增长" + "5.5%" → metric 规上工业增加值, comparator 增长, hedge 力争.
 */

/** Relations between a metric and its figure, nearest to the number first when stripping. */
const COMPARATORS = [
  '同比增长', '年均增长', '增长', '下降', '提高', '降低', '下降至', '下降到', '降低至', '降低到', '降至', '降到', '减少', '提升', '突破', '超过', '达到', '不低于', '不少于', '不超过',
  '高于', '低于', '大于', '小于', '不足', '控制在', '保持在', '稳定在', '保持', '缩小', '扩大', '达', '超', '逾', '约', '近', '为', '在', '至', '到',
];
/** Copulas and prepositions that relate nothing by themselves (为, 在, 至, 到): 提高到 is the relation, not 到. */
export const SILENT_RELATIONS: ReadonlySet<string> = new Set(['至', '到', '在', '为']);
const HEDGES = ['力争', '争取', '确保', '努力', '预计', '计划', '预期'];
/** Words that are not part of the measured thing, stripped from either end. */
const LEADING_NOISE = [
  '主要预期目标是', '主要目标是', '预期目标是', '目标是', '其中', '此外', '另外', '同时', '以及', '并且', '或者', '并', '和', '及', '与', '或',
  '还将', '还要', '将', '要', '拟', '再', '共有', '现有', '共', '各', '还', '也', '使', '实现', '完成', '全年', '年度内', '年内', '当年',
  '但', '而', '且', '的', '我们的', '我们', '在',
  '全省', '全市', '全区', '全县', '全国', '我省', '我市', '本省', '本市', '省内',
];
/** Words that open with a noise character but are words of their own: 并网装机 is not 并 + 网装机. */
const NOISE_LOOKALIKE = /^(?:并网|并购|并联|并表|并入|及时|同时期|要素|将军|在建|在校|在孵|在线|在册|在岗|在营|在库|在途|在运)/;
const TRAILING_NOISE = ['将', '要', '还将', '已', '已经', '累计', '首次', '完成', '的', '均', '都', '共', '了', '由', '从', '比上年', '较上年', '比去年', '同比', '只有', '仅有', '尚', '仅'];
const PUNCT_EDGE = /^[\s，,；;：:、。！？!?（(）)“”"'《》\-—–~·…]+|[\s，,；;：:、。！？!?（(“"'《\-—–~·…]+$/g;
/** Metrics that say nothing on their own; the sentence's subject is put in front. */
const GENERIC = new Set(['营业收入', '营收', '增加值', '产值', '规模', '投资', '收入', '利润', '总额', '产量', '销售收入', '主营业务收入', '总投资', '计划投资']);

export interface MetricParts {
  metric: string;
  comparator: string | null;
  hedge: string | null;
}

function stripOnce(s: string, words: string[], where: 'start' | 'end'): [string, string | null] {
  for (const w of words) {
    if (!w) continue;
    if (where === 'start' ? s.startsWith(w) : s.endsWith(w)) {
      return [where === 'start' ? s.slice(w.length) : s.slice(0, -w.length), w];
    }
  }
  return [s, null];
}

/** A pointer to an attachment, a table or a box: （见附件）, （详见附表2）. */
export const POINTER = /[（(](?:详)?见(?:附件|附表|专栏|表)[^）)]{0,6}[）)]/g;

/** Emoji and bullets a post or a slide sets before its lines (✅, 🔹, ▲, ★): no words of what is measured. */
const MARKERS = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{20E3}▲△▼▽►▶◀◆◇■□●○◎★☆※→←↑↓√✓✔]/gu;

/**
 * Cleans the words before a figure. `removeSpans` are offsets (time expressions,
 * region names) inside `pre` to cut out first.
 */
export function metricFromPre(pre: string, removeSpans: Array<[number, number]>): MetricParts {
  let s = pre;
  for (const [a, b] of [...removeSpans].sort((x, y) => y[0] - x[0])) s = s.slice(0, a) + s.slice(b);
  s = s.replace(MARKERS, '');
  let comparator: string | null = null;
  let hedge: string | null = null;
  let strips = 0;
  for (let guard = 0; guard < 12; guard++) {
    const before = s;
    s = s.replace(PUNCT_EDGE, '');
    let w: string | null;
    // One relation per figure: "研发经费年均增长高于8%" measures 研发经费年均增长. Only a preposition (提高到, 控制在) lets a verb go too.
    if (comparator === null || (strips === 1 && SILENT_RELATIONS.has(comparator))) {
      [s, w] = stripOnce(s, COMPARATORS, 'end');
      if (w) strips++;
      if (w && !comparator) comparator = w;
    }
    [s, w] = stripOnce(s, HEDGES, 'end');
    if (w && !hedge) hedge = w;
    [s, w] = stripOnce(s, TRAILING_NOISE, 'end');
    // 预期性指标 is a kind of indicator and 计划投资 a measure (planned investment), not hedged goals.
    if (!/^(?:预期性|计划(?:完成)?(?:总)?投资)/.test(s)) {
      [s, w] = stripOnce(s, HEDGES, 'start');
      if (w) hedge = hedge ?? w;
    }
    if (!NOISE_LOOKALIKE.test(s)) [s, w] = stripOnce(s, LEADING_NOISE, 'start');
    if (s === before) break;
  }
  s = s.replace(PUNCT_EDGE, '');
  // "工信系统的主要目标是全省规模以上工业增加值" → what follows 目标是.
  const goal = /(?:目标是|目标为|要求|提出)[，,：:]?/.exec(s);
  if (goal && goal.index + goal[0].length < s.length) {
    return metricFromPre(s.slice(goal.index + goal[0].length), []).metric
      ? { ...metricFromPre(s.slice(goal.index + goal[0].length), []), comparator, hedge: hedge ?? metricFromPre(s.slice(goal.index + goal[0].length), []).hedge }
      : { metric: s, comparator, hedge };
  }
  return { metric: s, comparator, hedge };
}

/** A threshold modifying what is counted: 产值过千亿元, 营业收入超百亿元, 10亿元以上. */
const THRESHOLD_MODIFIER = /(?:过|超|超过|突破|达)[千百十万亿\d.]+(?:亿|万)?元$|(?:亿|万)元(?:以上|及以上)$/;

/** Cleans the noun phrase after a count ("16个先进制造业集群和" → 先进制造业集群). */
export function metricFromPost(post: string): string {
  // What is counted ends where the predicate starts: "1.3万个行政村已进入…" → 行政村.
  // 要素/要求 and 在线/在建 are nouns, not the predicate.
  let s = post.replace(MARKERS, '').replace(POINTER, '').replace(/^[\s，,；;：:、。！？!?）)\-—–~·…]+/, '')
    .replace(/(?:已|将|要(?!素|求|点|件)|正在|均|都|为|是|在(?!线|建|研)|进行|实现|达到|完成|进入|赴|开展|参加|落地|入驻|取得|促进|推动|加强|加快|探索|(?:增加|提高|提升|增长|减少|下降|降低|上升|扩大)(?:到|至)).*$/, '');
  // "制造业单项冠军企业或专精特新企业": the first of two alternatives; "…产业集群和一批…": the next item.
  s = s.split(/或者|或|(?:和|以及|及)(?=一批|若干|一系列|多个|一大批)/)[0]!.replace(/(?:和|及|以及|与|等|、)+$/, '');
  // "家庭的能力", "行政村范围内": the counted noun, not what is said about it.
  s = s.replace(/的(?:能力|水平|需求|作用)$|范围内$/, '');
  s = s.replace(/(?:建设|工作|的)$/, (m) => (s.length > 6 ? '' : m));
  // Long modifiers: "兼具领先优势和规模效应的万亿元级产业集群" → 万亿元级产业集群. A threshold stays: 产值过千亿元的产业集群.
  if (s.length > 10 && s.includes('的') && !THRESHOLD_MODIFIER.test(s.slice(0, s.lastIndexOf('的')))) s = s.slice(s.lastIndexOf('的') + 1);
  s = s.replace(PUNCT_EDGE, '');
  return s.length > 20 ? '' : balanceMarks(s);
}

/** True when a metric needs the sentence's subject in front to mean anything. */
export function isGenericMetric(metric: string): boolean {
  // "年度投资", "全年营业收入": a period or a count verb does not say whose.
  // "协议总投资": what the projects signed promise, of the projects named before.
  return GENERIC.has(metric.replace(/^(?:年度|全年|当年|累计|新增|完成|协议|合同|计划)+/, '')) || metric.length < 2;
}

/**
 * The subject a sentence (or ；-segment) opens with, when it names an industry ("锂电新能源产业要…" →
 * 锂电新能源产业) or a quoted program it carries out ("实施“千亿技术改造投资工程”，…" → 千亿技术改造投资工程).
 */
export function sentenceTopic(sentence: string): string | null {
  // "武汉要打造光电子信息产业集群，…": the subject and its verb are not part of the topic.
  const m = /^(?:其中[，,]?)?(?:[\u4e00-\u9fa5]{2,6}?(?:要|将))?(?:加快|大力)?(?:打造|培育|建设|发展|壮大)?([\u4e00-\u9fa5A-Za-z0-9]{2,14}?(?:产业|行业|企业|集群|产业链|制造业|服务业))(?:要|将|方面|领域|以|[，,])/.exec(sentence);
  if (m) return m[1]!;
  const program = /^(?:实施|推进|开展|启动)“([^”]{2,20})”/.exec(sentence);
  return program ? program[1]! : siteOpening(sentence);
}

/**
 * A named site a sentence or clause opens with, as its subject ("大亚湾石化区已形成…一体化产业链，2024年实现产值2260亿元";
 * "大亚湾LNG接收站一期建成投运，年接收能力达到400万吨"): what the measures after it that name no thing are of.
 */
export function siteOpening(text: string): string | null {
  const m = SITE_OPENING.exec(text);
  return m ? m[1]! : null;
}
/** A site's name (a zone, park, base, cluster, terminal), then what it has done or has (已, 一期, 建成, 累计, 现有) or a comma. */
const SITE_OPENING = /^((?:[\u4e00-\u9fa5A-Za-z0-9“”]{2,14}?)(?:石化区|化工区|石化基地|化工园区|接收站|产业园|开发区|高新区|基地|集群|总装线|港区|示范区))(?=已|一期|二期|三期|建成|全面|累计|现有|目前|[，,])/;

/**
 * A metric that means something only with its sentence's subject before it: a share (占地区生产总值比重, 占比),
 * a comparison (高于全国平均水平), a total (总数), or a count verb alone (累计建成).
 */
export function dependsOnSubject(metric: string): boolean {
  // 是2020年的9.2倍, 比2020年提高11.5个百分点: a comparison of the subject before with a year.
  // 约占全国的6.5%; 环比增长3.5%, 同口径增长2.1%: the same subject measured another way.
  // 仍低于全省平均水平, 我市仍低, 高出…甘肃, 比国家下达的87%的目标高: a gap of the subject before.
  if (GAP_ONLY.test(metric)) return true;
  return /^约?(?:占|高于|低于|快于|总数|总量|总规模|比重|增速|增幅|降幅)|^(?:环比|同口径|按可比价格计算)$|^总[\u4e00-\u9fa5]{1,3}$|^(?:是|相当于|比|较)(?:19|20)\d{2}年|^(?:比|较)上年/.test(metric) || COUNT_VERBS_ONLY.test(metric.replace(PLACE_PREFIX, ''));
}

const GAP_ONLY = /^(?:我市|我省|我区|我县)?(?:约|仍|还|依然)?(?:高于|低于|快于|慢于|高出|低出|超出)|^(?:我市|我省|我区|我县)?(?:仍|还|依然)(?:高|低)$|^(?:比|较)[^，,；;。]{1,20}(?:高|低)$/;

/** A district, county or zone opening a metric (宝安区新增): the place whose count it is. */
const PLACE_PREFIX = /^[\u4e00-\u9fa5]{1,6}?(?:区|县|市|镇|新区|园区)(?=累计|新增|新建|建成|完成|开通)/;

const COUNT_VERBS_ONLY = /^(?:累计|新增|新建|建成|完成|开通)+$/;

/**
 * A dependent metric joined to the subject it depends on, the subject's own count verb dropped:
 * (新认定国家级“小巨人”企业, 总数) → 国家级“小巨人”企业总数; (新建5G基站, 累计建成) → 累计建成5G基站;
 * (实施省重点建设项目, 投资) → 省重点建设项目投资.
 */
export function withSubject(subject: string, metric: string): string {
  // "新能源装机新增" + 总装机: the thing, not what was done to it this year.
  const noun = subject.replace(PLACE_PREFIX, '').replace(/^(?:全市|全省|全区|全县)?(?:新增|新建|新认定|新培育|新开工|累计建成|累计|建成|实施|推动|培育|打造|安排)+/, '').replace(/(?<=..)(?:新增|新建|建成|完成)+$/, '') || subject;
  // "其中宝安区新增300家": the place's count of the same thing.
  const place = PLACE_PREFIX.exec(metric)?.[0] ?? '';
  const own = metric.slice(place.length);
  return COUNT_VERBS_ONLY.test(own) ? place + own + noun : noun + metric;
}

/** A verb opening a metric, with at most a short noun after it: what is done, not to what (建成并网, 接入企业, 增产). */
const ACTION_FIRST = /^(?:新开工|开工|建成并网|并网|竣工投产|竣工|投产|新引进|引进|接入|服务|交付|签约|落地|入驻|增产|减产|惠及|带动|覆盖)([\u4e00-\u9fa5]{0,3})$/;
/** Verbs around the thing a metric measures (建成…节点, 海上风电新开工): dropped to find the thing. */
const VERBS_AROUND = /^(?:全市|全省|全区|全县)?(?:新增|新建|新认定|新培育|新开工|累计建成|累计|建成|实施|推动|培育|打造|安排)+|(?:新开工|开工|建成|投产|新增|完成)+$/g;

/**
 * A metric that only says what was done (建成并网, 接入企业) continues the thing of the clause before: "海上风电新开工
 * 300万千瓦、建成并网200万千瓦" → 海上风电建成并网; "建成二级节点25个，接入企业超过3000家" → 二级节点接入企业. Null when it
 * does not, or when the thing before is already what it counts (培育专精特新企业…，新增企业).
 */
export function continuedAction(previous: string, metric: string): string | null {
  const action = ACTION_FIRST.exec(metric);
  if (!action) return null;
  const thing = previous.replace(VERBS_AROUND, '');
  if (thing.length < 2 || (action[1] && thing.endsWith(action[1]))) return null;
  return thing + metric;
}

/**
 * The metric a clause states before its comparator, for a figure in the next clause:
 * "2022年全省制造业增加值首次突破万亿元" → 制造业增加值. `removeSpans` as in {@link metricFromPre}.
 */
export function metricBeforeComparator(clause: string, removeSpans: Array<[number, number]>): string {
  const verb = /首次突破|突破|超过|达到|达|增长|实现/.exec(clause);
  if (!verb) return '';
  return metricFromPre(clause.slice(0, verb.index), removeSpans.filter(([, b]) => b <= verb.index)).metric;
}

/**
 * Puts back quotation marks and brackets cut off at a metric's edge ("专精特新”中小企业" → “专精特新”中小企业)
 * and drops ones left dangling ("新增“" → 新增).
 */
export function balanceMarks(metric: string): string {
  let s = metric;
  for (const [open, close] of [['“', '”'], ['《', '》'], ['（', '）'], ['(', ')']] as const) {
    const opens = s.split(open).length - 1;
    const closes = s.split(close).length - 1;
    if (closes > opens && s.indexOf(close) < (s.indexOf(open) < 0 ? Infinity : s.indexOf(open))) s = open + s;
    else if (opens > closes && s.endsWith(open)) s = s.slice(0, -1);
    else if (opens > closes && s.lastIndexOf(open) > s.lastIndexOf(close)) s += close;
  }
  return s;
}

/** What a glossary gives extraction: its terms (longest first) and each term's canonical form. */
export interface MetricSynonyms {
  terms: string[];
  canonical(term: string): string;
}

/**
 * A metric's comparison key with every glossary term replaced by its canonical form, longest term first
 * at each position: 电子信息产业营收 and 电子信息产业营业收入 get one key.
 * @example createMetricCanonicalizer(createSynonymMap(loadGlossary('knowledge')))('规上工业营收')
 */
export function createMetricCanonicalizer(synonyms: MetricSynonyms): (metric: string) => string {
  const byFirst = new Map<string, string[]>();
  for (const t of synonyms.terms) if (t) byFirst.set(t[0]!, [...(byFirst.get(t[0]!) ?? []), t]);
  const cache = new Map<string, string>();
  return (metric) => {
    const key = metricKey(metric);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let out = '';
    for (let i = 0; i < key.length; ) {
      const term = byFirst.get(key[i]!)?.find((t) => key.startsWith(t, i));
      out += term ? metricKey(synonyms.canonical(term)) : key[i]!;
      i += term ? term.length : 1;
    }
    cache.set(key, out);
    return out;
  };
}

/** Comparison key of a metric: no punctuation, no spaces, half-width brackets dropped. */
export function metricKey(metric: string): string {
  return metric.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

export const hedgeWords = HEDGES;
