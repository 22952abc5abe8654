/**
 * Shared by the extraction tests: the seeds built into facts (exactly as `npm run ingest` does),
 * the documents they cite, and the junk checks every extracted fact must pass.
 */
import { fileURLToPath } from 'node:url';
import { buildFacts, loadManifest, readSeed } from '../../src/knowledge/build.ts';
import { createSynonymMap, loadGlossary } from '../../src/knowledge/glossary.ts';
import { loadRegionIndex, type RegionIndex } from '../../src/knowledge/regions.ts';
import type { Fact } from '../../src/knowledge/schema.ts';
import type { ReadDocument } from '../../src/documents/read.ts';

export const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));

let cached: { facts: Fact[]; documents: Map<string, ReadDocument>; regions: RegionIndex } | null = null;

/** The fact base built from the seeds, the read seeds by document id, and the region index. */
export function seedBase(): { facts: Fact[]; documents: Map<string, ReadDocument>; regions: RegionIndex } {
  if (cached) return cached;
  const regions = loadRegionIndex(knowledgeDir);
  const manifest = loadManifest(seedsDir);
  const documents = new Map(manifest.documents.map((m) => [m.id, readSeed(seedsDir, m)]));
  const synonyms = createSynonymMap(loadGlossary(knowledgeDir));
  cached = { facts: buildFacts(seedsDir, manifest, regions, synonyms), documents, regions };
  return cached;
}

/** Words that start a clause or join items: a metric starting or ending with one is a fragment. */
const FRAGMENT_START = /^(?:和|及|与|或|或者|以及|并|且|等|的|、|了|是|在|将|要)/;
const FRAGMENT_END = /(?:和|及|与|或|以及|并|的|将|要|为|在|了|均|共|等)$/;

/** A figure as written in plan text: digits with an optional unit. */
const FIGURE = /\d/;

/** Strips spaces so a value written "30 亿元" in a quote still matches. */
function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

function balanced(s: string, open: string, close: string): boolean {
  return s.split(open).length === s.split(close).length;
}

/** The paragraphs around a quote: its own, and the article it belongs to (from the heading before to the next heading). */
function contexts(doc: ReadDocument, offset: number): { paragraph: string; article: string } {
  const index = doc.paragraphs.findIndex((p) => offset >= p.start && offset <= p.start + p.text.length);
  const p = doc.paragraphs[index]!;
  let from = index;
  while (from > 0 && !doc.paragraphs[from]!.heading) from--;
  let to = index + 1;
  while (to < doc.paragraphs.length && !doc.paragraphs[to]!.heading) to++;
  // A heading introduces what follows it: its article is the body under it (after any further headings).
  if (p.heading) {
    from = index;
    to = index + 1;
    while (to < doc.paragraphs.length && doc.paragraphs[to]!.heading) to++;
    while (to < doc.paragraphs.length && !doc.paragraphs[to]!.heading) to++;
  }
  return { paragraph: p.text, article: doc.paragraphs.slice(from, to).map((q) => q.text).join('\n') };
}

/**
 * Why a fact is junk, or [] when it is not. The checks follow the definition:
 * a metric that is a whole noun phrase, a value that is a figure the quote states, a region named
 * for the quote's sentence (else its paragraph, else its article, else the document), a plausible
 * year, and quotes found verbatim at their offsets.
 */
export function junkReasons(fact: Fact, documents: Map<string, ReadDocument>, regions: RegionIndex): string[] {
  const reasons: string[] = [];
  const metric = fact.metric;
  if (metric.length < 2) reasons.push('metric shorter than 2');
  if (FRAGMENT_START.test(metric) || FRAGMENT_END.test(metric)) reasons.push(`metric is a fragment: ${metric}`);
  for (const [o, c] of [['“', '”'], ['《', '》'], ['（', '）'], ['(', ')']] as const) {
    if (!balanced(metric, o, c)) reasons.push(`metric has an unbalanced ${o}${c}: ${metric}`);
  }
  if (fact.kind !== 'program' && !FIGURE.test(fact.value)) reasons.push(`value without a digit: ${fact.value}`);
  if (fact.kind !== 'program' && /^\d+\.?$/.test(fact.value) && fact.unit === null && fact.number !== null && fact.number > 1900 && fact.number < 2100) {
    reasons.push(`value looks like a year: ${fact.value}`);
  }
  for (const c of fact.citations) {
    const doc = documents.get(c.document);
    if (!doc) {
      reasons.push(`cites an unknown document ${c.document}`);
      continue;
    }
    if (doc.text.slice(c.offset, c.offset + c.quote.length) !== c.quote) reasons.push(`quote not at its offset in ${c.document}`);
    if (!squeeze(c.quote).includes(squeeze(fact.value))) reasons.push(`value ${fact.value} not in the quote of ${c.document}`);
    const docYear = Number(c.date.slice(0, 4));
    if (fact.year !== null && (fact.year < docYear - 5 || fact.year > docYear + 15)) reasons.push(`implausible year ${fact.year} for a ${c.date} document`);
    const named = namedRegions(doc, c.offset, c.quote, regions);
    if (!named.includes(fact.region)) reasons.push(`region ${fact.region} is not named for the quote (${named.join(',') || 'none'}) in ${c.document}`);
  }
  if (fact.kind === 'target' && fact.deadline && fact.year !== null && Number(fact.deadline.slice(0, 4)) !== fact.year) {
    reasons.push(`deadline ${fact.deadline} is not in year ${fact.year}`);
  }
  if (fact.kind === 'actual' && fact.year !== null && fact.year > Number(fact.citations[0]!.date.slice(0, 4))) {
    reasons.push(`actual in the future: ${fact.year}`);
  }
  return reasons;
}

/** The regions named for a quote: its sentence, else its paragraph, else its article, else the whole document. */
export function namedRegions(doc: ReadDocument, offset: number, quote: string, regions: RegionIndex): string[] {
  const { paragraph, article } = contexts(doc, offset);
  const sentence = sentenceAround(doc.text, offset, offset + quote.length);
  for (const scope of [sentence, paragraph, article, doc.text]) {
    const found = [...new Set(regions.findMentions(scope).map((m) => m.region))];
    if (found.length > 0) return found;
  }
  return [];
}

function sentenceAround(text: string, from: number, to: number): string {
  let start = from;
  while (start > 0 && !/[。！？\n]/.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && !/[。！？\n]/.test(text[end]!)) end++;
  return text.slice(start, end);
}
