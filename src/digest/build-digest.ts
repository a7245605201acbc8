import type { GeoService, PlaceMention } from '../geo/types.js';
import type { ScoredSentence } from '../nlp/types.js';
import { createHash } from 'node:crypto';
import type { DigestCandidate } from '../store/article-store.js';
import type { DigestFeatureStore } from '../store/digest-feature-store.js';
import type { StoryStore } from '../store/story-store.js';
import { candidatesWithFeatures } from './backfill-features.js';
import { formatInZone } from '../core/zoned-time.js';
import { createAboutFilter, matchesAbout, type AboutFilter } from './about-filter.js';
import { groupStories } from './grouping/group-stories.js';
import { DEFAULT_GROUPING, type GroupingOptions } from './grouping/options.js';
import { headlineKey } from './grouping/story-terms.js';
import type { GroupInput, TermBackground } from './grouping/types.js';
import { DEFAULT_TEMPLATES, templateAndSeriesScores, type TemplateOptions } from './headline-templates.js';
import { headlineHistory } from './headline-history.js';
import { historyShapeDays } from './shape-history.js';
import { pickSummary, SUMMARY_CHARS } from './story-features.js';
import { digestCacheOf } from './digest-cache.js';
import { GROUPING_VERSION } from './grouping-version.js';
import { visibleViewOf } from './visible-store.js';

export interface DigestStory {
  articleId: string;
  title: string;
  /** Published, ISO 8601 as stored. */
  date: string;
  source: string;
  /** One sentence: the best-scored of the story (the lead when unscored). */
  summary: string;
  places: string[];
  /** The story's link, null when unknown. */
  url: string | null;
}

export interface DigestGroup {
  /** The most representative headline of the event. */
  title: string;
  stories: DigestStory[];
  /** Stories of the group not shown (beyond `maxStoriesPerGroup`, or repeats of a shown headline). */
  more: number;
  /** Stories the event holds in the window, and the distinct sources that filed them. */
  storyCount: number;
  sourceCount: number;
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
  /** The parts of the store a digest reads: its features, and stories' bodies for an `about` filter. */
  store: { stories: StoryStore; digest: DigestFeatureStore };
  geo?: GeoService;
}

export interface BuildDigestOptions {
  since: Date;
  at: Date;
  tz: string;
  about?: string | null;
  /** Every group and every story of the window (no top-N cut, repeats kept): `dateline digest --all`. */
  all?: boolean;
  maxGroups?: number;
  maxStoriesPerGroup?: number;
  /** Stories read from the window at most (a busy 1987 day has ~850). */
  maxCandidates?: number;
  grouping?: Readonly<GroupingOptions>;
  templates?: Readonly<TemplateOptions>;
}

/** `maxHistory`: headlines read from the days before the window to learn routine shapes (two busy weeks). */
export const DIGEST_DEFAULTS = {
  maxGroups: 10,
  maxStoriesPerGroup: 4,
  maxCandidates: 3000,
  summaryChars: SUMMARY_CHARS,
  maxHistory: 15_000,
} as const;
const DAY_MS = 86_400_000;
/** Stories read from the window for `all`: every one (SQLite's LIMIT needs a number). */
const ALL_CANDIDATES = 2 ** 31 - 1;

/** The window of a subscription's next digest: since its previous one, or the last 24 h for the first. */
export function digestWindowStart(at: Date, previousAt: Date | null): Date {
  return previousAt && previousAt.getTime() < at.getTime() ? previousAt : new Date(at.getTime() - DAY_MS);
}

/** `pickSummary` over sentences with their text (the lead, unless a fragment or a run-on, else the best-scored). */
export function pickSummarySentence(sentences: readonly ScoredSentence[]): string | null {
  return pickSummary(sentences, (s) => s.text);
}

/**
 * Gazetteer names by geoname id, per gazetteer (a place's name never changes in one): a digest names
 * the places of every story it shows, mostly the same countries and cities build after build, and
 * `getPlace` makes a whole description of a place (its country, region, kind) for each.
 */
const placeNames = new WeakMap<GeoService, Map<number, string | undefined>>();
/** Names kept per gazetteer at most (then it starts afresh). */
const MAX_PLACE_NAMES = 50_000;

