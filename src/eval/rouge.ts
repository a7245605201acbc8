import { stemmedTokens } from '../nlp/tokens.js';

/**
 * ROUGE as Google's rouge-score computes it (use_stemmer=True): lower-case alphanumeric tokens,
 * Porter stemming of tokens longer than three characters, F1 of clipped n-gram overlap, and
 * ROUGE-Lsum as the summary-level union-LCS over newline-split sentences.
 */
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeLsum: RougeScore;
}

/** Sentences as stemmed token lists: tokenise once, score many times (the oracle does). */
export type TokenizedSentences = readonly (readonly string[])[];

export function tokenizeSentences(sentences: readonly string[]): string[][] {
  return sentences.map(stemmedTokens);
}

function score(overlap: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal > 0 ? overlap / candidateTotal : 0;
  const recall = referenceTotal > 0 ? overlap / referenceTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** n-gram counts of one token list (n-grams never cross the list's ends). */
export function ngramCounts(tokens: readonly string[], n: number, into = new Map<string, number>()): Map<string, number> {
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    into.set(gram, (into.get(gram) ?? 0) + 1);
  }
  return into;
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const c of counts.values()) sum += c;
  return sum;
}

/** Clipped overlap: each n-gram counts as often as it appears in both. */
function overlapCount(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let overlap = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [gram, count] of small) {
    const other = large.get(gram);
    if (other) overlap += Math.min(count, other);
  }
  return overlap;
}

/**
 * ROUGE-N over whole texts. rouge-score tokenises the full text, so n-grams may span sentence
 * boundaries; here the sentences are concatenated first to do the same.
 */
export function rougeN(candidate: TokenizedSentences, reference: TokenizedSentences, n: number): RougeScore {
  const c = ngramCounts(candidate.flat(), n);
  const r = ngramCounts(reference.flat(), n);
  return score(overlapCount(c, r), total(c), total(r));
}

/** ROUGE-N from precomputed counts (for the greedy oracle's many trials). */
export function rougeNFromCounts(candidate: ReadonlyMap<string, number>, reference: ReadonlyMap<string, number>): RougeScore {
  return score(overlapCount(candidate, reference), total(candidate), total(reference));
}

/** Positions in `a` of one longest common subsequence of `a` and `b`. */
export function lcsIndices(a: readonly string[], b: readonly string[]): number[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      table[i * cols + j] =
        a[i - 1] === b[j - 1] ? table[(i - 1) * cols + j - 1]! + 1 : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  // backtrack as rouge-score's _backtrack_norec does (prefer moving up in `a` on ties)
  const picked: number[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      picked.push(i - 1);
      i--;
      j--;
    } else if (table[i * cols + j - 1]! > table[(i - 1) * cols + j]!) {
      j--;
    } else {
      i--;
    }
  }
  return picked.reverse();
}

/** Length of the longest common subsequence. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  return lcsIndices(a, b).length;
}

/**
 * ROUGE-Lsum: for each reference sentence, the union of its LCS with every candidate sentence;
 * hits are clipped by how often each token occurs on both sides (rouge-score `_summary_level_lcs`).
 */
export function rougeLsum(candidate: TokenizedSentences, reference: TokenizedSentences): RougeScore {
  const referenceTotal = reference.reduce((n, s) => n + s.length, 0);
  const candidateTotal = candidate.reduce((n, s) => n + s.length, 0);
  if (referenceTotal === 0 || candidateTotal === 0) return { precision: 0, recall: 0, f1: 0 };

  const refCounts = ngramCounts(reference.flat(), 1);
  const candCounts = ngramCounts(candidate.flat(), 1);
  let hits = 0;
  for (const ref of reference) {
    const union = new Set<number>();
    for (const cand of candidate) for (const i of lcsIndices(ref, cand)) union.add(i);
    for (const i of [...union].sort((x, y) => x - y)) {
      const token = ref[i]!;
      const r = refCounts.get(token) ?? 0;
      const c = candCounts.get(token) ?? 0;
      if (r > 0 && c > 0) {
        hits++;
        refCounts.set(token, r - 1);
        candCounts.set(token, c - 1);
      }
    }
  }
  return score(hits, candidateTotal, referenceTotal);
}

/** All three measures for one candidate summary against one reference, both given as sentences. */
export function rougeScores(candidate: TokenizedSentences, reference: TokenizedSentences): RougeScores {
  return {
    rouge1: rougeN(candidate, reference, 1),
    rouge2: rougeN(candidate, reference, 2),
    rougeLsum: rougeLsum(candidate, reference),
  };
}

/** Convenience over raw sentence strings. */
export function rougeScoresOfText(candidateSentences: readonly string[], referenceSentences: readonly string[]): RougeScores {
  return rougeScores(tokenizeSentences(candidateSentences), tokenizeSentences(referenceSentences));
}
