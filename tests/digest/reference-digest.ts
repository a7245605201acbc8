import type { GeoService } from '../../src/geo/types.js';
import type { StoryStore } from '../../src/store/story-store.js';
import { createAboutFilter, matchesAbout } from '../../src/digest/about-filter.js';
import { DIGEST_DEFAULTS, storyPlaces, type BuildDigestOptions, type Digest, type DigestStory } from '../../src/digest/build-digest.js';
import { DEFAULT_GROUPING, groupStories, type GroupInput } from '../../src/digest/group-stories.js';
import { DEFAULT_TEMPLATES, templateScores } from '../../src/digest/headline-templates.js';
import { countWords, pickSummary, placeKeys, shorten, squeeze } from '../../src/digest/story-features.js';

/**
 * The digest as it was built before stories' digest features were stored: from every body of the
 * window and the plain template history (`templateScores` over the headlines of the days before).
 * Tests compare `buildDigest` with it.
 */
const DAY_MS = 86_400_000;

/**
 * Build the digest for the window [since, at): stories read through the store, filtered by `about`,
 * grouped by event and ranked by coverage and recency. Pure apart from store reads, so the scheduler,
 * `/digest preview` and `dateline digest --at` show the same thing.
 */
export async function buildDigestFromBodies(deps: { store: { stories: StoryStore }; geo?: GeoService }, options: BuildDigestOptions): Promise<Digest> {
  const maxGroups = options.maxGroups ?? DIGEST_DEFAULTS.maxGroups;
  const perGroup = options.maxStoriesPerGroup ?? DIGEST_DEFAULTS.maxStoriesPerGroup;
  const filter = options.about ? createAboutFilter(options.about, deps.geo) : null;

  // 1. Candidates in the window, with what grouping and display need: one batched read.
  const stories = new Map<string, { story: DigestStory; input: GroupInput }>();
  const windowAll = await deps.store.stories.storiesBetween(options.since, options.at, options.maxCandidates ?? DIGEST_DEFAULTS.maxCandidates);
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
  const history = (await deps.store.stories.publishedBetween(new Date(options.since.getTime() - templates.lookbackDays * DAY_MS), options.since, DIGEST_DEFAULTS.maxHistory))
    .map((h) => ({ headline: h.headline, publishedMs: Date.parse(h.published) }));
  // The whole window, not only what `about` kept: a series is a series whatever the filter.
  const windowHeadlines = filter ? windowAll.map((h) => h.article.headline) : inputs.map((i) => i.headline);
  const scores = templateScores(windowHeadlines, history, templates);
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

