/**
 * Scoring planwatch against a question set: are the figures right, are the
 * refusals refusals, and does every quote shown to a user stand in its document?
 *
 * Pure: questions, answers and document texts in, a report out. The answers may
 * be full `Answer`s (in process) or the `ask --json` contract (batch CLI): only
 * `answered`, `text` and `facts` are required.
 */
import { z } from 'zod';
import { normalizeForMatch } from '../documents/normalize.ts';

/** What a question of the set asks for. */
export const EvalKind = z.enum(['value', 'list', 'define', 'deadline', 'refuse', 'compare']);
export type EvalKind = z.infer<typeof EvalKind>;

/** Every kind, in report order. */
export const evalKinds: readonly EvalKind[] = EvalKind.options;

/** Kinds scored for figure accuracy (all but `refuse`). */
export const figureKinds: readonly EvalKind[] = ['value', 'deadline', 'list', 'compare', 'define'];

/**
 * One line of a question set (`test/eval/questions.jsonl`).
 * `expect` holds the figures (or words) the answer must contain, as the source writes them: "18万", "5.5%", "3至5个".
 */
export const EvalQuestion = z
  .object({
    id: z.string().min(1),
    q: z.string().min(1),
    kind: EvalKind,
    /** The region the answer's top fact must belong to (value and deadline questions). */
    region: z.string().min(1).optional(),
    expect: z.array(z.string().min(1)).default([]),
  })
  .refine((q) => q.kind === 'refuse' || q.expect.length > 0, { message: 'a question that is not a refusal needs at least one expect string' });
export type EvalQuestion = z.infer<typeof EvalQuestion>;

