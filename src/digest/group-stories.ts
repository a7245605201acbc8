import { contentTokens } from '../nlp/tokens.js';

/** What grouping needs to know of a story. */
export interface GroupInput {
  id: string;
  publishedMs: number;
  headline: string;
  /** The lead sentence or two: wire stories put the event there. */
  lead: string;
  /** Resolved place keys (`g:<geonameId>`, `c:<country code>`) or plain names when unresolved. */
  placeKeys: readonly string[];
  /** How much the headline follows a routine series' shape, 0-1 (`templateScores`); 0 when not given. */
  template?: number;
  /** Where it was filed from (`datelinePlace`): several bureaus on one event is wide coverage. */
  dateline?: string | null;
  /** Words of the body: a two-line notice or price table weighs less than a reported story; unknown counts in full. */
  bodyWords?: number;
  /** `headlineKey(headline)` when already made. */
  headlineKey?: string;
  /** The story's `storyTerms` as ids, when already known (stored with the story): then `lead` and `placeKeys` are not read. */
  terms?: TermCounts;
}

/**
 * `storyTerms` with each term named by an integer id (the same term the same id across the stories
 * grouped together: a store's term ids), in the same order.
 */
export interface TermCounts {
  ids: ArrayLike<number>;
  counts: ArrayLike<number>;
}

export interface StoryGroup {
  /** Members, the most representative first, then newest first. */
  ids: string[];
  newestMs: number;
  score: number;
}

export interface GroupingOptions {
  /** Cosine similarity to a group's centroid needed to join it. */
  threshold: number;
  /** Words in more than this share of the window's stories say nothing about an event ("said", "pct"). */
  maxDocShare: number;
  /** …but never fewer than this many stories (small windows). */
  minMaxDf: number;
  /** Age at which a story's recency weight halves. */
  recencyHalfLifeMs: number;
  /** Weight of log2(distinct datelines of the group's own-worded stories) in the rank. */
  datelineWeight: number;
  /** A story weighs in full from this many body words on, proportionally less below… */
  fullStoryWords: number;
  /** …but never less than this share. */
  minStoryWeight: number;
}

export const DEFAULT_GROUPING: Readonly<GroupingOptions> = {
  // 0.32 also joined "Taiwan" stories on different matters; 0.40 split the Brazil debt talks (1987-03-02, by eye).
  threshold: 0.35,
  maxDocShare: 0.04,
  minMaxDf: 5,
  recencyHalfLifeMs: 12 * 3_600_000,
  datelineWeight: 0.5,
  // Reuters notices (payouts, results, price tables) run 20-80 words, reported stories 150-700 (by eye, 1987-03-02/04-07).
  fullStoryWords: 200,
  minStoryWeight: 0.25,
};

