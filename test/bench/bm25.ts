/**
 * The baseline planwatch must beat: a naive BM25 scan over the seeds' sentences,
 * tokenized with planwatch's own tokenizer (jieba with the fact base's dictionary).
 *
 * Naive means no index of any kind: every question tokenizes every sentence,
 * counts document frequencies and lengths, and scores each sentence. The
 * prepared variant tokenizes the sentences once and keeps their term counts (a
 * forward index, still no inverted index, still a scan of every sentence); the
 * bench prints it for reference.
 */
import { normalizeForMatch } from '../../src/documents/normalize.ts';

/** BM25 parameters. Defaults k1 = 1.2, b = 0.75 (the usual ones). */
export interface Bm25Options {
  k1?: number;
  b?: number;
  /** Sentences kept per question. Default 10. */
  top?: number;
}

/** One scored sentence. */
export interface Bm25Hit {
  sentence: number;
  score: number;
}

/** A BM25 scanner over a fixed list of sentences. */
export interface Bm25Scan {
  sentences: readonly string[];
  /** Scores every sentence for `question`; the best `top`, best first. */
  search(question: string): Bm25Hit[];
}

const bm25Defaults = { k1: 1.2, b: 0.75, top: 10 };

const SENTENCE_END = /[。！？；!?;\n]+/;

/** Sentences of a text, normalized for matching (full-width, traditional, spaces), empty ones dropped. */
export function splitIntoSentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => normalizeForMatch(s))
    .filter((s) => s.length > 1);
}

/** Term counts of every sentence, their lengths and the document frequency of every term. */
interface Corpus {
  tfs: Array<Map<string, number>>;
  lengths: number[];
  df: Map<string, number>;
  avgLength: number;
}

function countTerms(sentences: readonly string[], tokenize: (text: string) => string[]): Corpus {
  const tfs: Array<Map<string, number>> = [];
  const lengths: number[] = [];
  const df = new Map<string, number>();
  for (const sentence of sentences) {
    const tf = new Map<string, number>();
    const tokens = tokenize(sentence);
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    tfs.push(tf);
    lengths.push(tokens.length);
  }
  return { tfs, lengths, df, avgLength: lengths.reduce((s, l) => s + l, 0) / Math.max(1, sentences.length) };
}

/** Scores every sentence of `corpus` for the question's tokens; the best `top`, best first. */
function scoreAll(corpus: Corpus, questionTokens: string[], options: Required<Bm25Options>): Bm25Hit[] {
  const { k1, b, top } = options;
  const n = corpus.tfs.length;
  const terms = [...new Set(questionTokens)].map((t) => {
    const d = corpus.df.get(t) ?? 0;
    return [t, Math.log(1 + (n - d + 0.5) / (d + 0.5))] as const;
  });
  const best: Bm25Hit[] = [];
  for (let i = 0; i < n; i += 1) {
    const tf = corpus.tfs[i]!;
    const norm = k1 * (1 - b + (b * corpus.lengths[i]!) / corpus.avgLength);
    let score = 0;
    for (const [t, idf] of terms) {
      const f = tf.get(t);
      if (f !== undefined) score += (idf * f * (k1 + 1)) / (f + norm);
    }
    if (score <= 0 || (best.length === top && score <= best[best.length - 1]!.score)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at -= 1;
    best.splice(at, 0, { sentence: i, score });
    if (best.length > top) best.pop();
  }
  return best;
}

/**
 * The naive scan: each question tokenizes every sentence, then scores them all.
 * @example createNaiveBm25(sentences, base.segmenter.tokenize).search('河南5G基站总数')[0]
 */
export function createNaiveBm25(sentences: readonly string[], tokenize: (text: string) => string[], options: Bm25Options = {}): Bm25Scan {
  const merged = { ...bm25Defaults, ...options };
  return { sentences, search: (question) => scoreAll(countTerms(sentences, tokenize), tokenize(question), merged) };
}

/** The prepared scan: sentences tokenized and counted once, every sentence still scored per question. */
export function createPreparedBm25(sentences: readonly string[], tokenize: (text: string) => string[], options: Bm25Options = {}): Bm25Scan {
  const merged = { ...bm25Defaults, ...options };
  const corpus = countTerms(sentences, tokenize);
  return { sentences, search: (question) => scoreAll(corpus, tokenize(question), merged) };
}
