import type { GeoService, PlaceMention } from '../../src/geo/types.js';
import type { StoryStore } from '../../src/store/story-store.js';
import { createAboutFilter, matchesAbout } from '../../src/digest/about-filter.js';
import { DIGEST_DEFAULTS, storyPlaces, type BuildDigestOptions, type Digest, type DigestStory } from '../../src/digest/build-digest.js';
import { groupStories } from '../../src/digest/grouping/group-stories.js';
import { DEFAULT_GROUPING } from '../../src/digest/grouping/options.js';
import { storyTerms } from '../../src/digest/grouping/story-terms.js';
import type { GroupInput, TermBackground } from '../../src/digest/grouping/types.js';
import { DEFAULT_TEMPLATES, templateScores } from '../../src/digest/headline-templates.js';
import { countWords, pickSummary, placeKeys, shorten, squeeze, storedPlaceOrder } from '../../src/digest/story-features.js';

/**
 * The digest as it was built before stories' digest features were stored: from every body of the
 * window and the plain template history (`templateScores` over the headlines of the days before),
 * and the store's stories per term counted from every stored body.
 * Tests compare `buildDigest` with it.
 */
const DAY_MS = 86_400_000;

/** The grouping terms of a stored story, from its body: the headline, its first two sentences' text (else the body's start) and its places. */
function termsFromBody(story: {
  article: { headline: string; body: string };
  sentences: { start: number; end: number }[];
  places: PlaceMention[];
}): [string, number][] {
  const textOf = (span: { start: number; end: number }): string => squeeze(story.article.body.slice(span.start, span.end));
  const lead = story.sentences.slice(0, 2).map(textOf).join(' ') || story.article.body.slice(0, 400);
  const places = storedPlaceOrder(story.places);
  return storyTerms(
    story.article.headline,
    lead,
    placeKeys(places),
    places.map((p) => p.name),
  );
}

/** Stories per term over the whole store, counted from every stored body. */
async function backgroundFromBodies(store: StoryStore): Promise<TermBackground> {
  const counts = new Map<string, number>();
  const all = await store.storiesBetween(new Date(-8.64e15), new Date(8.64e15), 2 ** 31 - 1);
  for (const story of all) for (const [term] of termsFromBody(story)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { stories: all.length, storiesWith: (term) => (typeof term === 'string' ? (counts.get(term) ?? 0) : 0) };
}

/**
 * Build the digest for the window [since, at): stories read through the store, filtered by `about`,
 * grouped by event and ranked by coverage and recency. Pure apart from store reads, so the scheduler,
 * `/digest preview` and `dateline digest --at` show the same thing.
 */
export async function buildDigestFromBodies(
  deps: { store: { stories: StoryStore }; geo?: GeoService },
  options: BuildDigestOptions,
): Promise<Digest> {
  const all = options.all ?? false;
  const maxGroups = all ? Infinity : (options.maxGroups ?? DIGEST_DEFAULTS.maxGroups);
  const perGroup = all ? Infinity : (options.maxStoriesPerGroup ?? DIGEST_DEFAULTS.maxStoriesPerGroup);
  const filter = options.about ? createAboutFilter(options.about, deps.geo) : null;

  // 1. Candidates in the window, with what grouping and display need: one batched read.
  const stories = new Map<string, { story: DigestStory; input: GroupInput }>();
  const windowAll = await deps.store.stories.storiesBetween(
    options.since,
    options.at,
    options.maxCandidates ?? (all ? 2 ** 31 - 1 : DIGEST_DEFAULTS.maxCandidates),
  );
  for (const { article, sentences, places } of windowAll) {
    if (filter && !matchesAbout(filter, { headline: article.headline, body: article.body, places })) continue;
    // A sentence's text is its span of the body, squeezed (StoryWithAnalysis): made for the few read.
    const textOf = (span: { start: number; end: number }): string => squeeze(article.body.slice(span.start, span.end));
    const sentence =
      pickSummary(sentences, textOf) ??
      article.body
        .split(/\n\s*\n/)[0]
        ?.replace(/\s+/g, ' ')
        .trim() ??
      '';
    const lead = sentences.slice(0, 2).map(textOf).join(' ') || article.body.slice(0, 400);
    stories.set(article.id, {
      story: {
        articleId: article.id,
        title: article.headline,
        date: article.published,
        source: article.source,
        summary: shorten(sentence, DIGEST_DEFAULTS.summaryChars),
        places: storyPlaces(places, deps.geo),
        url: article.url,
      },
      input: {
        id: article.id,
        publishedMs: Date.parse(article.published),
        headline: article.headline,
        lead,
        placeKeys: placeKeys(storedPlaceOrder(places)),
        placeNames: storedPlaceOrder(places).map((p) => p.name),
        dateline: article.datelinePlace,
        bodyWords: countWords(article.body),
      },
    });
  }

  // 2. Routine series, learnt from the headlines of the days before the window and of the window itself
  // (each past day's shapes are kept between builds: shape-history.ts).
  const templates = options.templates ?? DEFAULT_TEMPLATES;
  const inputs = [...stories.values()].map((s) => s.input);
  const history = (
    await deps.store.stories.publishedBetween(
      new Date(options.since.getTime() - templates.lookbackDays * DAY_MS),
      options.since,
      DIGEST_DEFAULTS.maxHistory,
    )
  ).map((h) => ({ headline: h.headline, publishedMs: Date.parse(h.published) }));
  // The whole window, not only what `about` kept: a series is a series whatever the filter.
  const windowHeadlines = filter ? windowAll.map((h) => h.article.headline) : inputs.map((i) => i.headline);
  const scores = templateScores(windowHeadlines, history, templates);
  const series = templateScores(windowHeadlines, history, {
    ...templates,
    windowHeadlinesPerDay: Infinity,
    windowSkeletonsPerDay: Infinity,
  });
  const templateOf = new Map(windowHeadlines.map((h, i) => [h, [scores[i]!, series[i]!] as const]));
  for (const input of inputs) [input.template, input.series] = templateOf.get(input.headline) ?? [0, 0];

  // 3. Events, best first.
  const groups = groupStories(
    inputs,
    options.at.getTime(),
    options.grouping ?? DEFAULT_GROUPING,
    await backgroundFromBodies(deps.store.stories),
  );
  const sourceOf = new Map([...stories.values()].map((s) => [s.story.articleId, s.story.source]));
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
      const members = g.ids
        .map((id) => stories.get(id)!.story)
        .filter((s) => {
          if (all) return true;
          const key = s.title
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, ' ')
            .trim();
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      const shown = members.slice(0, perGroup);
      return {
        title: members[0]!.title,
        stories: shown,
        more: g.ids.length - shown.length,
        storyCount: g.ids.length,
        sourceCount: new Set(g.ids.map((id) => sourceOf.get(id))).size,
      };
    }),
  };
}