/** A headline lower-cased with every run of other characters than a-z and 0-9 as one space: the same story filed twice has one. */
export function headlineKey(headline: string): string {
  return headline.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Letters only: numbers, tickers' digits and ordinals ("4th", "747") tie unrelated results tables together. */
function isWord(token: string): boolean {
  return /^[a-z]{2,}$/.test(token);
}

const HEADLINE_WEIGHT = 2;
const PLACE_WEIGHT = 1.5;

/**
 * A story's terms and their counts, in first-seen order: words of the headline count double (a
 * headline names the event, the lead tells it), then the lead's words, then its places. The order
 * is kept because the vectors' sums run in it (and so round in it).
 */
export function storyTerms(headline: string, lead: string, placeKeys: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  const add = (term: string, w: number): void => {
    counts.set(term, (counts.get(term) ?? 0) + w);
  };
  for (const t of contentTokens(headline)) if (isWord(t)) add(t, HEADLINE_WEIGHT);
  for (const t of contentTokens(lead)) if (isWord(t)) add(t, 1);
  for (const p of new Set(placeKeys)) add(`@${p}`, PLACE_WEIGHT);
  return [...counts];
}

/**
 * The window's stories as tf-idf vectors over dense term numbers (0…terms-1), each vector's terms in
 * its story's term order: flat typed arrays instead of a Map per story (a busy day has ~850 stories
 * of ~30 terms; the Maps were most of a build's garbage).
 */
interface Vectors {
  /** Story i's entries are `start[i]` … `start[i + 1] - 1`. */
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
  /** Distinct terms of the window. */
  terms: number;
  /** Stories whose vector holds each term (0 for a term too common to keep). */
  df: Int32Array;
}

/**
 * Dense numbers of given term ids, by id, valid where `localStamp` holds the current call's
 * `generation`: kept between calls (a store's ids run from 1 to its vocabulary size), so numbering a
 * window's ~25,000 term ids needs no Map.
 */
let localOf = new Int32Array(0);
let localStamp = new Int32Array(0);
let generation = 0;
/** Ids beyond this are numbered through a Map instead. */
const MAX_SCRATCH_ID = 1 << 24;

/** Dense term numbers for the stories' terms (ids given or the words of headline, lead and places). */
function denseTerms(stories: readonly GroupInput[]): { start: Int32Array; term: Int32Array; tf: Float64Array; terms: number } {
  const given = stories.map((story) => story.terms ?? null);
  const words = stories.map((story, i) => (given[i] ? null : storyTerms(story.headline, story.lead, story.placeKeys)));
  let total = 0;
  let maxId = -1;
  let minId = 0;
  for (let i = 0; i < stories.length; i++) {
    const ids = given[i]?.ids;
    if (!ids) {
      total += words[i]!.length;
      continue;
    }
    total += ids.length;
    for (let k = 0; k < ids.length; k++) {
      if (ids[k]! > maxId) maxId = ids[k]!;
      if (ids[k]! < minId) minId = ids[k]!;
    }
  }
  const scratch = minId >= 0 && maxId < MAX_SCRATCH_ID && Number.isInteger(maxId);
  if (scratch && maxId >= localOf.length) {
    const size = Math.max(1024, 2 ** Math.ceil(Math.log2(maxId + 1)));
    localOf = new Int32Array(size);
    localStamp = new Int32Array(size);
    generation = 0;
  }
  if (++generation > 2 ** 30) {
    localStamp.fill(0);
    generation = 1;
  }
  let terms = 0;
  const byId = new Map<number, number>();
  const byWord = new Map<string, number>();
  const numberOf = (id: number): number => {
    if (scratch && Number.isInteger(id)) {
      if (localStamp[id] !== generation) {
        localStamp[id] = generation;
        localOf[id] = terms++;
      }
      return localOf[id]!;
    }
    let t = byId.get(id);
    if (t === undefined) byId.set(id, (t = terms++));
    return t;
  };
  const start = new Int32Array(stories.length + 1);
  const term = new Int32Array(total);
  const tf = new Float64Array(total);
  let at = 0;
  let givenAny = false;
  let wordsAny = false;
  for (let i = 0; i < stories.length; i++) {
    start[i] = at;
    const ids = given[i];
    if (ids) {
      givenAny = true;
      for (let k = 0; k < ids.ids.length; k++, at++) {
        term[at] = numberOf(ids.ids[k]!);
        tf[at] = ids.counts[k]!;
      }
    } else {
      wordsAny ||= words[i]!.length > 0;
      for (const [word, count] of words[i]!) {
        let t = byWord.get(word);
        if (t === undefined) byWord.set(word, (t = terms++));
        term[at] = t;
        tf[at++] = count;
      }
    }
  }
  start[stories.length] = at;
  if (givenAny && wordsAny) throw new Error('groupStories: give every story its term ids, or none');
  return { start, term, tf, terms };
}

/**
 * tf-idf vectors over the window itself: what is rare today (a company, a town) identifies an event.
 * Each normalised to length 1, its squares summed in term order.
 */
function storyVectors(stories: readonly GroupInput[], options: Readonly<GroupingOptions>): Vectors {
  const { start, term, tf, terms } = denseTerms(stories);
  const df = new Int32Array(terms);
  for (let k = 0; k < term.length; k++) df[term[k]!]!++;
  const n = stories.length;
  const maxDf = Math.max(options.minMaxDf, options.maxDocShare * n);
  const outStart = new Int32Array(n + 1);
  const outTerm = new Int32Array(term.length);
  const weight = new Float64Array(term.length);
  let at = 0;
  for (let i = 0; i < n; i++) {
    outStart[i] = at;
    const first = at;
    let norm = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const d = df[term[k]!]!;
      // A term only one story has cannot link two stories, but still dilutes: keep it for the norm.
      if (d > maxDf) continue;
      // As if the window held at least 50 stories: in a tiny window every shared word looks common.
      const x = tf[k]! * Math.log(1 + Math.max(n, 50) / d);
      outTerm[at] = term[k]!;
      weight[at++] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm !== 0) for (let k = first; k < at; k++) weight[k] = weight[k]! / norm;
  }
  outStart[n] = at;
  for (let t = 0; t < terms; t++) if (df[t]! > maxDf) df[t] = 0;
  return { start: outStart, term: outTerm, weight, terms, df };
}

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
    const own = 1 - Math.min(1, Math.max(0, m.template ?? 0));
    const substance = m.bodyWords === undefined ? 1 : Math.min(1, Math.max(options.minStoryWeight, m.bodyWords / options.fullStoryWords));
    const key = m.headlineKey ?? headlineKey(m.headline);
    byHeadline.set(key, Math.max(byHeadline.get(key) ?? 0, own * substance));
    if (own >= 0.5 && m.dateline) datelines.add(m.dateline.trim().toLowerCase());
  }
  let worth = 0;
  for (const own of byHeadline.values()) worth += own;
  const base = worth >= 1 ? Math.log2(worth) : worth - 1;
  return base + options.datelineWeight * Math.log2(Math.max(1, datelines.size));
}

