/**
 * The merge step: events a single pass split (their first stories told in different words) joined
 * again by centroid-linkage agglomeration, the closest pair first.
 */
import { accumulate, type Scratch } from './compare.js';
import { type Events, tickersClash } from './events.js';
import {
  anchored,
  burstOnly,
  burstTied,
  decay,
  eventCompanyJoinable,
  eventSubjectsDiffer,
  isBurstEvent,
  lengthFactor,
  mayAnchor,
  saysInCommon,
} from './join-rules.js';
import type { GroupingOptions } from './options.js';
import type { Vectors } from './story-vectors.js';

/**
 * Dot products of event a's centroid with every event it shares a term with (into `scratch`); with
 * `onlyAbove`, only those numbered above a (the merge's first round compares each pair once, from its
 * lower event: walking the others too was half of that round's work).
 */
function compareEvent(
  vectors: Vectors,
  events: Events,
  a: number,
  members: readonly number[],
  scratch: Scratch,
  options: Readonly<GroupingOptions>,
  onlyAbove: boolean,
): void {
  scratch.below = onlyAbove ? a : 0;
  scratch.stamp++;
  scratch.holderShare = 0;
  // A name two events share must be what each is about, not one member's passing mention.
  scratch.anchorShare = options.storyHolderShare;
  scratch.touchedCount = 0;
  for (const i of members) {
    for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
      const t = vectors.term[k]!;
      if (scratch.termMark[t] === scratch.stamp) continue;
      scratch.termMark[t] = scratch.stamp;
      const p = events.find(a, t);
      accumulate(
        events,
        vectors,
        scratch,
        t,
        events.sum[p]!,
        a,
        events.holders[p]! >= events.size[a]! * scratch.anchorShare,
        events.heads[p]! > 0,
        events.names[p]! > 0,
        events.uncommons[p]! > 0,
        events.heads[p]! > events.uncommons[p]!,
        events.lowers[p]! > 0,
      );
    }
  }
}

interface MergeCandidate {
  sim: number;
  a: number;
  b: number;
  versionA: number;
  versionB: number;
}

/** Best first: higher similarity, then lower event numbers (deterministic). */
function before(x: MergeCandidate, y: MergeCandidate): boolean {
  return x.sim > y.sim || (x.sim === y.sim && (x.a < y.a || (x.a === y.a && x.b < y.b)));
}

function heapPush(heap: MergeCandidate[], c: MergeCandidate): void {
  heap.push(c);
  for (let k = heap.length - 1; k > 0;) {
    const parent = (k - 1) >> 1;
    if (!before(heap[k]!, heap[parent]!)) break;
    [heap[k], heap[parent]] = [heap[parent]!, heap[k]!];
    k = parent;
  }
}

function heapPop(heap: MergeCandidate[]): MergeCandidate | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last) {
    heap[0] = last;
    for (let k = 0; ;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let m = k;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === k) break;
      [heap[k], heap[m]] = [heap[m]!, heap[k]!];
      k = m;
    }
  }
  return top;
}

/**
 * The merge step (Miranda et al. 2018): a single pass splits an event whose first stories were told
 * in different words, so two events whose centroids are close (time-decayed cosine) and share event
 * words become one: centroid-linkage agglomeration, the closest pair first, until no pair passes.
 */
export function mergeEvents(
  vectors: Vectors,
  events: Events,
  members: number[][],
  options: Readonly<GroupingOptions>,
  scratch: Scratch,
): void {
  const version = new Int32Array(events.count);
  const heap: MergeCandidate[] = [];
  const words = new Float64Array(events.count);
  for (let e = 0; e < events.count; e++) for (const i of members[e]!) words[e]! += vectors.words[i]!;
  const meanWords = (e: number): number => words[e]! / Math.max(1, members[e]!.length);
  // Events holding a story with a body: they merge with another only on a shared anchor.
  const bodied = new Int32Array(events.count);
  for (let e = 0; e < events.count; e++) for (const i of members[e]!) bodied[e]! += vectors.bodied[i]!;
  // A headline naming its subject still alone is held to the single pass's rule (`bestEvent`) here too.
  const namedAlone = (e: number): boolean => members[e]!.length === 1 && vectors.namesSubject[members[e]![0]!] === 1;
  const candidatesOf = (a: number, onlyAbove: boolean): void => {
    compareEvent(vectors, events, a, members[a]!, scratch, options, onlyAbove);
    const named = [...(events.tickers.counts[a]?.keys() ?? [])];
    for (let j = 0; j < scratch.touchedCount; j++) {
      const b = scratch.touched[j]!;
      if ((onlyAbove && b < a) || scratch.shared[b]! < options.minSharedWords) continue;
      if (tickersClash(events.tickers, named, b)) continue;
      if (!eventCompanyJoinable(events, a, b, scratch, bodied[a]! + bodied[b]! > 0)) continue;
      // The day's big story ties them as a shared specific subject does (`subjectsDiffer`).
      const burst = burstTied(vectors, scratch, b, options, named.length === 0 && (events.tickers.counts[b]?.size ?? 0) === 0);
      if ((bodied[a]! + bodied[b]! > 0 || namedAlone(a) || namedAlone(b)) && !burst && !anchored(scratch, b, options)) continue;
      if (bodied[a]! + bodied[b]! > 0 && !burst && !saysInCommon(scratch, b)) continue;
      // The day's big story, on either side, takes in only what shares a burst with it (`burstOnly`).
      if (burstOnly(events, b, scratch) || (isBurstEvent(events, a) && scratch.burstWords[b]! === 0)) continue;
      if (bodied[a]! + bodied[b]! > 0 && !burst && eventSubjectsDiffer(vectors, events, a, b)) continue;
      const norms = Math.sqrt(events.norm2[a]! * events.norm2[b]!);
      if (norms === 0) continue;
      const sim = (scratch.dot[b]! / norms) * decay(events.newestMs[a]! - events.newestMs[b]!, options);
      const bar = options.mergeThreshold * lengthFactor(Math.min(meanWords(a), meanWords(b)), options);
      if (sim < (burst ? Math.min(bar, options.burstMergeThreshold) : bar)) continue;
      const [x, y] = a < b ? [a, b] : [b, a];
      heapPush(heap, { sim, a: x, b: y, versionA: version[x]!, versionB: version[y]! });
    }
  };
  // A story with a body alone in its event, without the words to share an anchor (`mayAnchor`),
  // merges with nothing (neither side finds an anchor in the other): not compared at all.
  const mergeable = (a: number): boolean =>
    members[a]!.length > 1 || vectors.bodied[members[a]![0]!] !== 1 || mayAnchor(vectors, members[a]![0]!, options);
  for (let a = 0; a < events.count; a++) if (members[a]!.length > 0 && mergeable(a)) candidatesOf(a, true);
  for (let c = heapPop(heap); c; c = heapPop(heap)) {
    if (c.versionA !== version[c.a] || c.versionB !== version[c.b]) continue;
    // The smaller event's stories move into the larger (fewer moves); the same number keeps the lower.
    const [into, from] = members[c.b]!.length > members[c.a]!.length ? [c.b, c.a] : [c.a, c.b];
    for (const i of members[from]!) {
      events.move(from, i, -1, 0);
      events.move(into, i, 1, events.newestMs[from]!);
    }
    members[into]!.push(...members[from]!);
    members[from] = [];
    words[into]! += words[from]!;
    words[from] = 0;
    bodied[into]! += bodied[from]!;
    bodied[from] = 0;
    version[from]!++;
    version[into]!++;
    candidatesOf(into, false);
  }
}
