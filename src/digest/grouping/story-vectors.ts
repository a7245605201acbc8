/**
 * A window's stories as sparse tf-idf vectors over dense term numbers, with what each term is
 * (generic, anchor, specific, burst) and what each story is (bodied, naming its subject): everything
 * the comparisons read, laid out in flat typed arrays once per build.
 */
import { countWords } from '../story-features.js';
import { burstPairsOf, burstTerms } from './bursts.js';
import type { GroupingOptions } from './options.js';
import { isRoutine } from './story-kinds.js';
import { COMMON_WRITTEN, HEADLINE_WEIGHT, NAME_UNKNOWN, NAME_WRITTEN, storyTerms, termNames } from './story-terms.js';
import type { GroupInput, HeadlineHistory, TermBackground } from './types.js';

const DAY_MS = 86_400_000;

/** The window's stories as term numbers 0…terms-1 with counts; `isPlace[t]` for place keys. */
export interface DenseTerms {
  /** Story i's entries are `start[i]` … `start[i + 1] - 1`. */
  start: Int32Array;
  term: Int32Array;
  tf: Float64Array;
  /** How the story writes the entry's word (`termNames`). */
  name: Uint8Array;
  isPlace: Uint8Array;
  terms: number;
  /** The term id or the term each number stands for. */
  keyOf: (number | string)[];
}

/** Dense numbers of term ids, by id, valid where `localStamp` holds the current call's `generation`. */
let localOf = new Int32Array(0);
let localStamp = new Int32Array(0);
let generation = 0;
/** Ids beyond this are numbered through a Map instead. */
const MAX_SCRATCH_ID = 1 << 24;

/** Dense term numbers for the stories' terms (ids given, or the words of headline, lead and places). */
function denseTerms(stories: readonly GroupInput[]): DenseTerms {
  const given = stories.map((story) => story.terms ?? null);
  if (given.some((g) => g) && given.some((g) => !g)) throw new Error('groupStories: give every story its term ids, or none');
  const words = stories.map((story, i) => (given[i] ? null : storyTerms(story.headline, story.lead, story.placeKeys, story.placeNames)));
  let total = 0;
  for (let i = 0; i < stories.length; i++) total += given[i]?.ids.length ?? words[i]!.length;
  const wordNumbers = new Map<string, number>();
  const place: number[] = [];
  const keys: (number | string)[] = [];
  let terms = 0;
  const fresh = (key: number | string, isPlace: boolean): number => {
    place.push(isPlace ? 1 : 0);
    keys.push(key);
    return terms++;
  };
  // Ids are numbered through arrays kept between calls (a store's ids run from 1 to its vocabulary
  // size): numbering a busy day's ~25,000 term ids through a Map was a tenth of a build.
  let maxId = 0;
  for (const g of given) if (g) for (let k = 0; k < g.ids.length; k++) if (g.ids[k]! > maxId) maxId = g.ids[k]!;
  if (maxId >= localOf.length && maxId < MAX_SCRATCH_ID) {
    const size = Math.max(1024, 2 ** Math.ceil(Math.log2(maxId + 1)));
    localOf = new Int32Array(size);
    localStamp = new Int32Array(size);
    generation = 0;
  }
  if (++generation > 2 ** 30) {
    localStamp.fill(0);
    generation = 1;
  }
  const byId = new Map<number, number>();
  const numberOf = (key: number | string, isPlace: boolean): number => {
    if (typeof key === 'string') {
      let t = wordNumbers.get(key);
      if (t === undefined) wordNumbers.set(key, (t = fresh(key, isPlace)));
      return t;
    }
    if (key >= 0 && key < localOf.length && Number.isInteger(key)) {
      if (localStamp[key] !== generation) {
        localStamp[key] = generation;
        localOf[key] = fresh(key, isPlace);
      }
      return localOf[key]!;
    }
    let t = byId.get(key);
    if (t === undefined) byId.set(key, (t = fresh(key, isPlace)));
    return t;
  };
  const start = new Int32Array(stories.length + 1);
  const term = new Int32Array(total);
  const tf = new Float64Array(total);
  const name = new Uint8Array(total);
  let at = 0;
  for (let i = 0; i < stories.length; i++) {
    start[i] = at;
    const ids = given[i];
    if (ids) {
      const firstPlace = ids.ids.length - ids.places;
      const n = ids.ids.length;
      // Counts and names copied whole where they line up with the ids (a store's typed arrays).
      const copyCounts = ids.counts.length === n;
      const copyNames = ids.names !== undefined && ids.names.length === n;
      if (copyCounts) tf.set(ids.counts, at);
      if (copyNames) name.set(ids.names!, at);
      for (let k = 0; k < n; k++, at++) {
        term[at] = numberOf(ids.ids[k]!, k >= firstPlace);
        if (!copyCounts) tf[at] = ids.counts[k]!;
        if (!copyNames) name[at] = ids.names?.[k] ?? NAME_UNKNOWN;
      }
    } else {
      const names = termNames(stories[i]!.lead, words[i]!);
      words[i]!.forEach(([word, count], k) => {
        term[at] = numberOf(word, word.startsWith('@'));
        name[at] = names[k]!;
        tf[at++] = count;
      });
    }
  }
  start[stories.length] = at;
  return { start, term, tf, name, isPlace: Uint8Array.from(place), terms, keyOf: keys };
}

