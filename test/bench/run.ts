/**
 * `npm run bench [-- --quick] [-- --strict]`: latency (p50, p99) in process at seed scale and over a synthetic
 * fact base of 100,000 facts, cold start of the CLI, memory at 100,000 facts (building the index and loading it
 * saved), a naive BM25 scan over the seeds' sentences as the baseline batch answering must beat by half, and
 * ingest throughput. Measurements are printed as they are taken, then one table of every target with PASS or FAIL.
 * `--strict` exits 1 when a target fails; `--quick` takes fewer rounds.
 *
 * The 100,000-fact runs happen in child processes (this script with `--part synthetic`) so their memory is
 * measured alone and the seed-scale numbers are not disturbed. Whole run: one to two minutes on 2 cores.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDocumentsText } from '../../src/eval/documents.ts';
import { EVAL_TODAY } from '../../src/eval/run.ts';
import { parseQuestions } from '../../src/eval/score.ts';
import { loadFacts, loadManifest, prepareDocument } from '../../src/knowledge/build.ts';
import { loadRegionIndex, loadRegions } from '../../src/knowledge/regions.ts';
import type { Manifest } from '../../src/knowledge/schema.ts';
import { createPlanwatch, type Core } from '../../src/planwatch.ts';
import { openStore } from '../../src/store/open.ts';
import { createNaiveBm25, createPreparedBm25, splitIntoSentences, type Bm25Scan } from './bm25.ts';
import { mean, memoryMiB, percentile } from './stats.ts';
import { syntheticFacts } from './synthetic.ts';

const KNOWLEDGE = 'knowledge';
const SEEDS = 'seeds';
const QUESTIONS = join('test', 'eval', 'questions.jsonl');
const SYNTHETIC_COUNT = 100_000;
const COLD_QUESTION = '河南2023年5G基站总数目标';
const TODAY = EVAL_TODAY;

const targets = {
  seedP99Ms: 5,
  syntheticP99Ms: 50,
  coldStartMs: 1500,
  syntheticRssMiB: 1024,
  bm25Ratio: 0.5,
  ingestMiBs: 1,
};

const questions = parseQuestions(readFileSync(QUESTIONS, 'utf8'), QUESTIONS).map((q) => q.q);
/** What batch mode answers: it skips blank lines. */
const batchQuestions = questions.filter((q) => q.trim());

function now(): number {
  return performance.now();
}

/** What asking the question set gave. */
interface AskMeasure {
  /** Latency of the first question after the core was created, ms. */
  first: number;
  /** Per-question latency of `core.ask`, ms. */
  latencies: number[];
  /** Mean time of ask + the JSON line batch mode prints, ms. */
  batchMeanMs: number;
  /** Questions answered (not refused) in the first timed round. */
  answered: number;
  /** Per question of the first timed round: answered or not, and the first three facts' ids. */
  answers: string[];
}

/** Asks the first `warmup` questions once, then every question `rounds` times, timing each ask and its JSON line. */
function measureAsk(core: Core, rounds: number, warmup: number): AskMeasure {
  const t0 = now();
  core.ask(questions[0]!, { today: TODAY });
  const first = now() - t0;
  for (const q of questions.slice(0, warmup)) core.ask(q, { today: TODAY });
  const latencies: number[] = [];
  const answers: string[] = [];
  let batchMs = 0;
  for (let r = 0; r < rounds; r += 1) {
    for (const q of questions) {
      const start = now();
      const answer = core.ask(q, { today: TODAY });
      const asked = now();
      const line = JSON.stringify(answer);
      batchMs += now() - start;
      latencies.push(asked - start);
      if (line.length === 0) throw new Error('bench: empty answer');
      if (r === 0) answers.push(`${answer.answered ? 'answered' : 'refused'} ${answer.facts.slice(0, 3).map((f) => f.id).join(' ')}`);
    }
  }
  const answered = answers.filter((a) => a.startsWith('answered')).length;
  return { first, latencies, batchMeanMs: batchMs / Math.max(1, latencies.length), answered, answers };
}

// ---------------------------------------------------------------------------------------
// Child part: 100,000 facts

interface SyntheticResult {
  facts: number;
  generateMs: number;
  buildMs: number;
  firstMs: number;
  p50: number;
  p99: number;
  max: number;
  meanMs: number;
  answered: number;
  answers: string[];
  rssAfterBuild: number;
  heapAfterBuild: number;
  rssPeak: number;
  /** The three slowest questions, slowest first. */
  slowest: Array<{ q: string; ms: number }>;
}

