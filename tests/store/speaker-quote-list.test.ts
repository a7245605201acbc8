import { describe, expect, it } from 'vitest';
import {
  deeperQuoteRead,
  MAX_QUOTE_DEPTH,
  mergeSpeakerQuotes,
  quoteListDepth,
  QUOTE_DEPTHS,
  toQuoteList,
  type ListedQuote,
} from '../../src/store/speaker-quote-list.js';

const quote = (story: number, start: number, publishedMs: number, repeatKey: ListedQuote['repeatKey'] = null): ListedQuote => ({
  story,
  start,
  publishedMs,
  repeatKey,
});
const ofName = (name: number, q: ListedQuote) => ({ ...q, name });
const inWindow = (speaker: string, q: ListedQuote) => ({ ...q, speaker });
const order = (listed: readonly ListedQuote[]) => listed.map((q) => `${q.story}:${q.start}`);

describe('mergeSpeakerQuotes: one list of a speaker query, the same on every store', () => {
  it('orders newest story first, a story in text order, each quote once whichever source read it', () => {
    const merged = mergeSpeakerQuotes(
      [ofName(0, quote(1, 50, 1000)), ofName(0, quote(1, 10, 1000)), ofName(1, quote(3, 0, 3000))],
      [inWindow('James Baker', quote(3, 0, 3000)), inWindow('Baker', quote(2, 5, 2000))],
      'Baker',
      false,
    );
    expect(order(merged.listed)).toEqual(['3:0', '2:5', '1:10', '1:50']);
    expect(merged.repeats).toBe(0);
  });

  it('takes from the window only the quotes whose speaker the query names, never words of a description', () => {
    const merged = mergeSpeakerQuotes(
      [],
      [
        inWindow('Bakersfield official', quote(1, 0, 1000)),
        inWindow('a Baker aide', quote(2, 0, 2000)),
        inWindow('Ann Baker', quote(3, 0, 3000)),
      ],
      'Baker',
      false,
    );
    expect(order(merged.listed)).toEqual(['3:0']);
  });

  it('a story later in the store but earlier in date comes after (a bulk ingest of an archive)', () => {
    const merged = mergeSpeakerQuotes([ofName(0, quote(9, 0, 1000)), ofName(0, quote(4, 0, 5000))], [], 'Quill', false);
    expect(order(merged.listed)).toEqual(['4:0', '9:0']);
  });

  it('with dropRepeats, lists a quote filed again once, at its newest place; a quote without a key is never a repeat', () => {
    const read = [
      ofName(0, quote(5, 0, 5000, 77)),
      ofName(0, quote(4, 0, 4000, 77)),
      ofName(0, quote(3, 0, 3000, 'other words')),
      ofName(0, quote(2, 0, 2000, null)),
      ofName(0, quote(1, 0, 1000, null)),
    ];
    const dropped = mergeSpeakerQuotes(read, [], 'Quill', true);
    expect(order(dropped.listed)).toEqual(['5:0', '3:0', '2:0', '1:0']);
    expect(dropped.repeats).toBe(1);
    expect(order(mergeSpeakerQuotes(read, [], 'Quill', false).listed)).toHaveLength(5);
  });

  it('toQuoteList keeps the order in typed arrays', () => {
    const list = toQuoteList([quote(7, 3, 0), quote(2, 9, 0)]);
    expect([...list.stories]).toEqual([7, 2]);
    expect([...list.starts]).toEqual([3, 9]);
  });
});

describe('deeperQuoteRead: how much more a list needs read', () => {
  const names = (counts: number[]) => counts.flatMap((n, name) => Array.from({ length: n }, () => ({ name })));
  const merged = (listed: number, repeats: number) => ({ listed: Array.from({ length: listed }, (_, i) => quote(i, 0, 0)), repeats });

  it('nothing more when the list is deep enough, nothing was dropped, or no name filled its read', () => {
    expect(deeperQuoteRead(names([100]), 0, merged(100, 300), 100, 100)).toBeNull();
    expect(deeperQuoteRead(names([100]), 0, merged(60, 0), 100, 100)).toBeNull();
    expect(deeperQuoteRead(names([99, 40]), 0, merged(60, 79), 100, 100)).toBeNull();
  });

  it('deeper by the share of distinct quotes, at least four times, to one of the shared depths, at most MAX_QUOTE_DEPTH', () => {
    // 100 read, 20 distinct: 100 distinct need ~500, with a margin 750 → 1,600
    expect(deeperQuoteRead(names([100]), 100, merged(20, 80), 100, 100)).toEqual({ deeper: 1_600, rereadWindow: true });
    // half distinct: four times as deep anyway
    expect(deeperQuoteRead(names([100, 3]), 12, merged(50, 50), 100, 100)).toEqual({ deeper: 400, rereadWindow: false });
    expect(deeperQuoteRead(names([1_600]), 0, merged(10, 1_590), 1_600, 1_600)).toEqual({ deeper: MAX_QUOTE_DEPTH, rereadWindow: false });
    expect(deeperQuoteRead(names([MAX_QUOTE_DEPTH]), 0, merged(10, MAX_QUOTE_DEPTH - 10), 1_600, MAX_QUOTE_DEPTH)).toBeNull();
  });

  it('a page needs its list read to the next shared depth', () => {
    expect(quoteListDepth(1)).toBe(QUOTE_DEPTHS[0]);
    expect(quoteListDepth(101)).toBe(400);
    expect(quoteListDepth(10_000)).toBe(10_000);
  });
});
