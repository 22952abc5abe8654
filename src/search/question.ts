/**
 * Question understanding: what a user's question asks, before any search.
 *
 * Pure: no I/O and no clock (`today` is passed in). The steps, in order:
 * 1. normalize as documents are (full-width → half-width, traditional → simplified,
 *    stray spaces) and detect the language;
 * 2. find regions and cities (one-character abbreviations allowed: 浙, 赣, 京津冀, 浙省),
 *    the program (415X, 2+6+N, 33618, 4×4, a quoted or known name) and the years
 *    (2023, ２０２３, 二〇二三年, 今年/去年/this year, 十四五, 到2030年);
 * 3. decide the kind (target or actual) and the intent (value, list, compare, define,
 *    deadline, refuse);
 * 4. keep the content words: fact-base metrics and glossary terms whole (longest match),
 *    the rest split on question and function words, synonyms mapped to their canonical
 *    term; English questions are mapped to Chinese terms through the glossary.
 */
import { normalizeInline, toSimplified } from '../documents/normalize.ts';
import { findFigures } from '../extract/figures.ts';
import type { SynonymMap } from '../knowledge/glossary.ts';
import type { RegionIndex, RegionMention } from '../knowledge/regions.ts';

/** What a question asks, as far as words tell. */
export interface ParsedQuestion {
  raw: string;
  /** `toSimplified(normalizeInline(raw))`, trimmed. */
  normalized: string;
  /** 'en' when the question has Latin words and no Chinese character. */
  language: 'zh' | 'en';
  /** Province short names in order of mention, cities resolved to their province, no duplicates. */
  regions: string[];
  cities: Array<{ city: string; region: string }>;
  /** Years in order of mention, no duplicates. */
  years: number[];
  /** Where the years came from; with several sources the most specific: explicit > relative > period. */
  yearSource: 'explicit' | 'relative' | 'period' | null;
  /** target: 目标/计划/力争/要/plan/target; actual: 实际/完成了/达到了/achieved (or 完成 without a target word). */
  kind: 'target' | 'actual' | null;
  intent: 'value' | 'list' | 'compare' | 'define' | 'deadline' | 'refuse';
  /** Program code or name: 415X, 2+6+N, 4×4 (x and * written as ×), or a known/quoted name. */
  program: string | null;
  /** Chinese content words, synonyms mapped to canonical terms, in order, no duplicates. */
  terms: string[];
  /** Figures the question states (突破1万亿, 达到50亿元): the fact it asks about has one of them. */
  figures: QuestionFigure[];
  /**
   * Each separately asked year with the kind said right after it: 2023年目标和2022年实际 →
   * [{2023, target}, {2022, actual}]; kind null when the year has no kind word of its own.
   */
  periods: Array<{ year: number; kind: 'target' | 'actual' | null }>;
  /** Empty, punctuation only, or clearly not about plans (讲个笑话, 天气, 你好) with no region, year, program or domain term. */
  offTopic: boolean;
}

/** A figure stated in a question, with its value as a plain number (1万亿 → 1e12, 5.5% → 5.5). */
export interface QuestionFigure {
  value: string;
  number: number;
  unit: string;
}

/** The words parseQuestion knows, from the knowledge files and the fact base. */
export interface QuestionVocabulary {
  regions: RegionIndex;
  synonyms: SynonymMap;
  /** Program names of the fact base (415X, 2+6+N, 一号发展工程). */
  programs: string[];
  /** Metric phrases of the fact base, kept whole in `terms` (数字经济核心产业增加值). */
  metricTerms: string[];
}

type YearSource = 'explicit' | 'relative' | 'period';

interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------
// Vocabulary compiled once per vocabulary object

interface TermNode {
  next: Map<string, TermNode>;
  term?: string;
}

interface CompiledVocabulary {
  /** Longest-match trie over metric terms and glossary terms. */
  terms: TermNode;
  /** Program names by {@link programKey}. */
  programs: Map<string, string>;
  /** Longest-first regex over program names, or null when there are none. */
  programPattern: RegExp | null;
  /** Every term of the trie, for quoted-name checks. */
  termSet: Set<string>;
}

const compiledCache = new WeakMap<QuestionVocabulary, CompiledVocabulary>();

