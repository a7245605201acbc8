import { describe, expect, it } from 'vitest';
import { withCueSecond, type CueTrainingRecord } from '../../../src/nlp/quotes/train.js';

const article = (i: number, verb: string): CueTrainingRecord => {
  const text = `The minister ${i} ${verb} that the budget would be cut next year by the government.`;
  const cue = text.indexOf(verb);
  return { text, quotes: [{ cue_start: cue, cue_end: cue + verb.length }] };
};

describe('withCueSecond (v88)', () => {
  const dev = Array.from({ length: 8 }, (_, i) => article(i, 'said'));
  const extra = Array.from({ length: 8 }, (_, i) => article(i, 'proclaimed'));

  it('trains one model on the first articles alone when there are no others', () => {
    const model = withCueSecond(dev, []);
    expect(model.second).toBeUndefined();
    expect(model.vocabulary).toContain('said');
  });

  it('adds a second model trained on both, at its own threshold, the first unchanged', () => {
    const model = withCueSecond(dev, extra);
    const { second, ...first } = model;
    expect(first).toEqual(withCueSecond(dev, []));
    expect(second?.threshold).toBe(0.7);
    expect(second?.vocabulary).toEqual(expect.arrayContaining(['said', 'proclaimed']));
    expect(first.vocabulary).not.toContain('proclaimed');
  });
});