/** Unit tf-idf vectors of the stories (idf over the window), without terms only one story has. */
export interface Vectors {
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
  /** The entry's term is in the story's headline (counted `HEADLINE_WEIGHT` times or more). */
  head: Uint8Array;
  /** In the headline, and the lead writes it as a name or cannot tell (`NAME_WRITTEN`, `NAME_UNKNOWN`). */
  named: Uint8Array;
  /** In the headline, and the lead does not write it lower-case (not `COMMON_WRITTEN`). */
  uncommon: Uint8Array;
  /** Written lower-case (`COMMON_WRITTEN`, after `nameByWindow`), wherever the story holds it: a word, not a name. */
  lower: Uint8Array;
  isPlace: Uint8Array;
  terms: number;
  /** Event words (not places) of each story's vector. */
  words: Int32Array;
  /** Stories whose vector holds each term. */
  df: Int32Array;
  /** Name-like terms (`termRoles`). */
  anchor: Uint8Array;
  /** Terms rarer still (`TermRoles.specific`). */
  specific: Uint8Array;
  /** The window's bursts (`burstTerms`): anchors whatever case the leads write them in. */
  burst: Uint8Array;
  /** Stories with a body of their own (not a headline alone): they join an event only on a shared anchor. */
  bodied: Uint8Array;
  /**
   * Headlines that name their subject: a headline word, rare in the store (`anchor`), that the lead
   * writes as a name ("Fed's Plosser expects …"). Like a story with a body, such a headline joins an
   * event only on a shared anchor: an event about other names (China's exports, oil) that merely shares
   * a common word with it ("fall", "data") is not its event.
   */
  namesSubject: Uint8Array;
  /** Stories holding a burst (`burst`) in their headline: the day's big story. */
  burstHead: Uint8Array;
  /** Each burst's bit (`burstPairsOf`; 0 for other terms), and the bits of each pair of bursts the day's headlines write together. */
  burstBit: Int32Array;
  burstPairs: Int32Array;
  /**
   * Each story's subjects: headline words its lead writes as names, rare in the store (`anchor`), not
   * places (story i's are `subjects[subjectStart[i]]`…), counted whether other stories hold them or
   * not: "HK HOTELS SOARS ON TAKEOVER SPECULATION" is about HK hotels, "MARRIOTT TO SELL HOTEL" about Marriott.
   */
  subjectStart: Int32Array;
  subjects: Int32Array;
  /** Every term of each story, before any is left out of its vector (`denseTerms`): what it holds at all. */
  allStart: Int32Array;
  allTerm: Int32Array;
}

/** What the rest of the store tells of each term of the window (`termRoles`). */
interface TermRoles {
  /** Common today and every day: says nothing about an event (left out of the vectors). */
  generic: Uint8Array;
  /** A name-like word: rare in the rest of the store, or bursting today (`GroupingOptions.anchorExpected`). */
  anchor: Uint8Array;
  /** Rarer still: a subject both sides name ties them (`GroupingOptions.sharedSubjectExpected`). */
  specific: Uint8Array;
}

/**
 * Each term's rate in the rest of the store (the window's own stories taken out) against today's.
 * Generic: in more than `maxDocShare` of the window's stories and not a burst, i.e. about as common in
 * the rest of the store ("market", "shr", "said" in a wire's every day); a big event's name is common
 * today too, but rare before or after it. Anchor: a word the rest of the store's rate puts in fewer than
 * `anchorExpected` of `perDay` stories (a day of the window; by the day, so that a week's digest joins a
 * story told on several days as a day's does). With no background, or one smaller than the window (a new
 * store), nothing can be told: no term is generic and every one an anchor.
 */
function termRoles(
  df: Int32Array,
  keyOf: readonly (number | string)[],
  n: number,
  perDay: number,
  options: Readonly<GroupingOptions>,
  background?: TermBackground,
): TermRoles {
  const generic = new Uint8Array(df.length);
  const anchor = new Uint8Array(df.length);
  const specific = new Uint8Array(df.length);
  const rest = background ? background.stories - n : 0;
  if (!background || rest < n) return { generic, anchor: anchor.fill(1), specific: specific.fill(1) };
  const maxDf = Math.max(options.minMaxDf, options.maxDocShare * n);
  for (let t = 0; t < df.length; t++) {
    // Every term's rate, a term of one story too: a story's subject may be a name no other story has today.
    const before = Math.max(0, background.storiesWith(keyOf[t]!) - df[t]!) / rest;
    if (before * perDay < options.anchorExpected) anchor[t] = 1;
    if (before * perDay < options.sharedSubjectExpected) specific[t] = 1;
    if (df[t]! < 2) continue;
    const burst = df[t]! / n >= options.burstRatio * before;
    if (df[t]! > maxDf && !burst) generic[t] = 1;
  }
  return { generic, anchor, specific };
}