/** Creates the core over 100,000 facts (building the index into `cacheDir`, or loading it from there) and asks. */
async function syntheticPart(cacheDir: string, rounds: number): Promise<void> {
  const real = loadFacts(KNOWLEDGE);
  const regions = loadRegions(KNOWLEDGE);
  let t = now();
  const facts = syntheticFacts(real, regions, SYNTHETIC_COUNT);
  const generateMs = now() - t;
  const store = await openStore('sqlite::memory:');
  t = now();
  const core = createPlanwatch({ knowledgeDir: KNOWLEDGE, seedsDir: SEEDS, cacheDir, facts, store });
  const buildMs = now() - t;
  const afterBuild = memoryMiB();
  const { latencies, first, answered, answers } = measureAsk(core, rounds, 20);
  // The process's highest RSS so far: generating the facts, building or loading the index, saving it, asking.
  const peakRss = process.resourceUsage().maxRSS / 1024;
  const result: SyntheticResult = {
    facts: facts.length,
    generateMs,
    buildMs,
    firstMs: first,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    meanMs: mean(latencies),
    answered,
    answers,
    rssAfterBuild: afterBuild.rss,
    heapAfterBuild: afterBuild.heapUsed,
    rssPeak: peakRss,
    slowest: latencies
      .map((ms, i) => ({ q: questions[i % questions.length]!, ms }))
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 3),
  };
  await store.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runSyntheticChild(cacheDir: string, rounds: number): SyntheticResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/run.ts', '--part', 'synthetic', '--cache', cacheDir, '--rounds', String(rounds)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench: synthetic part failed (${child.status}): ${child.stderr}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as SyntheticResult;
}

// ---------------------------------------------------------------------------------------
// The CLI: cold start and batch mode

/** Runs `src/cli.ts ask --json` with `args` and `input` on stdin: ms from spawn to the first output and to exit. */
function runCli(args: string[], input: string | null): Promise<{ firstOutputMs: number; wallMs: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'ask', '--json', '--today', TODAY, ...args], { stdio: 'pipe' });
    let firstOutputMs: number | null = null;
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      firstOutputMs ??= now() - start;
      for (const byte of d) if (byte === 0x0a) lines += 1;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || firstOutputMs === null) reject(new Error(`bench: ${args.join(' ') || 'batch'} failed (${code}): ${stderr}`));
      else resolve({ firstOutputMs, wallMs: now() - start, lines });
    });
    child.stdin.end(input ?? '');
  });
}

// ---------------------------------------------------------------------------------------
// Ingest throughput

interface Throughput {
  bytes: number;
  ms: number;
  facts: number;
}

function ingestThroughput(minBytes: number): { perDocument: Throughput; oneDocument: Throughput } {
  const regions = loadRegionIndex(KNOWLEDGE);
  const manifest = loadManifest(SEEDS);
  const empty: Manifest = { version: 1, documents: [] };
  const seeds = manifest.documents.map((meta) => ({ meta, bytes: readFileSync(join(SEEDS, meta.file)) }));

  let bytes = 0;
  let facts = 0;
  let start = now();
  while (bytes < minBytes) {
    for (const { meta, bytes: b } of seeds) {
      const outcome = prepareDocument(meta.file, b, { date: meta.date, title: meta.title }, empty, regions);
      if (!outcome.ok) throw new Error(`bench: ingest refused ${meta.file}: ${outcome.message}`);
      bytes += b.length;
      facts += outcome.facts.length;
    }
  }
  const perDocument = { bytes, ms: now() - start, facts };

  const parts: Buffer[] = [];
  let size = 0;
  while (size < minBytes) {
    for (const { bytes: b } of seeds) {
      parts.push(b, Buffer.from('\n'));
      size += b.length + 1;
    }
  }
  const big = Buffer.concat(parts);
  start = now();
  const outcome = prepareDocument('bench-big.txt', big, { date: '2023-06-15', title: 'bench' }, empty, regions);
  if (!outcome.ok) throw new Error(`bench: ingest refused the large document: ${outcome.message}`);
  const oneDocument = { bytes: big.length, ms: now() - start, facts: outcome.facts.length };
  return { perDocument, oneDocument };
}

// ---------------------------------------------------------------------------------------
// Report

const ms = (x: number) => `${x.toFixed(x < 10 ? 3 : 1)} ms`;
const mib = (x: number) => `${x.toFixed(0)} MiB`;
const rate = (t: Throughput) => t.bytes / 1024 / 1024 / (t.ms / 1000);

function row(label: string, value: string, note = ''): void {
  process.stdout.write(`  ${label.padEnd(50)}${value.padEnd(24)}${note}\n`);
}

function section(title: string): void {
  process.stdout.write(`\n${title}\n`);
}

/** One target of the summary table. */
interface Verdict {
  target: string;
  measured: string;
  limit: string;
  pass: boolean;
}

