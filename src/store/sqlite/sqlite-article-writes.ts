/**
 * Every write of the SQLite article store: stories added with their sentences, quotes, places and
 * digest features, and re-analysis replacing one of those for stored stories. Each is one IMMEDIATE
 * transaction whose counters (quotes per speaker, stories per place, month and day, stories per digest
 * term) are gathered story by story and written once at its end. Separate because this is the one part
 * that changes the store: the reads' kept values are dropped through `readCaches`.
 */
import type { AddResult, AnalyzedArticle, DigestFeatures } from '../article-store.js';
import type { StoryStore } from '../story-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { PlaceStore, ReplacedPlaces } from '../place-store.js';
import type { DigestFeatureStore } from '../digest-feature-store.js';
import type { Synchronous } from '../synchronous.js';
import { articleId, contentHash } from '../article-identity.js';
import { monthOf } from '../stored-rows.js';
import type { ScoredSentence } from '../../nlp/types.js';
import type { PlaceMention } from '../../geo/types.js';
import {
  createFeatureEncoder,
  digestFeaturesParams,
  type DigestFeaturesParams,
  INSERT_DAY_SHAPE,
  INSERT_DIGEST_FEATURES,
  INSERT_NEW_DIGEST_FEATURES,
  utcDay,
} from './digest-features-table.js';
import { createCounterDeltas } from './counter-deltas.js';
import { packSentences } from './packed-sentences.js';
import type { SqliteStoreContext } from './sqlite-store-context.js';

export interface SqliteArticleWrites {
  addArticles: Synchronous<StoryStore>['addArticles'];
  replaceSentences: Synchronous<StoryStore>['replaceSentences'];
  replaceQuotes: Synchronous<QuoteStore>['replaceQuotes'];
  replacePlaces: Synchronous<PlaceStore>['replacePlaces'];
  saveDigestFeatures: Synchronous<DigestFeatureStore>['saveDigestFeatures'];
}

/** What reads keep that this connection's writes make stale (its own writes do not move `PRAGMA data_version`). */
export interface SqliteReadCaches {
  /** The count of stories (sqlite-story-reads.ts). */
  forgetStoryCount: () => void;
  /** The stories per place (sqlite-place-reads.ts). */
  forgetPlaceCounts: () => void;
}