function gazetteerName(geo: GeoService, geonameId: number): string | undefined {
  let names = placeNames.get(geo);
  if (!names || names.size >= MAX_PLACE_NAMES) placeNames.set(geo, (names = new Map<number, string | undefined>()));
  if (names.has(geonameId)) return names.get(geonameId);
  const name = geo.getPlace(geonameId)?.name;
  names.set(geonameId, name);
  return name;
}

/** Distinct place names in order of first mention, named as the gazetteer names them when resolved. */
export function storyPlaces(places: readonly PlaceMention[], geo?: GeoService, max = 4): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const p of places) {
    const name = (p.geonameId !== null && geo ? gazetteerName(geo, p.geonameId) : undefined) ?? p.name;
    const key = p.geonameId !== null ? `g${p.geonameId}` : name.toLowerCase();
    if (seen.has(key) || names.includes(name)) continue;
    seen.add(key);
    names.push(name);
    if (names.length >= max) break;
  }
  return names;
}

/**
 * The store's stories per term, kept per store until its `dataVersion()` says something was written:
 * one read of the term table (~100,000 short rows at 100k stories) instead of one per build.
 */
const backgrounds = new WeakMap<DigestFeatureStore, { version: number; background: TermBackground }>();

async function termBackground(store: DigestFeatureStore, version: number): Promise<TermBackground> {
  let cached = backgrounds.get(store);
  if (cached?.version !== version) {
    const { stories, counts } = await store.digestTermStories();
    cached = { version, background: { stories, storiesWith: (id) => (typeof id === 'number' ? (counts[id] ?? 0) : 0) } };
    backgrounds.set(store, cached);
  }
  return cached.background;
}

/** The stories of the window `about` keeps: it looks at bodies, so only a filtered digest reads them. */
async function aboutIds(store: StoryStore, filter: AboutFilter, since: Date, at: Date, limit: number): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const { article, places } of await store.storiesBetween(since, at, limit)) {
    if (matchesAbout(filter, { headline: article.headline, body: article.body, places })) ids.add(article.id);
  }
  return ids;
}

/** Numbers for objects a digest depends on by identity (the gazetteer): part of a kept digest's key. */
const objectNumbers = new WeakMap<object, number>();
let lastObjectNumber = 0;

function numberOf(object: object | undefined): number {
  if (!object) return 0;
  let n = objectNumbers.get(object);
  if (n === undefined) objectNumbers.set(object, (n = ++lastObjectNumber));
  return n;
}

/** Option sets by value (numbers only), each made once per object: part of a kept digest's key. */
const optionKeys = new WeakMap<object, string>();

function optionsKey(options: Readonly<GroupingOptions> | Readonly<TemplateOptions>): string {
  let key = optionKeys.get(options);
  if (key === undefined) {
    key = Object.entries(options)
      .map(([name, value]) => `${name}=${String(value)}`)
      .sort()
      .join(',');
    optionKeys.set(options, key);
  }
  return key;
}

/** The stories a server's view leaves out of the window (none: ''), as part of a kept digest's key. */
function hiddenKey(candidates: readonly DigestCandidate[], visible: readonly DigestCandidate[]): string {
  if (visible.length === candidates.length) return '';
  const shown = new Set(visible.map((c) => c.id));
  const hash = createHash('sha256');
  for (const c of candidates) if (!shown.has(c.id)) hash.update(`${c.id}\n`);
  return hash.digest('hex');
}

/** A kept digest, as the caller asked for it (its own dates and zone: the zone only names times). */
function asAsked(kept: Digest, options: BuildDigestOptions): Digest {
  return { ...kept, at: options.at, since: options.since, tz: options.tz, about: options.about ?? null };
}

/** Freeze what a kept digest shares between callers: its groups, their stories and places. */
function freezeGroups(groups: DigestGroup[]): DigestGroup[] {
  for (const g of groups) {
    for (const s of g.stories) Object.freeze(Object.freeze(s).places);
    Object.freeze(Object.freeze(g).stories);
  }
  return Object.freeze(groups) as DigestGroup[];
}

/**
 * Build the digest for the window [since, at): stories read through the store, filtered by `about`,
 * grouped by event and ranked by coverage and recency. Pure apart from store reads, so the scheduler,
 * `/digest preview` and `dateline digest --at` show the same thing. A digest built before for the same
 * window, options and visible stories is given again while the store is unchanged (digest-cache.ts);
 * its groups are frozen, shared by every caller.
 */
