import { describe, expect, it } from 'vitest';
import { candidateFilter, cueFeatures, cueProbability, cueScore, type CueModel } from '../../../src/nlp/quotes/cue-model.js';
import modelJson from '../../../src/nlp/quotes/model.json' with { type: 'json' };
import { tokenize } from '../../../src/nlp/quotes/tokens.js';

const model = modelJson as CueModel;

describe('cue model scoring', () => {
  it('cueScore equals cueProbability over cueFeatures, bit for bit', () => {
    const text = 'The ministry said on Tuesday that it had endorsed the plan, according to officials, who declined to comment: "We will see," an aide added.';
    const tokens = tokenize(text);
    const ctx = { inQuote: tokens.map((t) => t.start > text.indexOf('"') && t.start < text.lastIndexOf('"')), sentenceHasQuote: true };
    for (let i = 0; i < tokens.length; i++) {
      expect(cueScore(model, tokens, i, ctx)).toBe(cueProbability(model, cueFeatures(tokens, i, ctx)));
    }
  });

  it('candidateFilter skips punctuation and function words, keeps speech verbs', () => {
    const f = candidateFilter(model);
    const [said, the, comma] = tokenize('said the ,');
    expect(f(said!)).toBe(true);
    expect(f(the!)).toBe(false);
    expect(f(comma!)).toBe(false);
  });
});
