/**
 * The fact index: minisearch over facts with the jieba tokenizer, fields
 * weighted for metric, program, region and quote.
 *
 * One minisearch per region: a question names its region far more often than
 * not, and a search then walks only that region's postings (at 100,000 facts a
 * common word such as 企业 is in a fifth of them). Year and kind filters drop a
 * fact while its postings are scored, so no filtered-out fact is ever ranked.
 * A search over every region merges the regions' best hits.
 *
 * A search walks at most about `maxPostings` postings: past that, its most
 * common tokens (企业, 产业, the pieces of a longer word) are left out, the
 * rarest always kept. Small bases never reach the budget; on large ones the
 * answer's ranking still weighs every word of the question (compose's coverage).
 *
 * Saved with a version and the fact base's hash so a start loads it instead
 * of rebuilding; one line per region, so loading holds one region's parsed
 * JSON at a time rather than the whole index twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch, { type Options } from 'minisearch';
import { writeFileAtomic } from '../files.ts';
import type { Fact } from '../knowledge/schema.ts';
import type { Segmenter } from './segment.ts';

/** Version of the saved index format; a saved index of another version is refused and rebuilt. */
export const INDEX_FORMAT = 2;

interface IndexedFact {
  id: string;
  metric: string;
  program: string;
  region: string;
  quote: string;
  definition: string;
}

/** Field weights: the metric says what a fact is about; quotes add context. */
export const fieldBoosts = { metric: 4, program: 4, region: 1, definition: 1, quote: 1 } as const;

export interface FactHitScore {
  fact: Fact;
  score: number;
  /** Query tokens this fact matched. */
  matched: string[];
}

export interface SearchFilter {
  regions?: string[];
  years?: number[];
  kinds?: Array<Fact['kind']>;
}

export interface FactIndex {
  /** Facts matching `query` within the filter, best first, at most `limit` (default 50). */
  search(query: string, filter?: SearchFilter, limit?: number): FactHitScore[];
  /** Tokens of a text (a query, a fact's words) as the index sees them. */
  tokens(text: string): string[];
}

/** Options of {@link createFactIndex}. */
export interface FactIndexOptions {
  /** Where the index is saved and loaded from. Default: none (built on every start). */
  cacheDir?: string;
  /**
   * Names the saved index: a hash of the facts and of whatever else decides their tokens (dictionary, synonyms).
   * Default: {@link factsHash} of the facts and the segmenter's dictionary.
   */
  key?: string;
  /** Postings one search may walk before its most common tokens are left out. Default 10,000. */
  maxPostings?: number;
}

const indexDefaults = { maxPostings: 10_000 };

function toDocument(f: Fact): IndexedFact {
  return {
    id: f.id,
    metric: f.metric,
    program: f.kind === 'program' ? f.value : '',
    region: [f.region, f.city ?? ''].join(' '),
    quote: f.citations.map((c) => c.quote).join(' '),
    definition: f.definition ?? '',
  };
}

/** Hash of everything of the facts that is indexed or filtered on, for names of saved files. */
export function factsHash(facts: Fact[]): string {
  const hash = createHash('sha1');
  for (const f of facts) {
    const cited = f.citations.map((c) => [c.document, c.quote, c.context ?? null]);
    hash.update(JSON.stringify([f.id, f.kind, f.region, f.city, f.year, f.metric, f.value, f.comparator, f.definition, cited]));
  }
  return hash.digest('hex').slice(0, 12);
}

function miniOptions(segmenter: Segmenter): Options<IndexedFact> {
  return {
    fields: ['metric', 'program', 'region', 'quote', 'definition'],
    idField: 'id',
    tokenize: (text: string) => segmenter.tokenize(text),
    processTerm: (term: string) => term,
    searchOptions: { boost: fieldBoosts, combineWith: 'OR', prefix: false, fuzzy: false },
  };
}

const KINDS: ReadonlyArray<Fact['kind']> = ['target', 'actual', 'program'];

/** A fact's year and kind in one number, `year × 4 + kind`, so the filter test inside scoring reads no fact object. */
function filterCode(f: Fact): number {
  return (f.year ?? 0) * 4 + KINDS.indexOf(f.kind);
}

/** The year and kind parts of a filter as one test on a {@link filterCode}, or null when they let every fact through. */
function acceptor(filter: SearchFilter): ((code: number) => boolean) | null {
  const years = filter.years?.length ? new Set(filter.years) : null;
  const kinds = filter.kinds?.length ? filter.kinds.reduce((mask, k) => mask | (1 << KINDS.indexOf(k)), 0) : null;
  if (!years && kinds === null) return null;
  return (code) => (kinds === null || (kinds & (1 << (code & 3))) !== 0) && (!years || years.has(code >> 2));
}

/** One region's index, with how many postings (field × fact) each token has in it: what searching the token costs. */
interface Shard {
  mini: MiniSearch<IndexedFact>;
  postings: Map<string, number>;
}

type Shards = Map<string, Shard>;

