/**
 * The last step: headlines left alone that share just the one word a large event is about join it.
 */
import type { Scratch } from './compare.js';
import type { Events } from './events.js';
import { decay } from './join-rules.js';
import type { GroupingOptions } from './options.js';
import { storyness, type Vectors } from './story-vectors.js';
import type { GroupInput } from './types.js';

/**
 * A headline still alone after the merge (or a few together, or a side thread of a big story told in
 * its own words: "Titanfall campaign mode", a first look at its TV series) often shares with a big
 * event just the one word the event is about ("How to level up in Titanfall", "Bitcoin refuses to
 * flip"): too little for the single pass, where one shared word among small events is chance, and for
 * the merge, where a big event's centroid is spread over all its stories' words. Once events are
 * formed, a word is an event's own when at least `attachCoreShare` of the event's members hold it and
 * at least that share of the window's stories holding it are in the event: what the event is about,
 * and nothing else today is ("bond", "acquisition" on a wire day are held by many small events and
 * strays alike). A group of headlines joins the most similar established event (`attachMinSize`)
 * larger than itself that it shares such a word with, when the word is the group's own too (held by
 * that share of its members: not one member's passing mention) and their centroids pass the single
 * pass's bar (decayed cosine). Places never count (two events in one country stay apart); stories with
 * a body are left alone (they have said what they are about in many words, and it matched nothing).
 * Every group is compared with the events as the merge left them, and a group whose event itself joins
 * a larger one follows it there (sizes only grow along the way), so the order of the groups changes
 * nothing.
 */
export function attachStrays(
  stories: readonly GroupInput[],
  vectors: Vectors,
  events: Events,
  members: number[][],
  options: Readonly<GroupingOptions>,
  scratch: Scratch,
): void {
  if (!Number.isFinite(options.attachMinSize)) return;
  // A headline: few event words (`lengthReference`), and no body of its own (`Vectors.bodied`).
  const isHeadline = (i: number): boolean => storyness(vectors.words[i]!, options) === 0 && vectors.bodied[i] === 0;
  const moves: [number, number][] = [];
  for (let e = 0; e < members.length; e++) {
    const list = members[e]!;
    if (list.length === 0 || events.norm2[e]! === 0 || !list.every(isHeadline)) continue;
    scratch.stamp++;
    scratch.touchedCount = 0;
    // A group naming its subject (`Vectors.namesSubject`) joins only on a word neither side writes
    // lower-case and one writes as a name: its own name, not a common word the event also uses.
    const named = list.some((i) => vectors.namesSubject[i] === 1);
    for (const i of list) {
      for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
        const t = vectors.term[k]!;
        if (scratch.termMark[t] === scratch.stamp) continue;
        scratch.termMark[t] = scratch.stamp;
        const own = events.find(e, t);
        const x = events.sum[own]!;
        for (let p = events.base[t]!, end = p + events.filled[t]!; p < end; p++) {
          const f = events.event[p]!;
          const size = events.size[f]!;
          if (size < options.attachMinSize || size <= list.length) continue;
          if (scratch.mark[f] !== scratch.stamp) {
            scratch.mark[f] = scratch.stamp;
            scratch.dot[f] = 0;
            scratch.shared[f] = 0;
            scratch.touched[scratch.touchedCount++] = f;
          }
          scratch.dot[f]! += x * events.sum[p]!;
          const holders = events.holders[p]!;
          const asName = events.uncommons[own]! > 0 && events.uncommons[p]! > 0 && (events.names[own]! > 0 || events.names[p]! > 0);
          if (
            (asName || !named) &&
            vectors.isPlace[t] !== 1 &&
            holders >= size * options.attachCoreShare &&
            holders >= vectors.df[t]! * options.attachCoreShare &&
            events.holders[own]! >= list.length * options.attachCoreShare
          )
            scratch.shared[f]!++;
        }
      }
    }
    let best = -1;
    let bestSim = options.threshold;
    for (let j = 0; j < scratch.touchedCount; j++) {
      const f = scratch.touched[j]!;
      if (scratch.shared[f]! < 1 || events.norm2[f]! === 0) continue;
      const sim =
        (scratch.dot[f]! / Math.sqrt(events.norm2[f]! * events.norm2[e]!)) * decay(events.newestMs[e]! - events.newestMs[f]!, options);
      if (sim > bestSim || (sim === bestSim && f < best)) {
        best = f;
        bestSim = sim;
      }
    }
    if (best >= 0) moves.push([e, best]);
  }
  const next = new Map(moves);
  for (const [from, first] of moves) {
    let to = first;
    while (next.has(to)) to = next.get(to)!;
    members[to]!.push(...members[from]!);
    members[from] = [];
  }
}
