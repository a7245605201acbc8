/**
 * The events being formed and the tickers their members name: centroids kept as postings in flat
 * typed arrays, so that moving a story in or out walks only its own terms.
 */
import { headlineTickers } from './story-terms.js';
import type { Vectors } from './story-vectors.js';
import type { GroupInput } from './types.js';

/**
 * The events being formed, in flat typed arrays: each event's centroid is the sum of its members'
 * vectors, kept as postings (event, summed weight, members holding the term), one run per term. A
 * term is in at most as many events as stories hold it (`Vectors.df`), so each run is laid out before
 * any event exists, and comparing a story with every event it shares a term with walks its terms' runs.
 */
export class Events {
  readonly base: Int32Array;
  readonly filled: Int32Array;
  readonly event: Int32Array;
  readonly sum: Float64Array;
  readonly holders: Int32Array;
  /** Of the holders, those with the term in their headline (`Vectors.head`). */
  readonly heads: Int32Array;
  /** Of those, the ones writing it as a name or without case (`Vectors.named`)… */
  readonly names: Int32Array;
  /** …and the ones not writing it lower-case (`Vectors.uncommon`). */
  readonly uncommons: Int32Array;
  /** Of the holders, those writing it lower-case anywhere (`Vectors.lower`). */
  readonly lowers: Int32Array;
  readonly size: Int32Array;
  readonly norm2: Float64Array;
  readonly newestMs: Float64Array;
  /** Members holding a burst in their headline (`Vectors.burstHead`). */
  readonly burstMembers: Int32Array;
  /** Each event's subjects (`Vectors.subjects`) with how many of its members name each. */
  readonly subjects: (Map<number, number> | undefined)[] = [];
  /**
   * By vector entry (a story's term): where its posting was when the story last moved, checked before
   * use (a removal moves a run's last posting). A story mostly leaves and rejoins the same event in the
   * refine passes, so this spares most of `find`'s walks along a common term's run.
   */
  private readonly hint: Int32Array;
  count = 0;

  /** `capacity`: events that may ever be made (event numbers are not reused). */
  constructor(
    private readonly vectors: Vectors,
    capacity: number,
    /** The members' tickers, counted per event as stories move (`tickersClash`). */
    readonly tickers: TickerBook,
  ) {
    const entries = vectors.term.length;
    this.base = new Int32Array(vectors.terms);
    for (let t = 1; t < vectors.terms; t++) this.base[t] = this.base[t - 1]! + vectors.df[t - 1]!;
    this.filled = new Int32Array(vectors.terms);
    this.event = new Int32Array(entries);
    this.sum = new Float64Array(entries);
    this.holders = new Int32Array(entries);
    this.heads = new Int32Array(entries);
    this.names = new Int32Array(entries);
    this.uncommons = new Int32Array(entries);
    this.lowers = new Int32Array(entries);
    this.size = new Int32Array(capacity);
    this.norm2 = new Float64Array(capacity);
    this.newestMs = new Float64Array(capacity).fill(-Infinity);
    this.burstMembers = new Int32Array(capacity);
    this.hint = new Int32Array(entries);
  }

  create(): number {
    return this.count++;
  }

  /** The posting of event e for term t, or -1. */
  find(e: number, t: number): number {
    for (let p = this.base[t]!, end = p + this.filled[t]!; p < end; p++) if (this.event[p] === e) return p;
    return -1;
  }

