import { splitSentences } from './sentences.js';
import { postingsOf, similarityMatrix, weightedPageRank } from './textrank.js';
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

/**
 * Sentences scored by the graphs: both are n×n, so a body of thousands of sentences would take
 * minutes and gigabytes (issue 18: 1 MB took 88 s; 10 MB overflowed a typed array). The first
 * GRAPH_SENTENCES are scored as usual; the rest get a floor score below all of them (wire copy puts
 * the news first). Real stories stay under it: the longest of the summary eval sets has ~200 sentences.
 */
export const GRAPH_SENTENCES = 400;

/**
 * What made a story's stored sentences: the splitter (sentences.ts) and these scores. Bump it with
 * each change that moves a sentence's bounds or score, so `dateline reanalyze` splits the stories an
 * older one stored again (their summaries, and the places and digest features read from them).
 * 1: the splitter and scorer as first stored.
 * 2: a sentence ends after a company's form when a plain sentence opener follows ("... of Libra Bank
 *    Plc. However, ...").
 * 3: a sentence ends after a quotation closed by the NYT's doubled apostrophes ("policy.'' The network said").
 * 4: a sentence ends after a company's form when a name and its verb of saying follow ("... of Drexel
 *    Burnham Lambert Inc. Healy said").
 * 5: a sentence ends after a company's form when a quotation opening on a capital follows ("... of Merrill Lynch
 *    Economics Inc. "The Fed has confidence ...," McCarthy said."), or any capitalised word after an inverted
 *    attribution of a quotation ("...," said Simon Greenshields, a vice president with Morgan Stanley and Co Inc.
 *    News today ...").
 */
export const SENTENCE_ANALYZER_VERSION = 5;

/** Score every sentence of an article body (dateline and caption already removed by the ingester). */
export function scoreSentences(body: string, params: Readonly<ScoringParams> = DEFAULT_SCORING): ScoredSentence[] {
  const all = splitSentences(body);
  if (all.length <= GRAPH_SENTENCES) return scoreSplit(all, params);
  const scored = scoreSplit(all.slice(0, GRAPH_SENTENCES), params);
  const floor = round(Math.min(...scored.map((s) => s.score)) / 2);
  return [...scored, ...all.slice(GRAPH_SENTENCES).map((sentence) => ({ ...sentence, score: floor }))];
}

function scoreSplit(sentences: readonly Sentence[], params: Readonly<ScoringParams>): ScoredSentence[] {
  const n = sentences.length;
  if (n === 0) return [];
  if (n === 1) return [{ ...sentences[0]!, score: 1 }];

  // 1. words once per sentence: unstemmed content words for the cosine graph, stemmed for overlap
  const words = sentences.map((s) => tokenize(s.text).filter((w) => !STOPWORDS.has(w)));
  const stemmed = words.map((ws) => ws.map(stem));
  // 2. two similarity graphs over the same sentences
  const overlap = weightedPageRank(similarityMatrix(stemmed), n, params.damping);
  const cosine = params.cosineWeight > 0 ? weightedPageRank(cosineMatrix(words), n, params.damping) : null;

  // 3. centrality × length preference × lead prior
  const meanLength = Math.max(1, stemmed.reduce((sum, t) => sum + t.length, 0) / n);
  return sentences.map((sentence, i) => {
    const centrality = cosine ? Math.pow(overlap[i]!, 1 - params.cosineWeight) * Math.pow(cosine[i]!, params.cosineWeight) : overlap[i]!;
    const length = Math.pow(Math.max(1, stemmed[i]!.length) / meanLength, params.lengthExponent);
    const lead = 1 + params.leadWeight * Math.exp(-i / params.leadDecay);
    // (a literal of the split's four fields, in their order: copying by spread cost more than the scoring around it)
    return {
      index: sentence.index,
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      score: round(centrality * length * lead),
    };
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
 * Cosine of word-count vectors (lower-case, stopwords out, unstemmed): LexRank's graph without idf.
 * Dot products and squared norms are sums of small integers: exact in any order.
 */
function cosineMatrix(words: readonly (readonly string[])[]): Float64Array {
  const n = words.length;
  const dots = new Float64Array(n * n);
  const squares = new Float64Array(n);
  for (const list of postingsOf(words).values()) {
    for (let a = 0; a < list.length; a += 2) {
      const i = list[a]!;
      const count = list[a + 1]!;
      squares[i]! += count * count;
      for (let b = a + 2; b < list.length; b += 2) dots[i * n + list[b]!]! += count * list[b + 1]!;
    }
  }
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) norms[i] = Math.sqrt(squares[i]!);
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (norms[i] === 0 || norms[j] === 0) continue;
      const value = dots[i * n + j]! / (norms[i]! * norms[j]!);
      matrix[i * n + j] = value;
      matrix[j * n + i] = value;
    }
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
