import { describe, expect, it } from 'vitest';
import { quoteRepeatKey, repeatKeyOf } from '../../src/store/quote-repeat-key.js';
import { saidBy } from '../helpers/quotes.js';

describe('quoteRepeatKey: the same words by the same speaker with the same cue', () => {
  const quote = saidBy('Dana Quill', 0, 'The pier will be ready');

  it('is the same for a repeat wherever it stands, and a whole number of at most 52 bits', () => {
    const key = quoteRepeatKey(quote);
    expect(quoteRepeatKey({ ...quote })).toBe(key);
    expect(quoteRepeatKey(saidBy('Dana Quill', 400, 'The pier will be ready'))).toBe(key);
    expect(Number.isSafeInteger(key) && key >= 0 && key < 2 ** 52).toBe(true);
    // what migration 21 computes from the stored columns
    expect(repeatKeyOf('Dana Quill', quote.kind, quote.verb, quote.text)).toBe(key);
  });

  it('differs with the words, the speaker (resolved first), the kind or the cue', () => {
    const key = quoteRepeatKey(quote);
    expect(quoteRepeatKey({ ...quote, text: 'The pier will be ready.' })).not.toBe(key);
    expect(quoteRepeatKey({ ...quote, speaker: 'Dan Quill' })).not.toBe(key);
    expect(quoteRepeatKey({ ...quote, speaker: 'he', speakerResolved: { name: 'Dana Quill', start: 0, end: 10 } })).toBe(key);
    expect(quoteRepeatKey({ ...quote, kind: 'reported' })).not.toBe(key);
    expect(quoteRepeatKey({ ...quote, verb: 'is expected' })).not.toBe(key);
    expect(quoteRepeatKey({ ...quote, verb: null })).not.toBe(key);
  });

  it('no two keys alike among 200,000 quotes that differ in a figure', () => {
    const keys = new Set<number>();
    for (let i = 0; i < 200_000; i++) keys.add(repeatKeyOf('Dana Quill', 'reported', 'said', `output rose ${i} tonnes in the year`));
    expect(keys.size).toBe(200_000);
  });
});
