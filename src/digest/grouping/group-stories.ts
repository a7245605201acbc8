/**
 * Event grouping for the digest (`groupStories`): the window's stories in time order each join the
 * most similar event or start one (`bestEvent`), a refine pass moves each to its best event once all
 * exist, then events merge (`merge-events.ts`) and strays attach (`attach-strays.ts`); groups come out
 * ranked by coverage and recency. The parts: a story's terms (`story-terms.ts`), the window's vectors
 * and term roles (`story-vectors.ts`, `bursts.ts`), the events (`events.ts`), comparing and the join
 * rules (`compare.ts`, `join-rules.ts`), and the ranking (`coverage.ts`); the knobs are in `options.ts`.
 */
import { attachStrays } from './attach-strays.js';
import { accumulate, newScratch, type Scratch } from './compare.js';
import { groupCoverage, storyCoverage } from './coverage.js';
import { Events, tickerBook, tickersClash } from './events.js';
import {
  anchored,
  burstOnly,
  burstTied,
  decay,
  lengthFactor,
  mayJoin,
  needsAnchor,
  saysInCommon,
  storyCompanyJoinable,
  subjectsDiffer,
} from './join-rules.js';
import { mergeEvents } from './merge-events.js';
import { DEFAULT_GROUPING, type GroupingOptions } from './options.js';
import { headlineKey } from './story-terms.js';
import { storyness, storyVectors, type Vectors } from './story-vectors.js';
import type { GroupInput, HeadlineHistory, StoryGroup, TermBackground } from './types.js';

/**
 * The best event for story i: the highest time-decayed cosine with its centroid that passes the
 * threshold, among events sharing enough event words with it (a place or filler word alone never
 * makes an event); -1 when none. Ties go to the older event. Event `leaveOut` (-1: none) is not compared.
 */
function bestEvent(
  vectors: Vectors,
  events: Events,
  i: number,
  publishedMs: number,
  options: Readonly<GroupingOptions>,
  scratch: Scratch,
  leaveOut = -1,
): number {
  if (!mayJoin(vectors, i, options)) return -1;
  const need = options.minSharedWords;
  const needAnchor = needsAnchor(vectors, i);
  // A full story shares some word with any big event: only words a fair part of the event holds count.
  scratch.holderShare = options.storyHolderShare * storyness(vectors.words[i]!, options);
  scratch.anchorShare = scratch.holderShare;
  scratch.below = 0;
  scratch.stamp++;
  scratch.touchedCount = 0;
  for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
    const t = vectors.term[k]!;
    accumulate(
      events,
      vectors,
      scratch,
      t,
      vectors.weight[k]!,
      leaveOut,
      true,
      vectors.head[k] === 1,
      vectors.named[k] === 1,
      vectors.uncommon[k] === 1,
      vectors.head[k] === 1 && vectors.uncommon[k] !== 1,
      vectors.lower[k] === 1,
    );
  }
  let best = -1;
  let bestSim = options.threshold * lengthFactor(vectors.words[i]!, options);
  const untickered = events.tickers.of[i]!.length === 0;
  for (let j = 0; j < scratch.touchedCount; j++) {
    const e = scratch.touched[j]!;
    const tied = burstTied(vectors, scratch, e, options, untickered && (events.tickers.counts[e]?.size ?? 0) === 0);
    if (scratch.shared[e]! < need || (needAnchor && !tied && !anchored(scratch, e, options)) || events.norm2[e]! === 0) continue;
    if (vectors.bodied[i] === 1 && !tied && !saysInCommon(scratch, e)) continue;
    if (burstOnly(events, e, scratch)) continue;
    if (tickersClash(events.tickers, events.tickers.of[i]!, e)) continue;
    if (!storyCompanyJoinable(vectors, events, i, e, scratch)) continue;
    const cosine = scratch.dot[e]! / Math.sqrt(events.norm2[e]!);
    // Decay only lowers a similarity: most touched events share a word or two and are far below.
    if (cosine < bestSim) continue;
    const sim = cosine * decay(publishedMs - events.newestMs[e]!, options);
    if ((sim > bestSim || (sim === bestSim && e < best)) && (tied || !subjectsDiffer(vectors, events, i, e, scratch))) {
      best = e;
      bestSim = sim;
    }
  }
  return best;
}

/**
 * Group stories about the same event (single-pass clustering against event centroids, as in
 * topic detection and tracking, and Miranda et al., EMNLP 2018): stories in time order (oldest
 * first, then id) each join the event whose centroid is most similar, by a tf-idf cosine decayed
 * with the time between them, when it passes the threshold and they share enough event words
 * (a shared place or filler word alone never makes an event); else they start one. Then passes that
 * move each story to its best event now that all exist, and a merge step. Deterministic: the
 * same stories give the same groups. Groups are ranked by coverage (`groupCoverage`) plus recency.
 */
