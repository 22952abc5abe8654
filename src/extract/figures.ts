/**
 * Finding figures in a sentence: "20万个", "1万亿元", "3至5个", "5.5%", "37万元/亩", "25.5万", "100PB".
 *
 * A figure is a number with a magnitude, a unit, a percent sign, or (for bare
 * numbers) a comparator right before it. Dates, ordinals, list numbering,
 * document numbers, phone numbers, code names (415X, 2+6+N) and technology
 * names (5G, 8K) are never figures.
 */

/** One figure found in a text, with its position. */
export interface FigureMatch {
  /** Offsets of `value` in the searched text. */
  start: number;
  end: number;
  /** The figure as written, spaces removed: 20万个, 3至5个, 5.5%. */
  value: string;
  number: number;
  numberMax: number | null;
  /** Normalized unit: 元, %, 个百分点, 个, 元/亩, PB … ('' for a bare number). */
  unit: string;
  /** Words right after the figure that qualify it: 以上, 左右, 以内 … */
  suffix: string | null;
  /** End offset including the suffix. */
  endWithSuffix: number;
}

const MAGNITUDES: Record<string, number> = {
  万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 十亿: 1e9, 亿: 1e8, 千万: 1e7, 百万: 1e6, 十万: 1e5, 万: 1e4, 千: 1e3, 百: 1e2,
};

/** A count unit that may have a second one in brackets after it: 台（套）, 座（艘）, 个（家）. */
const PAIRED_UNIT = /^[台套座艘个家项处所条]$/;

/** Units, longest first so "平方公里" wins over "公里". Kept as written in `value`. */
const UNITS = [
  '个百分点', '百分点', '微克/立方米', '毫克/立方米', '立方米', '平方公里', '平方米', '公顷', '吨标准煤', '吨二氧化碳', '吨标煤', '千克标准煤', '千克标煤', '克标准煤', '标准煤', '千瓦时', '万千瓦', '人次', '批次', '家次', '户次', '艘次', '架次',
  '吉瓦时', '兆瓦时', '千瓦时', '公里', '千米', '千瓦', '兆瓦', '吉瓦', '美元', '港元', '欧元',
  '元/千瓦时', '元/亩', '元/人', '元/吨', '元', '%', '‰', '倍',
  '个', '家', '项', '条', '台', '套', '座', '所', '名', '人', '户', '款', '种', '件', '张', '部', '辆', '架', '艘', '根',
  '亩', '吨', '度', '米', '篇', '支', '块', '对', '场', '期', '处', '只', '颗', '片', '间', '栋', '列', '路', '批',
  '斤', '次', '天', '小时', '公斤', '千克', '锭',
  '载重吨', '标准箱', '标箱', '头',
  'EFLOPS', 'PFLOPS', 'TFLOPS', 'PB', 'EB', 'TB', 'GB', 'GWh', 'GW', 'MW', 'kWh', 'kW', 'KW', 'Gbps', 'Mbps', 'km',
  // Computing power in PFLOPS, as plans write it (算力规模达到4000P).
  'P',
];
const UNIT_ALT = UNITS.map((u) => u.replace(/[/%]/g, (c) => `\\${c}`)).join('|');
/**
 * Latin units may follow the number after a space ("20 EFLOPS"), or be split by one ("16E FLOPS" in a PDF copy); Chinese
 * ones never do once a document is read.
 */
const LATIN_UNIT_ALT = ['[EPT]\\sFLOPS', ...UNITS.filter((u) => /^[A-Za-z]+$/.test(u))].join('|');
// 千 before 瓦/米/克 opens a unit (13380千瓦时/吨, 50千米), not a magnitude.
const MAG_ALT = Object.keys(MAGNITUDES).map((m) => (m === '千' ? '千(?![瓦米克])' : m)).join('|');
const NUM = String.raw`\d+(?:\.\d+)?`;
const RANGE_SEP = String.raw`(?:至|到|~|～|-|—|–)`;

/**
 * number [range] [多/余] [magnitude] [多/余] [unit] [suffix]: 3000多家, 2000余亿元, 20多万户. The unit group allows "万元/亩" style compound units.
 * Matching is linear: one sticky pass per candidate digit run.
 */
const FIGURE = new RegExp(
  String.raw`(${NUM})(?:(${MAG_ALT})?(?:个|%)?${RANGE_SEP}(${NUM}))?(多|余)?(${MAG_ALT})?(多|余)?(?:(${UNIT_ALT})|\s?(${LATIN_UNIT_ALT})(?![A-Za-z]))?(以上|以下|以内|左右|上下|多|余|强)?`,
  'y',
);

/** A unit per another after a unit: 台/万人, 吨/年, 元/平方米, 千瓦时/千克. */
const PER_UNIT = /^\/(?:万|千|百)?(?:人|年|亩|平方米|平方公里|公顷|吨|千瓦时|户|辆|台|床|家|天|小时|月|千克|公斤|克(?!标))/;
const SUFFIX_AFTER = /^(?:以上|以下|以内|左右|上下)/;

