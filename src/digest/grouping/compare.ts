/**
 * Comparing one side (a story, or an event's centroid) with every event it shares a term with, in
 * one walk of the postings: dot products and the counts of shared words, anchors and bursts that the
 * join rules read (`Scratch`, `accumulate`).
 */
import type { Events } from './events.js';
import type { Vectors } from './story-vectors.js';

/** Marks story i's terms (all it holds, `Vectors.allTerm`) in `scratch.held`, once however many events it is compared with. */
export function markHeld(vectors: Vectors, i: number, scratch: Scratch): void {
  if (scratch.heldStory === i) return;
  scratch.heldStamp++;
  scratch.heldStory = i;
  for (let k = vectors.allStart[i]!; k < vectors.allStart[i + 1]!; k++) scratch.held[vectors.allTerm[k]!] = scratch.heldStamp;
}

/** Per-event accumulators of one comparison, valid where `mark` holds the current `stamp`. */
export interface Scratch {
  dot: Float64Array;
  shared: Int32Array;
  /** Of the shared words, the anchors (`Vectors.anchor`) held by at least `anchorShare` of the event's members. */
  anchors: Int32Array;
  /** Of the shared words, those that would be anchors but neither side writes as a name. */
  described: Int32Array;
  /** Of the shared words, those in a headline on both sides that a side writes lower-case: a common word (`storyCompanyJoinable`). */
  commonHeads: Int32Array;
  /** Of the shared words, those both sides write lower-case somewhere (`Vectors.lower`): what is said in common, not who (`saysInCommon`). */
  plain: Int32Array;
  /** Shared anchors that are the window's bursts (`Vectors.burst`), in a headline on both sides… */
  bursts: Int32Array;
  /** …and shared words that are bursts, wherever they are, and their bits (`Vectors.burstBit`). */
  burstWords: Int32Array;
  burstMask: Int32Array;
  anchorShare: number;
  /** Share of an event's members that must hold a word for it to count as shared (see `accumulate`). */
  holderShare: number;
  /** Events numbered below this are not compared (`compareEvent`: the merge's first round meets each pair from its lower event). */
  below: number;
  mark: Int32Array;
  stamp: number;
  /**
   * The events of the current comparison, in the order first met: the first `touchedCount`. A typed
   * array kept for the whole grouping: an array emptied and pushed to again each comparison grew its
   * storage anew every time (a third of a build's allocations).
   */
  touched: Int32Array;
  touchedCount: number;
  /** Terms already walked for the current event (`compareEvent`), by `termStamp`. */
  termMark: Int32Array;
  /** Terms story `heldStory` holds (`subjectsDiffer`), where equal to `heldStamp`. */
  held: Int32Array;
  heldStamp: number;
  heldStory: number;
}

export function newScratch(stories: number, terms: number): Scratch {
  return {
    dot: new Float64Array(stories),
    shared: new Int32Array(stories),
    anchors: new Int32Array(stories),
    described: new Int32Array(stories),
    commonHeads: new Int32Array(stories),
    plain: new Int32Array(stories),
    bursts: new Int32Array(stories),
    burstWords: new Int32Array(stories),
    burstMask: new Int32Array(stories),
    anchorShare: 0,
    holderShare: 0,
    below: 0,
    mark: new Int32Array(stories),
    stamp: 0,
    touched: new Int32Array(stories),
    touchedCount: 0,
    termMark: new Int32Array(terms),
    held: new Int32Array(terms),
    heldStamp: 0,
    heldStory: -1,
  };
}

/**
 * Walk term t's run: each event holding it gains `x` times its summed weight, and a shared word unless a
 * place. The word is a shared anchor when it is one (`Vectors.anchor`), `anchorOk` says the compared side
 * holds it fairly, enough of the event holds it (`anchorShare`), and it is in a headline on both sides
 * (`inHeadline` for the compared side): a wire headline names its story's subject, and a name one story's
 * lead drops in passing ("Marvin Warner", "pharmaceuticals") is not what both tell of. It is a name
 * anchor when neither side writes it lower-case (`uncommon` for the compared side) and one side writes
 * it as a name or has no case to tell by (`named`; `termNames`): "unemployment" or "UPS" (raises) in two
 * headlines is a kind of news, not one event. Else it only helps describe one (`anchored`).
 */
export function accumulate(
  events: Events,
  vectors: Vectors,
  scratch: Scratch,
  t: number,
  x: number,
  skip: number,
  anchorOk: boolean,
  inHeadline: boolean,
  named: boolean,
  uncommon: boolean,
  lowered: boolean,
  writtenLower: boolean,
): void {
  const isPlace = vectors.isPlace[t] === 1;
  const anchor = anchorOk && vectors.anchor[t] === 1;
  const below = scratch.below;
  for (let p = events.base[t]!, end = p + events.filled[t]!; p < end; p++) {
    const e = events.event[p]!;
    if (e === skip || e < below) continue;
    if (scratch.mark[e] !== scratch.stamp) {
      scratch.mark[e] = scratch.stamp;
      scratch.dot[e] = 0;
      scratch.shared[e] = 0;
      scratch.anchors[e] = 0;
      scratch.described[e] = 0;
      scratch.commonHeads[e] = 0;
      scratch.plain[e] = 0;
      scratch.bursts[e] = 0;
      scratch.burstWords[e] = 0;
      scratch.burstMask[e] = 0;
      scratch.touched[scratch.touchedCount++] = e;
    }
    scratch.dot[e]! += x * events.sum[p]!;
    // A word counts as shared when a fair part of the event holds it: a big event's centroid holds some
    // of every word, and one story's passing word is no evidence the next story is on the same event.
    if (!isPlace && events.holders[p]! >= events.size[e]! * scratch.holderShare) {
      scratch.shared[e]!++;
      if (vectors.burst[t] === 1) {
        scratch.burstWords[e]!++;
        scratch.burstMask[e]! |= vectors.burstBit[t]!;
      }
      if (inHeadline && events.heads[p]! > 0 && (lowered || events.heads[p]! > events.uncommons[p]!)) scratch.commonHeads[e]!++;
      if (writtenLower && events.lowers[p]! > 0) scratch.plain[e]!++;
      if (anchor && inHeadline && events.heads[p]! > 0 && events.holders[p]! >= events.size[e]! * scratch.anchorShare) {
        // A burst is today's story, however its leads write it ("stock", "market" on a crash day). Else
        // a name: neither side writes it lower-case, and one writes it as a name (or cannot tell).
        if (vectors.burst[t] === 1) scratch.bursts[e]!++;
        else if (uncommon && events.uncommons[p]! > 0 && (named || events.names[p]! > 0)) scratch.anchors[e]!++;
        else scratch.described[e]!++;
      }
    }
  }
}
