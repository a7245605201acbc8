import { isDatelineSpan, type PlaceMention } from '../geo/types.js';
import type { Quote, ScoredSentence } from '../nlp/types.js';
import type { Article, ArticleAnalysis, ArticleSummary, PlaceMentionHit, PlaceMonthCount, QuoteHit } from './article-store.js';
import type { ExportedFeedPost, Feed, FeedChannel, FeedOrigin, FeedStoryLink, QueuedFeedPost } from './feed-store.js';
import type { Delivery, DeliveryStatus, Subscription } from './subscription-store.js';
import { unpackSentenceScores, type PackedSentence } from './sqlite/packed-sentences.js';

/**
 * Rows as both backends read them (the same column names in SQLite and PostgreSQL) and the pure
 * steps that turn them into the store's answers: one copy, so the two stores cannot drift apart.
 */
/** A place mention's row (`places` in both backends). */
export interface PlaceRow {
  name: string;
  start: number;
  end: number;
  geoname_id: number | null;
  country_code: string | null;
  lat: number | null;
  lon: number | null;
}

export function toPlaceMention(p: PlaceRow): PlaceMention {
  const m: PlaceMention = {
    name: p.name,
    start: p.start,
    end: p.end,
    geonameId: p.geoname_id,
    countryCode: p.country_code,
    lat: p.lat,
    lon: p.lon,
  };
  // The dateline's mention is kept as its span (issue 14): no column needed.
  return isDatelineSpan(m) ? { ...m, dateline: true } : m;
}

export interface SummaryRow {
  id: string;
  headline: string;
  published: string;
  source: string;
  dateline_place: string | null;
  url: string | null;
}

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    headline: row.headline,
    published: row.published,
    source: row.source,
    datelinePlace: row.dateline_place,
    url: row.url,
  };
}

/** A stored quote with its story's summary columns. */
export interface QuoteRow extends SummaryRow {
  start: number;
  end: number;
  kind: 'direct' | 'reported';
  text: string;
  speaker: string;
  speaker_start: number | null;
  speaker_end: number | null;
  speaker_description: string | null;
  verb: string | null;
  resolved_name: string | null;
  resolved_start: number | null;
  resolved_end: number | null;
}

/** A quote of a stored row: its own columns only (no story's needed). */
export function toQuote(row: Omit<QuoteRow, keyof SummaryRow>): Quote {
  return {
    text: row.text,
    kind: row.kind,
    speaker: row.speaker,
    speakerMention: row.speaker_start === null || row.speaker_end === null ? null : { start: row.speaker_start, end: row.speaker_end },
    speakerResolved:
      row.resolved_name === null || row.resolved_start === null || row.resolved_end === null
        ? null
        : { name: row.resolved_name, start: row.resolved_start, end: row.resolved_end },
    speakerDescription: row.speaker_description,
    verb: row.verb,
    start: row.start,
    end: row.end,
  };
}

export function toQuoteHit(row: QuoteRow): QuoteHit {
  return { ...toQuote(row), articleId: row.id, headline: row.headline, source: row.source, published: row.published };
}

/** The analyzer versions kept with a story: each null or undefined where none was kept (stored before versions were). */
export interface KeptVersions {
  sentences: number | null | undefined;
  quotes: number | null | undefined;
  places: number | null | undefined;
}

/** The analysis with the version of each analyzer that made it, where one was kept (so `migrate` keeps them too). */
export function withKeptVersions(analysis: ArticleAnalysis, kept: KeptVersions): ArticleAnalysis {
  const out = { ...analysis };
  if (kept.sentences !== null && kept.sentences !== undefined) out.sentencesVersion = kept.sentences;
  if (kept.quotes !== null && kept.quotes !== undefined) out.quotesVersion = kept.quotes;
  if (kept.places !== null && kept.places !== undefined) out.placesVersion = kept.places;
  return out;
}

/** A feed with its health columns (`feeds` joined with `feed_health`). */
export interface FeedRow {
  url: string;
  title: string | null;
  interval_minutes: number;
  origin: FeedOrigin;
  added_at: string;
  added_by: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  consecutive_failures: number | null;
  items_added: number | null;
  items_rejected: number | null;
  items_undated: number | null;
  next_poll_ms: number | null;
}

