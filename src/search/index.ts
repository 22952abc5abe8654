/**
 * The fact index: minisearch over facts with the jieba tokenizer, fields
 * weighted for metric, program, region and quote. Structured filters (region,
 * year, kind) are applied inside the search, before results are ranked.
 * Serialized with a version and the fact base's hash so a start loads it
 * instead of rebuilding.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { writeFileAtomic } from '../files.ts';
import type { Fact } from '../knowledge/schema.ts';
import type { Segmenter } from './segment.ts';

/** Version of the saved index format; a saved index of another version is refused and rebuilt. */
export const INDEX_FORMAT = 1;

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
  search(query: string, filter?: SearchFilter, limit?: number): FactHitScore[];
  /** Tokens of a query as the index sees them. */
  tokens(query: string): string[];
}

function toDocument(f: Fact): IndexedFact {
  return {
    id: f.id,
    metric: f.kind === 'program' ? `${f.metric}` : f.metric,
    program: f.kind === 'program' ? f.value : '',
    region: [f.region, f.city ?? ''].join(' '),
    quote: f.citations.map((c) => c.quote).join(' '),
    definition: f.definition ?? '',
  };
}

/** Hash identifying a fact base, for the saved index's file name. */
export function factsHash(facts: Fact[]): string {
  return createHash('sha1').update(JSON.stringify(facts.map((f) => [f.id, f.metric, f.citations.length]))).digest('hex').slice(0, 12);
}

function options(segmenter: Segmenter) {
  return {
    fields: ['metric', 'program', 'region', 'quote', 'definition'],
    idField: 'id',
    tokenize: (text: string) => segmenter.tokenize(text),
    processTerm: (term: string) => term,
    searchOptions: { boost: fieldBoosts as unknown as Record<string, number>, combineWith: 'OR' as const, prefix: false, fuzzy: false },
  };
}

/**
 * Builds the index, or loads it from `cacheDir` when a saved one of this format and fact base exists.
 * @example const index = createFactIndex(facts, segmenter, { cacheDir: 'data/cache' });
 */
export function createFactIndex(facts: Fact[], segmenter: Segmenter, opts: { cacheDir?: string } = {}): FactIndex {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const file = opts.cacheDir ? join(opts.cacheDir, `index-v${INDEX_FORMAT}-${factsHash(facts)}.json`) : null;
  let mini: MiniSearch<IndexedFact> | null = null;
  if (file && existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: number; index: unknown };
      if (saved.format !== INDEX_FORMAT) throw new Error(`planwatch index: saved format ${saved.format}, expected ${INDEX_FORMAT}`);
      mini = MiniSearch.loadJS(saved.index as never, options(segmenter));
    } catch {
      mini = null;
    }
  }
  if (!mini) {
    mini = new MiniSearch<IndexedFact>(options(segmenter));
    mini.addAll(facts.map(toDocument));
    if (file) {
      mkdirSync(opts.cacheDir!, { recursive: true });
      writeFileAtomic(file, JSON.stringify({ format: INDEX_FORMAT, index: mini.toJSON() }));
    }
  }
  const index = mini;
  return {
    tokens: (q) => segmenter.tokenize(q),
    search(query, filter = {}, limit = 50) {
      const regions = filter.regions?.length ? new Set(filter.regions) : null;
      const years = filter.years?.length ? new Set(filter.years) : null;
      const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
      const results = index.search(query, {
        filter: (r) => {
          const f = byId.get(r.id as string);
          if (!f) return false;
          if (regions && !regions.has(f.region)) return false;
          if (years && !(f.year !== null && years.has(f.year))) return false;
          if (kinds && !kinds.has(f.kind)) return false;
          return true;
        },
      });
      return results.slice(0, limit).map((r) => ({ fact: byId.get(r.id as string)!, score: r.score, matched: r.terms }));
    },
  };
}
