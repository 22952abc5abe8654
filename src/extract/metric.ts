/**
 * Turning the words around a figure into a metric, a comparator and a hedge:
 * "力争全省规上工业增加值增长" + "5.5%" → metric 规上工业增加值, comparator 增长, hedge 力争.
 */

/** Relations between a metric and its figure, nearest to the number first when stripping. */
const COMPARATORS = [
  '同比增长', '年均增长', '增长', '下降', '提高', '降低', '减少', '提升', '突破', '超过', '达到', '不低于', '不少于', '不超过',
  '高于', '低于', '大于', '小于', '控制在', '保持在', '稳定在', '保持', '达', '超', '逾', '约', '近', '为', '在', '至', '到',
];
const HEDGES = ['力争', '争取', '确保', '努力', '预计', '计划', '预期'];
/** Words that are not part of the measured thing, stripped from either end. */
const LEADING_NOISE = [
  '主要预期目标是', '主要目标是', '预期目标是', '目标是', '其中', '此外', '另外', '同时', '以及', '并且', '并', '和', '及', '与',
  '还将', '还要', '将', '要', '拟', '再', '共', '还', '也', '使', '实现', '完成', '全年', '年度内', '年内', '当年',
  '全省', '全市', '全区', '全县', '全国', '我省', '我市', '本省', '本市', '省内',
];
const TRAILING_NOISE = ['将', '要', '还将', '已', '已经', '累计', '的'];
const PUNCT_EDGE = /^[\s，,；;：:、。！？!?（(）)“”"'《》\-—–~·…]+|[\s，,；;：:、。！？!?（(“"'《\-—–~·…]+$/g;
/** Metrics that say nothing on their own; the sentence's subject is put in front. */
const GENERIC = new Set(['营业收入', '营收', '增加值', '产值', '规模', '投资', '收入', '利润', '总额', '产量', '销售收入', '主营业务收入']);

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

/**
 * Cleans the words before a figure. `removeSpans` are offsets (time expressions,
 * region names) inside `pre` to cut out first.
 */
export function metricFromPre(pre: string, removeSpans: Array<[number, number]>): MetricParts {
  let s = pre;
  for (const [a, b] of [...removeSpans].sort((x, y) => y[0] - x[0])) s = s.slice(0, a) + s.slice(b);
  let comparator: string | null = null;
  let hedge: string | null = null;
  for (let guard = 0; guard < 12; guard++) {
    const before = s;
    s = s.replace(PUNCT_EDGE, '');
    let w: string | null;
    [s, w] = stripOnce(s, COMPARATORS, 'end');
    if (w && !comparator) comparator = w;
    [s, w] = stripOnce(s, HEDGES, 'end');
    if (w && !hedge) hedge = w;
    [s, w] = stripOnce(s, TRAILING_NOISE, 'end');
    [s, w] = stripOnce(s, HEDGES, 'start');
    if (w) hedge = hedge ?? w;
    [s, w] = stripOnce(s, LEADING_NOISE, 'start');
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

/** Cleans the noun phrase after a count ("16个先进制造业集群和" → 先进制造业集群). */
export function metricFromPost(post: string): string {
  // What is counted ends where the predicate starts: "1.3万个行政村已进入…" → 行政村.
  let s = post.replace(PUNCT_EDGE, '').replace(/(?:已|将|要|正在|均|都|为|是|在|进行|实现|达到|完成|进入|赴|开展|参加|落地|入驻|取得|促进|推动).*$/, '');
  s = s.replace(/(?:和|及|以及|与|等|、)+$/, '');
  s = s.replace(/(?:建设|工作|的)$/, (m) => (s.length > 6 ? '' : m));
  // Long modifiers: "兼具领先优势和规模效应的万亿元级产业集群" → 万亿元级产业集群.
  if (s.length > 10 && s.includes('的')) s = s.slice(s.lastIndexOf('的') + 1);
  s = s.replace(PUNCT_EDGE, '');
  return s.length > 20 ? '' : s;
}

/** True when a metric needs the sentence's subject in front to mean anything. */
export function isGenericMetric(metric: string): boolean {
  return GENERIC.has(metric) || metric.length < 2;
}

/** The subject a sentence opens with, when it names an industry: "锂电新能源产业要…" → 锂电新能源产业. */
export function sentenceTopic(sentence: string): string | null {
  const m = /^(?:其中[，,]?)?([\u4e00-\u9fa5A-Za-z0-9]{2,14}?(?:产业|行业|企业|集群|产业链|制造业|服务业))(?:要|将|方面|领域|[，,])/.exec(sentence);
  return m ? m[1]! : null;
}

/** Comparison key of a metric: no punctuation, no spaces, half-width brackets dropped. */
export function metricKey(metric: string): string {
  return metric.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

export const hedgeWords = HEDGES;