/** A feed from its row and its channels and owning guilds (each backend reads those its own way). */
export function toFeed(row: FeedRow, channels: FeedChannel[], owners: string[]): Feed {
  return {
    url: row.url,
    title: row.title,
    intervalMinutes: row.interval_minutes,
    origin: row.origin,
    addedAt: row.added_at,
    addedBy: row.added_by,
    etag: row.etag,
    lastModified: row.last_modified,
    channels,
    owners,
    health: {
      lastPolledAt: row.last_polled_at,
      lastSuccessAt: row.last_success_at,
      lastErrorAt: row.last_error_at,
      lastError: row.last_error,
      consecutiveFailures: row.consecutive_failures ?? 0,
      itemsAdded: row.items_added ?? 0,
      itemsRejected: row.items_rejected ?? 0,
      itemsUndated: row.items_undated ?? 0,
      nextPollAt: row.next_poll_ms ? new Date(row.next_poll_ms).toISOString() : null,
    },
  };
}

/** A row of `feed_posts` (the outbox), as both backends select it. */
export interface FeedPostRow {
  channel_id: string;
  article_id: string;
  url: string;
  guild_id: string | null;
  attempts: number;
}

export const FEED_POST_COLUMNS = 'channel_id, article_id, url, guild_id, attempts';

export function toQueuedFeedPost(row: FeedPostRow): QueuedFeedPost {
  return { url: row.url, articleId: row.article_id, channel: { guildId: row.guild_id, channelId: row.channel_id }, attempts: row.attempts };
}

/** A `feed_posts` row with its queue time (PostgreSQL gives a bigint as a string), as `dateline migrate` moves it. */
export function toExportedFeedPost(row: FeedPostRow & { queued_ms: number | string }): ExportedFeedPost {
  return { ...toQueuedFeedPost(row), queuedAt: new Date(Number(row.queued_ms)) };
}

/** A row of `feed_stories`: which feed brought which story. */
export interface FeedStoryRow {
  article_id: string;
  url: string;
}

export function toFeedStoryLink(row: FeedStoryRow): FeedStoryLink {
  return { articleId: row.article_id, url: row.url };
}

/**
 * A row of `subscriptions` as both backends read it: SQLite gives booleans as 0/1, PostgreSQL as booleans.
 */
export interface SubscriptionRow {
  id: number;
  guild_id: string | null;
  channel_id: string;
  time: string;
  timezone: string;
  about: string | null;
  quiet: boolean | number;
  created_by: string;
  created_at: string;
  removed_at: string | null;
  paused_at: string | null;
  pause_reason: string | null;
}

/** A row of `deliveries`; SQLite keeps the message ids as JSON text, PostgreSQL as a text array. */
export interface DeliveryRow {
  subscription_id: number;
  local_date: string;
  status: DeliveryStatus;
  scheduled_ms: number;
  since_ms: number;
  at_ms: number;
  late: boolean | number;
  attempts: number;
  owner: string | null;
  lease_version: number;
  lease_until_ms: number | null;
  next_attempt_ms: number | null;
  message_ids: string[] | string;
  last_error: string | null;
  finished_ms: number | null;
}

const isoOf = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    time: row.time,
    timezone: row.timezone,
    about: row.about,
    quiet: Boolean(row.quiet),
    createdBy: row.created_by,
    createdAt: row.created_at,
    pausedAt: row.paused_at,
    pauseReason: row.pause_reason,
  };
}

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    subscriptionId: row.subscription_id,
    localDate: row.local_date,
    status: row.status,
    scheduledAt: new Date(row.scheduled_ms).toISOString(),
    since: new Date(row.since_ms).toISOString(),
    at: new Date(row.at_ms).toISOString(),
    late: Boolean(row.late),
    attempts: row.attempts,
    owner: row.owner,
    leaseVersion: row.lease_version,
    leaseUntil: isoOf(row.lease_until_ms),
    nextAttemptAt: isoOf(row.next_attempt_ms),
    messageIds: typeof row.message_ids === 'string' ? (JSON.parse(row.message_ids) as string[]) : row.message_ids,
    lastError: row.last_error,
    finishedAt: isoOf(row.finished_ms),
  };
}

