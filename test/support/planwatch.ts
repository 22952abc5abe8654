/**
 * The real core for adapter and runtime tests: `createPlanwatch` over the repository's knowledge and seeds, with an
 * in-memory SQLite store and a temporary cache directory of this test file (parallel test files never share cache
 * files; the directory is removed after the file).
 *
 * Test documents take the path `npm run ingest` takes: read and extracted (`prepareDocument`), added to a copy of
 * the seeds, and the fact base rebuilt from all of them (`buildFacts`) in a temporary knowledge directory. Tests
 * therefore assert relative to what `planwatch.ask()` returns, never on figures written here.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import {
  addToSeeds,
  buildFacts,
  createRegionIndex,
  loadManifest,
  prepareDocument,
  saveFacts,
  saveManifest,
} from '../../src/knowledge/build.ts';
import { loadRegionIndex } from '../../src/knowledge/regions.ts';
import type { DocumentMeta } from '../../src/knowledge/schema.ts';
import { createPlanwatch, type Core } from '../../src/planwatch.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';

/** The repository's fact base. */
const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));
const seedsDir = fileURLToPath(new URL('../../seeds', import.meta.url));

/** "Today" of every test core unless a test says otherwise: inside the seeds' plan years, so deadlines lie ahead. */
export const testToday = '2023-06-01';

/** A document added to the fact base on top of the seeds, as `npm run ingest FILE --title … --date … --url …` adds it. */
export interface TestDocument {
  /** File name; its extension picks the reader (`.html`, `.md`, `.txt`; none reads as text). */
  name: string;
  /** The document as published. */
  text: string;
  date: string;
  title: string;
  url?: string | null;
}

/** Options of {@link createTestPlanwatch}. */
export interface TestPlanwatchOptions {
  documents?: TestDocument[];
  /** `YYYY-MM-DD`. Default {@link testToday}. */
  today?: string;
}

export interface TestPlanwatch {
  planwatch: Core;
  store: Store;
  /** The manifest entries of `documents`, in order (their `id` is what citations name). */
  documents: DocumentMeta[];
  close(): Promise<void>;
}

let workspace: string | undefined;

/** This test file's temporary directory (cache, rebuilt fact bases), created on first use. */
function fileWorkspace(): string {
  workspace ??= mkdtempSync(join(tmpdir(), 'planwatch-test-'));
  return workspace;
}

// Registered when a test file imports this module (vitest evaluates it once per file), so it runs after that file.
afterAll(() => {
  if (workspace !== undefined) rmSync(workspace, { recursive: true, force: true });
  workspace = undefined;
});

/** Ingests `documents` into a copy of the seeds and rebuilds the fact base there; returns the directories and metas. */
function ingestTestDocuments(documents: TestDocument[]): { knowledgeDir: string; seedsDir: string; metas: DocumentMeta[] } {
  const root = mkdtempSync(join(fileWorkspace(), 'base-'));
  const dirs = { knowledgeDir: join(root, 'knowledge'), seedsDir: join(root, 'seeds') };
  mkdirSync(dirs.knowledgeDir);
  for (const file of ['regions.json', 'glossary.json']) copyFileSync(join(knowledgeDir, file), join(dirs.knowledgeDir, file));
  cpSync(seedsDir, dirs.seedsDir, { recursive: true });

  const regions = loadRegionIndex(dirs.knowledgeDir);
  let manifest = loadManifest(dirs.seedsDir);
  const metas: DocumentMeta[] = [];
  for (const doc of documents) {
    const bytes = new TextEncoder().encode(doc.text);
    const outcome = prepareDocument(doc.name, bytes, { date: doc.date, title: doc.title, ...(doc.url ? { url: doc.url } : {}) }, manifest, regions);
    if (!outcome.ok) throw new Error(`test planwatch: document "${doc.name}" refused: ${outcome.message}`);
    manifest = addToSeeds(dirs.seedsDir, manifest, outcome.meta, bytes);
    metas.push(outcome.meta);
  }
  saveManifest(dirs.seedsDir, manifest);
  saveFacts(dirs.knowledgeDir, buildFacts(dirs.seedsDir, manifest, regions));
  return { ...dirs, metas };
}

/**
 * The real core over the seeds plus `documents`, with a fresh in-memory store.
 *
 * @example const { planwatch, close } = await createTestPlanwatch(); planwatch.ask('河南5G基站目标'); await close();
 */
export async function createTestPlanwatch(options: TestPlanwatchOptions = {}): Promise<TestPlanwatch> {
  const documents = options.documents ?? [];
  const base = documents.length === 0 ? { knowledgeDir, seedsDir, metas: [] } : ingestTestDocuments(documents);
  const today = options.today ?? testToday;
  const store = await openStore('sqlite::memory:');
  const planwatch = createPlanwatch({
    knowledgeDir: base.knowledgeDir,
    seedsDir: base.seedsDir,
    cacheDir: join(fileWorkspace(), 'cache'),
    store,
    today: () => today,
  });
  return { planwatch, store, documents: base.metas, close: () => store.close() };
}
