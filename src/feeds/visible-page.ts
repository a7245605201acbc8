/**
 * One page of a list the store pages through (quotes, place mentions), as one server may see it
 * (DATELINE_FEED_STORIES=own-server hides stories other servers' feeds brought) and without repeats.
 * Positions count only the items kept, so page 2 starts right after the last item page 1 showed:
 * nothing is skipped or shown twice, however many dropped items lie between. `keep` is called on the
 * list's items in order, chunk by chunk, so it may remember what it kept (`firstOfEach`).
 */

/** Rows read at most to find one page: hidden items are a small share of a store, so this is a bound, not a budget. */
const MAX_SCANNED = 2_000;

export interface VisiblePageOptions<T> {
  /** `limit` items of the whole list from `offset` on, in the list's order. */
  fetch: (limit: number, offset: number) => Promise<T[]>;
  /** The items of these the server may see, in the same order. */
  keep: (items: readonly T[]) => Promise<T[]>;
  offset: number;
  count: number;
  maxScanned?: number;
  /** Rows a read asks for at least (50): a list whose reads cost by their size asks for less. */
  minChunk?: number;
}

export async function visiblePage<T>(options: VisiblePageOptions<T>): Promise<T[]> {
  const { fetch, keep, offset, count } = options;
  const wanted = offset + count;
  const maxScanned = options.maxScanned ?? MAX_SCANNED;
  // Twice what is wanted per read: one read is enough unless many of the newest items are hidden.
  let chunk = Math.max(options.minChunk ?? 50, 2 * wanted);
  const visible: T[] = [];
  for (let scanned = 0; visible.length < wanted && scanned < maxScanned;) {
    const asked = Math.min(chunk, maxScanned - scanned);
    const read = await fetch(asked, scanned);
    visible.push(...(await keep(read)));
    scanned += read.length;
    if (read.length < asked) break;
    // Most of what was read was dropped (a story filed many times over): read further in bigger steps,
    // since each read pages through what came before it. Four times as many: on a networked store each
    // read is a few round trips that find the list's candidates again (a speaker's deep page at 1M stories
    // made five reads of 114-912 quotes on PostgreSQL, 150-220 ms; three cover the same 2,000).
    chunk *= 4;
  }
  return visible.slice(offset, wanted);
}

/** `keep` for items of stories (a quote, a mention): kept when their story is visible (`FeedService.visibleTo`). */
export function keepByArticle<T extends { articleId: string }>(
  visibleTo: (stories: readonly { id: string }[]) => Promise<{ id: string }[]>,
): (items: readonly T[]) => Promise<T[]> {
  return async (items) => {
    if (items.length === 0) return [];
    const ids = [...new Set(items.map((i) => i.articleId))];
    const visible = new Set((await visibleTo(ids.map((id) => ({ id })))).map((s) => s.id));
    return items.filter((i) => visible.has(i.articleId));
  };
}

/** `keep` that drops an item whose key an earlier item had (the same quotation in a story filed twice). */
export function firstOfEach<T>(key: (item: T) => string): (items: readonly T[]) => T[] {
  const seen = new Set<string>();
  return (items) =>
    items.filter((item) => {
      const k = key(item);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

/** `keep` that lets through at most `max` items of one story (by `articleId`), the first ones in list order. */
export function atMostPerStory<T extends { articleId: string }>(max: number): (items: readonly T[]) => T[] {
  const seen = new Map<string, number>();
  return (items) =>
    items.filter((item) => {
      const n = seen.get(item.articleId) ?? 0;
      seen.set(item.articleId, n + 1);
      return n < max;
    });
}
