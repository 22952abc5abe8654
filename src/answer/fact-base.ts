/**
 * Everything answering needs, loaded once at start: facts, regions, glossary,
 * the segmenter (jieba dictionary loaded once), the index and every fact's
 * words for ranking (both loaded from their saved files when neither the fact
 * base nor the dictionary has changed).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../files.ts';
import { loadFacts, loadManifest } from '../knowledge/build.ts';
import { createSynonymMap, loadGlossary, type SynonymMap } from '../knowledge/glossary.ts';
import { loadRegionIndex, type RegionIndex } from '../knowledge/regions.ts';
import type { DocumentMeta, Fact } from '../knowledge/schema.ts';
import { createFactIndex, factsHash, type FactIndex } from '../search/index.ts';
import type { QuestionVocabulary } from '../search/question.ts';
import { createSegmenter, type Segmenter } from '../search/segment.ts';

/**
 * A fact's words as answer ranking weighs them, for substring tests: its tokens between bars, each token once and
 * none that is inside a longer one (`|数字经济核心产业增加值|增长|`). `own.includes(w)` is true exactly when one of the
 * fact's tokens contains `w` (a word without bars), as it would be with every token kept.
 */
export interface FactWords {
  /** Its metric, comparator and program name. */
  own: string;
  /** The sentences that state it: each citation's context, or its quote. */
  sentence: string;
}

export interface FactBase {
  facts: Fact[];
  byId: Map<string, Fact>;
  documents: DocumentMeta[];
  regions: RegionIndex;
  synonyms: SynonymMap;
  vocabulary: QuestionVocabulary;
  /** The tokenizer of the index and of questions (jieba with the fact base's dictionary, synonyms canonical). */
  segmenter: Segmenter;
  index: FactIndex;
  /** A fact's words, tokenized once for the whole fact base (at 100,000 facts, per question would cost more than the search). */
  words(f: Fact): FactWords;
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

/** The tokens of `text` between bars, longest first, leaving out those a longer one already contains. */
function barredTokens(tokens: string[]): string {
  let joined = '|';
  for (const t of [...new Set(tokens)].sort((a, b) => b.length - a.length)) if (!joined.includes(t)) joined += `${t}|`;
  return joined;
}

function factWords(f: Fact, segmenter: Segmenter): FactWords {
  const barred = (text: string) => barredTokens(segmenter.tokenize(text));
  return {
    own: barred(`${f.metric} ${f.comparator ?? ''} ${f.kind === 'program' ? f.value : ''}`),
    sentence: barred(f.citations.map((c) => c.context ?? c.quote).join(' ')),
  };
}

/** Every fact's words: from `file` when it holds them all, else tokenized now and saved there. */
function loadWords(facts: Fact[], segmenter: Segmenter, file: string): Map<string, FactWords> {
  // Many facts share a metric or a sentence: keep one copy of each string.
  const interned = new Map<string, string>();
  const intern = (text: string) => interned.get(text) ?? (interned.set(text, text), text);
  if (existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Array<[string, string, string]>;
      const words = new Map(saved.map(([id, own, sentence]) => [id, { own: intern(own), sentence: intern(sentence) }]));
      if (facts.every((f) => words.has(f.id))) return words;
    } catch {
      // a damaged file is tokenized again and overwritten
    }
  }
  const words = new Map(
    facts.map((f) => {
      const { own, sentence } = factWords(f, segmenter);
      return [f.id, { own: intern(own), sentence: intern(sentence) }];
    }),
  );
  writeFileAtomic(file, JSON.stringify([...words].map(([id, w]) => [id, w.own, w.sentence])));
  return words;
}

/** Loads the fact base, the segmenter, the index and the facts' words. */
export function loadFactBase(options: FactBaseOptions = {}): FactBase {
  const knowledgeDir = options.knowledgeDir ?? 'knowledge';
  const cacheDir = options.cacheDir ?? join('data', 'cache');
  const facts = options.facts ?? loadFacts(knowledgeDir);
  const regions = loadRegionIndex(knowledgeDir);
  const synonyms = createSynonymMap(loadGlossary(knowledgeDir));
  const metricTerms = [...new Set(facts.map((f) => f.metric))];
  const programs = [...new Set(facts.filter((f) => f.kind === 'program').map((f) => f.value))];
  const segmenter = createSegmenter([...metricTerms, ...programs, ...synonyms.terms, ...regions.regions.map((r) => r.name)], {
    cacheDir,
    canonicalize: canonicalizer(synonyms),
  });
  // Saved tokens stay valid while the facts, the dictionary and the synonyms do.
  const key = createHash('sha1')
    .update(JSON.stringify([factsHash(facts), segmenter.dictionary, synonyms.terms.map((t) => [t, synonyms.canonical(t)])]))
    .digest('hex')
    .slice(0, 12);
  mkdirSync(cacheDir, { recursive: true });
  const index = createFactIndex(facts, segmenter, { cacheDir, key });
  const words = loadWords(facts, segmenter, join(cacheDir, `words-v1-${key}.json`));
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(f.region, (counts.get(f.region) ?? 0) + 1);
  return {
    facts,
    byId: new Map(facts.map((f) => [f.id, f])),
    documents: options.facts ? [] : loadManifest(options.seedsDir ?? 'seeds').documents,
    regions,
    synonyms,
    vocabulary: { regions, synonyms, programs, metricTerms },
    segmenter,
    index,
    words: (f) => words.get(f.id) ?? factWords(f, segmenter),
    regionNames: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r),
    years: [...new Set(facts.map((f) => f.year).filter((y): y is number => y !== null))].sort(),
  };
}
