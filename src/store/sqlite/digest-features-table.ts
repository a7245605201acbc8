import type { DigestFeatures } from '../article-store.js';
import { createCounterDeltas } from './counter-deltas.js';
import type { SqliteDatabase } from './open-database.js';

/**
 * The `digest_features` rows (one per article, see DigestFeatures): terms as a blob of their ids
 * (`digest_terms`, int32), then their counts (float64), then their names (uint8; `encodeTerms`), in the
 * story's term order (the order matters: grouping sums in it); shapes one a line (a shape is
 * lower-case words, never a line break).
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

export interface FeatureEncoder {
  /** The row of a story's features; its terms' story counts wait for `flushCounts`. */
  encode(features: DigestFeatures): DigestFeaturesRow;
  /** Take a story out of the story counts of the terms of its old row (a row about to be replaced). */
  uncount(terms: Buffer): void;
  /** Add the counted stories to `digest_terms` (before the transaction that encoded them commits). */
  flushCounts(): void;
  /**
   * At a write transaction's start: drop counts gathered by one that rolled back, and forget the ids
   * the last one gave new terms (if it rolled back they are gone, and SQLite may give them to other terms).
   */
  dropCounts(): void;
}

/**
 * Encodes a story's features for its row, giving each new term the next id and counting the story
 * in each of its terms' `stories` (how many stored stories hold the term: the store's document
 * frequencies, which tell a word every day uses from an event's word). A committed id is never reused
 * or changed, so a cached id stays right whatever another connection adds; an id this connection just
 * inserted is cached only until the next transaction starts, since its transaction may have rolled back. The counts of a whole
 * transaction are added at its end, one UPDATE per distinct term (a chunk's stories share most).
 */
export function createFeatureEncoder(db: SqliteDatabase): FeatureEncoder {
  const insertTerm = db.prepare<[string]>('INSERT INTO digest_terms (term) VALUES (?) ON CONFLICT (term) DO NOTHING');
  const termId = db.prepare<[string], { id: number }>('SELECT id FROM digest_terms WHERE term = ?');
  const countStories = db.prepare<[number, number]>('UPDATE digest_terms SET stories = stories + ? WHERE id = ?');
  const counts = createCounterDeltas<[number]>();
  const cache = new Map<string, number>();
  // Terms this transaction inserted: their ids are only as real as its commit.
  let inserted: string[] = [];
  const idOf = (term: string): number => {
    let id = cache.get(term);
    if (id === undefined) {
      id = termId.get(term)?.id;
      if (id === undefined) {
        // a new term's id is the row's (INTEGER PRIMARY KEY): no second look-up
        const added = insertTerm.run(term);
        id = added.changes > 0 ? Number(added.lastInsertRowid) : termId.get(term)!.id;
        inserted.push(term);
      }
      if (cache.size >= TERM_CACHE_LIMIT) cache.clear();
      cache.set(term, id);
    }
    return id;
  };
  const encode = (features: DigestFeatures): DigestFeaturesRow => {
    const terms = encodeTerms(features, (term) => {
      const id = idOf(term);
      // Each row is written once per story (a story without one), so its terms' story counts go up here.
      counts.add(id, [id]);
      return id;
    });
    return {
      bodyWords: features.bodyWords,
      summary: features.summary,
      terms,
      placeTerms: features.placeTerms,
      shapes: features.shapes.join('\n'),
    };
  };
  return {
    encode,
    uncount: (terms) => {
      const [decoded] = decodeTerms([terms]);
      for (const id of new Set(decoded?.ids ?? [])) counts.add(id, [id], -1);
    },
    flushCounts: () => counts.flush(([id], total) => countStories.run(total, id)),
    dropCounts: () => {
      counts.clear();
      for (const term of inserted) cache.delete(term);
      inserted = [];
    },
  };
}

/** Bytes a term takes in a terms blob: its id (int32), count (float64) and name (uint8). */
const TERM_BYTES = 13;

/** A story's terms blob (both backends' `terms` column), each term given its id by `idOf`. */
export function encodeTerms(features: Pick<DigestFeatures, 'terms' | 'names'>, idOf: (term: string) => number): Buffer {
  const n = features.terms.length;
  const terms = Buffer.allocUnsafe(n * TERM_BYTES);
  features.terms.forEach(([term, count], k) => {
    terms.writeInt32LE(idOf(term), k * 4);
    terms.writeDoubleLE(count, n * 4 + k * 8);
    terms.writeUInt8(features.names[k] ?? 0, n * 12 + k);
  });
  return terms;
}

