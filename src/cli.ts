/**
 * The core commands of planwatch: ask, ingest, deadlines, knowledge-check, feedback, eval.
 * (`start` and `remind` live in adapters/main.ts: they wire chat adapters, which the core never imports.)
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { toFactHit } from './answer/types.ts';
import type { RawFact } from './extract/extract.ts';
import { buildFacts, loadFacts, loadManifest, mergeRawFacts, prepareDocument, addToSeeds, saveFacts, saveManifest } from './knowledge/build.ts';
import { KnowledgeFileError, loadRegionIndex, loadRegions } from './knowledge/regions.ts';
import { createSynonymMap, loadGlossary } from './knowledge/glossary.ts';
import type { DocumentMeta, Fact } from './knowledge/schema.ts';
import { createPlanwatch } from './planwatch.ts';
import { openStore } from './store/open.ts';
import { runDeadlinesCommand } from './reminders/cli.ts';
import { readEnv } from './runtime/config.ts';

/** The same environment the running bot reads (`.env` under the real environment), so ingest writes where it watches. */
const env = readEnv({ env: process.env, cwd: process.cwd() });
const dirs = {
  knowledgeDir: env.PLANWATCH_KNOWLEDGE_DIR || 'knowledge',
  seedsDir: env.PLANWATCH_SEEDS_DIR || 'seeds',
  cacheDir: env.PLANWATCH_CACHE_DIR || undefined,
};

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function ask(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, today: { type: 'string' } } });
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    process.stderr.write(`ask: --today must be YYYY-MM-DD, got "${values.today}"\n`);
    return 2;
  }
  const store = await openStore('sqlite::memory:');
  const core = createPlanwatch({ ...dirs, store });
  const today = values.today;
  const render = (q: string) => {
    const a = core.ask(q, { today, surface: 'console' });
    return values.json ? JSON.stringify(a) : a.text;
  };
  if (positionals.length > 0) {
    out(render(positionals.join(' ')));
  } else if (values.json) {
    // Batch mode: one question per line, one JSON answer per line in the same order (a blank line is a question
    // too, refused, so answers stay aligned with their lines), the index loaded once.
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) out(render(line));
  } else {
    process.stderr.write('usage: npm run --silent ask -- [--json] [--today YYYY-MM-DD] "问题"\n');
    return 2;
  }
  await store.close();
  return 0;
}

const INGEST_USAGE = 'usage: npm run ingest -- FILE... [--date YYYY-MM-DD] [--title T] [--url U] [--publisher P] [--dry-run] [--json]\n';

/** "浙江 target: 12" lines: the facts of an ingest per region and kind. */
function factSummary(facts: Fact[]): string[] {
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(`${f.region} ${f.kind}`, (counts.get(`${f.region} ${f.kind}`) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([k, n]) => `  ${k}: ${n}`);
}

/**
 * `ingest FILE...`: copies each document into the seeds, rebuilds the fact base and prints what the documents
 * gave (facts per region and kind; `--json`: the facts in the answer contract's shape). `--dry-run` writes
 * nothing. A refused file (empty, binary, undecodable, no date without `--date`) is reported and skipped; the
 * exit code is 1 when any file was refused, 2 on bad usage.
 */
async function ingest(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: { date: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, publisher: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
  } catch (error) {
    process.stderr.write(`ingest: ${(error as Error).message}\n${INGEST_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    process.stderr.write(INGEST_USAGE);
    return 2;
  }
  const dryRun = values['dry-run'] ?? false;
  const regions = loadRegionIndex(dirs.knowledgeDir);
  const synonyms = createSynonymMap(loadGlossary(dirs.knowledgeDir));
  let manifest = loadManifest(dirs.seedsDir);
  const prepared: Array<{ meta: DocumentMeta; added: boolean }> = [];
  const raw: RawFact[] = [];
  let refused = 0;
  for (const [i, file] of positionals.entries()) {
    const progress = positionals.length > 1 ? `[${i + 1}/${positionals.length}] ` : '';
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      process.stderr.write(`${progress}ingest: refused ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      refused++;
      continue;
    }
    const outcome = prepareDocument(file, bytes, values, manifest, regions);
    if (!outcome.ok) {
      process.stderr.write(`${progress}ingest: refused ${outcome.message}\n`);
      refused++;
      continue;
    }
    if (progress) process.stderr.write(`${progress}${file}: ${outcome.facts.length} facts${outcome.added ? '' : ' (already ingested)'}\n`);
    prepared.push({ meta: outcome.meta, added: outcome.added });
    raw.push(...outcome.facts);
    if (!dryRun) manifest = addToSeeds(dirs.seedsDir, manifest, outcome.meta, bytes);
  }
  if (prepared.length === 0) return refused > 0 ? 1 : 0;

  let facts: Fact[];
  if (dryRun) {
    facts = mergeRawFacts(raw, regions, synonyms);
  } else {
    saveManifest(dirs.seedsDir, manifest);
    const base = buildFacts(dirs.seedsDir, manifest, regions, synonyms);
    saveFacts(dirs.knowledgeDir, base);
    const ids = new Set(prepared.map((p) => p.meta.id));
    facts = base.filter((f) => f.citations.some((c) => ids.has(c.document)));
    if (!values.json) {
      for (const p of prepared) out(`${p.added ? 'added' : 'unchanged'} ${p.meta.id} (${p.meta.date}, ${p.meta.title})`);
      for (const line of factSummary(facts)) out(line);
      out(`fact base: ${base.length} facts`);
    }
  }
  if (values.json) {
    out(JSON.stringify(facts.map(toFactHit)));
  } else if (dryRun) {
    for (const p of prepared) out(`would ${p.added ? 'add' : 'keep'} ${p.meta.id} (${p.meta.date}, ${p.meta.title})`);
    for (const line of factSummary(facts)) out(line);
    out(`${facts.length} facts (dry run, nothing written)`);
  }
  return refused > 0 ? 1 : 0;
}

async function knowledgeCheck(): Promise<number> {
  try {
    loadRegions(dirs.knowledgeDir);
    loadGlossary(dirs.knowledgeDir);
    loadManifest(dirs.seedsDir);
    const facts = loadFacts(dirs.knowledgeDir);
    out(`knowledge ok: ${facts.length} facts`);
    return 0;
  } catch (error) {
    if (error instanceof KnowledgeFileError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'ask': return ask(rest);
    case 'ingest': return ingest(rest);
    case 'knowledge-check': return knowledgeCheck();
    case 'deadlines': {
      const facts = loadFacts(dirs.knowledgeDir);
      const regions = loadRegionIndex(dirs.knowledgeDir);
      return runDeadlinesCommand(rest, {
        // The command's texts end as they must (JSON with a newline, iCalendar with CRLF): written as they are.
        facts: () => facts, out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s),
        resolveRegion: (n) => regions.resolve(n)?.name,
      });
    }
    case 'feedback': {
      const store = await openStore(process.env.DATABASE_URL);
      out(JSON.stringify(await store.listFeedback(), null, 2));
      await store.close();
      return 0;
    }
    case 'eval': {
      // Resolved at run time: the scorer is optional tooling, not part of the answering core.
      const scorer = './eval/run.ts';
      const { main: evalMain } = (await import(scorer)) as { main: (argv: string[]) => Promise<number> };
      return evalMain(rest);
    }
    default:
      process.stderr.write('usage: planwatch ask|ingest|deadlines|knowledge-check|feedback|eval …\n');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  // Exit only once standard output has taken everything written (a pipe to a slow reader).
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
