/**
 * A speaker's quote list, as `/quote speaker:` pages through it, the same on every backend: the newest
 * quotes of each stored name the query names (`speakersNamed`, at most ten) and name matches among the
 * newest stories' quotes, merged by date. A backend reads the rows; what is merged, what is left out and
 * how much deeper to read is decided here, so SQLite and PostgreSQL list the same quotes in the same order.
 */
import { speakerNamedBy } from './speaker-match.js';

/**
 * Quotes read per source at least, whatever the page: the candidates of page 1 and page 2 are then the
 * same set, ordered by date the same way, so no quote is shown twice or skipped (each source takes its
 * newest stored, and stored order is not publishing order after a bulk ingest).
 */
const QUOTE_CANDIDATES = 100;
/** Quotes read per speaker name at most when repeats left too few distinct ones (index entries, ~1 ms per 2,000). */
export const MAX_QUOTE_DEPTH = 6_400;
/** The depths a speaker's list is read to (the first one at least that a page needs): pages share a few lists. */
export const QUOTE_DEPTHS = [QUOTE_CANDIDATES, 400, 1_600, MAX_QUOTE_DEPTH] as const;

/** A quote as a list orders it: its story (a backend's story number), offset, story date, and repeat key. */
export interface ListedQuote {
  story: number;
  start: number;
  publishedMs: number;
  /**
   * Equal for the same words by the same speaker with the same cue, filed again (a wire story and its
   * repeats): a hash of the resolved name or speaker, kind, verb and text. Null where a store keeps none:
   * the quote is never taken for a repeat.
   */
  repeatKey: number | string | null;
}

/** A merged list: its quotes' stories and offsets, in list order (typed arrays: lists are kept between reads). */
export interface QuoteList {
  stories: Float64Array;
  starts: Int32Array;
}

/** The depth a page needs its list read to: the next of QUOTE_DEPTHS, so every page up to it orders one list. */
export function quoteListDepth(needed: number): number {
  return QUOTE_DEPTHS.find((d) => d >= needed) ?? needed;
}

/**
 * Merge what was read: the quotes of the names (`name` tells whose read a row came from) and those of the
 * window whose speaker the query names, newest story first, a story's in text order. With `dropRepeats` (a
 * reader who sees every story), a quote filed again is left out after its first, newest place: /quote would
 * drop it anyway (firstOfEach keeps the first of a coarser key, and isSpeechAct reads only the cue), and on
 * a wire store most of a busy speaker's quotes are such repeats, each read whole to be dropped.
 */
export function mergeSpeakerQuotes(
  byName: readonly (ListedQuote & { name: number })[],
  inWindow: readonly (ListedQuote & { speaker: string })[],
  speaker: string,
  dropRepeats: boolean,
): { listed: ListedQuote[]; repeats: number } {
  const keys = new Map<string, ListedQuote>();
  for (const k of byName) keys.set(`${k.story}:${k.start}`, k);
  for (const k of inWindow) if (speakerNamedBy(k.speaker, speaker)) keys.set(`${k.story}:${k.start}`, k);
  const sorted = [...keys.values()].sort((a, b) => b.publishedMs - a.publishedMs || b.story - a.story || a.start - b.start);
  const listed = dropRepeats ? withoutRepeats(sorted) : sorted;
  return { listed, repeats: sorted.length - listed.length };
}

/**
 * How much deeper to read, each source having been read `want` deep, when repeats left fewer than `depth`
 * quotes in the list and some name may hold more (each read at most MAX_QUOTE_DEPTH, or `depth`): null
 * when the list is made. As deep as the share of distinct quotes read so far says (on a networked store each
 * read is a round trip and every row again), at least four times as deep; the window again if its read was full.
 */
export function deeperQuoteRead(
  byName: readonly { name: number }[],
  inWindowRead: number,
  merged: { listed: readonly ListedQuote[]; repeats: number },
  depth: number,
  want: number,
): { deeper: number; rereadWindow: boolean } | null {
  const read = new Map<number, number>();
  for (const k of byName) read.set(k.name, (read.get(k.name) ?? 0) + 1);
  const more = [...read.values()].some((n) => n >= want);
  const maxDepth = Math.max(MAX_QUOTE_DEPTH, depth);
  const { listed, repeats } = merged;
  if (listed.length >= depth || repeats === 0 || !more || want >= maxDepth) return null;
  const estimate = Math.max(want * 4, Math.ceil((want * depth * 1.5) / Math.max(1, listed.length)));
  return { deeper: Math.min(maxDepth, quoteListDepth(estimate)), rereadWindow: inWindowRead >= want };
}

/** A list as kept between reads: typed arrays of its stories and offsets. */
export function toQuoteList(listed: readonly Pick<ListedQuote, 'story' | 'start'>[]): QuoteList {
  return { stories: Float64Array.from(listed, (k) => k.story), starts: Int32Array.from(listed, (k) => k.start) };
}

/** The first quote of each repeat key, in list order (a quote without a key is kept). */
export function withoutRepeats<K extends Pick<ListedQuote, 'repeatKey'>>(keys: readonly K[]): K[] {
  const seen = new Set<number | string>();
  return keys.filter((k) => {
    if (k.repeatKey === null) return true;
    if (seen.has(k.repeatKey)) return false;
    seen.add(k.repeatKey);
    return true;
  });
}