interface ClusterGroup {
  members: number[];
  /** The group's postings (see `Postings`), in first-seen term order: its summed vector. */
  postings: number[];
  /** Euclidean norm of the sums. */
  norm: number;
}

/**
 * Each group's summed weight of each of its terms, one posting per (group, term), in typed arrays
 * for all groups. A term's postings are one run from `base[t]`, `filled[t]` long: a term is in at
 * most as many groups as stories hold it (`Vectors.df`), so its run is laid out before any group
 * exists, and walking it reads consecutive entries. `scaled` is the centroid's weight: the sum
 * divided by the group's norm (for a group of one, the sum: its vector).
 */
interface Postings {
  term: Int32Array;
  group: Int32Array;
  sum: Float64Array;
  scaled: Float64Array;
  base: Int32Array;
  filled: Int32Array;
}

/**
 * Dense lookups for one story and one group at a time: story `i`'s weight of term t is `weight[t]`
 * where `story[t]` is i + 1; the loaded group's posting of term t is `posting[t]` where `groupMark[t]`
 * is `loads`.
 */
interface Scratch {
  weight: Float64Array;
  story: Int32Array;
  posting: Int32Array;
  groupMark: Int32Array;
  loads: number;
}

function loadStory(vectors: Vectors, i: number, scratch: Scratch): void {
  for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
    scratch.weight[vectors.term[k]!] = vectors.weight[k]!;
    scratch.story[vectors.term[k]!] = i + 1;
  }
}

function loadGroup(group: ClusterGroup, postings: Postings, scratch: Scratch): void {
  scratch.loads++;
  for (const p of group.postings) {
    scratch.posting[postings.term[p]!] = p;
    scratch.groupMark[postings.term[p]!] = scratch.loads;
  }
}

/**
 * The cosine of story `i` (loaded) with the centroid of `group` (loaded): the shorter of the two is
 * walked in its own term order, so the sum rounds as the plain algorithm's does over Maps
 * (tests/digest/group-stories.test.ts).
 */
function centroidDot(vectors: Vectors, i: number, group: ClusterGroup, postings: Postings, scratch: Scratch): number {
  const from = vectors.start[i]!;
  const to = vectors.start[i + 1]!;
  let total = 0;
  if (to - from <= group.postings.length) {
    for (let k = from; k < to; k++) {
      const t = vectors.term[k]!;
      if (scratch.groupMark[t] === scratch.loads) total += vectors.weight[k]! * postings.scaled[scratch.posting[t]!]!;
    }
  } else {
    for (const p of group.postings) {
      const t = postings.term[p]!;
      if (scratch.story[t] === i + 1) total += postings.scaled[p]! * scratch.weight[t]!;
    }
  }
  return total;
}

/**
 * Group stories about the same event: greedy centroid clustering, newest story first, joining the
 * most similar group when the cosine to its centroid passes the threshold. Groups are ranked by
 * coverage (`groupCoverage`: distinct own-worded headlines and datelines) plus recency of their newest story.
 */
