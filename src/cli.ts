/**
 * The core commands of planwatch: ask, ingest, deadlines, knowledge-check, feedback, eval.
 * (`start` and `remind` live in adapters/main.ts: they wire chat adapters, which the core never imports.)
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildFacts, loadFacts, loadManifest, prepareDocument, addToSeeds, saveFacts, saveManifest } from './knowledge/build.ts';
import { createRegionIndex, KnowledgeFileError, loadRegions } from './knowledge/regions.ts';
import { loadGlossary } from './knowledge/glossary.ts';
import { createPlanwatch } from './planwatch.ts';
import { openStore } from './store/open.ts';
import { runDeadlinesCommand } from './reminders/cli.ts';

const dirs = { knowledgeDir: process.env.PLANWATCH_KNOWLEDGE_DIR ?? 'knowledge', seedsDir: process.env.PLANWATCH_SEEDS_DIR ?? 'seeds' };

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function ask(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, today: { type: 'string' } } });
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
    // Batch mode: one question per line, one JSON answer per line, the index loaded once.
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) if (line.trim()) out(render(line));
  } else {
    process.stderr.write('usage: npm run --silent ask -- [--json] [--today YYYY-MM-DD] "问题"\n');
    return 2;
  }
  await store.close();
  return 0;
}

async function ingest(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { date: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, publisher: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (positionals.length === 0) {
    process.stderr.write('usage: npm run ingest -- FILE... [--date YYYY-MM-DD] [--title T] [--url U] [--publisher P] [--dry-run --json]\n');
    return 2;
  }
  const regions = createRegionIndex(loadRegions(dirs.knowledgeDir));
  let manifest = loadManifest(dirs.seedsDir);
  const prepared = [];
  let failed = 0;
  for (const [i, file] of positionals.entries()) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      process.stderr.write(`ingest: cannot read ${file}: ${(error as Error).message}\n`);
      failed++;
      continue;
    }
    const outcome = prepareDocument(file, bytes, values, manifest, regions);
    if (positionals.length > 1) process.stderr.write(`[${i + 1}/${positionals.length}] ${file}\n`);
    if (!outcome.ok) {
      process.stderr.write(`ingest: refused ${outcome.message}\n`);
      failed++;
      continue;
    }
    prepared.push({ outcome, bytes });
    if (!values['dry-run']) manifest = addToSeeds(dirs.seedsDir, manifest, outcome.meta, bytes);
  }
  if (values['dry-run']) {
    const { mergeFacts } = await import('./extract/merge.ts');
    const { toFactHit } = await import('./answer/compose.ts');
    const facts = mergeFacts(prepared.flatMap((p) => p.outcome.ok ? p.outcome.facts : []), (r) => regions.resolve(r)?.code ?? 'cn');
    if (values.json) out(JSON.stringify(facts.map(toFactHit)));
    else out(`${facts.length} facts (dry run, nothing written)`);
    return failed > 0 ? 1 : 0;
  }
  if (prepared.length > 0) {
    saveManifest(dirs.seedsDir, manifest);
    const facts = buildFacts(dirs.seedsDir, manifest, regions);
    saveFacts(dirs.knowledgeDir, facts);
    const ids = new Set(prepared.map((p) => (p.outcome.ok ? p.outcome.meta.id : '')));
    const mine = facts.filter((f) => f.citations.some((c) => ids.has(c.document)));
    const summary = new Map<string, number>();
    for (const f of mine) summary.set(`${f.region} ${f.kind}`, (summary.get(`${f.region} ${f.kind}`) ?? 0) + 1);
    for (const p of prepared) if (p.outcome.ok) out(`${p.outcome.added ? 'added' : 'unchanged'} ${p.outcome.meta.id} (${p.outcome.meta.date}, ${p.outcome.meta.title})`);
    for (const [k, n] of [...summary.entries()].sort()) out(`  ${k}: ${n}`);
    out(`fact base: ${facts.length} facts`);
  }
  return failed > 0 ? 1 : 0;
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
      const regions = createRegionIndex(loadRegions(dirs.knowledgeDir));
      return runDeadlinesCommand(rest, {
        facts: () => facts, out, err: (s) => process.stderr.write(`${s}\n`), resolveRegion: (n) => regions.resolve(n)?.name,
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
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