/** The blob's little-endian numbers can be viewed as typed arrays where the machine is little-endian too. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Terms blobs decoded into one set of arrays, one view of it per blob. */
export function decodeTerms(blobs: readonly Buffer[]): { ids: Int32Array; counts: Float64Array; names: Uint8Array }[] {
  let total = 0;
  let longest = 0;
  for (const blob of blobs) {
    total += blob.length / TERM_BYTES;
    longest = Math.max(longest, blob.length);
  }
  const ids = new Int32Array(total);
  const counts = new Float64Array(total);
  const names = new Uint8Array(total);
  // Ids and counts are copied whole through typed views of the blob (or of an aligned copy of it): a
  // read call per number was most of the decoding of a busy day's ~1,000 rows.
  const aligned = LITTLE_ENDIAN ? new Uint8Array(longest + 8) : null;
  let at = 0;
  return blobs.map((blob) => {
    const n = blob.length / TERM_BYTES;
    if (aligned && Number.isInteger(n)) {
      const { buffer, byteOffset } = blob;
      if (byteOffset % 8 !== 0 || n % 2 !== 0) {
        aligned.set(blob);
        ids.set(new Int32Array(aligned.buffer, 0, n), at);
        aligned.set(new Uint8Array(buffer, byteOffset + n * 4, n * 8));
        counts.set(new Float64Array(aligned.buffer, 0, n), at);
      } else {
        ids.set(new Int32Array(buffer, byteOffset, n), at);
        counts.set(new Float64Array(buffer, byteOffset + n * 4, n), at);
      }
      names.set(new Uint8Array(buffer, byteOffset + n * 12, n), at);
    } else {
      for (let k = 0; k < n; k++) {
        ids[at + k] = blob.readInt32LE(k * 4);
        counts[at + k] = blob.readDoubleLE(n * 4 + k * 8);
        names[at + k] = blob[n * 12 + k]!;
      }
    }
    at += n;
    return { ids: ids.subarray(at - n, at), counts: counts.subarray(at - n, at), names: names.subarray(at - n, at) };
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

/**
 * The row of a story stored in this transaction (its rowid is new, so no row can be in the way):
 * with foreign keys on, SQLite's REPLACE costs ~10x a plain INSERT here (~180 µs against ~17 µs a
 * story on the Reuters corpus, issue 21).
 */
export const INSERT_NEW_DIGEST_FEATURES = `
  INSERT INTO digest_features (article_rowid, body_words, summary, terms, place_terms, shapes) VALUES (?, ?, ?, ?, ?, ?)`;

/** The row of a stored story, made again (the features backfill). */
export const INSERT_DIGEST_FEATURES = `
  INSERT OR REPLACE INTO digest_features (article_rowid, body_words, summary, terms, place_terms, shapes) VALUES (?, ?, ?, ?, ?, ?)`;

/** The parameters of both inserts, in their order. */
export type DigestFeaturesParams = [rowid: number, bodyWords: number, summary: string, terms: Buffer, placeTerms: number, shapes: string];

export function digestFeaturesParams(rowid: number, row: DigestFeaturesRow): DigestFeaturesParams {
  return [rowid, row.bodyWords, row.summary, row.terms, row.placeTerms, row.shapes];
}

/** Articles read per batch: bounds memory at any store size. */
const BACKFILL_BATCH = 2000;

/** `digest_day_shapes` from the stored stories' shapes (`digest_features`). */
export function backfillDayShapes(db: SqliteDatabase): void {
  const batch = db
    .prepare<[number, number], [rowid: number, publishedMs: number, shapes: string]>(
      `
      SELECT a.rowid, a.published_ms, f.shapes FROM articles a JOIN digest_features f ON f.article_rowid = a.rowid
      WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?`,
    )
    .raw(true);
  const insert = db.prepare<[number, string]>(INSERT_DAY_SHAPE);
  // Each day's shapes once per batch: most repeat within a day (that is what a series is).
  for (let after = 0; ;) {
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
