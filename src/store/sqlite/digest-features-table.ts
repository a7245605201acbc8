import type { DigestFeatures } from '../article-store.js';
import type { PlaceMention } from '../../geo/types.js';
import { digestFeatures } from '../../digest/story-features.js';
import type { SqliteDatabase } from './open-database.js';
import { unpackSentenceScores } from './packed-sentences.js';

/**
 * The `digest_features` rows (one per article, see DigestFeatures): terms as a blob of their ids
 * (`digest_terms`, int32) then their counts (float64), in the story's term order (the order matters:
 * grouping sums in it); shapes one a line (a shape is lower-case words, never a line break).
 */
export interface DigestFeaturesRow {
  bodyWords: number;
  summary: string;
  terms: Buffer;
  placeTerms: number;
  shapes: string;
}

/** Term ids looked up (or given) once per process, a bounded cache in front of `digest_terms`. */
const TERM_CACHE_LIMIT = 500_000;

/**
 * Encodes a story's features for its row, giving each new term the next id and counting the story
 * in each of its terms' `stories` (how many stored stories hold the term: the store's document
 * frequencies, which tell a word every day uses from an event's word). Ids are never reused
 * or changed, so a cached id stays right whatever another connection adds.
 */
export function createFeatureEncoder(db: SqliteDatabase): (features: DigestFeatures) => DigestFeaturesRow {
  const insertTerm = db.prepare<[string]>('INSERT INTO digest_terms (term) VALUES (?) ON CONFLICT (term) DO NOTHING');
  const termId = db.prepare<[string], { id: number }>('SELECT id FROM digest_terms WHERE term = ?');
  const countStory = db.prepare<[string]>('UPDATE digest_terms SET stories = stories + 1 WHERE id IN (SELECT value FROM json_each(?))');
  const cache = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = cache.get(term);
    if (id === undefined) {
      id = termId.get(term)?.id;
      if (id === undefined) {
        insertTerm.run(term);
        id = termId.get(term)!.id;
      }
      if (cache.size >= TERM_CACHE_LIMIT) cache.clear();
      cache.set(term, id);
    }
    return id;
  };
  return (features) => {
    const n = features.terms.length;
    const terms = Buffer.allocUnsafe(n * 12);
    const ids: number[] = [];
    features.terms.forEach(([term, count], k) => {
      const id = idOf(term);
      ids.push(id);
      terms.writeInt32LE(id, k * 4);
      terms.writeDoubleLE(count, n * 4 + k * 8);
    });
    // Each row is written once per story (a story without one), so its terms' story counts go up here.
    if (ids.length > 0) countStory.run(JSON.stringify(ids));
    return { bodyWords: features.bodyWords, summary: features.summary, terms, placeTerms: features.placeTerms, shapes: features.shapes.join('\n') };
  };
}

/** Terms blobs decoded into one pair of arrays, one view of it per blob. */
export function decodeTerms(blobs: readonly Buffer[]): { ids: Int32Array; counts: Float64Array }[] {
  let total = 0;
  for (const blob of blobs) total += blob.length / 12;
  const ids = new Int32Array(total);
  const counts = new Float64Array(total);
  let at = 0;
  return blobs.map((blob) => {
    const n = blob.length / 12;
    for (let k = 0; k < n; k++) {
      ids[at + k] = blob.readInt32LE(k * 4);
      counts[at + k] = blob.readDoubleLE(n * 4 + k * 8);
    }
    at += n;
    return { ids: ids.subarray(at - n, at), counts: counts.subarray(at - n, at) };
  });
}

export function decodeShapes(shapes: string): string[] {
  return shapes === '' ? [] : shapes.split('\n');
}

/** The UTC day (days since 1970-01-01) of a time: `digest_day_shapes.day`. */
export function utcDay(ms: number): number {
  return Math.floor(ms / 86_400_000);
}

export const INSERT_DAY_SHAPE = 'INSERT OR IGNORE INTO digest_day_shapes (day, shape) VALUES (?, ?)';

export const INSERT_DIGEST_FEATURES = `
  INSERT OR REPLACE INTO digest_features (article_rowid, body_words, summary, terms, place_terms, shapes)
  VALUES (@rowid, @bodyWords, @summary, @terms, @placeTerms, @shapes)`;

type StoredPlace = Pick<PlaceMention, 'start' | 'name' | 'geonameId' | 'countryCode'>;
type BackfillRow = [rowid: number, headline: string, body: string, packed: string | null];
type BackfillPlaceRow = [articleRowid: number, start: number, name: string, geonameId: number | null, countryCode: string | null];

/** Place rows (ordered by article, then start) grouped by article. */
function placesByArticle(rows: readonly BackfillPlaceRow[]): Map<number, StoredPlace[]> {
  const places = new Map<number, StoredPlace[]>();
  for (const [rowid, start, name, geonameId, countryCode] of rows) {
    let list = places.get(rowid);
    if (!list) places.set(rowid, (list = []));
    list.push({ start, name, geonameId, countryCode });
  }
  return places;
}

