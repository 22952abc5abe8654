/**
 * `npm run eval`: asks the core every question of the project's question set in
 * process, scores the answers and prints a table, the figures and the failures.
 * Exits non-zero when the thresholds of issue 3 are not met.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Answer } from '../answer/types.ts';
import type { Planwatch } from '../planwatch.ts';
import { loadDocumentsText } from './documents.ts';
import {
  evalKinds,
  evalThresholds,
  parseQuestions,
  scoreAnswers,
  thresholdFailures,
  type EvalQuestion,
  type EvalReport,
  type EvalThresholds,
} from './score.ts';

/**
 * The date the question set is written for: its 今年 is 2023 and its 去年 2022, the years of the seeds' plans.
 * A question set for other documents passes its own `today`.
 */
export const EVAL_TODAY = '2023-06-15';

/** Where `main` finds its inputs by default, relative to the working directory (the package root under npm). */
export const evalDefaults = {
  questions: join('test', 'eval', 'questions.jsonl'),
  knowledgeDir: 'knowledge',
  seedsDir: 'seeds',
} as const;

/** Options of {@link runEval}. */
export interface RunEvalOptions {
  /** The core; only `ask` is used. */
  planwatch: Pick<Planwatch, 'ask'>;
  questions: readonly EvalQuestion[];
  /** Document id → text, for the quote check (see `loadDocumentsText`). */
  documentsText: ReadonlyMap<string, string>;
  /** Current date for 今年/去年. Default {@link EVAL_TODAY}. */
  today?: string;
  /** A monotonic clock in milliseconds, for per-question latency. Default `performance.now`. */
  clock?: () => number;
}

/** The outcome of {@link runEval}: the report, the answers and the time they took. */
export interface EvalRun {
  report: EvalReport;
  answers: Answer[];
  /** Milliseconds per question, in question order. */
  latencies: number[];
}

/**
 * Asks every question through the in-process facade and scores the answers.
 * @example
 * const run = runEval({ planwatch: core, questions, documentsText: loadDocumentsText('seeds') });
 * console.log(formatReport(run.report));
 */
export function runEval(options: RunEvalOptions): EvalRun {
  const today = options.today ?? EVAL_TODAY;
  const clock = options.clock ?? (() => performance.now());
  const answers: Answer[] = [];
  const latencies: number[] = [];
  for (const question of options.questions) {
    const start = clock();
    answers.push(options.planwatch.ask(question.q, { today, surface: 'console' }));
    latencies.push(clock() - start);
  }
  return { report: scoreAnswers(options.questions, answers, options.documentsText), answers, latencies };
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

function pad(text: string, width: number): string {
  // Chinese characters take two columns in a terminal.
  const columns = [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - columns));
}

/**
 * The report as plain text: a table per kind, the three figures against their thresholds, then every failure
 * and every quote not found.
 */
export function formatReport(report: EvalReport, thresholds: EvalThresholds = evalThresholds): string {
  const lines: string[] = [];
  lines.push(`${pad('kind', 10)}${pad('total', 7)}${pad('passed', 8)}accuracy`);
  for (const kind of evalKinds) {
    const r = report.byKind[kind];
    if (r.total === 0) continue;
    lines.push(`${pad(kind, 10)}${pad(String(r.total), 7)}${pad(String(r.passed), 8)}${pct(r.rate)}`);
  }
  lines.push('');
  const f = report.figureAccuracy;
  const r = report.refusalAccuracy;
  const a = report.answerRate;
  lines.push(`figure accuracy   ${pct(f.rate)} (${f.passed}/${f.total})  target ≥ ${pct(thresholds.figureAccuracy)}`);
  lines.push(`refusal accuracy  ${pct(r.rate)} (${r.passed}/${r.total})  target ≥ ${pct(thresholds.refusalAccuracy)}`);
  lines.push(`answer rate       ${pct(a.rate)} (${a.passed}/${a.total} non-refusal questions answered)`);
  lines.push(`quotes not found  ${report.quotes.notFound.length} of ${report.quotes.checked} checked  target ≤ ${thresholds.quotesNotFound}`);
  if (report.failures.length > 0) {
    lines.push('', `failures (${report.failures.length}):`);
    for (const o of report.failures) {
      const top = o.top ? ` [top: ${o.top.region} ${o.top.year ?? '-'} ${o.top.value}]` : '';
      lines.push(`  ${o.id} (${o.kind}) ${JSON.stringify(o.q)}: ${o.reason}${top}`);
    }
  }
  if (report.quotes.notFound.length > 0) {
    lines.push('', 'quotes not found:');
    for (const m of report.quotes.notFound) {
      lines.push(`  ${m.questionId} fact ${m.factId ?? '-'} in ${m.document} (${m.reason}): ${JSON.stringify(m.quote)}`);
    }
  }
  return lines.join('\n');
}

/** Percentile of sorted values (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * `npm run eval [-- --today YYYY-MM-DD --questions FILE --knowledge-dir DIR --seeds-dir DIR --json]`.
 * Prints the report (or, with `--json`, the report as JSON) and returns the exit code: 0 when every threshold holds,
 * 1 when one fails, 2 on bad arguments.
 * @example process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[], write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        today: { type: 'string' },
        questions: { type: 'string' },
        'knowledge-dir': { type: 'string' },
        'seeds-dir': { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    process.stderr.write(`eval: --today must be YYYY-MM-DD, got "${values.today}"\n`);
    return 2;
  }
  const questionsFile = values.questions ?? evalDefaults.questions;
  const knowledgeDir = values['knowledge-dir'] ?? evalDefaults.knowledgeDir;
  const seedsDir = values['seeds-dir'] ?? evalDefaults.seedsDir;

  const questions = parseQuestions(readFileSync(questionsFile, 'utf8'), questionsFile);
  const documentsText = loadDocumentsText(seedsDir);
  // Imported here so the scorer itself does not pull in the store and the index.
  const { createPlanwatch } = await import('../planwatch.ts');
  const { openStore } = await import('../store/open.ts');
  const store = await openStore('sqlite::memory:');
  try {
    const core = createPlanwatch({ knowledgeDir, seedsDir, store });
    const run = runEval({ planwatch: core, questions, documentsText, today: values.today });
    const failed = thresholdFailures(run.report);
    const sorted = [...run.latencies].sort((x, y) => x - y);
    if (values.json) {
      write(`${JSON.stringify({ ...run.report, thresholdFailures: failed }, null, 2)}\n`);
    } else {
      write(`${formatReport(run.report)}\n\n`);
      write(`latency per question  p50 ${percentile(sorted, 50).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms  (${questions.length} questions, today ${values.today ?? EVAL_TODAY})\n`);
      write(failed.length ? `FAIL: ${failed.join('; ')}\n` : 'PASS: every threshold holds\n');
    }
    return failed.length ? 1 : 0;
  } finally {
    await store.close();
  }
}