/** Comparable form of a program name: 4x4, 4*4 and 4×4 are one; case and spaces ignored. */
function programKey(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/(?<=[\dA-Za-z])[xX*＊·](?=\d)/g, '×')
    .replace(/＋/g, '+')
    .toUpperCase();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(vocabulary: QuestionVocabulary): CompiledVocabulary {
  const cached = compiledCache.get(vocabulary);
  if (cached) return cached;
  const root: TermNode = { next: new Map() };
  const termSet = new Set<string>();
  // A one-character metric is an extraction fragment; a one-character glossary word (涨) was curated on purpose.
  const curated = new Set(vocabulary.synonyms.terms);
  for (const term of [...vocabulary.metricTerms, ...vocabulary.synonyms.terms]) {
    const word = term.trim();
    if (word.length === 0 || (word.length < 2 && !curated.has(word))) continue;
    termSet.add(word);
    let node = root;
    for (let k = 0; k < word.length; k += 1) {
      const ch = word[k]!;
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.term = word;
  }
  const programs = new Map<string, string>();
  for (const name of vocabulary.programs) {
    if (name.trim()) programs.set(programKey(name), name.trim());
  }
  const names = [...new Set(vocabulary.programs.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const programPattern = names.length
    ? new RegExp(
        names
          .map((n) =>
            escapeRegex(n)
              .replace(/(?<=\d)(?:×|x|X|\\\*)(?=\d)/g, '[×xX*＊·]')
              .replace(/\\\+/g, '\\s*[+＋]\\s*'),
          )
          .map((p) => (/^[\dA-Za-z]/.test(p) ? `(?<![\\dA-Za-z+])${p}(?![\\dA-Za-z+])` : p))
          .join('|'),
        'gi',
      )
    : null;
  const compiled = { terms: root, programs, programPattern, termSet };
  compiledCache.set(vocabulary, compiled);
  return compiled;
}

// ---------------------------------------------------------------------------------------
// Years

const CN_DIGIT: Record<string, string> = {
  〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};
const CN_SMALL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Last year of the Nth five-year plan: 十四五 (14th) → 2025. */
function fiveYearPlanEnd(n: number): number {
  return 1955 + 5 * n;
}

function chineseTens(text: string): number {
  // 十一 … 十九 (the five-year plans in use).
  return 10 + (CN_SMALL[text.slice(1)] ?? 0);
}

interface YearHit extends Span {
  year: number;
  source: YearSource;
  /** Part of a range (2021-2025年): does not make the question a comparison. */
  inRange: boolean;
}

const yearPatterns: Array<{ pattern: RegExp; read: (m: RegExpExecArray, today: number) => Array<[number, boolean]> }> = [
  {
    // 2021-2025年, 2021至2025年, 2021—2025
    pattern: /(?<!\d)((?:19|20)\d{2})\s*年?\s*(?:-|—|–|~|～|至|到|to)\s*((?:19|20)\d{2})(?!\d)/gi,
    read: (m) => [[Number(m[1]), true], [Number(m[2]), true]],
  },
  { pattern: /(?<![\d.])((?:19|20)\d{2})(?![\d.]|\s*(?:万|亿|个|家|元|%|台|项|吨))/g, read: (m) => [[Number(m[1]), false]] },
  {
    pattern: /([〇零一二三四五六七八九]{4})年/g,
    read: (m) => [[Number([...m[1]!].map((c) => CN_DIGIT[c]).join('')), false]],
  },
  {
    // 23年 (colloquial): only plausible recent years, never 近10年 or 5年.
    pattern: /(?<![\d.近前后过未每几这多个第])(\d{2})年(?!代|间|内|来|以来|时间)/g,
    read: (m, today) => {
      const n = Number(m[1]);
      return n >= 15 && n <= (today % 100) + 10 ? [[2000 + n, false]] : [];
    },
  },
];

/** Relative years, each with the characters that, just before it, make it part of another word (目前年产值, 以上年均). */
const relativeYears: Array<[RegExp, number, RegExp | null]> = [
  [/今年|本年度|本年|\bthis year\b|\bcurrent year\b/gi, 0, null],
  [/去年|上一年|上年|\blast year\b|\bprevious year\b/gi, -1, /[以向]$/],
  [/前年|\bthe year before last\b/gi, -2, /[目当提]$/],
  [/明年|下一年|\bnext year\b/gi, 1, null],
  [/后年|\bthe year after next\b/gi, 2, /[今以之然最]$/],
];

function findYears(text: string, todayYear: number, masked: Span[]): YearHit[] {
  const hits: YearHit[] = [];
  const taken = (start: number, end: number): boolean =>
    [...masked, ...hits].some((s) => start < s.end && end > s.start);
  const push = (start: number, end: number, year: number, source: YearSource, inRange: boolean): void => {
    if (year >= 1949 && year <= 2100) hits.push({ start, end, year, source, inRange });
  };
  for (const { pattern, read } of yearPatterns) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const years = read(m as RegExpExecArray, todayYear);
      years.forEach(([year, inRange]) => push(start, end, year, 'explicit', inRange));
    }
  }
  for (const [pattern, offset, partOfWord] of relativeYears) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end) || partOfWord?.test(text.slice(0, start))) continue;
      push(start, end, todayYear + offset, 'relative', false);
    }
  }
  for (const m of text.matchAll(/十[一二三四五六七八九]五/g)) {
    if (taken(m.index, m.index + 3)) continue;
    push(m.index, m.index + 3, fiveYearPlanEnd(chineseTens(m[0].slice(0, 2))), 'period', false);
  }
  for (const m of text.matchAll(/\b(1[0-9])(?:st|nd|rd|th)\s+five[-\s]year\s+plan\b/gi)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    push(m.index, m.index + m[0].length, fiveYearPlanEnd(Number(m[1])), 'period', false);
  }
  return hits.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------