/**
 * Where a story cannot tell how a word is written (`NAME_UNKNOWN`: a title-cased headline, "Fed's
 * Plosser: Taper Pace May Be Too Slow", or a sentence's first word), the window's other stories can:
 * the word is a name when more of them write it as one than lower-case ("Plosser", "Titanfall"), else
 * common when any write it lower-case ("Fall", "Data"). In place, over the entries of `denseTerms`.
 */
function nameByWindow(term: Int32Array, name: Uint8Array, terms: number): void {
  const asName = new Int32Array(terms);
  const asCommon = new Int32Array(terms);
  for (let k = 0; k < term.length; k++) {
    if (name[k] === NAME_WRITTEN) asName[term[k]!]!++;
    else if (name[k] === COMMON_WRITTEN) asCommon[term[k]!]!++;
  }
  for (let k = 0; k < term.length; k++) {
    if (name[k] !== NAME_UNKNOWN) continue;
    const t = term[k]!;
    if (asName[t]! > asCommon[t]!) name[k] = NAME_WRITTEN;
    else if (asCommon[t]! > 0) name[k] = COMMON_WRITTEN;
  }
}

/**
 * tf-idf vectors over the window itself: what is rare today (a company, a town) identifies an event,
 * and what many stories share (a big event's name) still weighs, smoothly less (log(1 + N/df)). A term
 * only one story has cannot link two stories and would only dilute a short headline: left out, as
 * are generic terms (`termRoles`).
 */
