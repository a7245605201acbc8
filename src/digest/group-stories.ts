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

/**
 * Group stories about the same event: greedy centroid clustering, newest story first, joining the
 * most similar group when the cosine to its centroid passes the threshold. Groups are ranked by
 * coverage (`groupCoverage`: distinct own-worded headlines and datelines) plus recency of their newest story.
 */
export function groupStories(stories: readonly GroupInput[], nowMs: number, options: Readonly<GroupingOptions> = DEFAULT_GROUPING): StoryGroup[] {
  const order = stories.map((_, i) => i).sort((a, b) => stories[b]!.publishedMs - stories[a]!.publishedMs || stories[a]!.id.localeCompare(stories[b]!.id));
  const vectors = storyVectors(stories, options);
  const groups: { members: number[]; sum: Vector; centroid: Vector }[] = [];
  // Which groups hold each term: a group sharing no term with a story has a cosine of 0 to it, below
  // any positive threshold, so only the groups sharing a term are compared (the same dot products,
  // in the same group order, as comparing all: ~850 stories × hundreds of groups on a busy day).
  const postings = new Map<string, number[]>();
  const mark = new Int32Array(stories.length).fill(-1);
  const post = (term: string, g: number): void => {
    const list = postings.get(term);
    if (!list) postings.set(term, [g]);
    else if (list[list.length - 1] !== g) list.push(g);
  };
  for (const i of order) {
    const v = vectors[i]!;
    let candidates: number[];
    if (options.threshold > 0) {
      candidates = [];
      for (const term of v.keys()) {
        for (const g of postings.get(term) ?? []) {
          if (mark[g] === i) continue;
          mark[g] = i;
          candidates.push(g);
        }
      }
      candidates.sort((a, b) => a - b);
    } else candidates = groups.map((_, g) => g);
    let best = -1;
    let bestSim = options.threshold;
    for (const g of candidates) {
      const sim = dot(v, groups[g]!.centroid);
      if (sim >= bestSim) {
        best = g;
        bestSim = sim;
      }
    }
    if (best < 0) {
      groups.push({ members: [i], sum: new Map(v), centroid: v });
      for (const term of v.keys()) post(term, groups.length - 1);
      continue;
    }
    const group = groups[best]!;
    group.members.push(i);
    for (const [k, x] of v) {
      const had = group.sum.get(k);
      if (had === undefined) post(k, best);
      group.sum.set(k, (had ?? 0) + x);
    }
    group.centroid = normalise(group.sum);
  }

  return groups
    .map((g) => {
      const newestMs = Math.max(...g.members.map((i) => stories[i]!.publishedMs));
      const recency = Math.pow(0.5, Math.max(0, nowMs - newestMs) / options.recencyHalfLifeMs);
      // The most central member speaks for the group (its headline becomes the group title).
      const central = [...g.members].sort((a, b) => dot(vectors[b]!, g.centroid) - dot(vectors[a]!, g.centroid))[0]!;
      const rest = g.members.filter((i) => i !== central).sort((a, b) => stories[b]!.publishedMs - stories[a]!.publishedMs);
      const coverage = groupCoverage(g.members.map((i) => stories[i]!), options);
      return { ids: [central, ...rest].map((i) => stories[i]!.id), newestMs, score: coverage + recency };
    })
    .sort((a, b) => b.score - a.score || b.newestMs - a.newestMs || a.ids[0]!.localeCompare(b.ids[0]!));
}
