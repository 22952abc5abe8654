/**
 * The zod schemas of planwatch's knowledge: the single source of its types.
 *
 * A schema and its type share one name (`Fact` is both). Parse at the edges
 * (files, commands, chat input); inside the core, trust the types.
 */
import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;

/** One provincial-level region (34 in China), with every name a user or a document may use. */
export const Region = z.object({
  /** Short name used everywhere in planwatch: 浙江, 北京, 内蒙古, 香港. */
  name: z.string().min(1),
  /** Official full name: 浙江省, 北京市, 内蒙古自治区. */
  full: z.string().min(1),
  /** One-character abbreviation: 浙, 京, 蒙. */
  abbr: z.string().length(1),
  /** Pinyin without tones, capitalised: Zhejiang. */
  pinyin: z.string().min(1),
  /** Further English or romanised names: Inner Mongolia, Hong Kong. */
  english: z.array(z.string()).default([]),
  /** Two-letter id prefix for fact ids: zj, bj. */
  code: z.string().regex(/^[a-z]{2,3}$/),
  /** Prefecture-level cities and well-known county-level cities of the region. */
  cities: z.array(z.string()).default([]),
});
export type Region = z.infer<typeof Region>;

/** A metric synonym group: every term means the same thing in a question. */
export const SynonymGroup = z.object({
  /** The preferred Chinese term: 规模以上. */
  canonical: z.string().min(1),
  /** Other Chinese spellings: 规上. */
  synonyms: z.array(z.string()).default([]),
  /** English terms that map to this group: above-designated-size. */
  english: z.array(z.string()).default([]),
});
export type SynonymGroup = z.infer<typeof SynonymGroup>;

/** The hand-curated glossary: what rules cannot know. */
export const Glossary = z.object({
  version: z.literal(1),
  synonyms: z.array(SynonymGroup),
  /** Domain words kept whole by the segmenter: 专精特新, 规上工业. */
  terms: z.array(z.string()).default([]),
});
export type Glossary = z.infer<typeof Glossary>;

/** One source document as published, as listed in `seeds/manifest.json`. */
export const DocumentMeta = z.object({
  /** Stable id, the seed's file name without extension: 004_8cc910abbb1174d9. */
  id: z.string().regex(/^[\w.-]+$/),
  /** File name inside `seeds/`. */
  file: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().nullable(),
  /** Publication date. */
  date: IsoDate,
  /** How the date was found: flag, front matter, 发布日期, dateline, reported events. */
  dateSource: z.string().min(1),
  url: z.string().url().nullable(),
  /** sha256 of the file's bytes: re-ingesting the same bytes changes nothing. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Encoding the file was decoded with. */
  encoding: z.enum(['utf-8', 'gb18030']),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const Manifest = z.object({
  version: z.literal(1),
  documents: z.array(DocumentMeta),
});
export type Manifest = z.infer<typeof Manifest>;

/** Where a fact is stated: the document and its own words. */
export const Citation = z.object({
  /** Document id (see `DocumentMeta.id`). */
  document: z.string().min(1),
  title: z.string().min(1),
  date: IsoDate,
  url: z.string().nullable(),
  /** The shortest whole clause or sentence stating the fact, verbatim from the normalized text. */
  quote: z.string().min(1),
  /** Character offset of `quote` in the document's normalized text. */
  offset: z.number().int().nonnegative(),
  /**
   * The whole sentence around the quote, with the heading of its section, for search only (never shown as the
   * citation): 数据先行区全面建成 in the sentence ranks its figures for a question about 数据先行区.
   */
  context: z.string().optional(),
});
export type Citation = z.infer<typeof Citation>;

export const FactKind = z.enum(['target', 'actual', 'program']);
export type FactKind = z.infer<typeof FactKind>;

/** One fact: a quantitative target or result, or a named program, always cited. */
export const Fact = z
  .object({
    /** Stable id: region code, year and a hash of what the fact says, e.g. `zj-2023-3fa2c1d0`. */
    id: z.string().regex(/^[a-z]{2,3}-(\d{4}|x)-[0-9a-f]{8}$/),
    kind: FactKind,
    /** Provincial-level region short name: 浙江. */
    region: z.string().min(1),
    /** City within the region when the fact is a city's: 杭州. */
    city: z.string().nullable().default(null),
    /** The thing measured (数字经济核心产业增加值), or for programs what the program is (先进制造业集群). */
    metric: z.string().min(1),
    /** The figure as the source writes it (10%, 1万亿元, 3至5个); for programs the program's name (415X). */
    value: z.string().min(1),
    /**
     * Relation of metric to value: 增长, 下降, 突破, 超过, 达到, 以上, 左右, 不低于 …; a word before the figure and a
     * bound after it are joined by …: 增长…以上 (the value, 10%, carries neither).
     */
    comparator: z.string().nullable().default(null),
    /** Commitment wording: 力争, 争取, 确保, 预计 … */
    hedge: z.string().nullable().default(null),
    /** The figure normalized: 1万亿元 → 1e12; for ranges the lower bound. */
    number: z.number().nullable().default(null),
    /** Upper bound of a range (3至5个 → 5). */
    numberMax: z.number().nullable().default(null),
    /** Unit of `number`: 元, %, 个百分点, 个, 家, 元/亩, PB … */
    unit: z.string().nullable().default(null),
    /** Plan year (targets) or reporting year (actuals). */
    year: z.number().int().min(1949).max(2100).nullable(),
    /** The date the target is due; null for actuals and programs. */
    deadline: IsoDate.nullable(),
    /** Programs: the definition the text gives, verbatim; null when the text gives none. */
    definition: z.string().nullable().default(null),
    /** Every document stating this fact, earliest first. */
    citations: z.array(Citation).min(1),
  })
  .strict();
export type Fact = z.infer<typeof Fact>;

/** The extracted fact base, `knowledge/facts.json`. */
export const FactFile = z.object({
  version: z.literal(1),
  facts: z.array(Fact),
});
export type FactFile = z.infer<typeof FactFile>;
