import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, isTooShortToSummarize, reductionPercent, scoreSentences, selectSummary } from '../../src/nlp/summarize.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { overlapSimilarity, weightedPageRank } from '../../src/nlp/textrank.js';
import { stem, STOPWORDS, tokenize } from '../../src/nlp/tokens.js';
import { reutersCorpus } from '../helpers/paths.js';
import type { ScoredSentence } from '../../src/nlp/types.js';

const SAMPLE = readFileSync(new URL('../../../shared/sample/xinhua-2017-09-09-deir-al-zour.txt', import.meta.url), 'utf8');
/** The body as the ingester stores it: dateline prefix and caption removed. */
const BODY = SAMPLE.slice(SAMPLE.indexOf('The U.S.-backed Syrian Democratic Forces'));

function scored(texts: string[], scores: number[]): ScoredSentence[] {
  let start = 0;
  return texts.map((text, index) => {
    const s = { index, start, end: start + text.length, text, score: scores[index]! };
    start += text.length + 1;
    return s;
  });
}

describe('scoreSentences', () => {
  const sentences = scoreSentences(BODY);

  it('splits a dateline-free body from its first character and scores every sentence', () => {
    expect(sentences).toHaveLength(11);
    expect(sentences[0]).toMatchObject({ index: 0, start: 0 });
    expect(sentences[0]!.text.startsWith('The U.S.-backed Syrian Democratic Forces (SDF) declared')).toBe(true);
    for (const s of sentences) {
      expect(Number.isFinite(s.score)).toBe(true);
      expect(s.score).toBeGreaterThan(0);
    }
  });

  it('is deterministic (scores are stored at ingest and must not drift)', () => {
    expect(scoreSentences(BODY)).toEqual(sentences);
  });

  it('handles empty and one-sentence bodies', () => {
    expect(scoreSentences('')).toEqual([]);
    expect(scoreSentences('Only one sentence here.')).toEqual([{ index: 0, start: 0, end: 23, text: 'Only one sentence here.', score: 1 }]);
  });

  it('ranks sentences about the story above an aside', () => {
    const body =
      'Rebels attacked the city of Raqqa at dawn on Monday. The weather was mild. ' +
      'The army said rebels attacked Raqqa from the north. Residents of Raqqa fled as rebels attacked the city. ' +
      'A football match was postponed.';
    const s = scoreSentences(body);
    const aside = Math.max(s[1]!.score, s[4]!.score);
    expect(Math.min(s[0]!.score, s[2]!.score, s[3]!.score)).toBeGreaterThan(aside);
  });
});

describe('selectSummary', () => {
  it('picks the best scores and returns them in article order', () => {
    const s = scored(['Alpha one.', 'Beta two.', 'Gamma three.', 'Delta four.'], [0.1, 0.9, 0.2, 0.8]);
    expect(selectSummary(s, 2).map((x) => x.index)).toEqual([1, 3]);
  });

  it('skips a near-duplicate of a chosen sentence', () => {
    const s = scored(
      [
        'Troops entered the city of Raqqa on Monday.',
        'On Monday troops entered the city of Raqqa.',
        'Aid convoys are waiting at the border.',
      ],
      [0.9, 0.85, 0.3],
    );
    expect(selectSummary(s, 2).map((x) => x.index)).toEqual([0, 2]);
  });

  it('still fills the budget when only repeats are left', () => {
    const s = scored(['Troops entered Raqqa.', 'Troops entered Raqqa.', 'Troops entered Raqqa!'], [0.9, 0.8, 0.7]);
    expect(selectSummary(s, 2).map((x) => x.index)).toEqual([0, 1]);
  });

  it('returns the whole story when it is no longer than the budget', () => {
    const s = scored(['One.', 'Two.'], [0.1, 0.2]);
    expect(selectSummary(s, 3).map((x) => x.index)).toEqual([0, 1]);
    expect(selectSummary(s, 0)).toEqual([]);
  });

  it('selects from the sample in story order', () => {
    const picked = selectSummary(scoreSentences(BODY), 3).map((x) => x.index);
    expect(picked).toHaveLength(3);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
  });
});

