import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPING, groupCoverage, groupStories, storyTerms, type GroupInput, type GroupingOptions } from '../../src/digest/group-stories.js';

type Vector = Map<string, number>;

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

/** tf-idf vectors over the window as Maps, in each story's term order. */
function storyVectors(stories: readonly GroupInput[], options: Readonly<GroupingOptions>): Vector[] {
  const counts = stories.map((s) => new Map(storyTerms(s.headline, s.lead, s.placeKeys)));
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = stories.length;
  const maxDf = Math.max(options.minMaxDf, options.maxDocShare * n);
  return counts.map((c) => {
    const v: Vector = new Map();
    for (const [term, tf] of c) {
      const d = df.get(term) ?? 1;
      if (d > maxDf) continue;
      v.set(term, tf * Math.log(1 + Math.max(n, 50) / d));
    }
    return normalise(v);
  });
}

/** The same stories with their terms given as ids (as the store gives them), in a shuffled id space. */
function withTermIds(stories: readonly GroupInput[]): GroupInput[] {
  const ids = new Map<string, number>();
  return stories.map((s) => {
    const terms = storyTerms(s.headline, s.lead, s.placeKeys);
    for (const [term] of terms) if (!ids.has(term)) ids.set(term, (ids.size * 7919) % 100_003);
    return { ...s, lead: '', placeKeys: [], terms: { ids: terms.map(([term]) => ids.get(term)!), counts: terms.map(([, count]) => count) } };
  });
}

/** The plain algorithm groupStories must agree with: every story compared with every group's centroid. */
function reference(stories: readonly GroupInput[], nowMs: number, options: Readonly<GroupingOptions>): { ids: string[]; newestMs: number; score: number }[] {
  const order = stories.map((_, i) => i).sort((a, b) => stories[b]!.publishedMs - stories[a]!.publishedMs || stories[a]!.id.localeCompare(stories[b]!.id));
  const vectors = storyVectors(stories, options);
  const groups: { members: number[]; sum: Vector; centroid: Vector }[] = [];
  for (const i of order) {
    const v = vectors[i]!;
    let best = -1;
    let bestSim = options.threshold;
    for (let g = 0; g < groups.length; g++) {
      const sim = dot(v, groups[g]!.centroid);
      if (sim >= bestSim) {
        best = g;
        bestSim = sim;
      }
    }
    if (best < 0) {
      groups.push({ members: [i], sum: new Map(v), centroid: v });
      continue;
    }
    const group = groups[best]!;
    group.members.push(i);
    for (const [k, x] of v) group.sum.set(k, (group.sum.get(k) ?? 0) + x);
    group.centroid = normalise(group.sum);
  }
  return groups
    .map((g) => {
      const newestMs = Math.max(...g.members.map((i) => stories[i]!.publishedMs));
      const recency = Math.pow(0.5, Math.max(0, nowMs - newestMs) / options.recencyHalfLifeMs);
      const central = [...g.members].sort((a, b) => dot(vectors[b]!, g.centroid) - dot(vectors[a]!, g.centroid))[0]!;
      const rest = g.members.filter((i) => i !== central).sort((a, b) => stories[b]!.publishedMs - stories[a]!.publishedMs);
      return { ids: [central, ...rest].map((i) => stories[i]!.id), newestMs, score: groupCoverage(g.members.map((i) => stories[i]!), options) + recency };
    })
    .sort((a, b) => b.score - a.score || b.newestMs - a.newestMs || a.ids[0]!.localeCompare(b.ids[0]!));
}

/** Seeded stories over a small vocabulary, so that many share words and groups grow large. */
function randomStories(n: number, seed: number): GroupInput[] {
  let state = seed;
  const random = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const vocab = Array.from({ length: 60 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
  const words = (k: number): string => Array.from({ length: k }, () => vocab[Math.floor(random() * random() * vocab.length)]).join(' ');
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    publishedMs: 1_700_000_000_000 + Math.floor(random() * 86_400_000),
    headline: words(4),
    lead: words(12),
    placeKeys: random() < 0.5 ? [`g:${Math.floor(random() * 5)}`] : [],
    bodyWords: Math.floor(random() * 400),
  }));
}

describe('groupStories', () => {
  it('gives exactly what comparing every story with every group gives', () => {
    for (const [n, seed, threshold] of [[40, 1, 0.35], [300, 2, 0.35], [300, 3, 0.2], [200, 4, 0.6], [50, 5, 0]] as const) {
      const stories = randomStories(n, seed);
      const options = { ...DEFAULT_GROUPING, threshold };
      const now = 1_700_000_000_000 + 86_400_000;
      const got = groupStories(stories, now, options);
      expect(got).toEqual(reference(stories, now, options));
      expect(groupStories(withTermIds(stories), now, options)).toEqual(got);
      expect(Math.max(...got.map((g) => g.ids.length))).toBeGreaterThan(3); // groups of several members were formed
    }
  });
});