// Programs

/** Code names: 415X, 2+6+N, 1+11+N, 4×4, 33618, 51020. */
const programCode =
  /(?<![\dA-Za-z.+])(\d+(?:\s*[+＋]\s*(?:\d+|[A-Za-z]))+|\d{3,}[XxNn]|\d+(?:[×xX*＊](?:\d+))+|\d{5})(?![\dA-Za-z.+%]|\s*(?:万|亿|千|百|个|家|元|台|项|吨|户|座|条|所|人|年|月|日|平方|公里|亩|度|倍))/g;

function findProgram(text: string, compiled: CompiledVocabulary, regions: RegionIndex): (Span & { name: string }) | null {
  if (compiled.programPattern) {
    compiled.programPattern.lastIndex = 0;
    const m = compiled.programPattern.exec(text);
    if (m) {
      return { start: m.index, end: m.index + m[0].length, name: compiled.programs.get(programKey(m[0])) ?? m[0] };
    }
  }
  programCode.lastIndex = 0;
  const code = programCode.exec(text);
  if (code) {
    const name = code[1]!.replace(/\s+/g, '').replace(/＋/g, '+').replace(/(?<=\d)[xX*＊](?=\d)/g, '×');
    return { start: code.index, end: code.index + code[0].length, name: compiled.programs.get(programKey(name)) ?? name.toUpperCase() };
  }
  // A quoted name that is not a known term, a five-year plan or a region: “腾笼换鸟”.
  const quoted = /[“"「『]([^”"」』]{2,16})[”"」』]/.exec(text);
  const inner = quoted?.[1]?.trim() ?? '';
  if (quoted && !compiled.termSet.has(inner) && !/十[一二三四五六七八九]五|^[\d\s.%年]+$/.test(inner) && !regions.resolve(inner)) {
    return { start: quoted.index, end: quoted.index + quoted[0].length, name: quoted[1]!.trim() };
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Kind and intent

const targetWords = /目标|计划|规划|力争|争取|预期|预计|打算|确保|(?<![主重需只摘想])要(?![求点素])|拟|\b(?:plans?|planned|planning|targets?|targeted|goals?|aims?|expect(?:s|ed)?|will|intends?)\b|到(?:19|20)\d{2}年/i;
const strongActualWords = /实际|已经|已完成|完成了|达到了|实现了|完成情况|实绩|截至|\b(?:actual(?:ly)?|achieved|realized|realised)\b/i;
const weakActualWords = /完成|达到|实现|取得|\b(?:reached|completed|did|was|were)\b/i;

const compareWords = /对比|比较|相比|比一比|分别|差距|区别|谁(?:更)?(?:高|多|大|快)|哪个(?:更)?(?:高|多|大|快)|\bvs\.?\b|\bversus\b|\bcompar(?:e|ed|ing|ison)\b|\bdifference between\b|\brespectively\b/i;
const listWords = /哪些(?:省|地区|地方|城市|市)|哪几个(?:省|地区|城市)|哪个(?:省|地区|城市)|各省|各地|各个省|各市|全国各|所有省|每个省|列出|列举|\bwhich (?:provinces?|regions?|cities)\b|\b(?:all|each|every) (?:provinces?|regions?)\b|\blist\b/i;
/** Asking for a plan's targets as a whole: 主要预期目标有哪些, 有什么目标, 目标是什么. */
const overviewWords = /(?:目标|指标|任务)(?:有哪些|是什么|有什么|都有啥)|(?:哪些|什么|主要|所有|全部)(?:预期)?(?:目标|指标)|\b(?:main|key|all) (?:targets|goals)\b/i;
const deadlineWords = /什么时候|何时|哪一?年(?:完成|建成|实现|达到|到期)|是哪一?年|期限|截止|到期|时限|时间节点|完成时间|\bdeadline\b|\bdue\b|\bby when\b|\bwhen\b/i;
const strongDefineWords = /什么是|啥是|是什么意思|什么意思|啥意思|指什么|指的是什么|是指什么|含义|定义|解释一下|\bwhat does .+ (?:mean|stand for)\b|\bmeaning of\b|\bdefine\b|\bdefinition\b|\bstands? for\b/i;
const weakDefineWords = /是什么|是啥|包括哪些|有哪些内容|\bwhat(?: is|'s| are)\b/i;
const quantityWords = /多少|几个|几家|几成|目标|数量|规模|多大|多高|\bhow (?:many|much)\b|\btargets?\b|\bgoals?\b/i;

const offTopicWords = /笑话|天气|下雨|气温|你好|您好|你是谁|你叫什么|谢谢|再见|早上好|晚上好|唱歌|唱首歌|讲故事|讲个故事|吃什么|吃饭|电影|彩票|股票|星座|游戏|\b(?:hello|hi|hey|joke|weather|thanks|thank you|who are you|sing)\b/i;

// ---------------------------------------------------------------------------------------
// Terms

/** Question and function words: removed wherever they stand, longest first. */
const stopPhrases = [
  '请问', '请告诉我', '告诉我', '我想知道', '想知道', '想了解', '了解一下', '查询', '查一下', '帮我', '麻烦', '一下',
  '什么时候', '什么意思', '是什么', '什么是', '什么', '干什么', '干啥', '做什么', '怎么', '哪里', '啥意思', '多少', '几个', '几家', '哪些', '哪几个', '哪个', '哪一年',
  '是否', '是不是', '有没有', '有多少', '分别是', '分别', '各自', '对比', '比较', '相比', '差距', '区别', '目标值', '目标',
  '指标', '计划', '规划', '力争', '争取', '预期', '预计', '打算', '确保', '实际', '已经', '完成了', '完成情况', '完成',
  '达到了', '达到', '实现了', '实现', '情况', '怎么样', '如何', '怎样', '多大', '多高', '期间', '期限', '截止', '截至',
  '到期', '时间节点', '时限', '时间', '时候', '省份', '地区', '地方', '城市', '全省', '全市', '全国', '各省', '各地',
  '各市', '所有', '每个', '我们', '他们', '这个', '那个', '意思', '含义', '定义', '解释', '具体', '主要', '最新', '数量',
  '左右', '大概', '大约', '年底', '年末', '年初', '年度', '多少钱', '指的是', '是指', '包括', '内容', '还是', '以及',
  '培育', '提出', '打造', '推进', '推动', '实施', '加快', '要求', '部署', '安排', '有关', '关于', '方面', '发布',
  '超过', '突破', '以上', '以下', '不低于', '不少于', '不超过', '高于', '低于', '大于', '小于',
  '全年', '列出', '列举', '有哪些', '能不能', '能否',
];

/** A figure in a question (10万个, 5.5%, 1.15万亿元): a threshold, not a content word. */
const figurePattern = /\d+(?:\.\d+)?(?:\s*(?:%|‰|个百分点))?(?:[万亿千百]+)?(?:元|个|家|台|项|座|条|户|人|吨|亩|倍|GW|PB|(?![\dA-Za-z]))/g;

/** Function words removed only at the edges of a remaining piece (they are parts of words inside: 智能, 社会). */
const edgeStopChars = new Set([...'的了是吗呢吧啊呀么和与及跟同或在到于对从为将会能要有个年省市几哪各请指约底末共把被给向让拿也都还又就才并多少']);

const punctuation = /[\s\p{P}\p{S}]+/u;

function splitPieces(piece: string): string[] {
  // Split on stop phrases (longest first) and on 的/和 between words.
  // 多少条, 几家: the measure word belongs to the question word, not to the next content word.
  let parts = piece.split(figurePattern).flatMap((p) => p.split(/(?:多少|几)[个家项条台座名对亿万元种批所]?/));
  for (const stop of stopPhrases) {
    if (!piece.includes(stop)) continue; // every part is a substring of the piece: a phrase not in it is in no part
    parts = parts.flatMap((p) => (p.includes(stop) ? p.split(stop) : [p]));
  }
  parts = parts.flatMap((p) => p.split(/[的和]/));
  const out: string[] = [];
  for (let p of parts) {
    while (p.length > 0 && edgeStopChars.has(p[0]!)) p = p.slice(1);
    while (p.length > 0 && edgeStopChars.has(p[p.length - 1]!)) p = p.slice(0, -1);
    if (p.length === 0 || /^[\d.%]+$/.test(p)) continue;
    if (/^[\u3400-\u9fff]$/.test(p)) continue; // a single Chinese character carries no searchable meaning alone
    out.push(p);
  }
  return out;
}

/** Chinese terms of the unmasked text: dictionary terms whole, the rest split on stop words. */
function chineseTerms(text: string, masked: boolean[], compiled: CompiledVocabulary, synonyms: SynonymMap): {
  terms: string[];
  domain: number;
  spans: Span[];
} {
  const terms: string[] = [];
  const spans: Span[] = [];
  let domain = 0;
  let rest = '';
  const flush = (): void => {
    for (const chunk of rest.split(punctuation)) {
      for (const piece of splitPieces(chunk)) terms.push(synonyms.canonical(piece));
    }
    rest = '';
  };
  let i = 0;
  while (i < text.length) {
    if (masked[i]) {
      flush();
      i += 1;
      continue;
    }
    let node = compiled.terms.next.get(text[i]!);
    let best: string | undefined;
    let j = i;
    while (node) {
      if (node.term) best = node.term;
      j += 1;
      if (j >= text.length || masked[j]) break;
      node = node.next.get(text[j]!);
    }
    if (best) {
      flush();
      terms.push(synonyms.canonical(best));
      spans.push({ start: i, end: i + best.length });
      domain += 1;
      i += best.length;
      continue;
    }
    rest += text[i];
    i += 1;
  }
  flush();
  return { terms, domain, spans };
}

// ---------------------------------------------------------------------------------------

function unique<T>(items: T[], key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Reads one question: regions, cities, years, kind, intent, program and content terms.
 * Never throws; an empty or off-topic question gives `intent: 'refuse'`.
 *
 * @param today the current date `YYYY-MM-DD`, for 今年/去年/this year.
 * @example
 * parseQuestion('浙江今年数字经济核心产业增加值增长目标是多少？', vocabulary, '2023-05-01');
 * // { regions: ['浙江'], years: [2023], yearSource: 'relative', kind: 'target', intent: 'value',
 * //   terms: ['数字经济核心产业增加值', '增长'], … }
 */
export function parseQuestion(question: string, vocabulary: QuestionVocabulary, today: string): ParsedQuestion {
  const compiled = compile(vocabulary);
  const todayYear = Number(today.slice(0, 4));
  const normalized = toSimplified(normalizeInline(question)).replace(/\s+/g, ' ').trim();
  const hasHan = /[\u3400-\u9fff]/.test(normalized);
  const language: 'zh' | 'en' = !hasHan && /[A-Za-z]{2,}/.test(normalized) ? 'en' : 'zh';

  // Program first: its digits are neither years nor figures.
  const programHit = findProgram(normalized, compiled, vocabulary.regions);
  const programSpans = programHit ? [programHit] : [];

  // Regions; one-character abbreviations inside a domain term (a fact-base metric) do not count.
  const allMentions = vocabulary.regions
    .findMentions(normalized, { abbreviations: true, english: true })
    .filter((m) => !programSpans.some((p) => overlaps(p, m)));
  const yearHits = findYears(normalized, todayYear, [...programSpans, ...allMentions]);

  const masked = new Array<boolean>(normalized.length).fill(false);
  const mask = (span: Span): void => {
    for (let k = span.start; k < span.end; k += 1) masked[k] = true;
  };
  allMentions.filter((m) => m.form !== 'abbr').forEach(mask);
  programSpans.forEach(mask);
  yearHits.forEach(mask);

  let terms: string[];
  let domainTerms: number;
  let mentions: RegionMention[];
  if (language === 'en') {
    const matches = vocabulary.synonyms.english(normalized).filter((m) => !masked.slice(m.start, m.end).some(Boolean));
    terms = matches.map((m) => m.canonical);
    domainTerms = matches.length;
    mentions = allMentions;
  } else {
    // A one-character abbreviation inside a domain term is part of the term, not a region.
    const probe = chineseTerms(normalized, masked, compiled, vocabulary.synonyms);
    mentions = allMentions.filter((m) => m.form !== 'abbr' || !probe.spans.some((s) => overlaps(s, m)));
    mentions.filter((m) => m.form === 'abbr').forEach(mask);
    const found = chineseTerms(normalized, masked, compiled, vocabulary.synonyms);
    terms = found.terms;
    domainTerms = found.domain;
  }
  terms = unique(terms);

  const regions = unique(mentions.map((m) => m.region));
  const cities = unique(
    mentions.filter((m) => m.city !== null).map((m) => ({ city: m.city!, region: m.region })),
    (c) => c.city,
  );
  const years = unique(yearHits.map((h) => h.year));
  const sources = new Set(yearHits.map((h) => h.source));
  const yearSource: ParsedQuestion['yearSource'] = sources.has('explicit')
    ? 'explicit'
    : sources.has('relative')
      ? 'relative'
      : sources.has('period')
        ? 'period'
        : null;
  const program = programHit?.name ?? null;

  // A small-talk word (天气, 笑话) is off topic unless a region, program or domain term says
  // otherwise; a year alone (今年天气) does not. Without any of them and no content word left, too.
  const anchored = regions.length > 0 || program !== null || domainTerms > 0;
  const offTopic =
    !/[\p{L}\p{N}]/u.test(normalized) ||
    (!anchored && offTopicWords.test(normalized)) ||
    (!anchored && years.length === 0 && terms.length === 0);

  const strongActual = strongActualWords.test(normalized);
  const target = targetWords.test(normalized);
  let kind: ParsedQuestion['kind'] = strongActual ? 'actual' : target ? 'target' : weakActualWords.test(normalized) ? 'actual' : null;

  let intent: ParsedQuestion['intent'];
  const separateYears = unique(yearHits.filter((h) => !h.inRange).map((h) => h.year));
  const onlyRegionAndProgram =
    program !== null && terms.length === 0 && years.length === 0 && kind === null && !quantityWords.test(normalized);
  if (offTopic) intent = 'refuse';
  else if (compareWords.test(normalized)) intent = 'compare';
  else if (listWords.test(normalized)) intent = 'list';
  else if (deadlineWords.test(normalized)) intent = 'deadline';
  else if (
    strongDefineWords.test(normalized) ||
    onlyRegionAndProgram ||
    (weakDefineWords.test(normalized) &&
      (program !== null || (years.length === 0 && kind === null && !quantityWords.test(normalized))))
  ) {
    intent = 'define';
  } else if (regions.length >= 2 || separateYears.length >= 2) intent = 'compare';
  else intent = 'value';
  if (intent === 'deadline' && !strongActual) kind = 'target';
  // 浙江2023年主要预期目标有哪些: a region or year and no content word asks for the plan's targets as a list.
  if (intent === 'value' && terms.length === 0 && program === null && (regions.length > 0 || years.length > 0) && overviewWords.test(normalized)) {
    intent = 'list';
  }

  const periods = separateYears.map((year) => {
    const hit = yearHits.find((h) => h.year === year && !h.inRange)!;
    const next = yearHits.find((h) => h.start > hit.start && h.year !== year)?.start ?? normalized.length;
    const after = normalized.slice(hit.end, Math.min(next, hit.end + 8));
    const own: 'target' | 'actual' | null = strongActualWords.test(after) ? 'actual' : targetWords.test(after) ? 'target' : null;
    return { year, kind: own };
  });
  const taken = [...programSpans, ...yearHits];
  const figures = findFigures(normalized)
    .filter((f) => !taken.some((s) => f.start < s.end && f.end > s.start))
    .map((f) => ({ value: f.value, number: f.number, unit: f.unit }));

  return {
    raw: question,
    normalized,
    language,
    regions,
    cities,
    years,
    yearSource,
    kind,
    intent,
    program,
    terms,
    figures,
    periods,
    offTopic,
  };
}
