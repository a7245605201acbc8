/**
 * A search with a word too common to rank by (`/search oil` on an energy wire) lists its newest matches
 * unranked, the stories with every word in the headline first ("oil prices": OIL PRICES FALL before a
 * story on a currency that mentions them once), on every backend alike.
 */

/**
 * Newest stories whose headlines are looked at first: two common words seldom in one headline would
 * else walk every match of them.
 */
export const HEADLINE_WINDOW = 20_000;

/** The headline matches, then the other newest matches not among them, `limit` in all. */
export function headlineFirst(inHeadline: readonly number[], newest: readonly number[], limit: number): number[] {
  const seen = new Set(inHeadline);
  return [...inHeadline, ...newest.filter((id) => !seen.has(id))].slice(0, limit);
}
