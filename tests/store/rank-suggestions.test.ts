import { describe, expect, it } from 'vitest';
import { headlineWords, rankSuggestions, suggestionScore } from '../../src/store/sqlite/rank-suggestions.js';

const rows = (...headlines: string[]) => headlines.map((headline) => ({ headline }));

describe('headline suggestion ranking', () => {
  it('splits headlines as the FTS tokenizer does: lower case, no diacritics, letters and digits', () => {
    expect(headlineWords("Brazil's Cruzado FALLS 2.5 pct in São Paulo")).toEqual([
      'brazil',
      's',
      'cruzado',
      'falls',
      '2',
      '5',
      'pct',
      'in',
      'sao',
      'paulo',
    ]);
  });

  it('scores whole typed words above word starts, and a headline that begins as typed above both', () => {
    expect(suggestionScore(['oil'], 'OIL PRICES RISE')).toBeGreaterThan(suggestionScore(['oil'], 'CRUDE OIL PRICES RISE'));
    expect(suggestionScore(['oil'], 'CRUDE OIL PRICES RISE')).toBeGreaterThan(suggestionScore(['oil'], 'CRUDE OILSEED OUTPUT FALLS'));
    // still typing the first word: a headline beginning with it is what is being typed
    expect(suggestionScore(['oil'], 'OILSEED OUTPUT FALLS')).toBeGreaterThan(suggestionScore(['oil'], 'CRUDE OIL PRICES RISE'));
  });

  it('ranks by score, then shorter headlines, then the order read (newest first)', () => {
    const read = rows(
      'U.S. OILSEED CRUSH UP',
      'CRUDE OIL PRICES FIRM IN QUIET TRADE',
      'CRUDE OIL PRICES FIRM',
      'OIL PRICES FIRM',
      'OIL PRICES FIRM',
    );
    expect(rankSuggestions('oil pri', read, 4).map((r) => r.headline)).toEqual([
      'OIL PRICES FIRM',
      'OIL PRICES FIRM',
      'CRUDE OIL PRICES FIRM',
      'CRUDE OIL PRICES FIRM IN QUIET TRADE',
    ]);
    expect(rankSuggestions('oil pri', read, 4)[0]).toBe(read[3]);
  });

  it('keeps the limit and copes with nothing read', () => {
    expect(rankSuggestions('bank', rows('BANK A', 'BANK B', 'BANK C'), 2)).toHaveLength(2);
    expect(rankSuggestions('bank', [], 5)).toEqual([]);
  });
});