/** A broken question file or a mismatched run: a bug in the inputs, not an outcome. */
export class EvalError extends Error {
  override readonly name = 'EvalError';
  constructor(
    readonly code: 'PLANWATCH_EVAL_BAD_QUESTION' | 'PLANWATCH_EVAL_MISMATCH' | 'PLANWATCH_EVAL_BAD_DOCUMENT',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses a JSONL question set, one question per non-empty line.
 * @throws EvalError `PLANWATCH_EVAL_BAD_QUESTION` naming the source, the line and the problem; also on duplicate ids.
 * @example parseQuestions(readFileSync('test/eval/questions.jsonl', 'utf8'), 'questions.jsonl')
 */
export function parseQuestions(text: string, source = 'questions'): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const seen = new Set<string>();
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (error) {
      throw new EvalError('PLANWATCH_EVAL_BAD_QUESTION', `eval: ${source}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = EvalQuestion.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `field "${issue.path.join('.')}"` : 'question';
      throw new EvalError('PLANWATCH_EVAL_BAD_QUESTION', `eval: ${source}:${i + 1}: ${where}: ${issue?.message ?? 'invalid'}`);
    }
    if (seen.has(parsed.data.id)) throw new EvalError('PLANWATCH_EVAL_BAD_QUESTION', `eval: ${source}:${i + 1}: duplicate id "${parsed.data.id}"`);
    seen.add(parsed.data.id);
    questions.push(parsed.data);
  }
  return questions;
}

/** A citation as far as scoring needs it. */
export interface ScoredCitation {
  document: string;
  quote: string;
}

/** A fact as far as scoring needs it (a `FactHit` fits). */
export interface ScoredFact {
  id: string;
  region: string;
  value: string;
  year: number | null;
  deadline: string | null;
  citations: readonly ScoredCitation[];
}

/** An answer as far as scoring needs it: an `Answer`, or one line of `ask --json`. */
export interface ScoredAnswer {
  answered: boolean;
  text: string;
  facts: readonly ScoredFact[];
  /** Refusals' nearest facts: shown to users, so their quotes are checked too. */
  suggestions?: readonly ScoredFact[];
  /** Numbered sources: shown to users, so their quotes are checked too. */
  sources?: readonly (ScoredCitation & { factId?: string })[];
}

/** A passed or failed share. `rate` is 1 when `total` is 0. */
export interface Ratio {
  passed: number;
  total: number;
  rate: number;
}

/** How one question fared. */
export interface QuestionOutcome {
  id: string;
  kind: EvalKind;
  q: string;
  pass: boolean;
  /** Why it failed; null when it passed. */
  reason: string | null;
  answered: boolean;
  /** The top fact's region and value, when the answer has facts. */
  top: { region: string; value: string; year: number | null } | null;
}

/** A cited quote that its document does not contain. */
export interface QuoteMiss {
  questionId: string;
  factId: string | null;
  document: string;
  quote: string;
  reason: 'unknown document' | 'not in document';
}

/** The outcome of {@link scoreAnswers}. */
export interface EvalReport {
  total: number;
  /** value/deadline: answered, top fact's region (when given) and value/deadline hold every expect; list/compare/define: the text holds them. */
  figureAccuracy: Ratio;
  /** Refuse questions answered with `answered: false`. */
  refusalAccuracy: Ratio;
  /** Questions that are not refusals and were answered (not refused). */
  answerRate: Ratio;
  quotes: { checked: number; notFound: QuoteMiss[] };
  byKind: Record<EvalKind, Ratio>;
  outcomes: QuestionOutcome[];
  failures: QuestionOutcome[];
}

function ratio(passed: number, total: number): Ratio {
  return { passed, total, rate: total === 0 ? 1 : passed / total };
}

function missing(expect: readonly string[], haystack: string): string[] {
  const key = normalizeForMatch(haystack);
  return expect.filter((e) => !key.includes(normalizeForMatch(e)));
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

/** Why a non-refusal question failed, or null when it passed. */
function judge(question: EvalQuestion, answer: ScoredAnswer): string | null {
  if (!answer.answered) return 'refused';
  if (question.kind === 'list' || question.kind === 'compare' || question.kind === 'define') {
    const lacking = missing(question.expect, answer.text);
    return lacking.length ? `text lacks ${quoteList(lacking)}` : null;
  }
  const top = answer.facts[0];
  if (!top) return 'answered without facts';
  if (question.region !== undefined && top.region !== question.region) return `top fact is ${top.region}, expected ${question.region}`;
  if (question.kind === 'deadline') {
    const lacking = missing(question.expect, [top.deadline ?? '', top.year ?? '', top.value].join(' '));
    return lacking.length ? `top fact (${top.value}, deadline ${top.deadline ?? 'none'}) lacks ${quoteList(lacking)}` : null;
  }
  const lacking = missing(question.expect, top.value);
  return lacking.length ? `top fact value "${top.value}" lacks ${quoteList(lacking)}` : null;
}

/** Every (fact id, citation) a user sees in one answer. */
function shownCitations(answer: ScoredAnswer): Array<{ factId: string | null; citation: ScoredCitation }> {
  const shown: Array<{ factId: string | null; citation: ScoredCitation }> = [];
  for (const fact of [...answer.facts, ...(answer.suggestions ?? [])]) {
    for (const citation of fact.citations) shown.push({ factId: fact.id, citation });
  }
  for (const source of answer.sources ?? []) shown.push({ factId: source.factId ?? null, citation: source });
  return shown;
}

/**
 * Scores answers against their questions (same order, same length).
 *
 * Figures: a value question passes when it is answered and every expect string is in the top fact's value (and the top
 * fact's region is `region` when given); a deadline question the same over the top fact's deadline, year and value; list,
 * compare and define questions when every expect string is in the answer text. Refusals pass when `answered` is false.
 * Quotes: every citation of every fact, suggestion and source must be found in its document; both sides are compared
 * through `normalizeForMatch`. Matching of expect strings is through `normalizeForMatch` too (full-width, traditional).
 *
 * @param documentsText document id → the document's text (as `readDocument` gives it)
 * @throws EvalError `PLANWATCH_EVAL_MISMATCH` when there are not as many answers as questions
 * @example
 * const report = scoreAnswers(questions, questions.map((q) => core.ask(q.q, { today })), loadDocumentsText('seeds'));
 * report.figureAccuracy.rate; // 0.97
 */
export function scoreAnswers(
  questions: readonly EvalQuestion[],
  answers: readonly ScoredAnswer[],
  documentsText: ReadonlyMap<string, string>,
): EvalReport {
  if (answers.length !== questions.length) {
    throw new EvalError('PLANWATCH_EVAL_MISMATCH', `eval: ${questions.length} questions but ${answers.length} answers`);
  }
  const normalizedDocs = new Map<string, string>();
  const documentKey = (id: string): string | undefined => {
    let key = normalizedDocs.get(id);
    if (key === undefined) {
      const text = documentsText.get(id);
      if (text === undefined) return undefined;
      key = normalizeForMatch(text);
      normalizedDocs.set(id, key);
    }
    return key;
  };

  const outcomes: QuestionOutcome[] = [];
  const notFound: QuoteMiss[] = [];
  const checkedQuotes = new Set<string>();
  let checked = 0;
  for (const [i, question] of questions.entries()) {
    const answer = answers[i]!;
    const reason =
      question.kind === 'refuse' ? (answer.answered ? 'answered, expected a refusal' : null) : judge(question, answer);
    const top = answer.facts[0];
    outcomes.push({
      id: question.id,
      kind: question.kind,
      q: question.q,
      pass: reason === null,
      reason,
      answered: answer.answered,
      top: top ? { region: top.region, value: top.value, year: top.year } : null,
    });

    for (const { factId, citation } of shownCitations(answer)) {
      const dedupe = `${question.id}\u0000${citation.document}\u0000${citation.quote}`;
      if (checkedQuotes.has(dedupe)) continue;
      checkedQuotes.add(dedupe);
      checked += 1;
      const doc = documentKey(citation.document);
      if (doc === undefined) {
        notFound.push({ questionId: question.id, factId, document: citation.document, quote: citation.quote, reason: 'unknown document' });
      } else if (!doc.includes(normalizeForMatch(citation.quote))) {
        notFound.push({ questionId: question.id, factId, document: citation.document, quote: citation.quote, reason: 'not in document' });
      }
    }
  }

  const count = (pick: (o: QuestionOutcome) => boolean, pass: (o: QuestionOutcome) => boolean): Ratio => {
    const chosen = outcomes.filter(pick);
    return ratio(chosen.filter(pass).length, chosen.length);
  };
  const byKind = Object.fromEntries(
    evalKinds.map((kind) => [kind, count((o) => o.kind === kind, (o) => o.pass)]),
  ) as Record<EvalKind, Ratio>;

  return {
    total: questions.length,
    figureAccuracy: count((o) => o.kind !== 'refuse', (o) => o.pass),
    refusalAccuracy: count((o) => o.kind === 'refuse', (o) => o.pass),
    answerRate: count((o) => o.kind !== 'refuse', (o) => o.answered),
    quotes: { checked, notFound },
    byKind,
    outcomes,
    failures: outcomes.filter((o) => !o.pass),
  };
}

/** The bar the project's question set must clear. */
export interface EvalThresholds {
  /** Lowest figure accuracy. Default 0.95. */
  figureAccuracy: number;
  /** Lowest refusal accuracy. Default 0.95. */
  refusalAccuracy: number;
  /** Most quotes not found. Default 0. */
  quotesNotFound: number;
}

/** The thresholds of planwatch issue 3: 95%, 95%, no quote missing. */
export const evalThresholds: EvalThresholds = { figureAccuracy: 0.95, refusalAccuracy: 0.95, quotesNotFound: 0 };

/** What falls short of the thresholds, one sentence each; empty when the report passes. */
export function thresholdFailures(report: EvalReport, thresholds: EvalThresholds = evalThresholds): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const failed: string[] = [];
  if (report.figureAccuracy.rate < thresholds.figureAccuracy) {
    failed.push(`figure accuracy ${pct(report.figureAccuracy.rate)} < ${pct(thresholds.figureAccuracy)}`);
  }
  if (report.refusalAccuracy.rate < thresholds.refusalAccuracy) {
    failed.push(`refusal accuracy ${pct(report.refusalAccuracy.rate)} < ${pct(thresholds.refusalAccuracy)}`);
  }
  if (report.quotes.notFound.length > thresholds.quotesNotFound) {
    failed.push(`${report.quotes.notFound.length} cited quote(s) not found in their documents (allowed ${thresholds.quotesNotFound})`);
  }
  return failed;
}