export function groupStories(
  given: readonly GroupInput[],
  nowMs: number,
  options: Readonly<GroupingOptions> = DEFAULT_GROUPING,
  background?: TermBackground,
  history?: HeadlineHistory,
): StoryGroup[] {
  // Stories in time order, then by id, whatever order they came in: every sum below runs in this order,
  // so the same stories give the same groups to the last bit.
  const stories = [...given].sort((a, b) => a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = stories.map((_, i) => i);
  const vectors = storyVectors(stories, options, background, history);
  const publishedMs = stories.map((s) => s.publishedMs);
  // Each pass may start at most one new event per story.
  const capacity = stories.length * (options.refinePasses + 1) + 1;
  const events = new Events(vectors, capacity, tickerBook(stories));
  const eventOf = new Int32Array(stories.length);
  const scratch = newScratch(capacity, vectors.terms);
  // The same headline again is the same story filed again (an update, a second bureau's copy): it
  // goes where its first filing goes, whatever words its lead adds (no anchor needed to find itself).
  const firstOf = new Map<string, number>();
  const twinOf = new Int32Array(stories.length).fill(-1);
  for (const i of order) {
    const key = stories[i]!.headlineKey ?? headlineKey(stories[i]!.headline);
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    else twinOf[i] = first;
  }

  // Stories each event has taken in (`entered[e] === 1` with one member: it never held another story).
  const entered = new Int32Array(capacity);

  // 1. Single pass.
  for (const i of order) {
    let e = twinOf[i]! >= 0 ? eventOf[twinOf[i]!]! : bestEvent(vectors, events, i, publishedMs[i]!, options, scratch);
    if (e < 0) e = events.create();
    events.move(e, i, 1, publishedMs[i]!);
    entered[e]!++;
    eventOf[i] = e;
  }
  // 2. Each story to its best event now that all exist (itself left out of its own event while compared).
  for (let pass = 0; pass < options.refinePasses; pass++) {
    let moved = 0;
    for (const i of order) {
      const own = eventOf[i]!;
      // A story alone in an event that never held another is compared with its event left out, as if
      // taken out of it; when it joins none it stays, as taking it out and putting it back changed only
      // where its postings sit in their terms' runs, which no comparison depends on (the event's sums are
      // its own weights either way). That spares two walks of its terms for six stories in seven of a busy day.
      if (twinOf[i]! < 0 && events.size[own] === 1 && entered[own] === 1) {
        const e = bestEvent(vectors, events, i, publishedMs[i]!, options, scratch, own);
        if (e < 0) continue;
        events.move(own, i, -1, 0);
        events.move(e, i, 1, publishedMs[i]!);
        entered[e]!++;
        eventOf[i] = e;
        moved++;
        continue;
      }
      events.move(own, i, -1, 0);
      // A first filing is always moved before its twins (time order): they follow it.
      const e = twinOf[i]! >= 0 ? eventOf[twinOf[i]!]! : bestEvent(vectors, events, i, publishedMs[i]!, options, scratch);
      const to = e < 0 ? (events.size[own] === 0 ? own : events.create()) : e;
      events.move(to, i, 1, publishedMs[i]!);
      entered[to]!++;
      if (to !== own) {
        eventOf[i] = to;
        moved++;
      }
    }
    // An event's newest story, again from its members (moves out do not lower it during a pass).
    events.newestMs.fill(-Infinity);
    for (let i = 0; i < stories.length; i++) events.newestMs[eventOf[i]!] = Math.max(events.newestMs[eventOf[i]!]!, publishedMs[i]!);
    if (moved === 0) break;
  }
  // 3. Merge.
  // Each list made with its first member (a busy day's ~1,000 events are mostly one story: an empty
  // array pushed to grows room for 17), the events left empty by the passes an empty list.
  const members: number[][] = new Array<number[]>(events.count);
  for (const i of order) {
    const list = members[eventOf[i]!];
    if (list) list.push(i);
    else members[eventOf[i]!] = [i];
  }
  for (let e = 0; e < events.count; e++) members[e] ??= [];
  mergeEvents(vectors, events, members, options, scratch);
  // 4. Strays.
  attachStrays(stories, vectors, events, members, options, scratch);

  const groups: StoryGroup[] = [];
  for (let e = 0; e < events.count; e++) {
    const list = members[e]!;
    if (list.length === 0) continue;
    let newestMs = -Infinity;
    for (const i of list) newestMs = Math.max(newestMs, publishedMs[i]!);
    const recency = Math.pow(0.5, Math.max(0, nowMs - newestMs) / options.recencyHalfLifeMs);
    // The most representative member speaks for the group (its headline becomes the title): the
    // one closest to the centroid, the earliest on a tie (`list` is in time order).
    let central = list[0]!;
    if (list.length > 1) {
      let closest = -Infinity;
      for (const i of list) {
        let dot = 0;
        for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
          const p = events.find(e, vectors.term[k]!);
          if (p >= 0) dot += vectors.weight[k]! * events.sum[p]!;
        }
        if (dot > closest + 1e-12) {
          closest = dot;
          central = i;
        }
      }
    }
    // Most groups are one story: no list of the others to sort, nor of the members to weigh.
    const ids = [stories[central]!.id];
    let coverage: number;
    if (list.length === 1) coverage = storyCoverage(stories[central]!, options);
    else {
      const rest = list.filter((i) => i !== central).sort((a, b) => publishedMs[b]! - publishedMs[a]! || a - b);
      for (const i of rest) ids.push(stories[i]!.id);
      coverage = groupCoverage(
        list.map((i) => stories[i]!),
        options,
      );
    }
    groups.push({ ids, newestMs, score: coverage + recency });
  }
  return groups.sort(
    (a, b) => b.score - a.score || b.newestMs - a.newestMs || (a.ids[0]! < b.ids[0]! ? -1 : a.ids[0]! > b.ids[0]! ? 1 : 0),
  );
}