/**
 * What minisearch 7 keeps of an index, read and written directly to save and load it in a compact shape. Its own
 * toJSON and loadJS go through an object per posting list keyed by fact number; in a region of a few thousand
 * facts V8 stores each as an array as long as the region: about 16 KB of garbage per fact (saving 100,000 facts
 * peaked above 1 GB) and seconds to load. {@link readState} checks the shape, so a minisearch that keeps its index
 * otherwise fails loudly instead of saving or loading an empty one.
 */
interface MiniSearchState {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _dirtCount: number;
  _index: Iterable<[string, Map<number, Map<number, number>>]> & { set(term: string, data: Map<number, Map<number, number>>): unknown };
}

/** One region's index as saved: numbers in flat arrays, no object per posting list. */
interface SavedShard {
  documentCount: number;
  nextId: number;
  /** Fact numbers and the fact ids they stand for, in the same order. */
  shortIds: number[];
  ids: string[];
  fieldIds: Record<string, number>;
  /** Token count of each field, per fact number (same order as `shortIds`). */
  fieldLengths: number[][];
  averageFieldLength: number[];
  dirtCount: number;
  /** Each token with, per field it occurs in, the field number and `[fact number, frequency, …]`. */
  terms: Array<[string, Array<[number, number[]]>]>;
}

function readState(mini: MiniSearch<IndexedFact>): MiniSearchState {
  const state = mini as unknown as MiniSearchState;
  const known =
    typeof state._documentCount === 'number' &&
    state._documentIds instanceof Map &&
    state._idToShortId instanceof Map &&
    state._fieldLength instanceof Map &&
    Array.isArray(state._avgFieldLength) &&
    typeof state._index?.[Symbol.iterator] === 'function' &&
    typeof state._index.set === 'function';
  if (!known) throw new Error('planwatch index: this minisearch keeps its index in an unknown shape; saving and loading need minisearch 7');
  return state;
}

function toSaved(mini: MiniSearch<IndexedFact>): SavedShard {
  const state = readState(mini);
  const terms: SavedShard['terms'] = [];
  for (const [term, fields] of state._index) {
    const perField: Array<[number, number[]]> = [];
    for (const [fieldId, freqs] of fields) {
      const flat: number[] = [];
      for (const [shortId, freq] of freqs) flat.push(shortId, freq);
      perField.push([fieldId, flat]);
    }
    terms.push([term, perField]);
  }
  const shortIds = [...state._documentIds.keys()];
  return {
    documentCount: state._documentCount,
    nextId: state._nextId,
    shortIds,
    ids: shortIds.map((shortId) => state._documentIds.get(shortId)!),
    fieldIds: state._fieldIds,
    fieldLengths: shortIds.map((shortId) => state._fieldLength.get(shortId) ?? []),
    averageFieldLength: state._avgFieldLength,
    dirtCount: state._dirtCount,
    terms,
  };
}

/** The saved shard as a minisearch with exactly the state it was saved from (what minisearch's loadJS does). */
function fromSaved(saved: SavedShard, options: Options<IndexedFact>): MiniSearch<IndexedFact> {
  const mini = new MiniSearch<IndexedFact>(options);
  const state = readState(mini);
  state._documentCount = saved.documentCount;
  state._nextId = saved.nextId;
  state._fieldIds = saved.fieldIds;
  state._avgFieldLength = saved.averageFieldLength;
  state._dirtCount = saved.dirtCount;
  saved.shortIds.forEach((shortId, i) => {
    state._documentIds.set(shortId, saved.ids[i]!);
    state._idToShortId.set(saved.ids[i]!, shortId);
    state._fieldLength.set(shortId, saved.fieldLengths[i]!);
  });
  for (const [term, fields] of saved.terms) {
    const data = new Map<number, Map<number, number>>();
    for (const [fieldId, flat] of fields) {
      const freqs = new Map<number, number>();
      for (let i = 0; i < flat.length; i += 2) freqs.set(flat[i]!, flat[i + 1]!);
      data.set(fieldId, freqs);
    }
    state._index.set(term, data);
  }
  return mini;
}

/** Postings per token: what each costs a search to walk. */
function postingCounts(saved: SavedShard): Map<string, number> {
  return new Map(saved.terms.map(([term, fields]) => [term, fields.reduce((sum, [, flat]) => sum + flat.length / 2, 0)]));
}

function buildShards(facts: Fact[], options: Options<IndexedFact>): Array<[string, SavedShard, MiniSearch<IndexedFact>]> {
  const byRegion = new Map<string, IndexedFact[]>();
  for (const f of facts) {
    const docs = byRegion.get(f.region) ?? [];
    docs.push(toDocument(f));
    byRegion.set(f.region, docs);
  }
  return [...byRegion].map(([region, docs]) => {
    const mini = new MiniSearch<IndexedFact>(options);
    mini.addAll(docs);
    return [region, toSaved(mini), mini];
  });
}

/** Saved shape: a header line `{"format":2,"regions":N}`, then one line per region: `region<TAB>SavedShard JSON`. */
function saveShards(file: string, shards: Array<[string, SavedShard, unknown]>): void {
  const lines = [JSON.stringify({ format: INDEX_FORMAT, regions: shards.length }), ...shards.map(([region, saved]) => `${region}\t${JSON.stringify(saved)}`)];
  writeFileAtomic(file, `${lines.join('\n')}\n`);
}

