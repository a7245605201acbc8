/**
 * The rules that decide whether a story may join an event, or two events merge, beyond their
 * similarity: a shared anchor, something said in common, no clash of companies or subjects, the day's
 * big story kept to itself; and the similarity bar by length and time.
 */
import { markHeld, type Scratch } from './compare.js';
import { type Events, sharesTicker } from './events.js';
import type { GroupingOptions } from './options.js';
import { storyness, type Vectors } from './story-vectors.js';

/**
 * Whether event e names a subject of its own that the other side does not hold: one that at least
 * half its members name (`Vectors.subjects`) and `holds` says the other side lacks.
 */
function hasOwnSubject(events: Events, e: number, holds: (t: number) => boolean): boolean {
  const book = events.subjects[e];
  if (!book) return false;
  for (const [t, n] of book) if (2 * n >= events.size[e]! && !holds(t)) return true;
  return false;
}

/**
 * `hasOwnSubject` of event e against event `other` (what `other` holds, `eventHolds`), without a
 * function made for it: the merge asks it of thousands of event pairs on a busy day.
 */
function hasSubjectNotIn(events: Events, e: number, other: number): boolean {
  const book = events.subjects[e];
  if (!book) return false;
  for (const [t, n] of book) if (2 * n >= events.size[e]! && !eventHolds(events, other, t)) return true;
  return false;
}

/**
 * Story i, a story with a body, is not about event e's subject: the event names in its headlines (at
 * least half its members) a subject the story does not hold anywhere, and the two name no company in
 * common (a ticker) nor a subject rare enough to be today's news (`specific`: "Viacom", not the SEC).
 * What else they share, a word of both names ("hotel") or a third party both name (the SEC), makes them
 * a kind of news, not one event: `MARRIOTT <MHS> TO SELL HOTEL` and `HK HOTELS SOARS ON TAKEOVER
 * SPECULATION`; the SEC staff's charges against WPPSS and a list of offerings filed with the SEC. A
 * headline alone is left to the other rules: it holds too few words to tell what it lacks.
 */
export function subjectsDiffer(vectors: Vectors, events: Events, i: number, e: number, scratch: Scratch): boolean {
  if (vectors.bodied[i] !== 1) return false;
  const book = events.subjects[e];
  if (!book) return false;
  for (let k = vectors.subjectStart[i]!; k < vectors.subjectStart[i + 1]!; k++) {
    const t = vectors.subjects[k]!;
    if (vectors.specific[t] === 1 && eventHolds(events, e, t)) return false;
  }
  if (sharesTicker(events.tickers, events.tickers.of[i]!, e)) return false;
  markHeld(vectors, i, scratch);
  return hasOwnSubject(events, e, (t) => scratch.held[t] === scratch.heldStamp);
}

/** Whether event e holds term t: as a subject of its members, or among its terms. */
function eventHolds(events: Events, e: number, t: number): boolean {
  return events.subjects[e]?.has(t) === true || events.find(e, t) >= 0;
}

/**
 * The merge's form of `subjectsDiffer`, on both sides: events a and b each name a subject the other
 * does not hold, and share no specific one nor a ticker (two events the single pass kept apart one way).
 */
export function eventSubjectsDiffer(vectors: Vectors, events: Events, a: number, b: number): boolean {
  const holds = (other: number) => (t: number) => eventHolds(events, other, t);
  for (const t of events.subjects[a]?.keys() ?? []) if (vectors.specific[t] === 1 && holds(b)(t)) return false;
  if (sharesTicker(events.tickers, [...(events.tickers.counts[a]?.keys() ?? [])], b)) return false;
  return hasOwnSubject(events, a, holds(b)) && hasOwnSubject(events, b, holds(a));
}

/**
 * A wire headline's ticker names the company the story is about (`MCDONNELL DOUGLAS <MD> IN PACT WITH
 * CHINESE FIRM`, `FOOTHILL <FGI> TO TRADE ON NYSE`). Where one side names a company so and the other
 * names none (both naming one is `tickersClash`'s), the other side must be about that company too: it
 * holds a subject of the ticker side (its lead's name for the company, `Vectors.subjects`; a company's
 * listing on the NYSE is not the NYSE's news of its trading volume), or the ticker side names none
 * (nothing to tell by). This for story i and event e (`scratch` as `accumulate` left it for e).
 */
