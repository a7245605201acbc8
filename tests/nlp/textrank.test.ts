import { describe, expect, it } from 'vitest';
import {
  overlapSimilarity,
  similarityMatrix,
  textRankScores,
  textRankSummary,
  topIndicesInOrder,
  weightedPageRank,
} from '../../src/nlp/textrank.js';
import { splitSentences } from '../../src/nlp/sentences.js';

describe('TextRank (Mihalcea & Tarau 2004)', () => {
  it('normalises word overlap by the log of the sentence lengths', () => {
    const a = new Set(['syria', 'armi', 'advanc']);
    const b = new Set(['armi', 'advanc', 'citi', 'siege']);
    expect(overlapSimilarity(a, 3, b, 4)).toBeCloseTo(2 / (Math.log(3) + Math.log(4)), 12);
    expect(overlapSimilarity(new Set(['x']), 1, new Set(['x']), 1)).toBe(0);
  });

  it('builds the similarity matrix of every pair exactly as overlapSimilarity defines it', () => {
    const tokens = [['syria', 'armi', 'advanc', 'armi'], ['armi', 'advanc', 'citi', 'siege'], ['x'], ['x'], [], ['citi', 'citi', 'syria']];
    const n = tokens.length;
    const m = similarityMatrix(tokens);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const want = i === j ? 0 : overlapSimilarity(new Set(tokens[i]), tokens[i]!.length, new Set(tokens[j]), tokens[j]!.length);
        expect([i, j, m[i * n + j]]).toEqual([i, j, want]);
      }
    }
  });

  it('runs weighted PageRank with damping 0.85 to a fixed point', () => {
    // a star: the centre is linked to both leaves, the leaves only to the centre
    const m = new Float64Array([0, 1, 1, 1, 0, 0, 1, 0, 0]);
    const s = weightedPageRank(m, 3);
    // fixed point: c = 0.15 + 0.85 * (l + l), l = 0.15 + 0.85 * c / 2
    const c = (0.15 + 0.85 * 0.15 * 2) / (1 - 0.85 * 0.85);
    expect(s[0]).toBeCloseTo(c, 5);
    expect(s[1]).toBeCloseTo(0.15 + (0.85 * c) / 2, 5);
  });

  it('gives isolated sentences the floor score 1 - d', () => {
    for (const score of textRankScores([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]))
      expect(score).toBeCloseTo(0.15, 10);
  });

  it('returns the top sentences in article order, ties to the earlier one', () => {
    expect(topIndicesInOrder([0.1, 0.9, 0.5, 0.9], 2)).toEqual([1, 3]);
    expect(topIndicesInOrder([0.2, 0.2, 0.2], 2)).toEqual([0, 1]);
  });

  it('picks the central sentences of a small story', () => {
    const text =
      'Rebels attacked the city of Raqqa. The weather was mild. The army said rebels attacked Raqqa at dawn. ' +
      'Raqqa residents fled as the rebels attacked. Football scores were announced.';
    const picked = textRankSummary(splitSentences(text), 2).map((s) => s.index);
    expect(picked).toHaveLength(2);
    for (const i of picked) expect([0, 2, 3]).toContain(i);
  });
});