/** Loads a saved index; throws when the file is not a complete index of this format. */
function loadShards(file: string, options: Options<IndexedFact>): Shards {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const header = JSON.parse(lines[0] ?? '{}') as { format?: unknown; regions?: unknown };
  if (header.format !== INDEX_FORMAT) throw new Error(`planwatch index: saved format ${String(header.format)}, expected ${INDEX_FORMAT} (${file})`);
  if (header.regions !== lines.length - 1) throw new Error(`planwatch index: ${lines.length - 1} regions saved, header says ${String(header.regions)} (${file})`);
  const shards: Shards = new Map();
  for (const line of lines.slice(1)) {
    const tab = line.indexOf('\t');
    const saved = JSON.parse(line.slice(tab + 1)) as SavedShard;
    shards.set(line.slice(0, tab), { mini: fromSaved(saved, options), postings: postingCounts(saved) });
  }
  return shards;
}

/**
 * The query's tokens without its most common ones while searching them all would walk more than `budget`
 * postings of `shards`; the rarest token always stays. Repeated tokens stay repeated (minisearch scores each).
 */
function affordableTokens(tokens: string[], shards: Shard[], budget: number): string[] {
  const cost = new Map<string, number>();
  for (const t of tokens) if (!cost.has(t)) cost.set(t, shards.reduce((sum, s) => sum + (s.postings.get(t) ?? 0), 0));
  let total = tokens.reduce((sum, t) => sum + cost.get(t)!, 0);
  if (total <= budget) return tokens;
  const commonFirst = [...cost.keys()].sort((a, b) => cost.get(b)! - cost.get(a)!);
  const dropped = new Set<string>();
  for (const t of commonFirst.slice(0, -1)) {
    if (total <= budget) break;
    dropped.add(t);
    total -= cost.get(t)! * tokens.filter((x) => x === t).length;
  }
  return tokens.filter((t) => !dropped.has(t));
}

/** Best hits first; of equal scores, the one found first. */
function byScore(a: { score: number }, b: { score: number }): number {
  return b.score - a.score;
}

/**
 * Builds the index, or loads it from `cacheDir` when a saved one of this format and fact base exists.
 * @example const index = createFactIndex(facts, segmenter, { cacheDir: 'data/cache' });
 */
export function createFactIndex(facts: Fact[], segmenter: Segmenter, opts: FactIndexOptions = {}): FactIndex {
  const { maxPostings } = { ...indexDefaults, ...opts };
  const byId = new Map(facts.map((f) => [f.id, f]));
  const codes = new Map(facts.map((f) => [f.id, filterCode(f)]));
  const options = miniOptions(segmenter);
  const file = opts.cacheDir ? join(opts.cacheDir, `index-v${INDEX_FORMAT}-${opts.key ?? `${factsHash(facts)}-${segmenter.dictionary}`}.ndjson`) : null;
  let shards: Shards | null = null;
  if (file && existsSync(file)) {
    try {
      shards = loadShards(file, options);
    } catch {
      shards = null; // a damaged or foreign file is rebuilt and overwritten
    }
  }
  if (!shards) {
    const built = buildShards(facts, options);
    if (file) {
      mkdirSync(opts.cacheDir!, { recursive: true });
      saveShards(file, built);
    }
    shards = new Map(built.map(([region, saved, mini]) => [region, { mini, postings: postingCounts(saved) }]));
  }
  const regionShards = shards;
  const allRegions = [...regionShards.keys()];
  // One question searches with the same query several times (filters relaxed, lists) and ranks with its tokens:
  // the last query's tokens are kept for that, and only that, so nothing carries over to the next question.
  let last = { query: '', tokens: [] as string[] };
  const queryTokens = (query: string): string[] => {
    if (query !== last.query) last = { query, tokens: segmenter.tokenize(query) };
    return last.tokens;
  };
  return {
    tokens: (text) => (text === last.query ? [...last.tokens] : segmenter.tokenize(text)),
    search(query, filter = {}, limit = 50) {
      const searched = [...new Set(filter.regions?.length ? filter.regions : allRegions)].flatMap((r) => regionShards.get(r) ?? []);
      const tokens = affordableTokens(queryTokens(query), searched, maxPostings);
      const accept = acceptor(filter);
      // boostDocument 0 drops a fact while its postings are scored: filtered-out facts never become results.
      const boostDocument = accept ? (id: string) => (accept(codes.get(id)!) ? 1 : 0) : undefined;
      const hits: FactHitScore[] = [];
      for (const { mini, postings } of searched) {
        // Tokens the region has no posting for add nothing to any score; a region with none of them is skipped.
        const present = tokens.filter((t) => postings.has(t));
        if (present.length === 0) continue;
        for (const r of mini.search(query, { tokenize: () => present, boostDocument }).slice(0, limit)) {
          hits.push({ fact: byId.get(r.id as string)!, score: r.score, matched: r.terms });
        }
      }
      return hits.sort(byScore).slice(0, limit);
    },
  };
}
