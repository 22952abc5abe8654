/**
 * The 34 provincial-level regions and their cities: loading `knowledge/regions.json`
 * and finding every region or city a text names.
 *
 * Matching is one left-to-right scan over a character trie of every Chinese name form
 * (leftmost, longest, non-overlapping), plus one case-insensitive regex for pinyin and
 * English names. Both are built once per index, so scanning costs the same whatever the
 * number of regions (several MB/s on one core).
 *
 * False positives are the main risk in documents, so:
 * - one-character abbreviations (浙, 赣, 新, 台) are matched only in questions
 *   (`abbreviations: true`): in a document, "赣 文" is a signature and 新 means new;
 * - city names that collide with a province or with common words are left out of
 *   `regions.json` (吉林市, 青海's 海南/海北/海东, 朝阳, 阿里, 白银, 台中, 新北, 山南);
 * - a few phrases that contain a city name but are not one (出海口, 大同小异, 长治久安,
 *   大理石, 宁德时代, 巩固原有) are matched as "blockers" that consume the text and yield
 *   nothing. 中山 is kept (a prefecture-level city of 广东) although 中山大学 or 中山路
 *   elsewhere can still produce a stray hit; 中山大学 itself is blocked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadPlaces, placeCity, type Place } from './places.ts';
import { Region } from './schema.ts';

/** How a region was named in the text. */
export type RegionMentionForm = 'full' | 'short' | 'abbr' | 'pinyin' | 'city';

/** One region (or city) named in a text. Offsets are UTF-16 indices, `end` exclusive. */
export interface RegionMention {
  /** Province short name: 浙江. */
  region: string;
  /** City short name when the text names a city: 杭州; otherwise null. */
  city: string | null;
  start: number;
  end: number;
  form: RegionMentionForm;
  /** The county-level place named (晋江市, 南山区), when the mention is one (form `city`). */
  place?: Pick<Place, 'name' | 'kind'>;
}

/** Options of {@link RegionIndex.findMentions}. */
export interface FindMentionsOptions {
  /**
   * Match one-character abbreviations (浙, 赣, 京津冀, 浙省) and regional compounds (江浙沪).
   * Default false: only questions should turn this on.
   */
  abbreviations?: boolean;
  /** Match pinyin and English names (Zhejiang, Inner Mongolia), case-insensitive. Default true. */
  english?: boolean;
  /**
   * Which of the places sharing a county-level name is meant (南山区 of 深圳 or of 鹤岗), or null for none. Default:
   * the only one, when the name is unique. A document passes one that knows the regions and cities it names.
   */
  place?: (candidates: readonly Place[]) => Place | null;
}

/** Lookup and scanning over a fixed list of regions. */
export interface RegionIndex {
  regions: Region[];
  /** Region by any name form: 浙江, 浙江省, 浙, 浙省, Zhejiang, zhejiang, Inner Mongolia. */
  resolve(name: string): Region | undefined;
  /** Province of a city short or full name (杭州, 杭州市). */
  cityRegion(city: string): Region | undefined;
  /**
   * Every region/city mention in a document or question text, left to right, longest match
   * first, non-overlapping. See {@link FindMentionsOptions} for the defaults.
   */
  findMentions(text: string, options?: FindMentionsOptions): RegionMention[];
}

/** `knowledge/regions.json`. */
export const RegionsFile = z.object({
  version: z.literal(1),
  regions: z.array(Region),
});
export type RegionsFile = z.infer<typeof RegionsFile>;

/**
 * A knowledge file that cannot be used: unreadable, not JSON, or not valid against its
 * schema. `code` is stable; the message names the file, the entry and the field.
 */
