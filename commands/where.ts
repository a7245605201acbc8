import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply, type ReplyField } from '../src/core/reply.js';
import { keepByArticle } from '../src/feeds/visible-page.js';
import { placeMentionIds } from '../src/geo/place-mention-ids.js';
import type { PlaceMentionHit, PlaceMonthCount } from '../src/store/article-store.js';
import type { PlaceStore } from '../src/store/place-store.js';
import { releaseRenderMemory } from '../src/geo/locator-map.js';
import { DATELINE_SPAN, type GeoService, type PlaceInfo, type PlaceRelation, type PopulationBasis } from '../src/geo/types.js';
import { formatDay, plural, truncate } from '../src/views/format.js';
import { placeSparkline } from '../src/trend/trend-chart.js';
import { normaliseText } from '../src/store/article-identity.js';

/** How a population figure is qualified (a division's is the sum of its towns, short of a census); null: not shown. */
const POPULATION_BASIS_NOTES: Record<PopulationBasis, string | null> = {
  own: '',
  towns: ' (sum of its towns of 500+ in GeoNames)',
  countries: ' (sum of its countries)',
  none: null,
};

const LATEST = 5;
/**
 * Stories read (newest first, one mention each) for the LATEST mentions and PAIRING_STORIES: the
 * cost grows with this (200 cost ~10 ms for London at 10k stories). The timeline and the count read
 * the per-month counts instead, so they cover every mention whatever this is.
 */
const MENTIONS = 8;
/** Stories read to find the place the news pairs it with (the gazetteer ids they mention, in one read). */
const PAIRING_STORIES = 6;

export const data = new SlashCommandBuilder()
  .setName('where')
  .setDescription('What and where a place is, and what the stored news says about it')
  .addStringOption((o) =>
    o
      .setName('place')
      .setDescription('A place name in any common spelling (Raqqa, Deir ez-Zor, Hasakah province)')
      .setRequired(true)
      .setMaxLength(100)
      .setAutocomplete(true),
  );

/** The `data.place` shape of `dateline ask "/where …" --json` (issue 6). */
function placeData(p: PlaceInfo): Record<string, unknown> {
  return {
    name: p.name,
    kind: p.kind,
    geonameId: p.geonameId,
    countryCode: p.countryCode,
    admin1: p.admin1,
    lat: p.lat,
    lon: p.lon,
    // 0 where the reply shows none (a news region's figure is only for ranking)
    population: p.populationBasis === 'none' ? 0 : p.population,
  };
}

/** 35.95283 → 35°57′10″N. */
export function toDms(value: number, positive: string, negative: string): string {
  const abs = Math.abs(value);
  let d = Math.floor(abs);
  let m = Math.floor((abs - d) * 60);
  let s = Math.round(((abs - d) * 60 - m) * 60);
  if (s === 60) [s, m] = [0, m + 1];
  if (m === 60) [m, d] = [0, d + 1];
  return `${d}°${String(m).padStart(2, '0')}′${String(s).padStart(2, '0')}″${value >= 0 ? positive : negative}`;
}

function formatCoordinates(p: PlaceInfo): string {
  return `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)} (${toDms(p.lat, 'N', 'S')} ${toDms(p.lon, 'E', 'W')})`;
}

/** `Asia/Damascus (UTC+03:00)`: the zone with its offset now. */
function formatTimezone(zone: string, now: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(now)
      .find((x) => x.type === 'timeZoneName');
    return part ? `${zone} (${part.value.replace('GMT', 'UTC')})` : zone;
  } catch {
    return zone;
  }
}

function describeKind(p: PlaceInfo): string {
  const where = [p.admin1 && p.kind !== 'admin1' && p.admin1 !== p.name ? p.admin1 : null, p.kind === 'country' ? null : p.country].filter(
    (x): x is string => !!x,
  );
  return where.length > 0 ? `${p.kindLabel} in ${where.join(', ')}` : p.kindLabel;
}

function formatRelation(r: PlaceRelation, what: string): string {
  return `${r.km.toLocaleString('en-US')} km ${r.direction} of ${r.from.name} (${what})`;
}