/** Characters after a number that make it something other than a figure. */
const NOT_A_FIGURE_AFTER = /^(?:年|月|日|号|时|点(?!\d)|分(?!之)|秒|届|次会议|周年|季度|岁|位|强|G|K|D|A|S|X|N|型|代|版|级|层|线|期(?!间)|批次|号文|倍速)/;
const ORDINAL_BEFORE = /(?:第|前|后|top|Top|TOP|No\.?|[+×xX*·\-/])$/;
const CODE_AFTER = /^[+×*·]/;
const COMPARATOR_BEFORE = /(?:达到|达|为|超过|超|突破|增长|下降|提高|降低|提升|不低于|不少于|不高于|不超过|高于|低于|大于|小于|约|近|逾|降至|降到|控制在|保持在|(?:缩小|扩大|提高|提升|降低|下降)(?:到|至))$/;

/** Number of digits in a run, to refuse phone numbers, index numbers and ids. */
function digitCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch >= '0' && ch <= '9') n++;
  return n;
}

/** Every figure in `text` (one sentence or clause), left to right. */
export function findFigures(text: string): FigureMatch[] {
  const out: FigureMatch[] = [];
  const digit = /\d/g;
  let m: RegExpExecArray | null;
  while ((m = digit.exec(text))) {
    const start = m.index;
    // Only at the start of a digit run (not in the middle of 2023 or 5.5).
    if (start > 0 && /[\d.]/.test(text[start - 1]!)) continue;
    FIGURE.lastIndex = start;
    const f = FIGURE.exec(text);
    if (!f) continue;
    const [, a, magA, b, , mag, , written, spaced, given] = f;
    let unit = written ?? spaced;
    let suffix = given;
    let length = f[0].length;
    // "326台/万人", "10万吨/年": a unit per another.
    const per = unit && !suffix ? PER_UNIT.exec(text.slice(start + length)) : null;
    if (per) {
      unit += per[0];
      length += per[0].length;
      suffix = SUFFIX_AFTER.exec(text.slice(start + length))?.[0];
      length += suffix?.length ?? 0;
    }
    let end = start + length - (suffix?.length ?? 0);
    digit.lastIndex = start + length;
    const before = text.slice(Math.max(0, start - 4), start);
    const after = text.slice(end);
    // "620万千瓦/1350万千瓦时": a storage plant's power, then its energy, both figures.
    const pairedAfterSlash = before.endsWith('/') && unit !== undefined && out.at(-1)?.end === start - 1;
    if (ORDINAL_BEFORE.test(before) && !pairedAfterSlash) continue;
    if (CODE_AFTER.test(text.slice(start + a!.length))) continue;
    if (!unit && !mag && !magA && NOT_A_FIGURE_AFTER.test(after)) continue;
    // 第二期, 第一批: ordinals, never targets; but 3万批次 counts inspections.
    if (unit === '期' || unit === '批' || (unit === '批次' && !mag)) continue;
    // "330千伏汇集站": a voltage class names the equipment, not a figure.
    if (mag === '千' && !unit && after.startsWith('伏')) continue;
    if (unit === '个' && after.startsWith('月')) {
      // "从签约到投产仅用了8个月": a duration told, not a goal; only a time limit (压缩至3个月) is one, counted in months.
      if (/^月(?:内|以内|之内|后)/.test(after) || !/(?:压缩|缩短|控制)(?:至|到|在)?$|不超过$/.test(text.slice(Math.max(0, start - 4), start))) continue;
      unit = '个月';
      end += 1;
      length += 1;
    }
    const afterComparator = COMPARATOR_BEFORE.test(text.slice(Math.max(0, start - 3), start));
    // "利用小时数仅为520小时" is a figure; "时长1小时", "4小时以上长时储能" are specs of what is built.
    if (unit === '小时' && !afterComparator) continue;
    if (!unit && !mag && !magA) {
      // A bare number is a figure only after a comparator (两化融合发展水平达66.4) and never a long id.
      if (!afterComparator) continue;
      if (digitCount(a!) > 6) continue;
    }
    if (digitCount(f[0]) > 12) continue; // phone numbers, index numbers
    if (text[start + length] === '级') continue; // 5000亿元级产业集群: a size class, not a figure
    // A range needs the same kind of thing on both sides: "2021—2023" without unit is a year span.
    if (b && !unit && !mag) continue;
    if (unit === '%' && suffix === '强') end = start + length - 1;
    const magnitude = MAGNITUDES[mag ?? ''] ?? 1;
    const magnitudeA = magA ? MAGNITUDES[magA]! : magnitude;
    // "2.8万台（套）", "36座（艘）": the bracketed second unit is written with the figure.
    const paired = !suffix && unit && PAIRED_UNIT.test(unit) ? /^[（(][台套座艘个家项处所条][）)]/.exec(text.slice(end))?.[0] ?? '' : '';
    end += paired.length;
    const value = text.slice(start, end).replace(/\s+/g, '');
    out.push({
      start,
      end,
      value,
      number: round(Number(a) * magnitudeA),
      numberMax: b ? round(Number(b) * magnitude) : null,
      unit: normalizeUnit(unit ?? ''),
      suffix: suffix && suffix !== '强' ? suffix : null,
      endWithSuffix: start + length - (suffix === '强' ? 1 : 0) + paired.length,
    });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function normalizeUnit(written: string): string {
  const unit = written.replace(/\s+/g, '');
  if (unit === '百分点') return '个百分点';
  if (unit === '标准煤') return '吨标煤';
  return unit;
}