export async function buildDigest(deps: BuildDigestDeps, options: BuildDigestOptions): Promise<Digest> {
  const all = options.all ?? false;
  const maxGroups = all ? Infinity : (options.maxGroups ?? DIGEST_DEFAULTS.maxGroups);
  const perGroup = all ? Infinity : (options.maxStoriesPerGroup ?? DIGEST_DEFAULTS.maxStoriesPerGroup);
  const maxCandidates = options.maxCandidates ?? (all ? ALL_CANDIDATES : DIGEST_DEFAULTS.maxCandidates);
  const grouping = options.grouping ?? DEFAULT_GROUPING;
  const templates = options.templates ?? DEFAULT_TEMPLATES;

  // What is kept between builds is the store's, shared by every server's view of it (visible-store.ts).
  // The version is read before anything else: a digest kept under it never predates it.
  const view = visibleViewOf(deps.store.digest);
  const store = view?.base ?? deps.store.digest;
  const version = await store.dataVersion();
  const cache = digestCacheOf<Digest>(store, version);
  const windowKey = `${options.since.getTime()} ${options.at.getTime()} ${maxCandidates}`;
  const keyOf = (hidden: string): string =>
    [
      GROUPING_VERSION,
      windowKey,
      all,
      maxGroups,
      perGroup,
      numberOf(deps.geo),
      optionsKey(grouping),
      optionsKey(templates),
      JSON.stringify(options.about ?? null),
      hidden,
    ].join('|');
  if (!view) {
    const kept = cache.digest(keyOf(''));
    if (kept) return asAsked(kept, options);
  }

  // 1. Candidates in the window, with what ranking needs, worked out when each story was stored
  // (DigestFeatures): one read of short rows, no bodies. A server's view keeps those it may see (the
  // window's rows read once for every server due at the same time); a digest kept for the same
  // visible stories is the one this build would make.
  let windowAll: DigestCandidate[];
  let key: string;
  if (view) {
    let read = cache.candidates(windowKey);
    if (!read) cache.keepCandidates(windowKey, (read = await candidatesWithFeatures(store, options.since, options.at, maxCandidates)));
    windowAll = await view.keep(read);
    key = keyOf(hiddenKey(read, windowAll));
    const kept = cache.digest(key);
    if (kept) return asAsked(kept, options);
  } else {
    windowAll = await candidatesWithFeatures(store, options.since, options.at, maxCandidates);
    key = keyOf('');
  }
  const digest = await buildFresh(deps, store, version, windowAll, options, {
    all,
    maxGroups,
    perGroup,
    maxCandidates,
    grouping,
    templates,
  });
  cache.keepDigest(
    key,
    digest,
    digest.groups.reduce((n, g) => n + g.stories.length, 0),
  );
  return digest;
}

/** A stored story's places are among its terms (`GroupInput.terms`): one empty list for all. */
const NO_PLACES: readonly string[] = Object.freeze([]);

