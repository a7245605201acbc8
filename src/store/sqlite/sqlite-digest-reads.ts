/**
 * The SQLite store's reads for the digest (DigestFeatureStore): each candidate story's features stored
 * at ingest, the details of those shown, headline shapes per span and day, how many stories hold each
 * term, and the stories whose features are still owed (the backfill). Saving features is the write
 * path's (sqlite-article-writes.ts). Separate because only the digest reads these tables.
 */
import type { DigestCandidate, DigestDetails, StoryForFeatures } from '../article-store.js';
import type { DigestFeatureStore } from '../digest-feature-store.js';
import type { Synchronous } from '../synchronous.js';
import { decodeShapes, decodeTerms, utcDay } from './digest-features-table.js';
import { unpackSentenceScores } from './packed-sentences.js';
import type { FeatureSourceRow } from './sqlite-rows.js';
import type { SqliteStoreContext } from './sqlite-store-context.js';

/** A story without features (stored by older code) has nulls for them: `digestCandidates` repairs it. */
type CandidateRow = [
  id: string,
  headline: string,
  publishedMs: number,
  datelinePlace: string | null,
  bodyWords: number | null,
  terms: Buffer | null,
  shapes: string | null,
  rowid: number,
  source: string,
  placeTerms: number | null,
];

export interface SqliteDigestReads {
  digestCandidates: Synchronous<DigestFeatureStore>['digestCandidates'];
  digestTermStories: Synchronous<DigestFeatureStore>['digestTermStories'];
  digestDetails: Synchronous<DigestFeatureStore>['digestDetails'];
  dayHeadlineShapes: Synchronous<DigestFeatureStore>['dayHeadlineShapes'];
  headlineShapesBetween: Synchronous<DigestFeatureStore>['headlineShapesBetween'];
  storiesForFeatures: Synchronous<DigestFeatureStore>['storiesForFeatures'];
  featurelessStories: Synchronous<DigestFeatureStore>['featurelessStories'];
  finishFeatureBackfill: Synchronous<DigestFeatureStore>['finishFeatureBackfill'];
}

