/**
 * The fact base's life cycle: seeds + manifest → extraction → `knowledge/facts.json`,
 * and loading it back, validated. Deterministic: the same seeds give the same
 * file byte for byte, so re-ingesting a document changes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { readDocument, type ReadDocument } from '../documents/read.ts';
import { writeFileAtomic } from '../files.ts';
import { extractFacts, type RawFact } from '../extract/extract.ts';
import { mergeFacts } from '../extract/merge.ts';
import { createMetricCanonicalizer, type MetricSynonyms } from '../extract/metric.ts';
import { createRegionIndex, describeZodError, KnowledgeFileError, readJsonFile, type RegionIndex } from './regions.ts';
import { type DocumentMeta, type Fact, FactFile, Manifest } from './schema.ts';

/** Reads `seeds/manifest.json`; an absent manifest is an empty one. */
export function loadManifest(seedsDir: string): Manifest {
  const file = join(seedsDir, 'manifest.json');
  if (!existsSync(file)) return { version: 1, documents: [] };
  const data = readJsonFile(file);
  const parsed = Manifest.safeParse(data);
  if (!parsed.success) throw new KnowledgeFileError(file, describeZodError(file, parsed.error, data, 'documents'));
  return parsed.data;
}

/** Writes a JSON file atomically (temp file + rename), so a watcher never sees half a file. */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

export function saveManifest(seedsDir: string, manifest: Manifest): void {
  writeJsonAtomic(join(seedsDir, 'manifest.json'), manifest);
}

/** Reads one seed as extraction needs it; refusals are values. */
export function readSeed(seedsDir: string, meta: DocumentMeta): ReadDocument {
  const result = readDocument(readFileSync(join(seedsDir, meta.file)), { fileName: meta.file });
  if (!result.ok) throw new KnowledgeFileError(join(seedsDir, meta.file), `knowledge: seed ${meta.id} cannot be read: ${result.message}`);
  return result.document;
}

/** Raw facts of one document. */
export function extractDocument(doc: ReadDocument, meta: DocumentMeta, regions: RegionIndex): RawFact[] {
  return extractFacts({ meta: { id: meta.id, title: meta.title, date: meta.date, url: meta.url, publisher: meta.publisher }, text: doc.text, paragraphs: doc.paragraphs }, regions);
}

/**
 * Merges raw facts into the fact base: fact ids are prefixed with the region's code, and metrics that are
 * glossary synonyms (营收, 营业收入) count as one when the same figure is reported twice.
 */
export function mergeRawFacts(raw: RawFact[], regions: RegionIndex, synonyms?: MetricSynonyms): Fact[] {
  return mergeFacts(raw, (region) => regions.resolve(region)?.code ?? 'cn', synonyms ? { metricKey: createMetricCanonicalizer(synonyms) } : {});
}

/** Every fact of every document in the manifest, merged (see {@link mergeRawFacts}). */
export function buildFacts(seedsDir: string, manifest: Manifest, regions: RegionIndex, synonyms?: MetricSynonyms): Fact[] {
  const raw: RawFact[] = [];
  for (const meta of manifest.documents) raw.push(...extractDocument(readSeed(seedsDir, meta), meta, regions));
  return mergeRawFacts(raw, regions, synonyms);
}

export function saveFacts(knowledgeDir: string, facts: Fact[]): void {
  writeJsonAtomic(join(knowledgeDir, 'facts.json'), { version: 1, facts } satisfies FactFile);
}

/**
 * Loads and validates `knowledge/facts.json`.
 * @throws KnowledgeFileError naming the file, the fact (index and id) and the field; also on duplicate ids.
 */
export function loadFacts(knowledgeDir: string): Fact[] {
  const file = join(knowledgeDir, 'facts.json');
  const data = readJsonFile(file);
  const parsed = FactFile.safeParse(data);
  if (!parsed.success) throw new KnowledgeFileError(file, describeZodError(file, parsed.error, data, 'facts'));
  const seen = new Set<string>();
  for (const f of parsed.data.facts) {
    if (seen.has(f.id)) throw new KnowledgeFileError(file, `knowledge: ${file}: duplicate fact id "${f.id}"`);
    seen.add(f.id);
  }
  return parsed.data.facts;
}

/** Options of one ingest. */
export interface IngestOptions {
  date?: string;
  title?: string;
  url?: string;
  publisher?: string;
  dryRun?: boolean;
}

export type IngestOutcome =
  | { ok: true; meta: DocumentMeta; added: boolean; facts: RawFact[] }
  | { ok: false; file: string; message: string };

/**
 * Prepares one file for the fact base: reads it, finds its metadata (flags, else front matter, else the text)
 * and extracts its facts. Nothing is written here. A document whose date cannot be found is refused.
 */
export function prepareDocument(file: string, bytes: Uint8Array, options: IngestOptions, manifest: Manifest, regions: RegionIndex): IngestOutcome {
  // The whole path names the file in a refusal ("seeds/a.txt: the file is empty").
  const read = readDocument(bytes, { fileName: file });
  if (!read.ok) return { ok: false, file, message: read.message };
  const doc = read.document;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = manifest.documents.find((d) => d.sha256 === sha256);
  const date = options.date ?? doc.date;
  if (!existing && !date) {
    return { ok: false, file, message: `${file}: no publication date found in the document; pass --date YYYY-MM-DD` };
  }
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, file, message: `${file}: --date must be YYYY-MM-DD, got "${date}"` };
  const stem = basename(file, extname(file)).replace(/[^\w.-]+/g, '_') || 'document';
  const id = existing?.id ?? `${stem}_${sha256.slice(0, 8)}`;
  const meta: DocumentMeta = existing ?? {
    id,
    file: `${id}${extname(file) || '.txt'}`,
    title: options.title ?? doc.title ?? stem,
    publisher: options.publisher ?? doc.publisher ?? null,
    date: date!,
    dateSource: options.date ? '--date flag' : doc.dateSource ?? 'document text',
    url: options.url ?? doc.url ?? null,
    sha256,
    encoding: doc.encoding,
  };
  return { ok: true, meta, added: !existing, facts: extractDocument(doc, meta, regions) };
}

/** Copies a prepared document into the seeds and records it in the manifest (returns the new manifest). */
export function addToSeeds(seedsDir: string, manifest: Manifest, meta: DocumentMeta, bytes: Uint8Array): Manifest {
  mkdirSync(seedsDir, { recursive: true });
  if (manifest.documents.some((d) => d.id === meta.id)) return manifest;
  writeFileSync(join(seedsDir, meta.file), bytes);
  return { version: 1, documents: [...manifest.documents, meta] };
}

export { createRegionIndex };