export class KnowledgeFileError extends Error {
  readonly code = 'PLANWATCH_KNOWLEDGE_INVALID';
  override readonly name = 'KnowledgeFileError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads and validates `<knowledgeDir>/regions.json`.
 *
 * @throws KnowledgeFileError naming the file, the entry (index and name) and the field
 *   (zod issue path) when the file is missing, malformed or invalid; also on duplicate
 *   names, codes or abbreviations.
 * @example
 * const regions = loadRegions('knowledge');
 * const index = createRegionIndex(regions);
 */
export function loadRegions(knowledgeDir: string): Region[] {
  const file = join(knowledgeDir, 'regions.json');
  const data = readJsonFile(file);
  const parsed = RegionsFile.safeParse(data);
  if (!parsed.success) {
    throw new KnowledgeFileError(file, describeZodError(file, parsed.error, data, 'regions'));
  }
  try {
    createRegionIndex(parsed.data.regions);
  } catch (error) {
    throw new KnowledgeFileError(file, `${file}: ${(error as Error).message}`);
  }
  return parsed.data.regions;
}

/**
 * The region index documents and questions are read with: `regions.json` and every county-level place
 * ({@link loadPlaces}).
 * @throws KnowledgeFileError as {@link loadRegions}.
 */
export function loadRegionIndex(knowledgeDir: string): RegionIndex {
  const regions = loadRegions(knowledgeDir);
  return createRegionIndex(regions, loadPlaces(regions));
}

/**
 * Reads a JSON file for a knowledge loader.
 * @throws KnowledgeFileError when the file is unreadable or not JSON.
 */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KnowledgeFileError(file, `knowledge: cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new KnowledgeFileError(file, `knowledge: ${file} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Formats the first zod issues of a knowledge file as `file: listKey[3] (浙江): field: message`.
 * `listKey` is the top-level array holding the entries (regions, synonyms).
 */
export function describeZodError(file: string, error: z.ZodError, data: unknown, listKey: string): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map((p) => String(p));
    let where = path.join('.') || '(root)';
    if (path[0] === listKey && path.length >= 2) {
      const index = Number(path[1]);
      const entry = entryAt(data, listKey, index);
      const label = entryLabel(entry);
      const field = path.slice(2).join('.') || '(entry)';
      where = `${listKey}[${index}]${label ? ` (${label})` : ''}: field ${field}`;
    }
    return `${where}: ${issue.message}`;
  });
  return `knowledge: invalid ${file}: ${lines.join('; ')}`;
}

function entryAt(data: unknown, listKey: string, index: number): unknown {
  if (typeof data !== 'object' || data === null) return undefined;
  const list = (data as Record<string, unknown>)[listKey];
  return Array.isArray(list) ? list[index] : undefined;
}

