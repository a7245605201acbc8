import type { GeoService, PlaceMention } from '../geo/types.js';
import type { ScoredSentence } from '../nlp/types.js';
import type { ArticleStore } from '../store/article-store.js';
import { formatInZone } from '../core/zoned-time.js';
import { createAboutFilter, matchesAbout } from './about-filter.js';
import { DEFAULT_GROUPING, groupStories, type GroupInput, type GroupingOptions } from './group-stories.js';
import { DEFAULT_TEMPLATES, templateScoresByDays, type TemplateOptions } from './headline-templates.js';
import { historyShapeDays } from './shape-history.js';

export interface DigestStory {
  articleId: string;
  title: string;
  /** Published, ISO 8601 as stored. */
  date: string;
  source: string;
  /** One sentence: the best-scored of the story (the lead when unscored). */
  summary: string;
  places: string[];
}

export interface DigestGroup {
  title: string;
  stories: DigestStory[];
  /** Stories of the group not shown (beyond `maxStoriesPerGroup`). */
  more: number;
}

export interface Digest {
  at: Date;
  since: Date;
  tz: string;
  about: string | null;
  /** Stories in the window (after the `about` filter) and the events they form. */
  storyCount: number;
  groupCount: number;
  /** The top groups, best first. */
  groups: DigestGroup[];
}

export interface BuildDigestDeps {
  store: ArticleStore;
  geo?: GeoService;
}

export interface BuildDigestOptions {
  since: Date;
  at: Date;
  tz: string;
  about?: string | null;
  maxGroups?: number;
  maxStoriesPerGroup?: number;
  /** Stories read from the window at most (a busy 1987 day has ~850). */
  maxCandidates?: number;
  grouping?: Readonly<GroupingOptions>;
  templates?: Readonly<TemplateOptions>;
}

/** `maxHistory`: headlines read from the days before the window to learn routine shapes (two busy weeks). */
export const DIGEST_DEFAULTS = { maxGroups: 10, maxStoriesPerGroup: 4, maxCandidates: 3000, summaryChars: 300, maxHistory: 15_000 } as const;
const DAY_MS = 86_400_000;

/** The window of a subscription's next digest: since its previous one, or the last 24 h for the first. */
export function digestWindowStart(at: Date, previousAt: Date | null): Date {
  return previousAt && previousAt.getTime() < at.getTime() ? previousAt : new Date(at.getTime() - DAY_MS);
}

/**
 * One sentence to stand for a story. Wire copy puts the news in its lead, and a lead reads on its own
 * where a later sentence ("Partly offsetting this outflow, …") does not; so the lead, unless it is a
 * fragment or a run-on, then the best-scored sentence (earliest on a tie).
 */
export function pickSummarySentence(sentences: readonly ScoredSentence[]): string | null {
  return pickSummary(sentences, (s) => s.text);
}

/** `pickSummarySentence` over sentences whose text is made only when looked at (`textOf`). */
function pickSummary<S extends { score: number }>(sentences: readonly S[], textOf: (s: S) => string): string | null {
  const lead = sentences[0];
  if (lead) {
    const text = squeeze(textOf(lead));
    const words = text.split(' ').length;
    if (words >= 8 && text.length <= 350) return text;
  }
  let best: S | null = null;
  for (const s of sentences) if (!best || s.score > best.score) best = s;
  return best ? squeeze(textOf(best)) : null;
}

/** Whitespace runs to one space, trimmed: how a stored sentence's text is made from the body. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max * 0.6 ? cut : max - 1).trimEnd()}…`;
}

/** Distinct place names in order of first mention, named as the gazetteer names them when resolved. */
export function storyPlaces(places: readonly PlaceMention[], geo?: GeoService, max = 4): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const p of places) {
    const name = (p.geonameId !== null ? geo?.getPlace(p.geonameId)?.name : undefined) ?? p.name;
    const key = p.geonameId !== null ? `g${p.geonameId}` : name.toLowerCase();
    if (seen.has(key) || names.includes(name)) continue;
    seen.add(key);
    names.push(name);
    if (names.length >= max) break;
  }
  return names;
}