export function storyCompanyJoinable(vectors: Vectors, events: Events, i: number, e: number, scratch: Scratch): boolean {
  const storyNames = events.tickers.of[i]!.length > 0;
  const eventNames = (events.tickers.counts[e]?.size ?? 0) > 0;
  if (!storyNames && !eventNames) return true;
  if (vectors.bodied[i] === 1 && scratch.commonHeads[e] === 0 && actorsDiffer(vectors, events, i, e, scratch)) return false;
  if (storyNames === eventNames) return true;
  if (storyNames) {
    for (let k = vectors.subjectStart[i]!; k < vectors.subjectStart[i + 1]!; k++)
      if (eventHolds(events, e, vectors.subjects[k]!)) return true;
    return vectors.subjectStart[i + 1] === vectors.subjectStart[i];
  }
  const book = events.subjects[e];
  if (!book || book.size === 0) return true;
  markHeld(vectors, i, scratch);
  for (const t of book.keys()) if (scratch.held[t] === scratch.heldStamp) return true;
  return false;
}

/** `storyCompanyJoinable` for events a and b (`scratch` as `compareEvent` left it for a against b). */
export function eventCompanyJoinable(events: Events, a: number, b: number, scratch: Scratch, bodied: boolean): boolean {
  const aNames = (events.tickers.counts[a]?.size ?? 0) > 0;
  const bNames = (events.tickers.counts[b]?.size ?? 0) > 0;
  if (!aNames && !bNames) return true;
  if (bodied && scratch.commonHeads[b] === 0 && (hasSubjectNotIn(events, a, b) || hasSubjectNotIn(events, b, a))) return false;
  if (aNames === bNames) return true;
  const tickerSide = aNames ? a : b;
  const other = aNames ? b : a;
  const book = events.subjects[tickerSide];
  if (!book || book.size === 0) return true;
  for (const t of book.keys()) if (eventHolds(events, other, t)) return true;
  return false;
}

/**
 * Where a side names a company by ticker (`storyCompanyJoinable`): story i or event e names a subject the other does not hold at all (`Vectors.subjects`, at least half
 * the event's members for the event's): an actor of its own. With no headline word in common but names
 * (`Scratch.commonHeads`), that side is its actor's news, whatever company both also name (`AIRBUS SAID
 * READY TO COOPERATE WITH MCDONNELL <MD>` and `MCDONNELL DOUGLAS <MD> IN PACT WITH CHINESE FIRM`): one
 * shared ticker or name, and nothing said of it in common, does not make them one event.
 */
function actorsDiffer(vectors: Vectors, events: Events, i: number, e: number, scratch: Scratch): boolean {
  let own = false;
  for (let k = vectors.subjectStart[i]!; k < vectors.subjectStart[i + 1]! && !own; k++) {
    const t = vectors.subjects[k]!;
    own = !eventHolds(events, e, t);
  }
  if (own) return true;
  markHeld(vectors, i, scratch);
  return hasOwnSubject(events, e, (t) => scratch.held[t] === scratch.heldStamp);
}

/**
 * Story i has the words to share an anchor (`accumulate`): a rare headline word it does not write
 * lower-case, or `describingWords` rare headline words. A story with a body and neither joins no event,
 * so it is compared with none (each comparison walks every event holding each of its words).
 */
export function mayAnchor(vectors: Vectors, i: number, options: Readonly<GroupingOptions>): boolean {
  let described = 0;
  for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
    const t = vectors.term[k]!;
    if (vectors.head[k] !== 1 || vectors.anchor[t] !== 1 || vectors.isPlace[t] === 1) continue;
    if (vectors.uncommon[k] === 1 || vectors.burst[t] === 1 || ++described >= options.describingWords) return true;
  }
  return false;
}

/**
 * The compared side and event e share an anchor (`accumulate`): a name, or `describingWords` rare
 * headline words that neither writes as a name ("storm", "harbour", "bridge" closed): a happening told
 * by what happened, where one or two shared words ("unemployment" rate, "load factor") are a kind of news.
 */