/** A stored story's features, from its headline, body, packed sentences and places: what `addArticles` stores. */
function storedStoryFeatures(headline: string, body: string, packed: string | null, places: readonly StoredPlace[]): DigestFeatures {
  return digestFeatures({ headline, body }, unpackSentenceScores(packed ?? '[]'), places);
}

/** Articles read per batch: bounds memory (a batch holds its bodies) at any store size. */
const BACKFILL_BATCH = 2000;

/**
 * Digest features for every stored article that has none, from the stored body, sentences and
 * places (what `addArticles` stores from the analysis): stores made before the table upgrade on open.
 */
export function backfillDigestFeatures(db: SqliteDatabase): number {
  const batch = db
    .prepare<[number, number], BackfillRow>(`
      SELECT a.rowid, a.headline, a.body, s.packed FROM articles a LEFT JOIN article_sentences s ON s.article_rowid = a.rowid
      WHERE a.rowid > ? AND NOT EXISTS (SELECT 1 FROM digest_features f WHERE f.article_rowid = a.rowid)
      ORDER BY a.rowid LIMIT ?`)
    .raw(true);
  const placesOf = db
    .prepare<[number, number], BackfillPlaceRow>(
      'SELECT article_rowid, start, name, geoname_id, country_code FROM places WHERE article_rowid BETWEEN ? AND ? ORDER BY article_rowid, start',
    )
    .raw(true);
  const insert = db.prepare(INSERT_DIGEST_FEATURES);
  const encode = createFeatureEncoder(db);
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = batch.all(after, BACKFILL_BATCH);
    if (rows.length === 0) return done;
    const first = rows[0]![0];
    const last = rows[rows.length - 1]![0];
    const places = placesByArticle(placesOf.all(first, last));
    for (const [rowid, headline, body, packed] of rows) {
      insert.run({ rowid, ...encode(storedStoryFeatures(headline, body, packed, places.get(rowid) ?? [])) });
    }
    done += rows.length;
    after = last;
  }
}

/** `digest_day_shapes` from the stored stories' shapes (`digest_features`). */
export function backfillDayShapes(db: SqliteDatabase): void {
  const batch = db
    .prepare<[number, number], [rowid: number, publishedMs: number, shapes: string]>(`
      SELECT a.rowid, a.published_ms, f.shapes FROM articles a JOIN digest_features f ON f.article_rowid = a.rowid
      WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?`)
    .raw(true);
  const insert = db.prepare<[number, string]>(INSERT_DAY_SHAPE);
  // Each day's shapes once per batch: most repeat within a day (that is what a series is).
  for (let after = 0; ; ) {
    const rows = batch.all(after, BACKFILL_BATCH * 5);
    if (rows.length === 0) return;
    const seen = new Set<string>();
    for (const [, publishedMs, shapes] of rows) {
      const day = utcDay(publishedMs);
      for (const shape of decodeShapes(shapes)) {
        const key = `${day} ${shape}`;
        if (seen.has(key)) continue;
        seen.add(key);
        insert.run(day, shape);
      }
    }
    after = rows[rows.length - 1]![0];
  }
}

/**
 * Features and day shapes for those of the given stories that have none. A process still running
 * code from before migration 6 on an upgraded database (a second bot process during an upgrade)
 * stores stories without them, and a digest would otherwise leave those stories out.
 */
export function repairDigestFeatures(db: SqliteDatabase, rowids: readonly number[]): void {
  const list = JSON.stringify(rowids);
  const rows = db
    .prepare<[string], [rowid: number, headline: string, body: string, packed: string | null, publishedMs: number]>(`
      SELECT a.rowid, a.headline, a.body, s.packed, a.published_ms FROM articles a LEFT JOIN article_sentences s ON s.article_rowid = a.rowid
      WHERE a.rowid IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM digest_features f WHERE f.article_rowid = a.rowid)`)
    .raw(true)
    .all(list);
  const places = placesByArticle(
    db
      .prepare<[string], BackfillPlaceRow>(
        'SELECT article_rowid, start, name, geoname_id, country_code FROM places WHERE article_rowid IN (SELECT value FROM json_each(?)) ORDER BY article_rowid, start',
      )
      .raw(true)
      .all(list),
  );
  const insert = db.prepare(INSERT_DIGEST_FEATURES);
  const insertDayShape = db.prepare<[number, string]>(INSERT_DAY_SHAPE);
  const encode = createFeatureEncoder(db);
  db.transaction(() => {
    for (const [rowid, headline, body, packed, publishedMs] of rows) {
      const features = storedStoryFeatures(headline, body, packed, places.get(rowid) ?? []);
      insert.run({ rowid, ...encode(features) });
      for (const shape of features.shapes) insertDayShape.run(utcDay(publishedMs), shape);
    }
  }).immediate();
}
