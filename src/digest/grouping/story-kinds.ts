/**
 * What kind of story a story is, for grouping: one of a routine series (a payout notice, a results
 * table), or a reported story (what a day's bursts are counted over).
 */
import { countWords } from '../story-features.js';
import type { GroupingOptions } from './options.js';
import { headlineTickers } from './story-terms.js';
import type { GroupInput } from './types.js';

/** A reported story: a body of its own, no ticker, not one of a routine series (what a burst is counted over). */
export function isReported(story: GroupInput, options: Readonly<GroupingOptions>): boolean {
  const bodied = story.bodyWords === undefined || story.bodyWords > countWords(story.headline);
  return bodied && !isRoutine(story, options) && !(story.headline.includes('<') && headlineTickers(story.headline).length > 0);
}

/**
 * A story that is one of a series, not a report of an event: its headline's shape was filed on many
 * earlier days (`series`), or it is a notice (a body of its own, but shorter than a reported story)
 * under a headline of a shape the window repeats (`template`: "<company> SETS PAYOUT", "<company> 4TH
 * QTR NET"). What such stories share is the series' own words; each stays a group of its own.
 */
export function isRoutine(story: GroupInput, options: Readonly<GroupingOptions>): boolean {
  if ((story.series ?? 0) >= 0.5) return true;
  if ((story.template ?? 0) < 0.5 || story.bodyWords === undefined) return false;
  return story.bodyWords < options.fullStoryWords && story.bodyWords > countWords(story.headline);
}
