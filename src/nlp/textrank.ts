import type { Sentence } from './types.js';
import { contentTokens } from './tokens.js';

/**
 * Plain TextRank (Mihalcea & Tarau 2004, section 4) as the evaluation baseline: sentences are
 * vertices, edges weigh the word overlap normalised by the logs of the sentence lengths, and
 * weighted PageRank with damping 0.85 scores them. No position prior, no redundancy control.
 */

export const TEXTRANK_DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;

/**
 * Similarity(Si, Sj) = |{w : w in Si and w in Sj}| / (log|Si| + log|Sj|).
 * Counts distinct shared words; 0 when the denominator is not positive (two one-word sentences).
 */
export function overlapSimilarity(a: ReadonlySet<string>, aLength: number, b: ReadonlySet<string>, bLength: number): number {
  const denominator = Math.log(aLength) + Math.log(bLength);
  if (!(denominator > 0)) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) shared++;
  return shared / denominator;
}

/**
 * Where each word occurs: word → [sentence, count, sentence, count, …] in sentence order. The
 * graphs add up shared words per pair from these lists, so a pair of sentences costs nothing unless
 * they share a word (comparing every pair's sets was most of the graphs' time).
 */
export function postingsOf(sentences: readonly (readonly string[])[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  sentences.forEach((words, i) => {
    for (const w of words) {
      let list = postings.get(w);
      if (!list) postings.set(w, (list = []));
      if (list.length > 0 && list[list.length - 2] === i) list[list.length - 1]! += 1;
      else list.push(i, 1);
    }
  });
  return postings;
}

/**
 * The symmetric similarity matrix of tokenised sentences (row-major, zero diagonal): `overlapSimilarity`
 * for every pair, from word postings. The shared counts are integers whatever the order they are
 * added in, so the values are those of the pairwise definition bit for bit.
 */
export function similarityMatrix(tokens: readonly (readonly string[])[]): Float64Array {
  const n = tokens.length;
  const shared = new Float64Array(n * n);
  for (const list of postingsOf(tokens).values()) {
    for (let a = 0; a < list.length; a += 2) for (let b = a + 2; b < list.length; b += 2) shared[list[a]! * n + list[b]!]! += 1;
  }
  // (each sentence's log once, not once per pair: the same values, so the same sums)
  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) logs[i] = Math.log(tokens[i]!.length);
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const denominator = logs[i]! + logs[j]!;
      if (!(denominator > 0)) continue;
      const w = shared[i * n + j]! / denominator;
      matrix[i * n + j] = w;
      matrix[j * n + i] = w;
    }
  }
  return matrix;
}

/**
 * Weighted PageRank over a symmetric weight matrix:
 * WS(Vi) = (1 - d) + d * sum_j (w_ji / sum_k w_jk) * WS(Vj), iterated to convergence.
 */
export function weightedPageRank(matrix: Float64Array, n: number, damping = TEXTRANK_DAMPING): Float64Array {
  const outSum = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += matrix[j * n + k]!;
    outSum[j] = s;
  }
  let scores = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const w = matrix[j * n + i]!;
        if (w > 0) sum += (w / outSum[j]!) * scores[j]!;
      }
      const value = 1 - damping + damping * sum;
      change = Math.max(change, Math.abs(value - scores[i]!));
      next[i] = value;
    }
    [scores, next] = [next, scores];
    if (change < TOLERANCE) break;
  }
  return scores;
}

/** TextRank scores of tokenised sentences. */
export function textRankScores(tokens: readonly (readonly string[])[], damping = TEXTRANK_DAMPING): number[] {
  return Array.from(weightedPageRank(similarityMatrix(tokens), tokens.length, damping));
}

/** Indices of the `count` highest scores (ties: earlier sentence first), returned in article order. */
export function topIndicesInOrder(scores: readonly number[], count: number): number[] {
  return scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, Math.max(0, count))
    .map((s) => s.index)
    .sort((a, b) => a - b);
}

/**
 * The baseline summary: top `count` sentences by TextRank, in article order.
 * Words: lower-case, stopwords removed, Porter-stemmed (the common reading of the paper's "words").
 */
export function textRankSummary<S extends Sentence>(sentences: readonly S[], count: number): S[] {
  const scores = textRankScores(sentences.map((s) => contentTokens(s.text)));
  return topIndicesInOrder(scores, count).map((i) => sentences[i]!);
}
