import { describe, expect, it } from 'vitest';
import { atMostPerStory, firstOfEach, keepByArticle, visiblePage } from '../../src/feeds/visible-page.js';

/** A list of 0…n-1 paged as a store would, counting the reads. */
function pagedList(n: number): { fetch: (limit: number, offset: number) => Promise<number[]>; reads: number[][] } {
  const reads: number[][] = [];
  return {
    reads,
    fetch: (limit, offset) => {
      reads.push([limit, offset]);
      return Promise.resolve(Array.from({ length: Math.max(0, Math.min(limit, n - offset)) }, (_, i) => offset + i));
    },
  };
}
const odd = (items: readonly number[]): Promise<number[]> => Promise.resolve(items.filter((x) => x % 2 === 1));

describe('visiblePage', () => {
  it('counts positions among the visible items: consecutive pages neither skip nor repeat one', async () => {
    const list = pagedList(1_000);
    const pages: number[] = [];
    for (let page = 0; page < 5; page++) pages.push(...(await visiblePage({ fetch: list.fetch, keep: odd, offset: page * 8, count: 8 })));
    expect(pages).toEqual(Array.from({ length: 40 }, (_, i) => 2 * i + 1));
  });

  it('stops at the end of the list and at the scan bound', async () => {
    expect(await visiblePage({ fetch: pagedList(7).fetch, keep: odd, offset: 0, count: 10 })).toEqual([1, 3, 5]);
    const none = pagedList(10_000);
    expect(await visiblePage({ fetch: none.fetch, keep: () => Promise.resolve([]), offset: 0, count: 5, maxScanned: 300 })).toEqual([]);
    expect(none.reads.reduce((n, [limit]) => n + limit!, 0)).toBe(300);
  });

  it('reads on in growing steps when most of a read is dropped (a quotation filed many times over)', async () => {
    const list = pagedList(10_000);
    const oneIn20 = (items: readonly number[]): Promise<number[]> => Promise.resolve(items.filter((n) => n % 20 === 0));
    const page = await visiblePage({ fetch: list.fetch, keep: oneIn20, offset: 16, count: 9 });
    expect(page).toEqual(Array.from({ length: 9 }, (_, i) => 20 * (16 + i)));
    // 25 wanted, 50 a read at first: 500 items to scan in 50, 200, 800 (not ten reads of 50)
    expect(list.reads.map(([limit]) => limit)).toEqual([50, 200, 800]);
  });
});

describe('keepByArticle', () => {
  it('keeps the items whose story is visible, asking once per story', async () => {
    const asked: string[][] = [];
    const keep = keepByArticle<{ articleId: string; n: number }>((stories) => {
      asked.push(stories.map((s) => s.id));
      return Promise.resolve(stories.filter((s) => s.id !== 'hidden'));
    });
    const items = [
      { articleId: 'a', n: 1 },
      { articleId: 'hidden', n: 2 },
      { articleId: 'a', n: 3 },
    ];
    expect((await keep(items)).map((i) => i.n)).toEqual([1, 3]);
    expect(asked).toEqual([['a', 'hidden']]);
  });
});

describe('firstOfEach', () => {
  it('keeps the first item of each key across the chunks of one scan, so pages never repeat one', async () => {
    const list = pagedList(300);
    const byTens = (): ((items: readonly number[]) => Promise<number[]>) => {
      const keep = firstOfEach<number>((x) => String(Math.floor(x / 10)));
      return (items) => Promise.resolve(keep(items));
    };
    // A fresh `keep` per page: each page scans the list from its start.
    const first = await visiblePage({ fetch: list.fetch, keep: byTens(), offset: 0, count: 3 });
    const second = await visiblePage({ fetch: list.fetch, keep: byTens(), offset: 3, count: 3 });
    expect([...first, ...second]).toEqual([0, 10, 20, 30, 40, 50]);
  });
});

describe('atMostPerStory', () => {
  it('lets through the first items of each story up to the limit, across calls', () => {
    const keep = atMostPerStory<{ articleId: string; n: number }>(2);
    expect(
      keep([
        { articleId: 'a', n: 1 },
        { articleId: 'b', n: 2 },
        { articleId: 'a', n: 3 },
      ]).map((i) => i.n),
    ).toEqual([1, 2, 3]);
    expect(
      keep([
        { articleId: 'a', n: 4 },
        { articleId: 'b', n: 5 },
        { articleId: 'c', n: 6 },
      ]).map((i) => i.n),
    ).toEqual([5, 6]);
  });
});