export function storyVectors(
  stories: readonly GroupInput[],
  options: Readonly<GroupingOptions>,
  background?: TermBackground,
  history?: HeadlineHistory,
): Vectors {
  const dense = denseTerms(stories);
  const { start, term, tf, name, isPlace, terms, keyOf } = dense;
  const df = new Int32Array(terms);
  for (let k = 0; k < term.length; k++) df[term[k]!]!++;
  // Stories per day of the window (`stories` are in time order): a window of a day or less counts whole.
  const spanDays = stories.length > 0 ? (stories[stories.length - 1]!.publishedMs - stories[0]!.publishedMs) / DAY_MS : 0;
  const perDay = stories.length / Math.max(1, spanDays);
  const { generic, anchor, specific } = termRoles(df, keyOf, stories.length, perDay, options, background);
  const { burst, reportedStories } = burstTerms(stories, dense, df, anchor, options, background, history);
  const { bit: burstBit, pairs: burstPairs } = burstPairsOf(reportedStories, dense, burst, options);
  for (let t = 0; t < terms; t++) {
    if (burst[t]) anchor[t] = 1;
    else if (generic[t]) df[t] = 0;
  }
  nameByWindow(term, name, terms);
  const subjectStart = new Int32Array(stories.length + 1);
  const subjectList: number[] = [];
  for (let i = 0; i < stories.length; i++) {
    subjectStart[i] = subjectList.length;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = term[k]!;
      if (tf[k]! >= HEADLINE_WEIGHT && name[k] === NAME_WRITTEN && anchor[t] === 1 && isPlace[t] !== 1) subjectList.push(t);
    }
  }
  subjectStart[stories.length] = subjectList.length;
  // As if the window held at least 50 stories: in a tiny window every shared word looks common.
  const n = Math.max(stories.length, 50);
  // Each term's idf once, not once per story holding it.
  const idf = new Float64Array(terms);
  for (let t = 0; t < terms; t++) if (df[t]! >= 2) idf[t] = Math.log(1 + n / df[t]!);
  const anyBurst = burst.includes(1);
  const outStart = new Int32Array(stories.length + 1);
  const outTerm = new Int32Array(term.length);
  const weight = new Float64Array(term.length);
  const head = new Uint8Array(term.length);
  const named = new Uint8Array(term.length);
  const uncommon = new Uint8Array(term.length);
  const lower = new Uint8Array(term.length);
  const words = new Int32Array(stories.length);
  const namesSubject = new Uint8Array(stories.length);
  const burstHead = new Uint8Array(stories.length);
  const top = new Int32Array(Math.max(0, Math.min(options.maxTerms, term.length)));
  let at = 0;
  for (let i = 0; i < stories.length; i++) {
    outStart[i] = at;
    const first = at;
    let norm = 0;
    if (isRoutine(stories[i]!, options)) continue;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = term[k]!;
      if (df[t]! < 2) continue;
      const x = tf[k]! * idf[t]! * (isPlace[t] ? options.placeWeight : 1);
      outTerm[at] = t;
      head[at] = tf[k]! >= HEADLINE_WEIGHT ? 1 : 0;
      named[at] = head[at] === 1 && (name[k] === NAME_WRITTEN || name[k] === NAME_UNKNOWN) ? 1 : 0;
      if (head[at] === 1 && name[k] === NAME_WRITTEN && anchor[t] === 1 && isPlace[t] !== 1) namesSubject[i] = 1;
      if (head[at] === 1 && burst[t] === 1) burstHead[i] = 1;
      uncommon[at] = head[at] === 1 && name[k] !== COMMON_WRITTEN ? 1 : 0;
      lower[at] = name[k] === COMMON_WRITTEN ? 1 : 0;
      weight[at++] = x;
      if (!isPlace[t]) words[i]!++;
    }
    // A long story keeps its `maxTerms` heaviest terms (in their order): what it is about, not every
    // word of its lead; it also bounds the postings a story walks.
    if (at - first > options.maxTerms) {
      const kept = heaviest(weight, outTerm, first, at, top, anyBurst ? burst : null);
      // Kept entries are in their order and each at or after its new place: moved forward in place.
      for (let j = 0; j < kept; j++) {
        const k = top[j]!;
        outTerm[first + j] = outTerm[k]!;
        weight[first + j] = weight[k]!;
        head[first + j] = head[k]!;
        named[first + j] = named[k]!;
        uncommon[first + j] = uncommon[k]!;
        lower[first + j] = lower[k]!;
      }
      at = first + kept;
    }
    for (let k = first; k < at; k++) norm += weight[k]! * weight[k]!;
    norm = Math.sqrt(norm);
    if (norm !== 0) for (let k = first; k < at; k++) weight[k] = weight[k]! / norm;
  }
  outStart[stories.length] = at;
  for (let t = 0; t < terms; t++) if (df[t]! < 2) df[t] = 0;
  // A body, when its length is known; else a text longer than a headline's.
  const bodied = Uint8Array.from(stories, (story, i) =>
    (story.bodyWords !== undefined ? story.bodyWords > countWords(story.headline) : storyness(words[i]!, options) > 0) ? 1 : 0,
  );
  return {
    start: outStart,
    term: outTerm,
    weight,
    head,
    named,
    uncommon,
    lower,
    isPlace,
    terms,
    words,
    df,
    anchor,
    specific,
    burst,
    bodied,
    namesSubject,
    burstHead,
    burstBit,
    burstPairs,
    subjectStart,
    subjects: Int32Array.from(subjectList),
    allStart: start,
    allTerm: term,
  };
}

/**
 * The `top.length` entries of `first`…`end - 1` that rank first (a burst, when `burst` is given, then
 * heavier, then the lower term number: a story holds a term once, so the order is total), into `top` in
 * entry order; returns how many. A sorted insertion into a list of `maxTerms`: a story has a few dozen
 * terms, and sorting them all (with an array of indices each) was a tenth of `storyVectors`.
 */
function heaviest(weight: Float64Array, term: Int32Array, first: number, end: number, top: Int32Array, burst: Uint8Array | null): number {
  const m = top.length;
  if (m === 0) return 0;
  let n = 0;
  for (let k = first; k < end; k++) {
    const w = weight[k]!;
    const t = term[k]!;
    // A burst ranks before any other term: it is what ties the day's big story (`burstTied`), and common
    // today it weighs little ("market" fell out of a lawmakers' "stock dive" story of 19 October 1987).
    const b = burst === null ? 0 : burst[t]!;
    if (n === m) {
      const last = top[n - 1]!;
      const bl = burst === null ? 0 : burst[term[last]!]!;
      if (!(b > bl || (b === bl && (w > weight[last]! || (w === weight[last]! && t < term[last]!))))) continue;
      n--;
    }
    let j = n;
    for (; j > 0; j--) {
      const y = top[j - 1]!;
      const by = burst === null ? 0 : burst[term[y]!]!;
      if (!(b > by || (b === by && (w > weight[y]! || (w === weight[y]! && t < term[y]!))))) break;
      top[j] = y;
    }
    top[j] = k;
    n++;
  }
  top.subarray(0, n).sort();
  return n;
}

/** 0 for a headline (`lengthReference` event words or fewer), 1 for a full story (`storyWords` or more), geometric in between. */
export function storyness(words: number, options: Readonly<GroupingOptions>): number {
  if (words <= options.lengthReference) return 0;
  return Math.min(1, Math.log(words / options.lengthReference) / Math.log(options.storyWords / options.lengthReference));
}