/** A digest from the window's candidates (`buildDigest` without what is kept between builds). */
async function buildFresh(
  deps: BuildDigestDeps,
  store: DigestFeatureStore,
  version: number,
  windowAll: readonly DigestCandidate[],
  options: BuildDigestOptions,
  o: {
    all: boolean;
    maxGroups: number;
    perGroup: number;
    maxCandidates: number;
    grouping: Readonly<GroupingOptions>;
    templates: Readonly<TemplateOptions>;
  },
): Promise<Digest> {
  const { all, maxGroups, perGroup, maxCandidates, templates } = o;
  const filter = options.about ? createAboutFilter(options.about, deps.geo) : null;
  // Each headline's key is made once here: templates, coverage and the shown list all compare headlines by it.
  const keys = windowAll.map((c) => headlineKey(c.headline));
  const keep = filter ? await aboutIds(deps.store.stories, filter, options.since, options.at, maxCandidates) : null;
  const inputs: GroupInput[] = [];
  const sourceOf = new Map<string, string>();
  windowAll.forEach((c, i) => {
    if (keep && !keep.has(c.id)) return;
    inputs.push({
      id: c.id,
      publishedMs: c.publishedMs,
      headline: c.headline,
      headlineKey: keys[i]!,
      lead: '',
      placeKeys: NO_PLACES,
      terms: c.terms,
      dateline: c.datelinePlace,
      bodyWords: c.bodyWords,
      // Given below: set here, each input is made whole at once (properties added later are a second allocation).
      template: 0,
      series: 0,
    });
    sourceOf.set(c.id, c.source);
  });

  // 2. Routine series, learnt from the headlines of the days before the window and of the window itself
  // (each past day's shapes are kept between builds: shape-history.ts).
  const history = await historyShapeDays(
    store,
    new Date(options.since.getTime() - templates.lookbackDays * DAY_MS),
    options.since,
    DIGEST_DEFAULTS.maxHistory,
  );
  // The whole window, not only what `about` kept: a series is a series whatever the filter.
  const { template: scores, series } = templateAndSeriesScores(windowAll, history, templates, keys);
  // A headline filed twice takes the scores of its last filing (one map of headlines for both scores).
  const lastOf = new Map<string, number>();
  windowAll.forEach((c, i) => lastOf.set(c.headline, i));
  for (const input of inputs) {
    const i = lastOf.get(input.headline);
    input.template = i === undefined ? 0 : scores[i]!;
    // Series by the days before alone: a shape many stories of the window share is as likely an event's.
    input.series = i === undefined ? 0 : series[i]!;
  }

  // 3. Events, best first; what is shown of their stories read for those alone.
  const groups = groupStories(inputs, options.at.getTime(), o.grouping, await termBackground(store, version), headlineHistory(history));
  const byId = new Map(inputs.map((input) => [input.id, input]));
  const shown = groups.slice(0, maxGroups).map((g) => {
    // The same story filed twice (an update, a repeat) is shown once: the representative or the newest.
    const seen = new Set<string>();
    const members = g.ids
      .map((id) => byId.get(id)!)
      .filter((c) => {
        if (all) return true;
        const key = c.headlineKey!;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    const sources = new Set(g.ids.map((id) => sourceOf.get(id)));
    return { members, more: g.ids.length - Math.min(members.length, perGroup), storyCount: g.ids.length, sourceCount: sources.size };
  });
  const details = await store.digestDetails(shown.flatMap((g) => g.members.slice(0, perGroup).map((c) => c.id)));
  return {
    at: options.at,
    since: options.since,
    tz: options.tz,
    about: options.about ?? null,
    storyCount: inputs.length,
    groupCount: groups.length,
    groups: freezeGroups(
      shown.map(({ members, more, storyCount, sourceCount }) => ({
        title: members[0]!.headline,
        storyCount,
        sourceCount,
        stories: members.slice(0, perGroup).map((c): DigestStory => {
          const detail = details.get(c.id);
          return {
            articleId: c.id,
            title: c.headline,
            date: detail?.published ?? '',
            source: detail?.source ?? '',
            summary: detail?.summary ?? '',
            places: storyPlaces(detail?.places ?? [], deps.geo),
            url: detail?.url ?? null,
          };
        }),
        more,
      })),
    ),
  };
}

type JsonStory = Omit<DigestStory, 'url'> & { url?: string | null };

export interface DigestJson {
  at: string;
  tz: string;
  since: string;
  groups: { title: string; stories: JsonStory[]; storyCount?: number; sourceCount?: number }[];
}

/**
 * The `dateline digest --json` contract: `{at, tz, since, groups:[{title, stories:[{articleId, title, date,
 * source, summary, places}]}]}`; for a digest built with `all` (`--all`), each group also says
 * `storyCount` and `sourceCount`, and each story its `url` (null when unknown).
 */
export function digestToJson(digest: Digest, options: { all?: boolean } = {}): DigestJson {
  const all = options.all ?? false;
  return {
    at: formatInZone(digest.at, digest.tz),
    tz: digest.tz,
    since: formatInZone(digest.since, digest.tz),
    groups: digest.groups.map((g) => ({
      title: g.title,
      ...(all ? { storyCount: g.storyCount, sourceCount: g.sourceCount } : {}),
      stories: g.stories.map((s) => ({
        articleId: s.articleId,
        title: s.title,
        date: s.date,
        source: s.source,
        summary: s.summary,
        places: s.places,
        ...(all ? { url: s.url } : {}),
      })),
    })),
  };
}
