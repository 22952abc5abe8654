/**
 * Everything answering needs, loaded once at start: facts, regions, glossary,
 * the segmenter (jieba dictionary loaded once) and the index (loaded from its
 * saved file when the fact base has not changed).
 */
import { join } from 'node:path';
import { loadFacts, loadManifest } from '../knowledge/build.ts';
import { createSynonymMap, loadGlossary, type SynonymMap } from '../knowledge/glossary.ts';
import { createRegionIndex, loadRegions, type RegionIndex } from '../knowledge/regions.ts';
import type { DocumentMeta, Fact } from '../knowledge/schema.ts';
import { createFactIndex, type FactIndex } from '../search/index.ts';
import type { QuestionVocabulary } from '../search/question.ts';
import { createSegmenter } from '../search/segment.ts';

export interface FactBase {
  facts: Fact[];
  byId: Map<string, Fact>;
  documents: DocumentMeta[];
  regions: RegionIndex;
  synonyms: SynonymMap;
  vocabulary: QuestionVocabulary;
  index: FactIndex;
  /** Regions that have facts, most facts first. */
  regionNames: string[];
  years: number[];
}

/** Options of {@link loadFactBase}; every directory has a default relative to the working directory. */
export interface FactBaseOptions {
  /** Default `./knowledge`. */
  knowledgeDir?: string;
  /** Default `./seeds`. */
  seedsDir?: string;
  /** Saved index and dictionaries. Default `./data/cache`. */
  cacheDir?: string;
  /** Use these facts instead of `knowledge/facts.json` (benchmarks, tests). */
  facts?: Fact[];
}

/**
 * Rewrites glossary synonyms to their canonical form, longest first: 规上 → 规模以上, 营收 → 营业收入.
 * Canonical terms are in the pattern too, so a synonym inside a canonical term is left alone
 * (产业集群 stays, it does not become 产业产业集群) and rewriting twice changes nothing.
 */
function canonicalizer(synonyms: SynonymMap): (text: string) => string {
  const forms = synonyms.terms.filter((t) => synonyms.canonical(t) !== t);
  if (forms.length === 0) return (s) => s;
  const terms = [...new Set([...forms, ...forms.map((f) => synonyms.canonical(f))])].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(terms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  return (text) => text.replace(pattern, (m) => synonyms.canonical(m));
}

/** Loads the fact base, the segmenter and the index. */
export function loadFactBase(options: FactBaseOptions = {}): FactBase {
  const knowledgeDir = options.knowledgeDir ?? 'knowledge';
  const cacheDir = options.cacheDir ?? join('data', 'cache');
  const facts = options.facts ?? loadFacts(knowledgeDir);
  const regions = createRegionIndex(loadRegions(knowledgeDir));
  const synonyms = createSynonymMap(loadGlossary(knowledgeDir));
  const metricTerms = [...new Set(facts.map((f) => f.metric))];
  const programs = [...new Set(facts.filter((f) => f.kind === 'program').map((f) => f.value))];
  const segmenter = createSegmenter([...metricTerms, ...programs, ...synonyms.terms, ...regions.regions.map((r) => r.name)], {
    cacheDir,
    canonicalize: canonicalizer(synonyms),
  });
  const index = createFactIndex(facts, segmenter, { cacheDir });
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.region, (counts.get(f.region) ?? 0) + 1);
  return {
    facts,
    byId: new Map(facts.map((f) => [f.id, f])),
    documents: options.facts ? [] : loadManifest(options.seedsDir ?? 'seeds').documents,
    regions,
    synonyms,
    vocabulary: { regions, synonyms, programs, metricTerms },
    index,
    regionNames: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r),
    years: [...new Set(facts.map((f) => f.year).filter((y): y is number => y !== null))].sort(),
  };
}
