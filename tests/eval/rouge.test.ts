import { describe, expect, it } from 'vitest';
import { lcsIndices, rougeLsum, rougeN, rougeScoresOfText, tokenizeSentences } from '../../src/eval/rouge.js';

const tok = (...sentences: string[]): string[][] => tokenizeSentences(sentences);

describe('ROUGE (rouge-score conventions), hand-checked', () => {
  it('ROUGE-1 and ROUGE-2 F1 of clipped n-gram overlap', () => {
    // cand: the cat sat on the mat / ref: the cat was on the mat
    // unigrams: the×2, cat, on, mat shared = 5 of 6 each side; bigrams: "the cat", "on the", "the mat" = 3 of 5
    const cand = tok('The cat sat on the mat.');
    const ref = tok('The cat was on the mat.');
    const r1 = rougeN(cand, ref, 1);
    expect(r1.precision).toBeCloseTo(5 / 6, 12);
    expect(r1.recall).toBeCloseTo(5 / 6, 12);
    expect(r1.f1).toBeCloseTo(5 / 6, 12);
    expect(rougeN(cand, ref, 2).f1).toBeCloseTo(3 / 5, 12);
  });

  it('lower-cases, drops punctuation and Porter-stems tokens longer than three characters', () => {
    expect(tok('U.S. Army running, dogs!')).toEqual([['u', 's', 'armi', 'run', 'dog']]);
    // running→run, dogs→dog; "the" unmatched: P = 2/2, R = 2/3, F = 0.8
    const r = rougeN(tok('running dogs'), tok('the dog runs'), 1);
    expect(r.precision).toBe(1);
    expect(r.recall).toBeCloseTo(2 / 3, 12);
    expect(r.f1).toBeCloseTo(0.8, 12);
  });

  it('clips repeated n-grams to the reference count', () => {
    const r = rougeN(tok('the the the the'), tok('the cat'), 1);
    expect(r.precision).toBeCloseTo(1 / 4, 12);
    expect(r.recall).toBeCloseTo(1 / 2, 12);
  });

  it('finds a longest common subsequence', () => {
    expect(lcsIndices(['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'x', 'e'])).toEqual([0, 2, 4]);
    expect(lcsIndices(['a'], [])).toEqual([]);
  });

  it('ROUGE-Lsum takes the union LCS per reference sentence (Lin 2004, section 3.2 example)', () => {
    // r = w1 w2 w3 w4 w5; c1 = w1 w2 w6 w7 w8; c2 = w1 w3 w8 w9 w5 → union LCS w1 w2 w3 w5: 4 hits
    const ref = [['w1', 'w2', 'w3', 'w4', 'w5']];
    const cand = [
      ['w1', 'w2', 'w6', 'w7', 'w8'],
      ['w1', 'w3', 'w8', 'w9', 'w5'],
    ];
    const r = rougeLsum(cand, ref);
    expect(r.recall).toBeCloseTo(4 / 5, 12);
    expect(r.precision).toBeCloseTo(4 / 10, 12);
  });

  it('ROUGE-Lsum clips hits by token counts on both sides', () => {
    // both candidate sentences match the same reference token: one hit only
    const r = rougeLsum([['a'], ['a']], [['a', 'a']]);
    expect(r.precision).toBeCloseTo(1 / 2, 12);
    expect(r.recall).toBeCloseTo(1 / 2, 12);
  });

  it('scores a perfect summary 1 and an empty one 0', () => {
    const same = rougeScoresOfText(['Troops entered the city.', 'The siege ended.'], ['Troops entered the city.', 'The siege ended.']);
    expect([same.rouge1.f1, same.rouge2.f1, same.rougeLsum.f1]).toEqual([1, 1, 1]);
    const none = rougeScoresOfText([], ['Troops entered the city.']);
    expect([none.rouge1.f1, none.rouge2.f1, none.rougeLsum.f1]).toEqual([0, 0, 0]);
  });
});