export function groupStories(stories: readonly GroupInput[], nowMs: number, options: Readonly<GroupingOptions> = DEFAULT_GROUPING): StoryGroup[] {
  const order = stories.map((_, i) => i).sort((a, b) => stories[b]!.publishedMs - stories[a]!.publishedMs || stories[a]!.id.localeCompare(stories[b]!.id));
  const vectors = storyVectors(stories, options);
  const scratch: Scratch = {
    weight: new Float64Array(vectors.terms),
    story: new Int32Array(vectors.terms),
    posting: new Int32Array(vectors.terms),
    groupMark: new Int32Array(vectors.terms),
    loads: 0,
  };
  const groups: ClusterGroup[] = [];
  const entries = vectors.term.length;
  const postings: Postings = {
    term: new Int32Array(entries),
    group: new Int32Array(entries),
    sum: new Float64Array(entries),
    scaled: new Float64Array(entries),
    base: new Int32Array(vectors.terms),
    filled: new Int32Array(vectors.terms),
  };
  for (let t = 1; t < vectors.terms; t++) postings.base[t] = postings.base[t - 1]! + vectors.df[t - 1]!;
  const join = (group: ClusterGroup, g: number, i: number): void => {
    group.members.push(i);
    loadGroup(group, postings, scratch);
    for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
      const t = vectors.term[k]!;
      if (scratch.groupMark[t] === scratch.loads) {
        postings.sum[scratch.posting[t]!]! += vectors.weight[k]!;
        continue;
      }
      const p = postings.base[t]! + postings.filled[t]!++;
      group.postings.push(p);
      postings.term[p] = t;
      postings.group[p] = g;
      postings.sum[p] = vectors.weight[k]!;
    }
    let norm = 0;
    for (const p of group.postings) norm += postings.sum[p]! * postings.sum[p]!;
    group.norm = Math.sqrt(norm);
    const scale = group.members.length > 1 && group.norm !== 0;
    for (const p of group.postings) postings.scaled[p] = scale ? postings.sum[p]! / group.norm : postings.sum[p]!;
  };

  // A story is compared only with the groups it shares a term with (a group sharing none has a
  // cosine of 0): walking its terms' postings sums its dot with each of them, in its own term order,
  // which for a group with as many terms or more is exactly `centroidDot`. A group with fewer terms
  // is walked in its order instead, when that sum says it could pass. Comparing every story with every
  // group cost ~45 ms on a busy day.
  const mark = new Int32Array(stories.length).fill(-1);
  const dotWith = new Float64Array(stories.length);
  const touched: number[] = [];
  for (const i of order) {
    loadStory(vectors, i, scratch);
    const size = vectors.start[i + 1]! - vectors.start[i]!;
    let best = -1;
    let bestSim = options.threshold;
    // Ties go to the newer group, as comparing groups in order with >= does.
    const consider = (g: number, sim: number): void => {
      if (sim > bestSim || (sim === bestSim && g > best)) {
        best = g;
        bestSim = sim;
      }
    };
    if (options.threshold > 0) {
      touched.length = 0;
      for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
        const x = vectors.weight[k]!;
        const t = vectors.term[k]!;
        for (let p = postings.base[t]!, end = p + postings.filled[t]!; p < end; p++) {
          const g = postings.group[p]!;
          if (mark[g] !== i) {
            mark[g] = i;
            dotWith[g] = 0;
            touched.push(g);
          }
          dotWith[g]! += x * postings.scaled[p]!;
        }
      }
      for (const g of touched) {
        // Most groups a story touches share a word or two: far below the threshold, whichever way summed.
        if (dotWith[g]! < options.threshold - 1e-9) continue;
        const group = groups[g]!;
        consider(g, size <= group.postings.length ? dotWith[g]! : centroidDot(vectors, i, group, postings, scratch));
      }
    } else {
      groups.forEach((group, g) => {
        loadGroup(group, postings, scratch);
        consider(g, centroidDot(vectors, i, group, postings, scratch));
      });
    }
    if (best < 0) {
      groups.push({ members: [], postings: [], norm: 0 });
      join(groups[groups.length - 1]!, groups.length - 1, i);
    } else join(groups[best]!, best, i);
  }

  return groups
    .map((g) => {
      let newestMs = -Infinity;
      for (const i of g.members) newestMs = Math.max(newestMs, stories[i]!.publishedMs);
      const recency = Math.pow(0.5, Math.max(0, nowMs - newestMs) / options.recencyHalfLifeMs);
      // The most central member speaks for the group (its headline becomes the group title): the
      // first of the members closest to the centroid.
      let central = g.members[0]!;
      if (g.members.length > 1) {
        loadGroup(g, postings, scratch);
        let closest = -Infinity;
        for (const i of g.members) {
          loadStory(vectors, i, scratch);
          const closeness = centroidDot(vectors, i, g, postings, scratch);
          if (closeness > closest) {
            closest = closeness;
            central = i;
          }
        }
      }
      const rest = g.members.filter((i) => i !== central).sort((a, b) => stories[b]!.publishedMs - stories[a]!.publishedMs);
      const coverage = groupCoverage(g.members.map((i) => stories[i]!), options);
      return { ids: [central, ...rest].map((i) => stories[i]!.id), newestMs, score: coverage + recency };
    })
    .sort((a, b) => b.score - a.score || b.newestMs - a.newestMs || a.ids[0]!.localeCompare(b.ids[0]!));
}