/** Mean ms per question of `rounds` passes of `scan` over the question set. */
function timeScan(scan: Bm25Scan, rounds: number): number {
  let hits = 0;
  const start = now();
  for (let r = 0; r < rounds; r += 1) for (const q of questions) hits += scan.search(q).length;
  const perQuestion = (now() - start) / (rounds * questions.length);
  if (hits === 0) throw new Error('bench: BM25 found nothing');
  return perQuestion;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      part: { type: 'string' },
      cache: { type: 'string' },
      rounds: { type: 'string' },
      quick: { type: 'boolean' },
      strict: { type: 'boolean' },
    },
  });
  if (values.part === 'synthetic') {
    await syntheticPart(values.cache ?? join(tmpdir(), 'planwatch-bench'), Number(values.rounds ?? 1));
    return 0;
  }
  const quick = values.quick === true;
  const seedRounds = quick ? 3 : 20;
  const naiveRounds = quick ? 1 : 2;
  const coldRuns = quick ? 3 : 5;
  const batchRepeats = quick ? 2 : 5;
  const verdicts: Verdict[] = [];
  const judge = (target: string, measured: string, limit: string, pass: boolean) => verdicts.push({ target, measured, limit, pass });
  const started = now();
  process.stdout.write(`planwatch bench · ${questions.length} questions · today ${TODAY} · node ${process.version}${quick ? ' · quick' : ''}\n`);

  // Seed scale, in process; the index is saved where the CLI looks for it (./data/cache).
  section('seed scale, in process');
  const store = await openStore('sqlite::memory:');
  let t = now();
  const core = createPlanwatch({ knowledgeDir: KNOWLEDGE, seedsDir: SEEDS, store });
  const seedLoadMs = now() - t;
  const seed = measureAsk(core, seedRounds, questions.length);
  const seedMemory = memoryMiB();
  const seedP99 = percentile(seed.latencies, 99);
  row('facts', String(core.facts.length));
  row('core load', ms(seedLoadMs));
  row('first answer after load', ms(seed.first));
  row(`latency p50 / p99 / max (${seed.latencies.length} asks)`, `${ms(percentile(seed.latencies, 50))} / ${ms(seedP99)} / ${ms(percentile(seed.latencies, 100))}`);
  row('ask + JSON line, mean per question', ms(seed.batchMeanMs));
  row('questions answered', `${seed.answered}/${questions.length}`);
  row('memory RSS / heap used', `${mib(seedMemory.rss)} / ${mib(seedMemory.heapUsed)}`);
  judge('seed scale: latency p99', ms(seedP99), `< ${targets.seedP99Ms} ms`, seedP99 < targets.seedP99Ms);

  // The baseline: BM25 over the seeds' sentences with the same tokenizer.
  section('BM25 baseline over the seeds\' sentences (same jieba tokenizer)');
  const sentences = [...loadDocumentsText(SEEDS).values()].flatMap(splitIntoSentences);
  const tokenize = (text: string) => core.base.segmenter.tokenize(text);
  const naive = createNaiveBm25(sentences, tokenize);
  naive.search(questions[0]!); // warm-up
  const naiveMs = timeScan(naive, naiveRounds);
  t = now();
  const prepared = createPreparedBm25(sentences, tokenize);
  const preparedSetupMs = now() - t;
  timeScan(prepared, 1); // warm-up
  const preparedMs = timeScan(prepared, seedRounds);
  await store.close();
  row('sentences', String(sentences.length));
  row('naive scan: mean per question', ms(naiveMs), '(tokenizes every sentence per question)');
  row('prepared scan: mean per question', ms(preparedMs), `(sentences tokenized once, ${ms(preparedSetupMs)})`);

  // The CLI: cold start, then batch mode. A first run fills the caches a previous start would have left.
  section('CLI (node --import tsx src/cli.ts ask --json)');
  await runCli([COLD_QUESTION], null);
  const colds: number[] = [];
  for (let i = 0; i < coldRuns; i += 1) colds.push((await runCli([COLD_QUESTION], null)).firstOutputMs);
  const coldMedian = percentile(colds, 50);
  row(`cold start, process start to first answer (${coldRuns}×)`, `${ms(coldMedian)} median`, `min ${ms(Math.min(...colds))}, max ${ms(Math.max(...colds))}`);
  judge('cold start (median)', ms(coldMedian), `< ${targets.coldStartMs} ms`, coldMedian < targets.coldStartMs);
  const stdin = `${Array.from({ length: batchRepeats }, () => batchQuestions.join('\n')).join('\n')}\n`;
  const batch = await runCli([], stdin);
  const expectedLines = batchQuestions.length * batchRepeats;
  if (batch.lines !== expectedLines) throw new Error(`bench: batch mode printed ${batch.lines} lines for ${expectedLines} questions`);
  // Batch time per question: the whole process (reading stdin, answering, printing) minus a cold start.
  const batchPerQuestion = Math.max(0, batch.wallMs - coldMedian) / batch.lines;
  row(`batch mode: ${batch.lines} questions on stdin, wall`, ms(batch.wallMs));
  row('batch mode: per question after start', ms(batchPerQuestion), '(wall − cold start) / questions');
  const naiveRatio = batchPerQuestion / naiveMs;
  const preparedRatio = batchPerQuestion / preparedMs;
  row('batch / naive BM25 per question', `${naiveRatio.toFixed(2)}×`);
  row('batch / prepared BM25 per question', `${preparedRatio.toFixed(2)}×`, '(for reference)');
  judge('batch mode vs naive BM25, time per question', `${naiveRatio.toFixed(2)}×`, `< ${targets.bm25Ratio}×`, naiveRatio < targets.bm25Ratio);

  section('ingest');
  const ingest = ingestThroughput(2 * 1024 * 1024);
  const perDocRate = rate(ingest.perDocument);
  const oneDocRate = rate(ingest.oneDocument);
  row(`seeds one by one, repeated to ${(ingest.perDocument.bytes / 1024 / 1024).toFixed(2)} MiB`, `${perDocRate.toFixed(2)} MiB/s`, `${ingest.perDocument.facts} facts`);
  row(`one ${(ingest.oneDocument.bytes / 1024 / 1024).toFixed(2)} MiB document`, `${oneDocRate.toFixed(2)} MiB/s`, `${ingest.oneDocument.facts} facts`);
  judge('ingest, seeds one by one', `${perDocRate.toFixed(2)} MiB/s`, `≥ ${targets.ingestMiBs} MiB/s`, perDocRate >= targets.ingestMiBs);
  judge('ingest, one large document', `${oneDocRate.toFixed(2)} MiB/s`, `≥ ${targets.ingestMiBs} MiB/s`, oneDocRate >= targets.ingestMiBs);

  // 100,000 facts: a first start builds and saves the index, a second loads it.
  section(`${SYNTHETIC_COUNT.toLocaleString('en')} synthetic facts, in child processes`);
  const cacheDir = mkdtempSync(join(tmpdir(), 'planwatch-bench-'));
  try {
    const built = runSyntheticChild(cacheDir, 1);
    const loaded = runSyntheticChild(cacheDir, quick ? 1 : 2);
    const sameAnswers = built.answers.length === loaded.answers.length && built.answers.every((a, i) => a === loaded.answers[i]);
    row('facts generated', `${built.facts}`, ms(built.generateMs));
    row('first start: core build (index built and saved)', ms(built.buildMs));
    row('first start: memory RSS after build / peak', `${mib(built.rssAfterBuild)} / ${mib(built.rssPeak)}`);
    row('next start: core load (saved index)', ms(loaded.buildMs));
    row('next start: memory RSS after load / peak', `${mib(loaded.rssAfterBuild)} / ${mib(loaded.rssPeak)}`, `heap used ${mib(loaded.heapAfterBuild)}`);
    row('next start: first answer', ms(loaded.firstMs));
    row(`next start: latency p50 / p99 / max (${questions.length * (quick ? 1 : 2)} asks)`, `${ms(loaded.p50)} / ${ms(loaded.p99)} / ${ms(loaded.max)}`);
    row('questions answered', `${loaded.answered}/${questions.length}`);
    for (const slow of loaded.slowest) row(`slow: ${slow.q.slice(0, 30)}`, ms(slow.ms));
    row('answers from the saved index = from the built one', sameAnswers ? 'yes' : 'NO');
    judge('100k: latency p99', ms(loaded.p99), `< ${targets.syntheticP99Ms} ms`, loaded.p99 < targets.syntheticP99Ms);
    judge('100k: peak RSS, building and saving the index', mib(built.rssPeak), `< ${targets.syntheticRssMiB} MiB`, built.rssPeak < targets.syntheticRssMiB);
    judge('100k: peak RSS, loading the saved index', mib(loaded.rssPeak), `< ${targets.syntheticRssMiB} MiB`, loaded.rssPeak < targets.syntheticRssMiB);
    judge('100k: saved index answers as the built one', sameAnswers ? 'same' : 'different', 'same', sameAnswers);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }

  section(`targets (bench took ${((now() - started) / 1000).toFixed(1)} s)`);
  process.stdout.write(`  ${'target'.padEnd(50)}${'measured'.padEnd(14)}${'limit'.padEnd(16)}verdict\n`);
  for (const v of verdicts) process.stdout.write(`  ${v.target.padEnd(50)}${v.measured.padEnd(14)}${v.limit.padEnd(16)}${v.pass ? 'PASS' : 'FAIL'}\n`);
  const failed = verdicts.filter((v) => !v.pass).length;
  process.stdout.write(`\n${failed === 0 ? 'all targets met' : `${failed} of ${verdicts.length} targets missed`}${values.strict ? '' : ' (exit code 0 without --strict)'}\n`);
  return values.strict && failed > 0 ? 1 : 0;
}

process.exitCode = await main();