export function createSqliteArticleWrites(ctx: SqliteStoreContext, readCaches: SqliteReadCaches): SqliteArticleWrites {
  const { db, noteOwnWrite, quoteTable, trendCounts } = ctx;
  const { forgetStoryCount, forgetPlaceCounts } = readCaches;
  const q = {
    byUrl: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE url = ?'),
    byHash: db.prepare<[string], { id: string }>('SELECT id FROM articles WHERE content_hash = ?'),
    // Positional parameters in the hot inserts of addArticles: binding by name looks each one up in the
    // object given (and the object is built first), a third of a quote's or place's insert.
    insert: db.prepare<
      [
        id: string,
        source: string,
        published: string,
        publishedMs: number,
        publishedZone: string | null,
        editor: string | null,
        datelinePlace: string | null,
        headline: string,
        headlineDerived: number,
        caption: string | null,
        captionCredit: string | null,
        body: string,
        url: string | null,
        contentHash: string,
        origin: string,
        ingestedAt: string,
      ]
    >(`
      INSERT INTO articles (id, source, published, published_ms, published_zone, editor, dateline_place, headline,
        headline_derived, caption, caption_credit, body, url, content_hash, origin, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertFts: db.prepare('INSERT INTO articles_fts (rowid, headline, body) VALUES (?, ?, ?)'),
    insertHeadlineFts: db.prepare('INSERT INTO headlines_fts (rowid, headline) VALUES (?, ?)'),
    insertSentences: db.prepare('INSERT INTO article_sentences (article_rowid, packed) VALUES (?, ?)'),
    insertPlace: db.prepare<
      [
        rowid: number,
        start: number,
        end: number,
        name: string,
        geonameId: number | null,
        countryCode: string | null,
        lat: number | null,
        lon: number | null,
      ]
    >(`
      INSERT OR IGNORE INTO places (article_rowid, start, end, name, geoname_id, country_code, lat, lon)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertDigestFeatures: db.prepare<DigestFeaturesParams>(INSERT_DIGEST_FEATURES),
    insertNewDigestFeatures: db.prepare<DigestFeaturesParams>(INSERT_NEW_DIGEST_FEATURES),
    insertDayShape: db.prepare<[number, string]>(INSERT_DAY_SHAPE),
    countPlaceStory: db.prepare<[number, number]>(
      'INSERT INTO place_story_counts (geoname_id, stories) VALUES (?, ?) ON CONFLICT (geoname_id) DO UPDATE SET stories = stories + excluded.stories',
    ),
    countPlaceMonth: db.prepare<[number, number, number]>(
      'INSERT INTO place_month_counts (geoname_id, month, stories) VALUES (?, ?, ?) ON CONFLICT (geoname_id, month) DO UPDATE SET stories = stories + excluded.stories',
    ),
    rowidOf: db.prepare<[string], { rowid: number; published: string; published_ms: number }>(
      'SELECT rowid, published, published_ms FROM articles WHERE id = ?',
    ),
    // The sentence splitter's version of each story (`dateline reanalyze`), as the places' below.
    markSentenceVersion: db.prepare<[number, number]>(
      'INSERT INTO sentence_analysis (article_rowid, version) VALUES (?, ?) ON CONFLICT (article_rowid) DO UPDATE SET version = excluded.version',
    ),
    replaceSentences: db.prepare<[number, string]>(
      'INSERT INTO article_sentences (article_rowid, packed) VALUES (?, ?) ON CONFLICT (article_rowid) DO UPDATE SET packed = excluded.packed',
    ),
    forgetPlaceVersion: db.prepare<[number]>('DELETE FROM place_analysis WHERE article_rowid = ?'),
    // The place recognizer's version of each story (`dateline reanalyze`), and what replacing a story's places reads.
    markPlaceVersion: db.prepare<[number, number]>(
      'INSERT INTO place_analysis (article_rowid, version) VALUES (?, ?) ON CONFLICT (article_rowid) DO UPDATE SET version = excluded.version',
    ),
    placeIdsOf: db
      .prepare<[number], number>('SELECT DISTINCT geoname_id FROM places WHERE article_rowid = ? AND geoname_id IS NOT NULL')
      .pluck(true),
    deletePlaces: db.prepare<[number]>('DELETE FROM places WHERE article_rowid = ?'),
    featureTermsOf: db.prepare<[number], Buffer>('SELECT terms FROM digest_features WHERE article_rowid = ?').pluck(true),
    dropEmptyPlaceStory: db.prepare<[number]>('DELETE FROM place_story_counts WHERE geoname_id = ? AND stories <= 0'),
    dropEmptyPlaceMonth: db.prepare<[number, number]>('DELETE FROM place_month_counts WHERE geoname_id = ? AND month = ? AND stories <= 0'),
  };

  const featureEncoder = createFeatureEncoder(db);
  // Counters bumped story after story within one transaction, written once per key at its end
  // (counter-deltas.ts): a chunk's stories share most terms, places, months and speakers.
  const placeStories = createCounterDeltas<[number]>();
  const placeMonths = createCounterDeltas<[number, number]>();
  // (day, shape) pairs this transaction already wrote: INSERT OR IGNORE would ignore them again
  let dayShapesWritten = new Set<string>();

  /** Start a write transaction's counters afresh (what a rolled-back one gathered is dropped). */
  function beginCounts(): void {
    featureEncoder.dropCounts();
    quoteTable.dropCounts();
    trendCounts.drop();
    placeStories.clear();
    placeMonths.clear();
    dayShapesWritten = new Set();
  }

  /** Write the counters gathered by this transaction (its last statements). */
  function flushCounts(): void {
    featureEncoder.flushCounts();
    quoteTable.flushCounts();
    trendCounts.flush();
    placeStories.flush(([geonameId], n) => q.countPlaceStory.run(geonameId, n));
    placeMonths.flush(([geonameId, month], n) => q.countPlaceMonth.run(geonameId, month, n));
    dayShapesWritten = new Set();
  }

  function saveFeatures(rowid: number, publishedMs: number, features: DigestFeatures, isNew = false): void {
    (isNew ? q.insertNewDigestFeatures : q.insertDigestFeatures).run(...digestFeaturesParams(rowid, featureEncoder.encode(features)));
    const day = utcDay(publishedMs);
    for (const shape of features.shapes) {
      const key = `${day} ${shape}`;
      if (dayShapesWritten.has(key)) continue;
      dayShapesWritten.add(key);
      q.insertDayShape.run(day, shape);
    }
  }

  /** A story's places (inside the caller's transaction); returns the distinct gazetteer ids it mentions. */
  function insertPlaces(rowid: number, places: readonly PlaceMention[], version: number | undefined): Set<number> {
    const placeIds = new Set<number>();
    for (const place of places) {
      const inserted = q.insertPlace.run(
        rowid,
        place.start,
        place.end,
        place.name,
        place.geonameId,
        place.countryCode,
        place.lat,
        place.lon,
      );
      if (inserted.changes > 0 && place.geonameId !== null) placeIds.add(place.geonameId);
    }
    if (version !== undefined) q.markPlaceVersion.run(rowid, version);
    return placeIds;
  }

  /** One story more (`by` 1) or less (-1) for each place in the per-place and per-month counts. */
  function countPlaces(placeIds: Iterable<number>, month: number, by: 1 | -1): void {
    for (const geonameId of placeIds) {
      placeStories.add(geonameId, [geonameId], by);
      placeMonths.add(`${geonameId} ${month}`, [geonameId, month], by);
    }
  }

  /**
   * Stored stories' places found again (`dateline reanalyze`): each story's old places are uncounted
   * and deleted, the new ones inserted and counted, and its digest features (made from its places)
   * replaced, its terms' story counts moving with them; counts no story holds any more are deleted.
   */
  const replacePlaces = db.transaction((items: readonly ReplacedPlaces[], version: number): number => {
    beginCounts();
    const emptied: { geonameId: number; month: number; day: number }[] = [];
    let done = 0;
    for (const { id, places, digest } of items) {
      const row = q.rowidOf.get(id);
      if (!row) continue; // deleted meanwhile
      const month = monthOf(row.published);
      const day = utcDay(row.published_ms);
      const before = q.placeIdsOf.all(row.rowid);
      countPlaces(before, month, -1);
      trendCounts.addStory(day, before, [], -1);
      for (const geonameId of before) emptied.push({ geonameId, month, day });
      q.deletePlaces.run(row.rowid);
      const after = insertPlaces(row.rowid, places, version);
      countPlaces(after, month, 1);
      trendCounts.addStory(day, after, []);
      const oldTerms = q.featureTermsOf.get(row.rowid);
      if (oldTerms) featureEncoder.uncount(oldTerms);
      saveFeatures(row.rowid, row.published_ms, digest);
      done++;
    }
    flushCounts();
    for (const { geonameId, month } of emptied) {
      q.dropEmptyPlaceStory.run(geonameId);
      q.dropEmptyPlaceMonth.run(geonameId, month);
    }
    trendCounts.dropEmptyPlaceDays(emptied.map((e) => [e.geonameId, e.day] as const));
    if (done > 0) {
      noteOwnWrite();
      forgetPlaceCounts();
    }
    return done;
  });

  /** Stored stories' sentences split again (`dateline reanalyze`), their places marked stale (they were read from the old ones). */
  const replaceSentences = db.transaction(
    (items: readonly { id: string; sentences: readonly ScoredSentence[] }[], version: number): number => {
      let done = 0;
      for (const { id, sentences } of items) {
        const row = q.rowidOf.get(id);
        if (!row) continue; // deleted meanwhile
        q.replaceSentences.run(row.rowid, packSentences(sentences));
        q.markSentenceVersion.run(row.rowid, version);
        q.forgetPlaceVersion.run(row.rowid);
        done++;
      }
      if (done > 0) noteOwnWrite();
      return done;
    },
  );

  const addArticles = db.transaction((items: readonly AnalyzedArticle[]): AddResult => {
    beginCounts();
    const result: AddResult = { added: [], duplicates: [] };
    const ingestedAt = new Date().toISOString();
    for (const { article, analysis, ingestedAt: kept } of items) {
      const hash = contentHash(article.body);
      const existing = (article.url ? q.byUrl.get(article.url) : undefined) ?? q.byHash.get(hash);
      if (existing) {
        result.duplicates.push(existing.id);
        continue;
      }
      const id = articleId(article.url, hash);
      const publishedMs = Date.parse(article.published);
      const info = q.insert.run(
        id,
        article.source,
        article.published,
        publishedMs,
        article.publishedZone,
        article.editor,
        article.datelinePlace,
        article.headline,
        article.headlineDerived ? 1 : 0,
        article.caption,
        article.captionCredit,
        article.body,
        article.url,
        hash,
        article.origin,
        kept ?? ingestedAt,
      );
      const rowid = Number(info.lastInsertRowid);
      q.insertFts.run(rowid, article.headline, article.body);
      q.insertHeadlineFts.run(rowid, article.headline);
      q.insertSentences.run(rowid, packSentences(analysis.sentences));
      if (analysis.sentencesVersion !== undefined) q.markSentenceVersion.run(rowid, analysis.sentencesVersion);
      // Features are digest/'s to compute; a story given without them gets them when a digest reads it.
      if (analysis.digest) saveFeatures(rowid, publishedMs, analysis.digest, true);
      const storySpeakers = quoteTable.insert(rowid, publishedMs, analysis.quotes, analysis.quotesVersion);
      const placeIds = insertPlaces(rowid, analysis.places, analysis.placesVersion);
      countPlaces(placeIds, monthOf(article.published), 1);
      trendCounts.addStory(utcDay(publishedMs), placeIds, storySpeakers);
      result.added.push(id);
    }
    flushCounts();
    if (result.added.length > 0) {
      noteOwnWrite();
      forgetPlaceCounts();
      forgetStoryCount();
    }
    return result;
  });

  const saveDigestFeatures = db.transaction((items: readonly { id: string; features: DigestFeatures }[]) => {
    beginCounts();
    for (const { id, features } of items) {
      const row = q.rowidOf.get(id);
      if (row) saveFeatures(row.rowid, row.published_ms, features);
    }
    flushCounts();
    if (items.length > 0) noteOwnWrite();
  });

  return {
    addArticles: (items) => addArticles.immediate(items),
    // IMMEDIATE, as replacePlaces below: a bot writing at the same time waits instead of failing
    replaceSentences: (items, version) => replaceSentences.immediate(items, version),
    replaceQuotes: (items, version) => {
      const n = quoteTable.replace(items, version);
      if (n > 0) noteOwnWrite();
      return n;
    },
    // IMMEDIATE: take the write lock up front, so a bot writing at the same time waits (busy_timeout) instead of failing
    replacePlaces: (items, version) => replacePlaces.immediate(items, version),
    saveDigestFeatures: (items) => saveDigestFeatures.immediate(items),
  };
}