  /** Story i into (sign 1) or out of (sign -1) event e's centroid. */
  move(e: number, i: number, sign: 1 | -1, publishedMs: number): void {
    const { start, term, weight, head, named, uncommon, lower } = this.vectors;
    let norm2 = this.norm2[e]!;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = term[k]!;
      const h = this.hint[k]!;
      // An event without members has no postings (each leaves with its last holder): nothing to find.
      let p =
        h >= this.base[t]! && h < this.base[t]! + this.filled[t]! && this.event[h] === e ? h : this.size[e] === 0 ? -1 : this.find(e, t);
      if (p < 0) {
        p = this.base[t]! + this.filled[t]!++;
        this.event[p] = e;
        this.sum[p] = 0;
        this.holders[p] = 0;
        this.heads[p] = 0;
        this.names[p] = 0;
        this.uncommons[p] = 0;
        this.lowers[p] = 0;
      }
      const before = this.sum[p]!;
      const after = before + sign * weight[k]!;
      norm2 += after * after - before * before;
      this.sum[p] = after;
      this.holders[p]! += sign;
      this.heads[p]! += sign * head[k]!;
      this.names[p]! += sign * named[k]!;
      this.uncommons[p]! += sign * uncommon[k]!;
      this.lowers[p]! += sign * lower[k]!;
      this.hint[k] = p;
      if (this.holders[p] === 0) {
        // The term leaves the centroid with its last holder: the run's last posting takes its place.
        const last = this.base[t]! + --this.filled[t]!;
        this.event[p] = this.event[last]!;
        this.sum[p] = this.sum[last]!;
        this.holders[p] = this.holders[last]!;
        this.heads[p] = this.heads[last]!;
        this.names[p] = this.names[last]!;
        this.uncommons[p] = this.uncommons[last]!;
        this.lowers[p] = this.lowers[last]!;
      }
    }
    this.size[e]! += sign;
    this.burstMembers[e]! += sign * this.vectors.burstHead[i]!;
    countTickers(this.tickers, e, i, sign);
    const { subjectStart, subjects } = this.vectors;
    if (subjectStart[i + 1]! > subjectStart[i]!) {
      const book = (this.subjects[e] ??= new Map<number, number>());
      for (let k = subjectStart[i]!; k < subjectStart[i + 1]!; k++) {
        const n = (book.get(subjects[k]!) ?? 0) + sign;
        if (n === 0) book.delete(subjects[k]!);
        else book.set(subjects[k]!, n);
      }
    }
    this.norm2[e] = this.size[e] === 0 ? 0 : Math.max(0, norm2);
    if (sign > 0 && publishedMs > this.newestMs[e]!) this.newestMs[e] = publishedMs;
  }
}

/**
 * Each event's tickers, as its members' headlines name them, with how many members name each. Two
 * sides that both name companies and none in common are about different companies, whatever words
 * they share (`BRT REALTY TRUST <BRT>` and `UNIVERSAL HEALTH REALTY <UHT>`; `SEC PROBES TRE <TRE>
 * TAKEOVER` and `SEARS <S> UNIT AGREES TO SEC CENSURE`): they are never one event.
 */
interface TickerBook {
  of: readonly (readonly string[])[];
  counts: (Map<string, number> | undefined)[];
}

export function tickerBook(stories: readonly GroupInput[]): TickerBook {
  return { of: stories.map((s) => (s.headline.includes('<') ? headlineTickers(s.headline) : [])), counts: [] };
}

/** Story i's tickers into (sign 1) or out of (sign -1) event e's. */
function countTickers(book: TickerBook, e: number, i: number, sign: 1 | -1): void {
  const tickers = book.of[i]!;
  if (tickers.length === 0) return;
  const counts = (book.counts[e] ??= new Map<string, number>());
  for (const t of tickers) {
    const n = (counts.get(t) ?? 0) + sign;
    if (n === 0) counts.delete(t);
    else counts.set(t, n);
  }
}

/** Whether event e's members name one of these tickers. */
export function sharesTicker(book: TickerBook, tickers: readonly string[], e: number): boolean {
  const counts = book.counts[e];
  return counts !== undefined && tickers.some((t) => counts.has(t));
}

/** Whether these tickers and event e's are both named and share none. */
export function tickersClash(book: TickerBook, tickers: readonly string[], e: number): boolean {
  if (tickers.length === 0 || !book.counts[e] || book.counts[e].size === 0) return false;
  return !sharesTicker(book, tickers, e);
}
