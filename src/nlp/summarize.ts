import { splitSentences } from './sentences.js';
import { weightedPageRank } from './textrank.js';
import { contentTokens, stem, STOPWORDS, tokenize } from './tokens.js';
import type { ScoredSentence, Sentence } from './types.js';

/**
 * Dateline's extractive summariser, in two halves:
 * - `scoreSentences` runs once per article at ingest; its scores are stored with the sentences.
 * - `selectSummary` runs per command: picks the best-scored sentences, skips near-duplicates,
 *   and returns them in article order. It needs no graph, so it stays well under a millisecond.
 *
 * The score is graph centrality with two views of "similar" (TextRank's log-normalised overlap of
 * stemmed content words, and LexRank-style cosine of word-count vectors), a mild preference for
 * longer sentences (they carry more of the story per pick), and a small lead prior (wire copy puts
 * the news first). Weights were tuned on ../shared/eval/summaries/dev.ndjson; see `npm run eval:summary`.
 */

export interface ScoringParams {
  /** PageRank damping for both graphs. */
  damping: number;
  /** Weight of the cosine graph in the geometric mix (0 = plain overlap TextRank, 1 = cosine only). */
  cosineWeight: number;
  /** Exponent on (content words / article mean): > 0 favours longer sentences. */
  lengthExponent: number;
  /** Lead prior: score × (1 + leadWeight · e^(−index / leadDecay)). */
  leadWeight: number;
  leadDecay: number;
}

/**
 * Tuned on dev (ROUGE-2 F1 at 3 and 5 sentences). A stronger lead prior lowers ROUGE on that data
 * (its references favour central sentences over the lead: leadWeight 0.1 costs ~0.004), so the
 * prior is kept small: enough to break near-ties towards the lead, as wire copy deserves.
 */
export const DEFAULT_SCORING: Readonly<ScoringParams> = {
  damping: 0.85,
  cosineWeight: 0.6,
  lengthExponent: 0.2,
  leadWeight: 0.05,
  leadDecay: 1,
};

/** Two sentences sharing more than this Jaccard fraction of content words are near-duplicates. */
export const REDUNDANCY_THRESHOLD = 0.6;

/** Score every sentence of an article body (dateline and caption already removed by the ingester). */
export function scoreSentences(body: string, params: Readonly<ScoringParams> = DEFAULT_SCORING): ScoredSentence[] {
  const sentences = splitSentences(body);
  const n = sentences.length;
  if (n === 0) return [];
  if (n === 1) return [{ ...sentences[0]!, score: 1 }];

  // 1. words once per sentence, as ids: unstemmed content words for the cosine graph, their stems for overlap
  const { words, stemOfWord } = contentWordIds(sentences);
  // 2. two similarity graphs over the same sentences
  const overlap = weightedPageRank(overlapMatrix(words, stemOfWord), n, params.damping);
  const cosine = params.cosineWeight > 0 ? weightedPageRank(cosineMatrix(words), n, params.damping) : null;

  // 3. centrality × length preference × lead prior
  const meanLength = Math.max(1, words.reduce((sum, t) => sum + t.length, 0) / n);
  return sentences.map((sentence, i) => {
    const centrality = cosine
      ? Math.pow(overlap[i]!, 1 - params.cosineWeight) * Math.pow(cosine[i]!, params.cosineWeight)
      : overlap[i]!;
    const length = Math.pow(Math.max(1, words[i]!.length) / meanLength, params.lengthExponent);
    const lead = 1 + params.leadWeight * Math.exp(-i / params.leadDecay);
    return { ...sentence, score: round(centrality * length * lead) };
  });
}

/**
 * Pick `count` sentences by score, skipping any that repeats an already chosen one (content-word
 * Jaccard above REDUNDANCY_THRESHOLD) unless nothing else is left; return them in article order.
 */
export function selectSummary(sentences: readonly ScoredSentence[], count: number): ScoredSentence[] {
  const wanted = Math.max(0, Math.floor(count));
  if (sentences.length <= wanted) return [...sentences].sort((a, b) => a.index - b.index);

  const ranked = [...sentences].sort((a, b) => b.score - a.score || a.index - b.index);
  const chosen: ScoredSentence[] = [];
  const chosenWords: Set<string>[] = [];
  const skipped: ScoredSentence[] = [];
  for (const sentence of ranked) {
    if (chosen.length >= wanted) break;
    const words = new Set(contentTokens(sentence.text));
    if (chosenWords.some((other) => jaccard(words, other) > REDUNDANCY_THRESHOLD)) {
      skipped.push(sentence);
      continue;
    }
    chosen.push(sentence);
    chosenWords.push(words);
  }
  // a story made of repeats still gets the length asked for
  for (const sentence of skipped) {
    if (chosen.length >= wanted) break;
    chosen.push(sentence);
  }
  return chosen.sort((a, b) => a.index - b.index);
}

