/**
 * Memoise a pure string function with a bounded cache: ingest of a large corpus calls the folding and
 * stemming functions for every word, and news repeats its words, but the cache must not grow without
 * end. When full it is emptied (cheaper than an LRU, and the common words come back at once).
 */
export function boundedMemo<R>(fn: (key: string) => R, limit: number): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
