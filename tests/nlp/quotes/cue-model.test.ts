import { describe, expect, it } from 'vitest';
import {
  candidateFilter,
  cueFeatures,
  cueProbability,
  cueScore,
  reportingClass,
  stemOf,
  vocabularyOf,
  type CueModel,
} from '../../../src/nlp/quotes/cue-model.js';
import modelJson from '../../../src/nlp/quotes/model.json' with { type: 'json' };
import { tokenize } from '../../../src/nlp/quotes/tokens.js';

const model = modelJson as CueModel;

describe('cue model scoring', () => {
  it('cueScore equals cueProbability over cueFeatures, bit for bit', () => {
    const text =
      'The ministry said on Tuesday that it had endorsed the plan, according to officials, who declined to comment: "We will see," an aide added.';
    const tokens = tokenize(text);
    const ctx = { inQuote: tokens.map((t) => t.start > text.indexOf('"') && t.start < text.lastIndexOf('"')), sentenceHasQuote: true };
    for (let i = 0; i < tokens.length; i++) {
      expect(cueScore(model, tokens, i, ctx)).toBe(cueProbability(model, cueFeatures(tokens, i, ctx, vocabularyOf(model))));
    }
  });

  it('cueScore equals cueProbability for the shipped second model too (v88)', () => {
    const second = model.second!;
    expect(second.threshold).toBe(0.7);
    const text = 'Foreign exchange dealers estimate the Fed had sold yen, and the ministers reaffirmed the view, officials said.';
    const tokens = tokenize(text);
    const ctx = { inQuote: tokens.map(() => false), sentenceHasQuote: false };
    for (let i = 0; i < tokens.length; i++) {
      expect(cueScore(second, tokens, i, ctx)).toBe(cueProbability(second, cueFeatures(tokens, i, ctx, vocabularyOf(second))));
    }
  });

  it('cueScore equals cueProbability for odd tokens too (a `|`, sentence edges, pronouns)', () => {
    const text = 'He said | that, | they told: reporters said "no" | declined';
    const tokens = tokenize(text);
    const ctx = { inQuote: tokens.map(() => false), sentenceHasQuote: false };
    for (let i = 0; i < tokens.length; i++) {
      expect(cueScore(model, tokens, i, ctx)).toBe(cueProbability(model, cueFeatures(tokens, i, ctx, vocabularyOf(model))));
    }
  });

  it('candidateFilter answers as the vocabulary, stems and priors say, capitalised or not', () => {
    const f = candidateFilter(model);
    const vocabulary = new Set(model.vocabulary);
    const words = tokenize(
      'Said said SAID Says says stated Stated reiterating reiterated Told told the The according According announces Announces conceded x Xinhua',
    );
    for (const t of words) {
      const byStem = !t.isCap && ((t.lower.length > 4 && vocabulary.has('~' + stemOf(t.lower))) || reportingClass(t.lower) !== undefined);
      const known = vocabulary.has(t.lower) || byStem;
      const never = ['the', 'a', 'to'].includes(t.lower);
      const prior = (model.weights['w=' + t.lower] ?? 0) + (model.weights['s=' + stemOf(t.lower)] ?? 0);
      expect(f(t), t.text).toBe(!never && known && prior > -2);
    }
  });

  it('reportingClass knows the lexicon words in any inflection, irregular ones too, and nothing else', () => {
    expect(reportingClass('decried')).toBe('judge');
    expect(reportingClass('lambasting')).toBe('judge');
    expect(reportingClass('fears')).toBe('attitude');
    expect(reportingClass('knew')).toBe('attitude');
    expect(reportingClass('thought')).toBe('attitude');
    expect(reportingClass('bridge')).toBeUndefined();
    expect(reportingClass('budget')).toBeUndefined();
  });

  it('scores a lexicon word the training never saw as a cue by its class', () => {
    const text = 'The senator decried the decision as a betrayal of voters.';
    const tokens = tokenize(text);
    const i = tokens.findIndex((t) => t.lower === 'decried');
    const ctx = { inQuote: tokens.map(() => false), sentenceHasQuote: false };
    const unseen: CueModel = { vocabulary: ['said'], weights: { 'rep|judge': 2 }, bias: -1, threshold: 0.5 };
    expect(candidateFilter(unseen)(tokens[i]!)).toBe(true);
    expect(cueFeatures(tokens, i, ctx, vocabularyOf(unseen))).toContain('rep|judge');
    expect(cueScore(unseen, tokens, i, ctx)).toBeCloseTo(1 / (1 + Math.exp(-1)));
    // a vocabulary word is scored by its own weights, not its class
    const seen: CueModel = { ...unseen, vocabulary: ['decried'] };
    expect(cueFeatures(tokens, i, ctx, vocabularyOf(seen))).not.toContain('rep|judge');
    expect(cueScore(seen, tokens, i, ctx)).toBeCloseTo(1 / (1 + Math.exp(1)));
  });

  it('candidateFilter skips punctuation and function words, keeps speech verbs', () => {
    const f = candidateFilter(model);
    const [said, the, comma] = tokenize('said the ,');
    expect(f(said!)).toBe(true);
    expect(f(the!)).toBe(false);
    expect(f(comma!)).toBe(false);
  });
});