/** A sentence's text: its span of the body with whitespace squeezed. */
export function sentenceText(body: string, start: number, end: number): string {
  return body.slice(start, end).replace(/\s+/g, ' ').trim();
}

export function unpackSentences(body: string, packed: string): ScoredSentence[] {
  return unpackSentenceScores(packed).map((s) => ({ ...s, text: sentenceText(body, s.start, s.end) }));
}

/** The sentence holding a mention, else the text around it. */
export function sentenceAround(body: string, packed: string | null, at: number): string {
  // The dateline's mention lies before the body (offset -1): its sentence is the lead the dateline heads.
  const offset = Math.max(0, at);
  if (packed) {
    const hit = (JSON.parse(packed) as PackedSentence[]).find(([start, end]) => start <= offset && offset < end);
    if (hit) return sentenceText(body, hit[0], hit[1]);
  }
  return sentenceText(body, Math.max(0, offset - 120), Math.min(body.length, offset + 120));
}

/** `yyyymm` of a story's date as written (the month /where's timeline counts it in). */
/** (story id, gazetteer id) rows in story and text order as each story's ids, each once (PlaceStore.placeIdsOf). */
export function groupPlaceIds(rows: readonly (readonly [id: string, geonameId: number])[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [id, geonameId] of rows) {
    const ids = out.get(id);
    if (!ids) out.set(id, [geonameId]);
    else if (!ids.includes(geonameId)) ids.push(geonameId);
  }
  return out;
}

export function monthOf(published: string): number {
  return Number(published.slice(0, 4)) * 100 + Number(published.slice(5, 7));
}

/** A LIKE pattern's literal text (`\` is the escape character in both backends' queries). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Stories per month (`yyyymm` keys) as `placeMentionMonths` gives them: months with stories, oldest first. */
export function toMonthCounts(months: ReadonlyMap<number, number>): PlaceMonthCount[] {
  return [...months.entries()]
    .filter(([, stories]) => stories > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([month, stories]) => ({
      month: `${String(Math.floor(month / 100)).padStart(4, '0')}-${String(month % 100).padStart(2, '0')}`,
      stories,
    }));
}

/** A story mentioning a place, with the mention the read found first (`findPlaceMentions` in both backends). */
export interface PlaceMentionRow {
  id: string;
  headline: string;
  source: string;
  published: string;
  body: string;
  packed: string | null;
  m_name: string;
  m_start: number;
  m_end: number;
}

export function toPlaceMentionHit(row: PlaceMentionRow): PlaceMentionHit {
  return {
    articleId: row.id,
    headline: row.headline,
    source: row.source,
    published: row.published,
    name: row.m_name,
    start: row.m_start,
    end: row.m_end,
    sentence: sentenceAround(row.body, row.packed, row.m_start),
  };
}

/** A story's row (`articles` in both backends; SQLite keeps `headline_derived` as 0/1, PostgreSQL as a boolean). */
export interface StoredArticleRow {
  id: string;
  source: string;
  published: string;
  published_zone: string | null;
  editor: string | null;
  dateline_place: string | null;
  headline: string;
  headline_derived: boolean | number;
  caption: string | null;
  caption_credit: string | null;
  body: string;
  url: string | null;
  origin: string;
  ingested_at: string;
}

/** The Article a stored row holds. */
export function toArticle(row: StoredArticleRow): Article {
  return {
    id: row.id,
    source: row.source,
    published: row.published,
    publishedZone: row.published_zone,
    editor: row.editor,
    datelinePlace: row.dateline_place,
    headline: row.headline,
    headlineDerived: row.headline_derived === true || row.headline_derived === 1,
    caption: row.caption,
    captionCredit: row.caption_credit,
    body: row.body,
    url: row.url,
    origin: row.origin,
    ingestedAt: row.ingested_at,
  };
}