describe('reductionPercent and short stories', () => {
  it.each([
    [1000, 220, 78],
    [1000, 1000, 0],
    [1000, 0, 100],
    [0, 0, 0],
    [100, 150, 0],
  ])('body %i, summary %i → %i%%', (body, summary, expected) => {
    expect(reductionPercent(body, summary)).toBe(expected);
  });

  it('treats one or two sentences as nothing to cut', () => {
    expect(isTooShortToSummarize(1)).toBe(true);
    expect(isTooShortToSummarize(2)).toBe(true);
    expect(isTooShortToSummarize(3)).toBe(false);
  });
});

/** scoreSentences as first written, comparing every pair of sentences by string sets and count maps: the word-postings graphs must match it bit for bit. */
function referenceScores(body: string): number[] {
  const sentences = splitSentences(body);
  const n = sentences.length;
  if (n <= 1) return sentences.map(() => 1);
  const words = sentences.map((s) => tokenize(s.text).filter((w) => !STOPWORDS.has(w)));
  const stemmed = words.map((ws) => ws.map(stem));
  const vectors = words.map((ws) => {
    const counts = new Map<string, number>();
    for (const w of ws) counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  });
  const norms = vectors.map((v) => Math.sqrt([...v.values()].reduce((s, c) => s + c * c, 0)));
  const cosine = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (norms[i] === 0 || norms[j] === 0) continue;
      let dot = 0;
      for (const [w, c] of vectors[i]!) dot += c * (vectors[j]!.get(w) ?? 0);
      cosine[i * n + j] = cosine[j * n + i] = dot / (norms[i]! * norms[j]!);
    }
  }
  const sets = stemmed.map((t) => new Set(t));
  const pairwise = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++)
      pairwise[i * n + j] = pairwise[j * n + i] = overlapSimilarity(sets[i]!, stemmed[i]!.length, sets[j]!, stemmed[j]!.length);
  }
  const p = DEFAULT_SCORING;
  const overlap = weightedPageRank(pairwise, n, p.damping);
  const cos = weightedPageRank(cosine, n, p.damping);
  const meanLength = Math.max(1, stemmed.reduce((sum, t) => sum + t.length, 0) / n);
  return sentences.map((_, i) => {
    const centrality = Math.pow(overlap[i]!, 1 - p.cosineWeight) * Math.pow(cos[i]!, p.cosineWeight);
    const length = Math.pow(Math.max(1, stemmed[i]!.length) / meanLength, p.lengthExponent);
    return Math.round(centrality * length * (1 + p.leadWeight * Math.exp(-i / p.leadDecay)) * 1e6) / 1e6;
  });
}

describe('scoreSentences graphs', () => {
  it('score every sentence exactly as pairwise string sets and count maps do (300 corpus stories)', () => {
    const bodies = readFileSync(reutersCorpus, 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, 300)
      .map((line) => String((JSON.parse(line) as { text: string }).text));
    bodies.push(BODY, 'One. Two two. Three three three.', 'The the the. A an.');
    for (const body of bodies) expect(scoreSentences(body).map((s) => s.score)).toEqual(referenceScores(body));
  });
});

describe('scoreSentences on a body of thousands of sentences (issue 18)', () => {
  it('scores the first GRAPH_SENTENCES by the graphs and gives the rest a floor below all of them', async () => {
    const { GRAPH_SENTENCES } = await import('../../src/nlp/summarize.js');
    const body = Array.from({ length: 5000 }, (_, i) => `Sentence number ${i} says the price of oil rose ${i % 7} percent in trade.`).join(
      ' ',
    );
    const started = performance.now();
    const scoredAll = scoreSentences(body);
    // the n×n graphs took minutes here; bounded, this is milliseconds (generous bound)
    expect(performance.now() - started).toBeLessThan(5000);
    expect(scoredAll).toHaveLength(5000);
    const graph = scoredAll.slice(0, GRAPH_SENTENCES);
    const rest = scoredAll.slice(GRAPH_SENTENCES);
    const floor = Math.min(...graph.map((s) => s.score));
    for (const s of rest) expect(s.score).toBeLessThan(floor);
    expect(selectSummary(scoredAll, 3).every((s) => s.index < GRAPH_SENTENCES)).toBe(true);
  });
});