/** JavaScript's `\s`: what `split(/\s+/)` splits on. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `text.split(/\s+/).filter(Boolean).length` without making the words (a busy day's bodies hold ~150,000). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function placeKeys(places: readonly PlaceMention[]): string[] {
  return places.map((p) => (p.geonameId !== null ? `g:${p.geonameId}` : `n:${p.name.toLowerCase()}`))
    .concat(places.flatMap((p) => (p.countryCode ? [`c:${p.countryCode}`] : [])));
}

/**
 * Build the digest for the window [since, at): stories read through the store, filtered by `about`,
 * grouped by event and ranked by coverage and recency. Pure apart from store reads, so the scheduler,
 * `/digest preview` and `dateline digest --at` show the same thing.
 */
export function buildDigest(deps: BuildDigestDeps, options: BuildDigestOptions): Digest {
  const maxGroups = options.maxGroups ?? DIGEST_DEFAULTS.maxGroups;
  const perGroup = options.maxStoriesPerGroup ?? DIGEST_DEFAULTS.maxStoriesPerGroup;
  const filter = options.about ? createAboutFilter(options.about, deps.geo) : null;

  // 1. Candidates in the window, with what grouping and display need: one batched read.
  const stories = new Map<string, { story: DigestStory; input: GroupInput }>();
  const windowAll = deps.store.storiesBetween(options.since, options.at, options.maxCandidates ?? DIGEST_DEFAULTS.maxCandidates);
  for (const { article, sentences, places } of windowAll) {
    if (filter && !matchesAbout(filter, { headline: article.headline, body: article.body, places })) continue;
    // A sentence's text is its span of the body, squeezed (StoryWithAnalysis): made for the few read.
    const textOf = (span: { start: number; end: number }): string => squeeze(article.body.slice(span.start, span.end));
    const sentence = pickSummary(sentences, textOf) ?? article.body.split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ').trim() ?? '';
    const lead = sentences.slice(0, 2).map(textOf).join(' ') || article.body.slice(0, 400);
    stories.set(article.id, {
      story: {
        articleId: article.id,
        title: article.headline,
        date: article.published,
        source: article.source,
        summary: shorten(sentence, DIGEST_DEFAULTS.summaryChars),
        places: storyPlaces(places, deps.geo),
      },
      input: {
        id: article.id, publishedMs: Date.parse(article.published), headline: article.headline, lead, placeKeys: placeKeys(places), dateline: article.datelinePlace,
        bodyWords: countWords(article.body),
      },
    });
  }

  // 2. Routine series, learnt from the headlines of the days before the window and of the window itself
  // (each past day's shapes are kept between builds: shape-history.ts).
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const inputs = [...stories.values()].map((s) => s.input);
  const historyDays = historyShapeDays(deps.store, new Date(options.since.getTime() - templates.lookbackDays * DAY_MS), options.since, DIGEST_DEFAULTS.maxHistory);
  // The whole window, not only what `about` kept: a series is a series whatever the filter.
  const windowHeadlines = filter ? windowAll.map((h) => h.article.headline) : inputs.map((i) => i.headline);
  const scores = templateScoresByDays(windowHeadlines, historyDays, templates);
  const templateOf = new Map(windowHeadlines.map((h, i) => [h, scores[i]!]));
  for (const input of inputs) input.template = templateOf.get(input.headline) ?? 0;

  // 3. Events, best first.
  const groups = groupStories(inputs, options.at.getTime(), options.grouping ?? DEFAULT_GROUPING);
  return {
    at: options.at,
    since: options.since,
    tz: options.tz,
    about: options.about ?? null,
    storyCount: stories.size,
    groupCount: groups.length,
    groups: groups.slice(0, maxGroups).map((g) => {
      // The same story filed twice (an update, a repeat) is shown once: the representative or the newest.
      const seen = new Set<string>();
      const members = g.ids.map((id) => stories.get(id)!.story).filter((s) => {
        const key = s.title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return { title: members[0]!.title, stories: members.slice(0, perGroup), more: Math.max(0, members.length - perGroup) };
    }),
  };
}

/** The `dateline digest --json` contract: `{at, tz, since, groups:[{title, stories:[{articleId, title, date, source, summary, places}]}]}`. */
export function digestToJson(digest: Digest): { at: string; tz: string; since: string; groups: { title: string; stories: DigestStory[] }[] } {
  return {
    at: formatInZone(digest.at, digest.tz),
    tz: digest.tz,
    since: formatInZone(digest.since, digest.tz),
    groups: digest.groups.map((g) => ({
      title: g.title,
      stories: g.stories.map((s) => ({ articleId: s.articleId, title: s.title, date: s.date, source: s.source, summary: s.summary, places: s.places })),
    })),
  };
}
