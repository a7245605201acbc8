import { describe, expect, it } from 'vitest';
import { parseSearch, requiredWords } from '../../src/store/search-syntax.js';
import { ftsMatch } from '../../src/store/sqlite/fts-query.js';

describe('parseSearch: what a reader types into /search', () => {
  it('reads words, "phrases" and -exclusions', () => {
    expect(parseSearch('oil "spot price" -opec -"north sea"')).toEqual({
      terms: [['oil'], ['spot', 'price']],
      excluded: [['opec'], ['north', 'sea']],
    });
  });

  it('takes curly quotes as quotes, and a quote left open as running to the end', () => {
    expect(parseSearch('“coffee quotas” brazil').terms).toEqual([['coffee', 'quotas'], ['brazil']]);
    expect(parseSearch('opec "output ceiling').terms).toEqual([['opec'], ['output', 'ceiling']]);
  });

  it('keeps a hyphen inside a word as a word break, not an exclusion', () => {
    expect(parseSearch('al-Sabah oil')).toEqual({ terms: [['al'], ['Sabah'], ['oil']], excluded: [] });
    expect(parseSearch('-U.S. dollar')).toEqual({ terms: [['dollar']], excluded: [['U', 'S']] });
  });

  it('treats punctuation and FTS5 operators as nothing but separators', () => {
    expect(parseSearch('NEAR(oil) * ^gas: "')).toEqual({ terms: [['NEAR'], ['oil'], ['gas']], excluded: [] });
    expect(parseSearch('- -- "" -')).toEqual({ terms: [], excluded: [] });
  });

  it('reads 16 words at most', () => {
    const q = parseSearch(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '));
    expect(requiredWords(q)).toHaveLength(16);
  });
});

describe('ftsMatch: the parsed search as an FTS5 query', () => {
  it('needs every term, leaves out every exclusion, over all columns', () => {
    const q = parseSearch('oil "spot price" -opec');
    expect(ftsMatch(q)).toBe('("oil" "spot price") NOT "opec"');
    expect(ftsMatch(q, true)).toBe('("oil" OR "spot price") NOT "opec"');
    expect(ftsMatch(q, false, 'headline')).toBe('headline : ("oil" "spot price") NOT "opec"');
  });

  it('is empty when nothing is required (exclusions alone select nothing)', () => {
    expect(ftsMatch(parseSearch('-opec'))).toBe('');
  });
});