export function anchored(scratch: Scratch, e: number, options: Readonly<GroupingOptions>): boolean {
  return scratch.anchors[e]! >= 1 || scratch.described[e]! >= options.describingWords;
}

/**
 * The compared side and event e say something in common: a shared word (held as `accumulate` counts
 * shared words) that both write lower-case, not only names. A name shared alone is a company's or a
 * body's day, not one event: Boeing choosing an engine and a report on a Boeing crash; Freeport's new
 * sulphur mine and its accounting change. What one event's reports share besides its actors is what
 * happened ("tin", "extension"; "engine").
 */
export function saysInCommon(scratch: Scratch, e: number): boolean {
  return scratch.plain[e]! >= 1;
}

/**
 * Event e is the day's big story (`isBurstEvent`) and what it is compared with shares no burst with
 * it: kept out. Such an event mixes many bureaus' subjects, so none is its own for `subjectsDiffer` to
 * keep others out by, and a word one member holds ("premier" of Japan's, watching its stock market)
 * would bring in another country's premier.
 */
export function burstOnly(events: Events, e: number, scratch: Scratch): boolean {
  return isBurstEvent(events, e) && scratch.burstWords[e]! === 0;
}

/** Two or more of event e's members, and most, hold a burst in their headline (`Vectors.burstHead`). */
export function isBurstEvent(events: Events, e: number): boolean {
  return events.burstMembers[e]! >= 2 && 2 * events.burstMembers[e]! > events.size[e]!;
}

/**
 * The compared side and event e are tied by the day's big story (`GroupingOptions.burstHeadlines`):
 * both name a burst in their headlines and share `burstWords` bursts in all ("stock" and "market"),
 * two of which the day's headlines write together (`burstPairHeadlines`), and neither names a company
 * by ticker (`untickered`): one burst word alone is shared by the day's other news told in it (a
 * country's trade figures on a day of trade-bill news), two bursts of two stories are shared by chance,
 * and a company's buyback on a crash day is the company's news. Tied, they need no other anchor, no
 * subject of their own keeps them apart (as a specific subject both name, `subjectsDiffer`), and events
 * merge at `burstMergeThreshold`.
 */
export function burstTied(vectors: Vectors, scratch: Scratch, e: number, options: Readonly<GroupingOptions>, untickered: boolean): boolean {
  if (!untickered || scratch.bursts[e]! < 1 || scratch.burstWords[e]! < options.burstWords) return false;
  const mask = scratch.burstMask[e]!;
  for (const pair of vectors.burstPairs) if ((mask & pair) === pair) return true;
  return false;
}

/**
 * How much higher the bar is for a story of `words` event words: a long story shares words with any
 * event by chance, where a headline shares only what it is about. Up to `lengthReference` words (a
 * headline) the bar is `threshold`; from `storyWords` on (a headline and a two-sentence lead) it is
 * `storyThreshold`; in between it rises geometrically with the length.
 */
export function lengthFactor(words: number, options: Readonly<GroupingOptions>): number {
  return Math.pow(options.storyThreshold / options.threshold, storyness(words, options));
}

/** Time decay of a similarity across `gapMs`. */
export function decay(gapMs: number, options: Readonly<GroupingOptions>): number {
  return Math.pow(0.5, Math.abs(gapMs) / options.decayHalfLifeMs);
}

/**
 * Story i has the words to join some event, whatever the events: `minSharedWords` event words (with
 * fewer it cannot show it shares an event), and the words to share an anchor where it needs one.
 */
export function mayJoin(vectors: Vectors, i: number, options: Readonly<GroupingOptions>): boolean {
  if (vectors.words[i]! < options.minSharedWords) return false;
  return !needsAnchor(vectors, i) || mayAnchor(vectors, i, options);
}

/** Story i joins only an event it shares an anchor with: a story with a body, or a headline naming its subject. */
export function needsAnchor(vectors: Vectors, i: number): boolean {
  return vectors.bodied[i] === 1 || vectors.namesSubject[i] === 1;
}
