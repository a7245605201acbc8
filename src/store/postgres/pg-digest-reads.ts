/**
 * The PostgreSQL store's reads for the digest (DigestFeatureStore): each candidate story's features
 * stored at ingest, the details of those shown, headline shapes per span and day, how many stories
 * hold each term, and the stories whose features are still owed (the backfill). Saving features is
 * the write path's (pg-article-writes.ts). Separate because only the digest reads these tables.
 */
import type { DigestCandidate, DigestDetails, StoryForFeatures } from '../article-store.js';
import type { DigestFeatureStore } from '../digest-feature-store.js';
import { unpackSentenceScores } from '../sqlite/packed-sentences.js';
import { decodeShapes, decodeTerms, utcDay } from '../sqlite/digest-features-table.js';
import { placesBySeq } from './pg-place-reads.js';
import type { PgStoreContext } from './pg-store-context.js';

export interface PgDigestReads {
  digestCandidates: DigestFeatureStore['digestCandidates'];
  digestDetails: DigestFeatureStore['digestDetails'];
  headlineShapesBetween: DigestFeatureStore['headlineShapesBetween'];
  dayHeadlineShapes: DigestFeatureStore['dayHeadlineShapes'];
  digestTermStories: DigestFeatureStore['digestTermStories'];
  storiesForFeatures: DigestFeatureStore['storiesForFeatures'];
  featurelessStories: DigestFeatureStore['featurelessStories'];
  finishFeatureBackfill: DigestFeatureStore['finishFeatureBackfill'];
}

export function createPgDigestReads(ctx: PgStoreContext): PgDigestReads {
  const { pool } = ctx;

  type FeatureSourceRow = {
    seq: number;
    id: string;
    headline: string;
    body: string;
    published: string;
    packed: string;
    dateline_place: string | null;
  };
  async function toStoriesForFeatures(rows: readonly FeatureSourceRow[]): Promise<StoryForFeatures[]> {
    const places = await placesBySeq(
      pool,
      rows.map((r) => r.seq),
    );
    return rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      body: r.body,
      published: r.published,
      datelinePlace: r.dateline_place,
      sentences: unpackSentenceScores(r.packed),
      places: places.get(r.seq) ?? [],
    }));
  }

  async function digestTermStories(): Promise<{ stories: number; counts: Int32Array }> {
    const [terms, count] = await Promise.all([
      pool.query<{ id: number; stories: number }>('SELECT id, stories FROM digest_terms'),
      pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM articles'),
    ]);
    let max = 0;
    for (const { id } of terms.rows) if (id > max) max = id;
    const counts = new Int32Array(max + 1);
    for (const { id, stories } of terms.rows) counts[id] = stories;
    return { stories: count.rows[0]!.n, counts };
  }

  return {
    async digestCandidates(from, to, limit): Promise<DigestCandidate[]> {
      const { rows } = await pool.query<{
        id: string;
        headline: string;
        published_ms: number;
        dateline_place: string | null;
        source: string;
        body_words: number | null;
        terms: Buffer | null;
        place_terms: number | null;
        shapes: string | null;
      }>(
        `SELECT a.id, a.headline, a.published_ms, a.dateline_place, a.source, f.body_words, f.terms, f.place_terms, f.shapes
          FROM articles a LEFT JOIN digest_features f ON f.article_seq = a.seq
          WHERE a.published_ms >= $1 AND a.published_ms < $2 ORDER BY a.published_ms DESC, a.seq DESC LIMIT $3`,
        [from.getTime(), to.getTime(), limit],
      );
      const terms = decodeTerms(rows.map((r) => r.terms ?? Buffer.alloc(0)));
      return rows.map((r, i) => ({
        id: r.id,
        headline: r.headline,
        publishedMs: r.published_ms,
        datelinePlace: r.dateline_place,
        source: r.source,
        bodyWords: r.body_words ?? 0,
        terms: { ...terms[i]!, places: r.place_terms ?? 0 },
        shapes: decodeShapes(r.shapes ?? ''),
        hasFeatures: r.body_words !== null,
      }));
    },
    async digestDetails(ids) {
      const details = new Map<string, DigestDetails>();
      if (ids.length === 0) return details;
      const { rows } = await pool.query<{
        seq: number;
        id: string;
        published: string;
        source: string;
        url: string | null;
        summary: string;
      }>(
        'SELECT a.seq, a.id, a.published, a.source, a.url, f.summary FROM articles a JOIN digest_features f ON f.article_seq = a.seq WHERE a.id = ANY($1::text[])',
        [ids],
      );
      const places = await placesBySeq(
        pool,
        rows.map((r) => r.seq),
      );
      for (const r of rows)
        details.set(r.id, { published: r.published, source: r.source, url: r.url, summary: r.summary, places: places.get(r.seq) ?? [] });
      return details;
    },
    async headlineShapesBetween(from, to, limit) {
      const { rows } = await pool.query<{ published_ms: number; shapes: string }>(
        `SELECT a.published_ms, f.shapes FROM articles a JOIN digest_features f ON f.article_seq = a.seq
          WHERE a.published_ms >= $1 AND a.published_ms < $2 ORDER BY a.published_ms DESC, a.seq DESC LIMIT $3`,
        [from.getTime(), to.getTime(), limit],
      );
      return rows.map((r) => ({ publishedMs: r.published_ms, shapes: decodeShapes(r.shapes) }));
    },
    async dayHeadlineShapes(day) {
      const d = utcDay(day.getTime());
      const [count, shapes] = await Promise.all([
        pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM articles WHERE published_ms >= $1 AND published_ms < $2', [
          d * 86_400_000,
          (d + 1) * 86_400_000,
        ]),
        pool.query<{ shape: string }>('SELECT shape FROM digest_day_shapes WHERE day = $1', [d]),
      ]);
      return { stories: count.rows[0]!.n, shapes: shapes.rows.map((r) => r.shape) };
    },
    digestTermStories,
    async storiesForFeatures(ids) {
      if (ids.length === 0) return [];
      const { rows } = await pool.query<FeatureSourceRow>(
        'SELECT seq, id, headline, body, published, packed, dateline_place FROM articles WHERE id = ANY($1::text[])',
        [ids],
      );
      return toStoriesForFeatures(rows);
    },
    async featurelessStories(after, limit) {
      const owed = (await pool.query("SELECT 1 FROM store_flags WHERE name = 'digest-features-backfill'")).rowCount !== 0;
      if (!owed) return { stories: [], next: after, owed: false };
      const { rows } = await pool.query<FeatureSourceRow>(
        `SELECT a.seq, a.id, a.headline, a.body, a.published, a.packed, a.dateline_place FROM articles a
          WHERE a.seq > $1 AND NOT EXISTS (SELECT 1 FROM digest_features f WHERE f.article_seq = a.seq) ORDER BY a.seq LIMIT $2`,
        [after, limit],
      );
      return { stories: await toStoriesForFeatures(rows), next: rows.length > 0 ? rows.at(-1)!.seq : after, owed: true };
    },
    async finishFeatureBackfill() {
      await pool.query("DELETE FROM store_flags WHERE name = 'digest-features-backfill'");
    },
  };
}
