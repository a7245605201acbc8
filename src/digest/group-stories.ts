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

type Vector = Map<string, number>;

/** Letters only: numbers, tickers' digits and ordinals ("4th", "747") tie unrelated results tables together. */
function isWord(token: string): boolean {
  return /^[a-z]{2,}$/.test(token);
}

const HEADLINE_WEIGHT = 2;
const PLACE_WEIGHT = 1.5;

/** Words of the headline count double: a headline names the event, the lead tells it. */
function termCounts(story: GroupInput): Vector {
  const counts: Vector = new Map();
  const add = (term: string, w: number): void => {
    counts.set(term, (counts.get(term) ?? 0) + w);
  };
  for (const t of contentTokens(story.headline)) if (isWord(t)) add(t, HEADLINE_WEIGHT);
  for (const t of contentTokens(story.lead)) if (isWord(t)) add(t, 1);
  for (const p of new Set(story.placeKeys)) add(`@${p}`, PLACE_WEIGHT);
  return counts;
}

function normalise(v: Vector): Vector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return v;
  const out: Vector = new Map();
  for (const [k, x] of v) out.set(k, x / norm);
  return out;
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}

/** tf-idf vectors over the window itself: what is rare today (a company, a town) identifies an event. */
export function storyVectors(stories: readonly GroupInput[], options: Readonly<GroupingOptions> = DEFAULT_GROUPING): Vector[] {
  const counts = stories.map(termCounts);
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = stories.length;
  const maxDf = Math.max(options.minMaxDf, options.maxDocShare * n);
  return counts.map((c) => {
    const v: Vector = new Map();
    for (const [term, tf] of c) {
      const d = df.get(term) ?? 1;
      // A term only one story has cannot link two stories, but still dilutes: keep it for the norm.
      if (d > maxDf) continue;
      // As if the window held at least 50 stories: in a tiny window every shared word looks common.
      v.set(term, tf * Math.log(1 + Math.max(n, 50) / d));
    }
    return normalise(v);
  });
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
    const key = m.headline.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
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
  /** The first member's vector: a group of one is compared with it as it is. */
  first: Vector;
  sum: Vector;
  /** Euclidean norm of `sum`, as `normalise` computes it. */
  norm: number;
  /** Where each term of the group sits in its postings list. */
  slots: Map<string, number>;
}

function vectorNorm(v: Vector): number {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  return Math.sqrt(norm);
}

/**
 * `dot(v, centroid)` for the group's centroid (`normalise(sum)` once it has two members) without
 * making the centroid: each weight is divided by the norm as it is read, and the terms are summed in
 * the order `dot` sums them, so the result is the same number. Making a new centroid map after every
 * join (thousands of terms for a large group) was most of a busy day's garbage.
 */
function centroidDot(v: Vector, group: ClusterGroup): number {
  if (group.members.length === 1) return dot(v, group.first);
  const { sum, norm } = group;
  if (norm === 0) return dot(v, sum);
  let total = 0;
  if (v.size <= sum.size) {
    for (const [k, x] of v) {
      const s = sum.get(k);
      if (s !== undefined) total += x * (s / norm);
    }
  } else {
    for (const [k, s] of sum) {
      const y = v.get(k);
      if (y !== undefined) total += (s / norm) * y;
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
  const groups: ClusterGroup[] = [];
  // Which groups hold each term, with the group's summed weight of it. A story is compared in full
  // (`dot` with the centroid, exactly as before) only with the groups that could reach the threshold:
  // the sums over its terms' postings give each group's cosine up to rounding, and a group sharing no
  // term has a cosine of 0. Comparing every story with every group cost ~45 ms on a busy day.
  const postings = new Map<string, { groups: number[]; sums: number[] }>();
  const mark = new Int32Array(stories.length).fill(-1);
  const acc = new Float64Array(stories.length);
  const post = (group: ClusterGroup, g: number, term: string, x: number): void => {
    let list = postings.get(term);
    if (!list) postings.set(term, (list = { groups: [], sums: [] }));
    const at = group.slots.get(term);
    if (at === undefined) {
      group.slots.set(term, list.groups.length);
      list.groups.push(g);
      list.sums.push(x);
    } else list.sums[at]! += x;
  };
  for (const i of order) {
    const v = vectors[i]!;
    let candidates: number[];
    if (options.threshold > 0) {
      const touched: number[] = [];
      for (const [term, x] of v) {
        const list = postings.get(term);
        if (!list) continue;
        for (let j = 0; j < list.groups.length; j++) {
          const g = list.groups[j]!;
          if (mark[g] !== i) {
            mark[g] = i;
            acc[g] = 0;
            touched.push(g);
          }
          acc[g]! += x * list.sums[j]!;
        }
      }
      candidates = touched.filter((g) => acc[g]! / groups[g]!.norm >= options.threshold - 1e-9).sort((a, b) => a - b);
    } else candidates = groups.map((_, g) => g);
    let best = -1;
    let bestSim = options.threshold;
    for (const g of candidates) {
      const sim = centroidDot(v, groups[g]!);
      if (sim >= bestSim) {
        best = g;
        bestSim = sim;
      }
    }
    if (best < 0) {
      const group: ClusterGroup = { members: [i], first: v, sum: new Map(v), norm: vectorNorm(v), slots: new Map() };
      groups.push(group);
      for (const [term, x] of v) post(group, groups.length - 1, term, x);
      continue;
    }
    const group = groups[best]!;
    group.members.push(i);
    for (const [k, x] of v) {
      group.sum.set(k, (group.sum.get(k) ?? 0) + x);
      post(group, best, k, x);
    }
    group.norm = vectorNorm(group.sum);
  }

  return groups
    .map((g) => {
      const newestMs = Math.max(...g.members.map((i) => stories[i]!.publishedMs));
      const recency = Math.pow(0.5, Math.max(0, nowMs - newestMs) / options.recencyHalfLifeMs);
      // The most central member speaks for the group (its headline becomes the group title).
      const closeness = new Map(g.members.map((i) => [i, centroidDot(vectors[i]!, g)]));
      const central = [...g.members].sort((a, b) => closeness.get(b)! - closeness.get(a)!)[0]!;
      const rest = g.members.filter((i) => i !== central).sort((a, b) => stories[b]!.publishedMs - stories[a]!.publishedMs);
      const coverage = groupCoverage(g.members.map((i) => stories[i]!), options);
      return { ids: [central, ...rest].map((i) => stories[i]!.id), newestMs, score: coverage + recency };
    })
    .sort((a, b) => b.score - a.score || b.newestMs - a.newestMs || a.ids[0]!.localeCompare(b.ids[0]!));
}