function entryLabel(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const record = entry as Record<string, unknown>;
  for (const key of ['name', 'canonical', 'id']) {
    if (typeof record[key] === 'string') return record[key] as string;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Index

/** Colloquial short names not in the data: 内蒙 for 内蒙古. */
const shortAliases: Record<string, string> = { 内蒙: '内蒙古' };

/** Traditional one-character names used in questions besides the standard `abbr`. */
const alternateAbbreviations: Record<string, string> = { 蜀: '四川', 陇: '甘肃', 秦: '陕西' };

/**
 * One-character abbreviations that are also everyday words or word parts (新能源, 平台,
 * 港口, 青年, 吉利, 宁可, 甘心, 储藏, 蒙牛, 秦岭). In questions they count only when they stand
 * alone, stand in a run of abbreviations (港澳台, 黑吉辽, 青藏), or are followed by 省.
 */
const ambiguousAbbreviations = new Set(['新', '台', '港', '澳', '青', '黑', '吉', '宁', '甘', '藏', '蒙', '秦']);

/** Multi-region shorthands of questions: 江浙沪 names 江苏, 浙江 and 上海, one character each. */
const compounds: Record<string, string[]> = {
  江浙沪: ['江苏', '浙江', '上海'],
  江浙: ['江苏', '浙江'],
};

/** Phrases containing a name that are not a mention; they consume their text. */
const blockers = [
  '出海口', '入海口', '大同小异', '长治久安', '四平八稳', '三明治', '宁德时代', '大理石', '中山大学',
  '北海道', '巩固原', '加固原', '确保定', '新乡村', '河南岸', '河北岸', '湖南岸', '湖北岸', '沿海城市', '滨海城市',
];

/**
 * Provinces with a prefecture-level city of the same name: 吉林市 is the city, 吉林 and 吉林省 the province
 * (吉林市场 is the province's market).
 */
const provinceNamedCities = new Set(['吉林']);

/** Words holding an abbreviation character, blocked only when abbreviations are on. */
const abbreviationBlockers = [
  '复苏', '苏醒', '犹豫', '苏联', '京东', '晋升', '晋级', '津贴', '鲁棒', '粗鲁', '桂冠', '桂花', '希冀', '辽阔',
  '启蒙', '蒙古国', '川流', '湘菜', '川菜', '粤菜', '浙商银行',
];

/** `省` after an ambiguous abbreviation that makes it an ordinary word (新省级 is 新 + 省级). */
const provinceWordFollowers = new Set([...'级份内外厅委会钱电事力心长']);

interface Hit {
  /** Offset from the match start. */
  from: number;
  to: number;
  region: string;
  city: string | null;
  form: RegionMentionForm;
  /** For a county-level name: every place so named; region and city come from the one chosen. */
  places?: Place[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Set on a terminal: the hits (empty for a blocker). */
  hits?: Hit[];
}

function newNode(): TrieNode {
  return { next: new Map() };
}

function insert(root: TrieNode, word: string, hits: Hit[]): void {
  let node = root;
  // UTF-16 units, as the scan reads the text.
  for (let k = 0; k < word.length; k += 1) {
    const ch = word[k]!;
    let child = node.next.get(ch);
    if (!child) {
      child = newNode();
      node.next.set(ch, child);
    }
    node = child;
  }
  node.hits = hits;
}

function isCjk(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function latinKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/**
 * Builds the lookup maps, the trie and the Latin regex once.
 *
 * @throws Error (`regions: ...`) when two regions share a name form, a code or an
 *   abbreviation, or a city is listed under two regions or equals a region name.
 * @example
 * const index = createRegionIndex(loadRegions('knowledge'));
 * index.findMentions('杭州市2023年目标'); // [{ region: '浙江', city: '杭州', start: 0, end: 3, form: 'city' }]
 */
export function createRegionIndex(regions: Region[], places: readonly Place[] = []): RegionIndex {
  const byName = new Map<string, Region>();
  const byCity = new Map<string, Region>();
  const byLatin = new Map<string, Region>();
  const codes = new Set<string>();

  const claim = (map: Map<string, Region>, key: string, region: Region, what: string): void => {
    const owner = map.get(key);
    if (owner && owner !== region) {
      throw new Error(`regions: ${what} "${key}" belongs to both ${owner.name} and ${region.name}`);
    }
    map.set(key, region);
  };

  for (const region of regions) {
    if (codes.has(region.code)) throw new Error(`regions: duplicate code "${region.code}" (${region.name})`);
    codes.add(region.code);
    claim(byName, region.name, region, 'name');
    claim(byName, region.full, region, 'name');
    claim(byName, region.abbr, region, 'abbreviation');
    claim(byName, `${region.abbr}省`, region, 'abbreviation');
    for (const latin of [region.pinyin, ...region.english]) claim(byLatin, latinKey(latin), region, 'English name');
  }
  const byShort = new Map(regions.map((r) => [r.name, r] as const));
  for (const [alias, name] of [...Object.entries(shortAliases), ...Object.entries(alternateAbbreviations)]) {
    const region = byShort.get(name);
    if (region) claim(byName, alias, region, 'alias');
  }
  for (const region of regions) {
    for (const city of region.cities) {
      if (byName.has(city)) throw new Error(`regions: city "${city}" of ${region.name} is also a region name`);
      claim(byCity, city, region, 'city');
    }
  }

  // Document trie: full, short, aliases, cities (with and without 市), blockers.
  const documentTrie = newNode();
  const whole = (region: Region, city: string | null, form: RegionMentionForm, length: number): Hit[] => [
    { from: 0, to: length, region: region.name, city, form },
  ];
  for (const word of blockers) insert(documentTrie, word, []);
  for (const region of regions) {
    insert(documentTrie, region.full, whole(region, null, 'full', region.full.length));
    insert(documentTrie, region.name, whole(region, null, 'short', region.name.length));
    for (const city of region.cities) {
      insert(documentTrie, city, whole(region, city, 'city', city.length));
      if (!city.endsWith('市')) insert(documentTrie, `${city}市`, whole(region, city, 'city', city.length + 1));
      // An autonomous prefecture or league by its short name and kind: 海西州, 延边州, 锡林郭勒盟.
      if (!/[州盟市]$/.test(city)) for (const kind of ['州', '盟']) insert(documentTrie, `${city}${kind}`, whole(region, city, 'city', city.length + 1));
    }
    if (provinceNamedCities.has(region.name)) {
      insert(documentTrie, `${region.name}市`, whole(region, region.name, 'city', region.name.length + 1));
      insert(documentTrie, `${region.name}市场`, whole(region, null, 'short', region.name.length));
    }
  }
  for (const [alias, name] of Object.entries(shortAliases)) {
    const region = byShort.get(name);
    if (region) insert(documentTrie, alias, whole(region, null, 'short', alias.length));
  }
  // County-level places by full name only, after everything curated: 昆山市 stays the curated city.
  const placesByName = new Map<string, Place[]>();
  for (const place of places) {
    const short = placeCity(place) ?? '';
    if (byName.has(place.name) || byCity.has(place.name) || (place.kind === 'county' && byCity.has(short))) continue;
    placesByName.set(place.name, [...(placesByName.get(place.name) ?? []), place]);
  }
  for (const [name, candidates] of placesByName) {
    insert(documentTrie, name, [{ from: 0, to: name.length, region: '', city: null, form: 'city', places: candidates }]);
  }

  // Question trie: the document trie plus X省, compounds and abbreviation blockers. Single
  // characters are not in the trie: they need their neighbours (see scanAbbreviations).
  const questionTrie = newNode();
  copyInto(questionTrie, documentTrie);
  for (const word of abbreviationBlockers) insert(questionTrie, word, []);
  for (const region of regions) {
    if (!ambiguousAbbreviations.has(region.abbr)) {
      insert(questionTrie, `${region.abbr}省`, whole(region, null, 'abbr', 2));
    }
  }
  for (const [word, names] of Object.entries(compounds)) {
    const hits = names.flatMap((name, i) => {
      const region = byShort.get(name);
      return region ? [{ from: i, to: i + 1, region: region.name, city: null, form: 'abbr' as const }] : [];
    });
    insert(questionTrie, word, hits);
  }
  const abbreviationOf = new Map<string, Region>();
  for (const region of regions) abbreviationOf.set(region.abbr, region);
  for (const [alias, name] of Object.entries(alternateAbbreviations)) {
    const region = byShort.get(name);
    if (region) abbreviationOf.set(alias, region);
  }

  const latinForms = [...byLatin.keys()].sort((a, b) => b.length - a.length);
  const latinPattern = latinForms.length
    ? new RegExp(
        `(?<![A-Za-z0-9])(?:${latinForms.map((f) => escapeRegex(f).replace(/ /g, '[\\s_-]*')).join('|')})(?![A-Za-z0-9])`,
        'gi',
      )
    : null;

  function scanTrie(
    text: string,
    root: TrieNode,
    mentions: RegionMention[],
    covered: Uint8Array,
    choosePlace: (candidates: readonly Place[]) => Place | null,
  ): void {
    let i = 0;
    while (i < text.length) {
      let node = root.next.get(text[i]!);
      if (!node) {
        i += 1;
        continue;
      }
      // Every terminal on the path, so 浙江省级 can fall back from 浙江省 to 浙江 (省级 is a word).
      const terminals: Array<{ hits: Hit[]; end: number }> = [];
      let j = i + 1;
      for (;;) {
        if (node.hits) terminals.push({ hits: node.hits, end: j });
        if (j >= text.length) break;
        const child: TrieNode | undefined = node.next.get(text[j]!);
        if (!child) break;
        node = child;
        j += 1;
      }
      let chosen = terminals.pop();
      while (
        chosen &&
        terminals.length > 0 &&
        ((text[chosen.end] === '级' && /[省市]$/.test(text.slice(i, chosen.end))) || partOfWord(text, chosen))
      ) {
        chosen = terminals.pop();
      }
      if (chosen && (partOfWord(text, chosen) || partOfPlaceName(text, i, chosen.end))) chosen = undefined;
      const best = chosen?.hits;
      const bestEnd = chosen?.end ?? i;
      if (!best) {
        i += 1;
        continue;
      }
      covered.fill(1, i, bestEnd);
      for (const hit of best) {
        const start = i + hit.from;
        const end = i + hit.to;
        if (!hit.places) {
          mentions.push({ region: hit.region, city: hit.city, start, end, form: hit.form });
          continue;
        }
        const place = choosePlace(hit.places);
        if (place) mentions.push({ region: place.region, city: placeCity(place), start, end, form: 'city', place: { name: place.name, kind: place.kind } });
      }
      i = bestEnd;
    }
  }

  function scanAbbreviations(text: string, mentions: RegionMention[], covered: Uint8Array): void {
    const isFreeAbbreviation = (k: number): boolean =>
      k >= 0 && k < text.length && covered[k] === 0 && abbreviationOf.has(text[k]!);
    for (let i = 0; i < text.length; i += 1) {
      if (covered[i]) continue;
      const region = abbreviationOf.get(text[i]!);
      if (!region) continue;
      let end = i + 1;
      if (ambiguousAbbreviations.has(text[i]!)) {
        const before = text[i - 1];
        const after = text[i + 1];
        const standsAlone = !isCjk(before) && !isCjk(after);
        const inRun = isFreeAbbreviation(i - 1) || isFreeAbbreviation(i + 1);
        const province = after === '省' && !provinceWordFollowers.has(text[i + 2] ?? '') && covered[i + 1] === 0;
        if (!standsAlone && !inRun && !province) continue;
        if (province) end = i + 2;
      }
      mentions.push({ region: region.name, city: null, start: i, end, form: 'abbr' });
    }
  }

  function scanLatin(text: string, mentions: RegionMention[]): void {
    if (!latinPattern || !/[A-Za-z]/.test(text)) return;
    latinPattern.lastIndex = 0;
    for (const match of text.matchAll(latinPattern)) {
      const region = byLatin.get(latinKey(match[0]));
      if (!region) continue;
      // English names (Inner Mongolia) share the 'pinyin' form: both are Latin-script names.
      mentions.push({ region: region.name, city: null, start: match.index, end: match.index + match[0].length, form: 'pinyin' });
    }
  }

  return {
    regions,
    resolve(name) {
      const key = name.trim();
      return byName.get(key) ?? byLatin.get(latinKey(key));
    },
    cityRegion(city) {
      const key = city.trim();
      if (!key.endsWith('市')) return byCity.get(key);
      const name = key.slice(0, -1);
      return byCity.get(key) ?? byCity.get(name) ?? (provinceNamedCities.has(name) ? byShort.get(name) : undefined);
    },
    findMentions(text, options = {}) {
      const { abbreviations, english } = { abbreviations: false, english: true, ...options };
      const mentions: RegionMention[] = [];
      const covered = new Uint8Array(text.length);
      scanTrie(text, abbreviations ? questionTrie : documentTrie, mentions, covered, options.place ?? onlyPlace);
      if (abbreviations) scanAbbreviations(text, mentions, covered);
      if (english) scanLatin(text, mentions);
      return mentions.sort((a, b) => a.start - b.start);
    },
  };
}

/** The default choice among places sharing a name: the only one, else none. */
function onlyPlace(candidates: readonly Place[]): Place | null {
  return candidates.length === 1 ? candidates[0]! : null;
}

/**
 * A county-level name that runs into a word: 东方市场 and 合作市场 are markets, 平安区域 an area. Curated names are
 * left alone (中山市场监管局 is 中山's).
 */
function partOfWord(text: string, terminal: { hits: Hit[]; end: number }): boolean {
  if (!terminal.hits.some((h) => h.places)) return false;
  const next = text[terminal.end];
  const last = text[terminal.end - 1];
  return (last === '市' && next === '场') || (last === '区' && next === '域');
}

/**
 * A province's name inside a geographic name with a side after it: 珠江西岸 (the Pearl River's west bank, not 江西),
 * 黄河南岸, 太行山东麓. Such a name is a river, lake or mountain's, then its side.
 */
function partOfPlaceName(text: string, start: number, end: number): boolean {
  return end - start === 2 && /[东南西北]/.test(text[end - 1]!) && /[岸麓侧翼缘坡]/.test(text[end] ?? '') && isCjk(text[start - 1]);
}

function copyInto(target: TrieNode, source: TrieNode): void {
  if (source.hits) target.hits = source.hits;
  for (const [ch, child] of source.next) {
    let copy = target.next.get(ch);
    if (!copy) {
      copy = newNode();
      target.next.set(ch, copy);
    }
    copyInto(copy, child);
  }
}