/** The place the newest stories mentioning this one name most often beside it (for "distance from"). */
async function pairedPlace(
  places: PlaceStore,
  geo: GeoService,
  hits: readonly PlaceMentionHit[],
  self: ReadonlySet<number>,
): Promise<PlaceInfo | null> {
  const counts = new Map<number, number>();
  // The ids only, of every story at once: on a networked store a story's whole analysis was three round
  // trips and its body, and six stories' eighteen reads were most of a /where (issue 17).
  const stories = [...new Set(hits.map((h) => h.articleId))].slice(0, PAIRING_STORIES);
  const idsOf = await places.placeIdsOf(stories);
  for (const story of stories) {
    for (const id of idsOf.get(story) ?? []) {
      if (self.has(id)) continue;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  for (const [id] of ranked) {
    const p = geo.getPlace(id);
    if (p && (p.kind === 'city' || p.kind === 'admin2')) return p;
  }
  return null;
}

/** A span of months up to this long is shown month by month; a longer one year by year. */
const MONTHLY_SPAN = 24;
/** Years shown one by one at most; older ones are merged into one period (so the field stays short). */
const MAX_YEARS = 30;

export interface TimelinePeriod {
  /** `1987-03`, `1987`, or `1950–1979` for merged old years. */
  period: string;
  stories: number;
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/**
 * Every stored mention by period, oldest first: by month, or by year when the months span more than
 * MONTHLY_SPAN. Periods are only merged, never dropped, so the stories add up to the count shown.
 */
export function timelinePeriods(months: readonly PlaceMonthCount[]): TimelinePeriod[] {
  if (months.length === 0) return [];
  const span = monthIndex(months.at(-1)!.month) - monthIndex(months[0]!.month) + 1;
  if (span <= MONTHLY_SPAN) return months.map((m) => ({ period: m.month, stories: m.stories }));
  const years: TimelinePeriod[] = [];
  for (const m of months) {
    const year = m.month.slice(0, 4);
    const last = years.at(-1);
    if (last?.period === year) last.stories += m.stories;
    else years.push({ period: year, stories: m.stories });
  }
  if (years.length <= MAX_YEARS) return years;
  const old = years.slice(0, years.length - MAX_YEARS + 1);
  const merged = { period: `${old[0]!.period}–${old.at(-1)!.period}`, stories: old.reduce((sum, y) => sum + y.stories, 0) };
  return [merged, ...years.slice(old.length)];
}

function renderTimeline(periods: readonly TimelinePeriod[]): string {
  return periods.map((p) => `${p.period}: ${plural(p.stories, 'story', 'stories')}`).join(' · ');
}

/**
 * Where the shown point comes from, for the footer (issue 14): a region has its own point, never its
 * capital's, and the reader can tell how it was made.
 */
export function pointSource(p: Pick<PlaceInfo, 'kind'>): string {
  switch (p.kind) {
    case 'country':
      return "point: the country's centre (world-countries, ODbL)";
    case 'admin1':
      return 'point: the middle of the span its GeoNames towns cover';
    case 'admin2':
      return 'point: the centre of its GeoNames towns';
    case 'continent':
    case 'region':
      return "point: GeoNames' continent point, or the region's centre as Dateline's region list gives it with its source";
    default:
      return 'point: GeoNames';
  }
}

export const execute: Command['execute'] = async ({ options, services, caller }) => {
  const query = String(options.place ?? '').trim();
  const { geo, store } = services;
  const found = geo.lookup(query, { storeCounts: await store.places.placeMentionCounts() });
  const place = found.place;
  if (!place) {
    const hint = found.suggestions.length > 0 ? ` Did you mean ${found.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    throw new UserError('unknown_place', `No place called "${truncate(query, 80)}" in the gazetteer.${hint}`, {
      place: null,
      suggestions: found.suggestions,
    });
  }

  const idList = placeMentionIds(geo, { ...found, place });
  const ids = new Set(idList);
  // The count is the timeline's sum: both read every stored mention, so they cannot disagree.
  const periods = timelinePeriods(await store.places.placeMentionMonths(idList));
  const storyCount = periods.reduce((sum, p) => sum + p.stories, 0);
  // The sentences quoted are a story's text: none from a story another server's feed brought
  // (DATELINE_FEED_STORIES=own-server). The count and timeline leave such stories out too: the store
  // a command is given is the one the caller's server sees (core/dispatch.ts: servicesFor).
  const hides = services.feeds.hidesStoriesFrom(caller.guildId);
  const keep = keepByArticle<PlaceMentionHit>((stories) => services.feeds.visibleTo(caller.guildId, stories));
  const hits = storyCount === 0 ? [] : await keep(await store.places.findPlaceMentions(idList, hides ? 3 * MENTIONS : MENTIONS));

  const lines: string[] = [];
  lines.push(`${place.name}: ${describeKind(place)}.`);
  if (found.matchedBy === 'spelling') lines.push(`Matched "${query}" as a spelling of ${place.name}.`);
  if (found.division)
    // The division's own name to ask with, not what was typed: a misspelling ("Tehrann") would not find it.
    lines.push(
      `Also the name of the ${found.division.kindLabel} of ${found.division.name} (ask "${found.division.name} ${found.division.kindLabel}").`,
    );
  if (found.ambiguous && found.alternatives.length > 0) {
    lines.push(
      `Could also be: ${found.alternatives
        .slice(0, 3)
        .map((a) => `${a.name} (${describeKind(a)})`)
        .join('; ')}.`,
    );
  }

  const fields: ReplyField[] = [];
  if (place.admin1 && place.kind !== 'admin1') fields.push({ name: 'Province', value: place.admin1, inline: true });
  if (place.country && place.kind !== 'country') fields.push({ name: 'Country', value: place.country, inline: true });
  fields.push({ name: 'Coordinates', value: formatCoordinates(place) });
  const approx = POPULATION_BASIS_NOTES[place.populationBasis];
  if (place.population > 0 && approx !== null) {
    fields.push({ name: 'Population', value: `${place.population.toLocaleString('en-US')}${approx}`, inline: true });
  }
  if (place.timezone) fields.push({ name: 'Time zone', value: formatTimezone(place.timezone, services.clock.now()), inline: true });
  const fromCapital = geo.relationToCapital(place);
  // Shown for places inside a country only: not worth reading stories for otherwise.
  const paired =
    place.kind === 'city' || place.kind === 'admin1' || place.kind === 'admin2' ? await pairedPlace(store.places, geo, hits, ids) : null;
  const distances: string[] = [];
  if (fromCapital) distances.push(formatRelation(fromCapital, 'capital'));
  if (paired && paired.geonameId !== fromCapital?.from.geonameId && place.kind !== 'country')
    distances.push(formatRelation(geo.relation(place, paired), 'named with it in the news'));
  if (distances.length > 0) fields.push({ name: 'Distance', value: distances.join('\n') });

  fields.push({
    name: 'In the news',
    value:
      storyCount === 0
        ? 'No stored story mentions it yet.'
        : `${plural(storyCount, 'stored story', 'stored stories')} ${storyCount === 1 ? 'mentions' : 'mention'} it.`,
  });
  const latest: PlaceMentionHit[] = [];
  const seenArticles = new Set<string>();
  // A story the wire filed twice says the same sentence twice: shown once, from the newest filing.
  const seenSentences = new Set<string>();
  for (const h of hits) {
    const said = normaliseText(h.sentence);
    if (seenArticles.has(h.articleId) || seenSentences.has(said)) continue;
    seenArticles.add(h.articleId);
    seenSentences.add(said);
    latest.push(h);
    if (latest.length >= LATEST) break;
  }
  for (const h of latest) {
    // A story filed from the place may not name it in the text: say so, with its headline, before its lead.
    const text = h.start === DATELINE_SPAN.start ? `Filed from ${h.name}: ${h.headline}. ${h.sentence}` : h.sentence;
    fields.push({ name: `${formatDay(h.published)} · ${h.source}`, value: truncate(`${text} (id ${h.articleId})`, 1000) });
  }
  if (periods.length > 0) fields.push({ name: 'Timeline', value: renderTimeline(periods) });

  const chart = await placeSparkline(store, place.name, idList); // stories over time (issue 19)
  const png = geo.renderLocatorMap(place);
  // One turn of the event loop: resvg's native buffers of earlier renders are freed there (else a
  // run of /where calls that never yields keeps ~2 MB per map rendered).
  await releaseRenderMemory();
  const slug =
    place.name
      .normalize('NFD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'place';
  return reply({
    title: `Where: ${place.name}`,
    text: lines.join('\n'),
    fields,
    footer: `Places: GeoNames (CC BY 4.0) · ${pointSource(place)} · outlines: Natural Earth`,
    image: { name: `${slug}.png`, png, description: `Locator map of ${place.name}` },
    ...(chart ? { chart } : {}),
    data: {
      place: placeData(place),
      alternatives: found.alternatives.map(placeData),
      mentions: latest.map((h) => ({ articleId: h.articleId, date: h.published, sentence: h.sentence })),
      stories: storyCount,
      timeline: periods,
    },
  });
};

export const autocomplete: Command['autocomplete'] = ({ focused, services }) => {
  const choices = services.geo.suggest(focused.value, 25).map((p) => {
    const where = [p.kind === 'country' ? null : p.admin1 !== p.name ? p.admin1 : null, p.kind === 'country' ? null : p.country]
      .filter(Boolean)
      .join(', ');
    const value = p.kind === 'country' || !p.country ? p.name : `${p.name}, ${p.country}`;
    return { name: truncate(`${p.name} (${p.kindLabel}${where ? `, ${where}` : ''})`, 100), value: value.slice(0, 100) };
  });
  return Promise.resolve(choices);
};

// The first map after start loads the 1:50m outlines (~0.8 s) and wide maps (Europe) take ~0.8 s: defer.
export const where: Command = { data, execute, autocomplete, slow: true };
