/**
 * How much a group of stories is worth in the ranking: distinct headlines weighed by how much each
 * is its own words and a full story, and distinct datelines.
 */
import { DEFAULT_GROUPING, type GroupingOptions } from './options.js';
import { headlineKey } from './story-terms.js';
import type { GroupInput } from './types.js';

/**
 * How much coverage a group's members are worth: each distinct headline counts by how much it is its
 * own words (1 − template) and how much of a story it is (body length), so sixteen "<town> CATTLE …
 * - USDA" reports weigh next to nothing while three reported stories on one event weigh three; then log2, so two beat one (a group worth
 * less than one story goes below zero), plus a bonus for distinct datelines among the own-worded ones.
 */
export function groupCoverage(members: readonly GroupInput[], options: Readonly<GroupingOptions> = DEFAULT_GROUPING): number {
  const byHeadline = new Map<string, number>();
  const datelines = new Set<string>();
  for (const m of members) {
    const own = ownWorth(m);
    const key = m.headlineKey ?? headlineKey(m.headline);
    byHeadline.set(key, Math.max(byHeadline.get(key) ?? 0, own * storySubstance(m, options)));
    if (own >= 0.5 && m.dateline) datelines.add(m.dateline.trim().toLowerCase());
  }
  let worth = 0;
  for (const own of byHeadline.values()) worth += own;
  return coverageOf(worth, datelines.size, options);
}

/** `groupCoverage` of a group of one story (one headline, at most one dateline), without its map and set. */
export function storyCoverage(m: GroupInput, options: Readonly<GroupingOptions>): number {
  // `Math.max(0, …)` as the map's first value starts from 0.
  return coverageOf(Math.max(0, ownWorth(m) * storySubstance(m, options)), 0, options);
}

/** How much a story is its own words (1 − template). */
function ownWorth(m: GroupInput): number {
  return 1 - Math.min(1, Math.max(0, m.template ?? 0));
}

/** How much of a story it is (body length). */
function storySubstance(m: GroupInput, options: Readonly<GroupingOptions>): number {
  return m.bodyWords === undefined ? 1 : Math.min(1, Math.max(options.minStoryWeight, m.bodyWords / options.fullStoryWords));
}

/** log2 of the worth (below one: worth − 1), plus the bonus for distinct datelines (none for one: log2 1 = 0). */
function coverageOf(worth: number, datelines: number, options: Readonly<GroupingOptions>): number {
  const base = worth >= 1 ? Math.log2(worth) : worth - 1;
  return base + options.datelineWeight * Math.log2(Math.max(1, datelines));
}