export function createSqliteDigestReads(ctx: SqliteStoreContext): SqliteDigestReads {
  const { db, placesByRowid, countStories } = ctx;
  const q = {
    // A day's shapes as one text, one a line, split in JavaScript: a row each (a string made from each
    // by the driver) cost twice as much for a busy day's ~1,400 (read again after every write). The
    // contract promises no order (group_concat keeps none), and the digest only counts them.
    dayShapes: db.prepare<[number], string | null>('SELECT group_concat(shape, char(10)) FROM digest_day_shapes WHERE day = ?').pluck(true),
    storiesBetweenCount: db
      .prepare<[number, number], number>('SELECT COUNT(*) FROM articles WHERE published_ms >= ? AND published_ms < ?')
      .pluck(true),
    // A digest's window without bodies: a range of the covering articles_digest_window index (migration
    // 18), each row's features by rowid.
    digestCandidates: db
      .prepare<[number, number, number], CandidateRow>(
        `
        SELECT a.id, a.headline, a.published_ms, a.dateline_place, f.body_words, f.terms, f.shapes, a.rowid, a.source, f.place_terms
        FROM articles a LEFT JOIN digest_features f ON f.article_rowid = a.rowid
        WHERE a.published_ms >= ? AND a.published_ms < ? ORDER BY a.published_ms DESC, a.rowid DESC LIMIT ?`,
      )
      .raw(true),
    termStories: db.prepare<[], [id: number, stories: number]>('SELECT id, stories FROM digest_terms').raw(true),
    maxTermId: db.prepare<[], number>('SELECT COALESCE(MAX(id), 0) FROM digest_terms').pluck(true),
    digestSummaries: db
      .prepare<[string], [rowid: number, id: string, published: string, source: string, summary: string, url: string | null]>(
        `
        SELECT a.rowid, a.id, a.published, a.source, f.summary, a.url FROM articles a JOIN digest_features f ON f.article_rowid = a.rowid
        WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .raw(true),
    headlineShapes: db
      .prepare<[number, number, number], [publishedMs: number, shapes: string]>(
        `
        SELECT a.published_ms, f.shapes FROM articles a JOIN digest_features f ON f.article_rowid = a.rowid
        WHERE a.published_ms >= ? AND a.published_ms < ? ORDER BY a.published_ms DESC, a.rowid DESC LIMIT ?`,
      )
      .raw(true),
    featureSources: db
      .prepare<[string], FeatureSourceRow>(
        `
        SELECT a.rowid, a.id, a.headline, a.body, a.published, s.packed, a.dateline_place FROM articles a LEFT JOIN article_sentences s ON s.article_rowid = a.rowid
        WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .raw(true),
    featureless: db
      .prepare<[number, number], FeatureSourceRow>(
        `
        SELECT a.rowid, a.id, a.headline, a.body, a.published, s.packed, a.dateline_place FROM articles a LEFT JOIN article_sentences s ON s.article_rowid = a.rowid
        WHERE a.rowid > ? AND NOT EXISTS (SELECT 1 FROM digest_features f WHERE f.article_rowid = a.rowid) ORDER BY a.rowid LIMIT ?`,
      )
      .raw(true),
    backfillOwed: db.prepare<[], number>("SELECT COUNT(*) FROM store_flags WHERE name = 'digest-features-backfill'").pluck(true),
    finishBackfill: db.prepare("DELETE FROM store_flags WHERE name = 'digest-features-backfill'"),
  };

  function digestCandidates(from: Date, to: Date, limit: number): DigestCandidate[] {
    const rows = q.digestCandidates.all(from.getTime(), to.getTime(), limit);
    // Every row's terms decoded into one pair of arrays (views of it per row): a busy day's ~1,000
    // rows would otherwise allocate two array buffers each.
    const terms = decodeTerms(rows.map((r) => r[5] ?? Buffer.alloc(0)));
    return rows.map(([id, headline, publishedMs, datelinePlace, bodyWords, , shapes, , source, placeTerms], i) => ({
      id,
      headline,
      publishedMs,
      datelinePlace,
      source,
      bodyWords: bodyWords ?? 0,
      terms: { ids: terms[i]!.ids, counts: terms[i]!.counts, names: terms[i]!.names, places: placeTerms ?? 0 },
      shapes: decodeShapes(shapes ?? ''),
      hasFeatures: bodyWords !== null,
    }));
  }

  function digestTermStories(): { stories: number; counts: Int32Array } {
    const counts = new Int32Array(q.maxTermId.get()! + 1);
    for (const [id, stories] of q.termStories.iterate()) counts[id] = stories;
    return { stories: countStories(), counts };
  }

  /** Rows of `articles` with sentences and places, as digest/ works features out from them. */
  function toStoriesForFeatures(rows: readonly FeatureSourceRow[]): StoryForFeatures[] {
    const places = placesByRowid(rows.map((r) => r[0]));
    return rows.map(([rowid, id, headline, body, published, packed, datelinePlace]) => ({
      id,
      headline,
      body,
      published,
      datelinePlace,
      sentences: unpackSentenceScores(packed ?? '[]'),
      places: places.get(rowid) ?? [],
    }));
  }

  function digestDetails(ids: readonly string[]): Map<string, DigestDetails> {
    const details = new Map<string, DigestDetails>();
    if (ids.length === 0) return details;
    const rows = q.digestSummaries.all(JSON.stringify(ids));
    const places = placesByRowid(rows.map((r) => r[0]));
    for (const [rowid, id, published, source, summary, url] of rows)
      details.set(id, { published, source, url, summary, places: places.get(rowid) ?? [] });
    return details;
  }

  return {
    digestCandidates,
    digestTermStories,
    digestDetails,
    dayHeadlineShapes: (day) => {
      const start = utcDay(day.getTime()) * 86_400_000;
      return {
        stories: q.storiesBetweenCount.get(start, start + 86_400_000) ?? 0,
        shapes: decodeShapes(q.dayShapes.get(utcDay(day.getTime())) ?? ''),
      };
    },
    headlineShapesBetween: (from, to, limit) =>
      q.headlineShapes
        .all(from.getTime(), to.getTime(), limit)
        .map(([publishedMs, shapes]) => ({ publishedMs, shapes: decodeShapes(shapes) })),
    storiesForFeatures: (ids) => (ids.length === 0 ? [] : toStoriesForFeatures(q.featureSources.all(JSON.stringify(ids)))),
    featurelessStories: (after, limit) => {
      // Nothing owed (every store since version 6): no scan for featureless stories at each start.
      if ((q.backfillOwed.get() ?? 0) === 0) return { stories: [], next: after, owed: false };
      const rows = q.featureless.all(after, limit);
      return { stories: toStoriesForFeatures(rows), next: rows.length > 0 ? rows[rows.length - 1]![0] : after, owed: true };
    },
    finishFeatureBackfill: () => {
      q.finishBackfill.run();
    },
  };
}