/** How much shorter the summary is, in whole percent (0-100): autotldr's "original reduced by 78%". */
export function reductionPercent(bodyLength: number, summaryLength: number): number {
  if (bodyLength <= 0) return 0;
  const ratio = 1 - summaryLength / bodyLength;
  return Math.min(100, Math.max(0, Math.round(ratio * 100)));
}

/** Stories this short have nothing to cut: the command says so instead of "summarising". */
export function isTooShortToSummarize(sentenceCount: number): boolean {
  return sentenceCount <= 2;
}

/**
 * The content words of each sentence (lower-case, stopwords out) as ids numbered within the
 * article, and each id's stem as an id: the graphs compare small integers instead of hashing
 * strings, and each distinct word is stemmed once per article.
 */
function contentWordIds(sentences: readonly Sentence[]): { words: Int32Array[]; stemOfWord: number[] } {
  const wordIds = new Map<string, number>();
  const stemIds = new Map<string, number>();
  const stemOfWord: number[] = [];
  const words = sentences.map((sentence) => {
    const ids: number[] = [];
    for (const w of tokenize(sentence.text)) {
      if (STOPWORDS.has(w)) continue;
      let id = wordIds.get(w);
      if (id === undefined) {
        id = wordIds.size;
        wordIds.set(w, id);
        const st = stem(w);
        let stemId = stemIds.get(st);
        if (stemId === undefined) stemIds.set(st, (stemId = stemIds.size));
        stemOfWord.push(stemId);
      }
      ids.push(id);
    }
    return Int32Array.from(ids);
  });
  return { words, stemOfWord };
}

/** Distinct values of `ids` (mapped through `map`), in first-seen order, with how often each occurs. */
function distinctCounts(ids: Int32Array, map: readonly number[] | null, seen: Int32Array): { values: Int32Array; counts: Int32Array } {
  const values: number[] = [];
  for (const raw of ids) {
    const v = map ? map[raw]! : raw;
    if (seen[v] === 0) values.push(v);
    seen[v]! += 1;
  }
  const counts = new Int32Array(values.length);
  values.forEach((v, k) => {
    counts[k] = seen[v]!;
    seen[v] = 0;
  });
  return { values: Int32Array.from(values), counts };
}

/**
 * textrank.ts's `similarityMatrix` over the stems: shared distinct stems / (log|Si| + log|Sj|), the
 * lengths counting every word. The shared count is an integer whatever the method, so the values
 * are the same bit for bit.
 */
function overlapMatrix(words: readonly Int32Array[], stemOfWord: readonly number[]): Float64Array {
  const n = words.length;
  const marks = new Int32Array(stemOfWord.length);
  const stems = words.map((ids) => distinctCounts(ids, stemOfWord, marks).values);
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const mine = stems[i]!;
    for (const v of mine) marks[v] = 1;
    for (let j = i + 1; j < n; j++) {
      const denominator = Math.log(words[i]!.length) + Math.log(words[j]!.length);
      if (!(denominator > 0)) continue;
      let shared = 0;
      for (const v of stems[j]!) shared += marks[v]!;
      const w = shared / denominator;
      matrix[i * n + j] = w;
      matrix[j * n + i] = w;
    }
    for (const v of mine) marks[v] = 0;
  }
  return matrix;
}

/**
 * Cosine of word-count vectors (lower-case, stopwords out, unstemmed): LexRank's graph without idf.
 * Dot products and squared norms are sums of small integers, exact in any order.
 */
function cosineMatrix(words: readonly Int32Array[]): Float64Array {
  const n = words.length;
  let vocabulary = 0;
  for (const ids of words) for (const id of ids) vocabulary = Math.max(vocabulary, id + 1);
  const counts = new Int32Array(vocabulary);
  const vectors = words.map((ids) => distinctCounts(ids, null, counts));
  const norms = vectors.map(({ counts: c }) => {
    let s = 0;
    for (const x of c) s += x * x;
    return Math.sqrt(s);
  });
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (norms[i] === 0) continue;
    const mine = vectors[i]!;
    mine.values.forEach((v, k) => (counts[v] = mine.counts[k]!));
    for (let j = i + 1; j < n; j++) {
      if (norms[j] === 0) continue;
      const other = vectors[j]!;
      let dot = 0;
      for (let k = 0; k < other.values.length; k++) dot += other.counts[k]! * counts[other.values[k]!]!;
      const value = dot / (norms[i]! * norms[j]!);
      matrix[i * n + j] = value;
      matrix[j * n + i] = value;
    }
    for (const v of mine.values) counts[v] = 0;
  }
  return matrix;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Stored scores need no more precision than this; it keeps the stored JSON small. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
