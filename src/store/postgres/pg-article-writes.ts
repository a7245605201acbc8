/**
 * Every write of the PostgreSQL article store: stories added with their sentences, quotes, places and
 * digest features, and re-analysis replacing one of those for stored stories. Each runs in one
 * transaction that also keeps what is counted from the rows (quotes per speaker, stories per place,
 * month and day, stories per digest term) and moves the data version. Separate because this is the one
 * part that changes the store: the reads' kept values are dropped through `readCaches`.
 */
import type { AddResult, DigestFeatures } from '../article-store.js';
import { articleId, contentHash } from '../article-identity.js';
import type { DigestFeatureStore } from '../digest-feature-store.js';
import type { PlaceStore, ReplacedPlaces } from '../place-store.js';
import type { QuoteStore } from '../quote-store.js';
import type { StoryStore } from '../story-store.js';
import type { PlaceMention } from '../../geo/types.js';
import { monthOf } from '../stored-rows.js';
import type { Quote, ScoredSentence } from '../../nlp/types.js';
// Pure helpers shared with the SQLite store (no driver in them): the same packing, term blobs and ranking.
import { packSentences } from '../sqlite/packed-sentences.js';
import { decodeTerms, encodeTerms, utcDay } from '../sqlite/digest-features-table.js';
import { inTransaction, type PgClient } from './pg-database.js';
import { STATS_TTL_MS, type PgStoreContext } from './pg-store-context.js';
import { countCommonWords } from './pg-word-days.js';

export interface PgArticleWrites {
  addArticles: StoryStore['addArticles'];
  replaceSentences: StoryStore['replaceSentences'];
  replaceQuotes: QuoteStore['replaceQuotes'];
  replacePlaces: PlaceStore['replacePlaces'];
  saveDigestFeatures: DigestFeatureStore['saveDigestFeatures'];
}

/** What reads keep that a write makes stale before the data version says so. */
export interface PgReadCaches {
  /** The lexemes whose stories are kept as bits (pg-text-search.ts): ingest may choose more. */
  forgetCountedLexemes: () => void;
  /** The stories per place (pg-place-reads.ts): replacing places moves them. */
  forgetPlaceCounts: () => void;
}

export function createPgArticleWrites(ctx: PgStoreContext, readCaches: PgReadCaches): PgArticleWrites {
  const { pool } = ctx;
  const { forgetCountedLexemes, forgetPlaceCounts } = readCaches;
  const termIds = new Map<string, number>();
  let commonWordsAt = 0;

  async function idsOfTerms(client: PgClient, terms: readonly string[]): Promise<Map<string, number>> {
    const missing = [...new Set(terms)].filter((t) => !termIds.has(t));
    if (missing.length > 0) {
      await client.query('INSERT INTO digest_terms (term) SELECT unnest($1::text[]) ON CONFLICT (term) DO NOTHING', [missing]);
      const { rows } = await client.query<{ id: number; term: string }>('SELECT id, term FROM digest_terms WHERE term = ANY($1::text[])', [
        missing,
      ]);
      if (termIds.size > 500_000) termIds.clear();
      for (const r of rows) termIds.set(r.term, r.id);
    }
    return termIds;
  }

  async function saveFeatures(
    client: PgClient,
    batch: readonly { seq: number; publishedMs: number; features: DigestFeatures }[],
  ): Promise<void> {
    // One row per story (the last given wins): an upsert may not touch a row twice.
    const items = [...new Map(batch.map((i) => [i.seq, i])).values()];
    if (items.length === 0) return;
    const ids = await idsOfTerms(
      client,
      items.flatMap((i) => i.features.terms.map(([t]) => t)),
    );
    // Stories per term (digestTermStories): a story whose features are replaced stops counting for its old terms.
    // Rows locked first, so two writers replacing one story's features do not both uncount its old terms.
    const { rows: old } = await client.query<{ terms: Buffer }>(
      'SELECT terms FROM digest_features WHERE article_seq = ANY($1::bigint[]) FOR UPDATE',
      [items.map((i) => i.seq)],
    );
    const delta = new Map<number, number>();
    for (const { ids: oldIds } of decodeTerms(old.map((r) => r.terms)))
      for (const id of new Set(oldIds)) delta.set(id, (delta.get(id) ?? 0) - 1);
    for (const i of items) for (const id of new Set(i.features.terms.map(([t]) => ids.get(t)!))) delta.set(id, (delta.get(id) ?? 0) + 1);
    // In id order: two writers touching the same terms lock their rows in the same order (no deadlock).
    const changed = [...delta.entries()].filter(([, n]) => n !== 0).sort((a, b) => a[0] - b[0]);
    await client.query(
      `INSERT INTO digest_features (article_seq, body_words, summary, terms, place_terms, shapes)
      SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::bytea[], $5::int[], $6::text[])
      ON CONFLICT (article_seq) DO UPDATE SET body_words = EXCLUDED.body_words, summary = EXCLUDED.summary, terms = EXCLUDED.terms,
        place_terms = EXCLUDED.place_terms, shapes = EXCLUDED.shapes`,
      [
        items.map((i) => i.seq),
        items.map((i) => i.features.bodyWords),
        items.map((i) => i.features.summary),
        items.map((i) => encodeTerms(i.features, (term) => ids.get(term)!)),
        items.map((i) => i.features.placeTerms),
        items.map((i) => i.features.shapes.join('\n')),
      ],
    );
    if (changed.length > 0) {
      await client.query(
        'UPDATE digest_terms t SET stories = t.stories + d.n FROM unnest($1::int[], $2::int[]) AS d(id, n) WHERE t.id = d.id',
        [changed.map(([id]) => id), changed.map(([, n]) => n)],
      );
    }
    const days: number[] = [];
    const shapes: string[] = [];
    const seen = new Set<string>();
    for (const i of items) {
      const day = utcDay(i.publishedMs);
      for (const shape of i.features.shapes) {
        const key = `${day} ${shape}`;
        if (seen.has(key)) continue;
        seen.add(key);
        days.push(day);
        shapes.push(shape);
      }
    }
    if (days.length > 0)
      await client.query('INSERT INTO digest_day_shapes (day, shape) SELECT * FROM unnest($1::int[], $2::text[]) ON CONFLICT DO NOTHING', [
        days,
        shapes,
      ]);
  }

  /**
   * Quotes of stored stories (inside the caller's transaction), with what is kept beside them: the
   * speaker counts (quote_speakers), stories per (speaker, day) and each story's analyzer version.
   * `sign` -1 uncounts quotes about to be deleted (replaceQuotes), as their insert counted them.
   */
  async function countSpeakers(
    client: PgClient,
    rows: readonly { seq: number; speaker: string }[],
    dayOfSeq: ReadonlyMap<number, number>,
    sign: 1 | -1,
  ): Promise<void> {
    const speakers = new Map<string, { speaker: string; n: number }>();
    const days = new Map<string, { key: string; day: number; n: number }>();
    const storySpeaker = new Set<string>();
    for (const { seq, speaker } of rows) {
      if (speaker === 'unknown') continue;
      const key = speaker.toLowerCase();
      const s = speakers.get(key) ?? { speaker, n: 0 };
      s.n += sign;
      speakers.set(key, s);
      if (storySpeaker.has(`${seq} ${key}`)) continue;
      storySpeaker.add(`${seq} ${key}`);
      const day = dayOfSeq.get(seq)!;
      const d = days.get(`${day} ${key}`) ?? { key, day, n: 0 };
      d.n += sign;
      days.set(`${day} ${key}`, d);
    }
    if (speakers.size > 0) {
      // Keys in one order: concurrent writers (ingest, reanalyze) lock shared count rows in the same order.
      const s = [...speakers.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      await client.query(
        `INSERT INTO quote_speakers (key, speaker, quotes) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
        ON CONFLICT (key) DO UPDATE SET quotes = quote_speakers.quotes + EXCLUDED.quotes`,
        [s.map(([key]) => key), s.map(([, v]) => v.speaker), s.map(([, v]) => v.n)],
      );
      const d = [...days.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.day - b.day));
      await client.query(
        `INSERT INTO speaker_day_counts (key, day, stories) SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
        ON CONFLICT (key, day) DO UPDATE SET stories = speaker_day_counts.stories + EXCLUDED.stories`,
        [d.map((x) => x.key), d.map((x) => x.day), d.map((x) => x.n)],
      );
      if (sign < 0) {
        await client.query('DELETE FROM quote_speakers WHERE key = ANY($1::text[]) AND quotes <= 0', [[...speakers.keys()]]);
        await client.query('DELETE FROM speaker_day_counts WHERE key = ANY($1::text[]) AND stories <= 0', [[...speakers.keys()]]);
      }
    }
  }

  async function insertQuotes(
    client: PgClient,
    stories: readonly { seq: number; quotes: readonly Quote[]; version: number | undefined }[],
    dayOfSeq: ReadonlyMap<number, number>,
  ): Promise<void> {
    const quoteRows = stories.flatMap(({ seq, quotes }) => quotes.map((q) => ({ seq, q })));
    if (quoteRows.length > 0) {
      const { rows: added } = await client.query<{ article_seq: number; speaker: string }>(
        `INSERT INTO quotes (article_seq, start, "end", kind, text, speaker, speaker_start, speaker_end, speaker_description, verb, resolved_name, resolved_start, resolved_end, published_ms)
        SELECT u.*, a.published_ms
        FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[])
          AS u (seq, start, "end", kind, text, speaker, speaker_start, speaker_end, speaker_description, verb, resolved_name, resolved_start, resolved_end)
        JOIN articles a ON a.seq = u.seq
        ON CONFLICT DO NOTHING RETURNING article_seq, speaker`,
        [
          quoteRows.map((r) => r.seq),
          quoteRows.map((r) => r.q.start),
          quoteRows.map((r) => r.q.end),
          quoteRows.map((r) => r.q.kind),
          quoteRows.map((r) => r.q.text),
          quoteRows.map((r) => r.q.speaker),
          quoteRows.map((r) => r.q.speakerMention?.start ?? null),
          quoteRows.map((r) => r.q.speakerMention?.end ?? null),
          quoteRows.map((r) => r.q.speakerDescription),
          quoteRows.map((r) => r.q.verb),
          quoteRows.map((r) => r.q.speakerResolved?.name ?? null),
          quoteRows.map((r) => r.q.speakerResolved?.start ?? null),
          quoteRows.map((r) => r.q.speakerResolved?.end ?? null),
        ],
      );
      await countSpeakers(
        client,
        added.map((r) => ({ seq: r.article_seq, speaker: r.speaker })),
        dayOfSeq,
        1,
      );
    }
    const versioned = stories.filter((s): s is typeof s & { version: number } => s.version !== undefined);
    if (versioned.length > 0) {
      await client.query(
        `INSERT INTO quote_analysis (article_seq, version) SELECT * FROM unnest($1::bigint[], $2::int[])
        ON CONFLICT (article_seq) DO UPDATE SET version = EXCLUDED.version`,
        [versioned.map((s) => s.seq), versioned.map((s) => s.version)],
      );
    }
  }

  async function addArticles(items: Parameters<StoryStore['addArticles']>[0]): Promise<AddResult> {
    const result = await insertArticles(items);
    // Words grown common as stories came in get their stories kept as bits (pg-word-days.ts; the
    // statistics read again at most every STATS_TTL_MS). The stories are stored whatever becomes of
    // this: a failure is tried again at the next add, and /trend about: reads those words' matches meanwhile.
    if (result.added.length > 0 && Date.now() - commonWordsAt > STATS_TTL_MS) {
      commonWordsAt = Date.now();
      await countCommonWords(pool).then(
        (added) => {
          if (added > 0) forgetCountedLexemes();
        },
        () => {
          commonWordsAt = 0;
        },
      );
    }
    return result;
  }

  async function insertArticles(items: Parameters<StoryStore['addArticles']>[0]): Promise<AddResult> {
    return inTransaction(pool, async (client) => {
      // One writer at a time, as SQLite's IMMEDIATE transaction: two processes ingesting the same story
      // must not both find it new (the loser's batch would fail on the unique index).
      await client.query('LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE');
      const result: AddResult = { added: [], duplicates: [] };
      const hashes = items.map((i) => contentHash(i.article.body));
      const urls = items.map((i) => i.article.url).filter((u): u is string => u !== null);
      const { rows: existing } = await client.query<{ id: string; url: string | null; content_hash: string }>(
        'SELECT id, url, content_hash FROM articles WHERE url = ANY($1::text[]) OR content_hash = ANY($2::text[])',
        [urls, hashes],
      );
      const byUrl = new Map<string, string>();
      const byHash = new Map<string, string>();
      for (const r of existing) {
        if (r.url) byUrl.set(r.url, r.id);
        byHash.set(r.content_hash, r.id);
      }
      const fresh: { index: number; id: string }[] = [];
      items.forEach(({ article }, index) => {
        const hash = hashes[index]!;
        const known = (article.url ? byUrl.get(article.url) : undefined) ?? byHash.get(hash);
        if (known) {
          result.duplicates.push(known);
          return;
        }
        const id = articleId(article.url, hash);
        if (article.url) byUrl.set(article.url, id);
        byHash.set(hash, id);
        fresh.push({ index, id });
      });
      if (fresh.length === 0) return result;
      const ingestedAt = new Date().toISOString();
      const col = <T>(f: (i: number) => T): T[] => fresh.map(({ index }) => f(index));
      const art = (i: number) => items[i]!.article;
      const { rows: inserted } = await client.query<{ seq: number; id: string }>(
        `INSERT INTO articles (id, source, published, published_ms, published_zone, editor, dateline_place, headline, headline_derived,
          caption, caption_credit, body, url, content_hash, origin, ingested_at, packed)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[],
          $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
        RETURNING seq, id`,
        [
          fresh.map((f) => f.id),
          col((i) => art(i).source),
          col((i) => art(i).published),
          col((i) => Date.parse(art(i).published)),
          col((i) => art(i).publishedZone),
          col((i) => art(i).editor),
          col((i) => art(i).datelinePlace),
          col((i) => art(i).headline),
          col((i) => art(i).headlineDerived),
          col((i) => art(i).caption),
          col((i) => art(i).captionCredit),
          col((i) => art(i).body),
          col((i) => art(i).url),
          col((i) => hashes[i]!),
          col((i) => art(i).origin),
          col((i) => items[i]!.ingestedAt ?? ingestedAt),
          col((i) => packSentences(items[i]!.analysis.sentences)),
        ],
      );
      const seqOf = new Map(inserted.map((r) => [r.id, r.seq]));
      const versioned = fresh.filter(({ index }) => items[index]!.analysis.sentencesVersion !== undefined);
      if (versioned.length > 0)
        await client.query('INSERT INTO sentence_analysis (article_seq, version) SELECT * FROM unnest($1::bigint[], $2::int[])', [
          versioned.map(({ id }) => seqOf.get(id)!),
          versioned.map(({ index }) => items[index]!.analysis.sentencesVersion!),
        ]);
      // Quotes and places of the batch, each in one statement; counts kept as SQLite keeps them.
      const dayOfSeq = new Map(fresh.map(({ index, id }) => [seqOf.get(id)!, utcDay(Date.parse(items[index]!.article.published))]));
      await insertQuotes(
        client,
        fresh.map(({ index, id }) => ({
          seq: seqOf.get(id)!,
          quotes: items[index]!.analysis.quotes,
          version: items[index]!.analysis.quotesVersion,
        })),
        dayOfSeq,
      );
      await insertPlaces(
        client,
        fresh.map(({ index, id }) => ({
          seq: seqOf.get(id)!,
          places: items[index]!.analysis.places,
          version: items[index]!.analysis.placesVersion,
        })),
        new Map(fresh.map(({ index, id }) => [seqOf.get(id)!, monthOf(items[index]!.article.published)])),
        dayOfSeq,
      );
      await saveFeatures(
        client,
        fresh.flatMap(({ index, id }) => {
          const digest = items[index]!.analysis.digest;
          return digest ? [{ seq: seqOf.get(id)!, publishedMs: Date.parse(items[index]!.article.published), features: digest }] : [];
        }),
      );
      await client.query("SELECT nextval('data_version')");
      result.added.push(...fresh.map((f) => f.id));
      return result;
    });
  }

  /**
   * Places of stored stories (inside the caller's transaction), counted per place, month and day, and
   * each story's recognizer version.
   */
  async function insertPlaces(
    client: PgClient,
    stories: readonly { seq: number; places: readonly PlaceMention[]; version: number | undefined }[],
    monthOfSeq: ReadonlyMap<number, number>,
    dayOfSeq: ReadonlyMap<number, number>,
  ): Promise<void> {
    const placeRows = stories.flatMap(({ seq, places }) => places.map((p) => ({ seq, p })));
    if (placeRows.length > 0) {
      const { rows: added } = await client.query<{ article_seq: number; geoname_id: number | null }>(
        `INSERT INTO places (article_seq, start, "end", name, geoname_id, country_code, lat, lon)
        SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::int[], $6::text[], $7::float8[], $8::float8[])
        ON CONFLICT DO NOTHING RETURNING article_seq, geoname_id`,
        [
          placeRows.map((r) => r.seq),
          placeRows.map((r) => r.p.start),
          placeRows.map((r) => r.p.end),
          placeRows.map((r) => r.p.name),
          placeRows.map((r) => r.p.geonameId),
          placeRows.map((r) => r.p.countryCode),
          placeRows.map((r) => r.p.lat),
          placeRows.map((r) => r.p.lon),
        ],
      );
      await countPlaces(client, added, monthOfSeq, dayOfSeq, 1);
    }
    const versioned = stories.filter((st) => st.version !== undefined);
    if (versioned.length > 0)
      await client.query(
        `INSERT INTO place_analysis (article_seq, version) SELECT * FROM unnest($1::bigint[], $2::int[])
        ON CONFLICT (article_seq) DO UPDATE SET version = EXCLUDED.version`,
        [versioned.map((st) => st.seq), versioned.map((st) => st.version!)],
      );
  }

  /**
   * Stories per place, per (place, month) and per (place, day), from place rows: `sign` -1 uncounts the
   * rows of stories whose places are about to be replaced (replacePlaces), and deletes counts left at none.
   */
  async function countPlaces(
    client: PgClient,
    rows: readonly { article_seq: number; geoname_id: number | null }[],
    monthOfSeq: ReadonlyMap<number, number>,
    dayOfSeq: ReadonlyMap<number, number>,
    sign: 1 | -1,
  ): Promise<void> {
    const storyPlace = new Set<string>();
    const stories = new Map<number, number>();
    const months = new Map<string, number>();
    const days = new Map<string, number>();
    for (const { article_seq: seq, geoname_id: g } of rows) {
      if (g === null || storyPlace.has(`${seq} ${g}`)) continue;
      storyPlace.add(`${seq} ${g}`);
      stories.set(g, (stories.get(g) ?? 0) + sign);
      const key = `${g} ${monthOfSeq.get(seq)!}`;
      months.set(key, (months.get(key) ?? 0) + sign);
      const dayKey = `${g} ${dayOfSeq.get(seq)!}`;
      days.set(dayKey, (days.get(dayKey) ?? 0) + sign);
    }
    if (stories.size === 0) return;
    // Keys in one order: concurrent writers (ingest, reanalyze) lock shared count rows in the same order.
    const ids = [...stories.keys()].sort((a, b) => a - b);
    const pairs = (m: Map<string, number>): [number, number, number][] =>
      [...m.entries()]
        .map(([k, n]) => [...(k.split(' ').map(Number) as [number, number]), n] as [number, number, number])
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const monthRows = pairs(months);
    const dayRows = pairs(days);
    await client.query(
      `INSERT INTO place_story_counts (geoname_id, stories) SELECT * FROM unnest($1::int[], $2::int[])
      ON CONFLICT (geoname_id) DO UPDATE SET stories = place_story_counts.stories + EXCLUDED.stories`,
      [ids, ids.map((g) => stories.get(g)!)],
    );
    await client.query(
      `INSERT INTO place_month_counts (geoname_id, month, stories) SELECT * FROM unnest($1::int[], $2::int[], $3::int[])
      ON CONFLICT (geoname_id, month) DO UPDATE SET stories = place_month_counts.stories + EXCLUDED.stories`,
      [monthRows.map((r) => r[0]), monthRows.map((r) => r[1]), monthRows.map((r) => r[2])],
    );
    await client.query(
      `INSERT INTO place_day_counts (geoname_id, day, stories) SELECT * FROM unnest($1::int[], $2::int[], $3::int[])
      ON CONFLICT (geoname_id, day) DO UPDATE SET stories = place_day_counts.stories + EXCLUDED.stories`,
      [dayRows.map((r) => r[0]), dayRows.map((r) => r[1]), dayRows.map((r) => r[2])],
    );
    if (sign > 0) return;
    await client.query('DELETE FROM place_story_counts WHERE geoname_id = ANY($1::int[]) AND stories <= 0', [ids]);
    await client.query(
      'DELETE FROM place_month_counts c USING unnest($1::int[], $2::int[]) AS k(g, m) WHERE c.geoname_id = k.g AND c.month = k.m AND c.stories <= 0',
      [monthRows.map((r) => r[0]), monthRows.map((r) => r[1])],
    );
    await client.query(
      'DELETE FROM place_day_counts c USING unnest($1::int[], $2::int[]) AS k(g, d) WHERE c.geoname_id = k.g AND c.day = k.d AND c.stories <= 0',
      [dayRows.map((r) => r[0]), dayRows.map((r) => r[1])],
    );
  }

  /**
   * Replaces stored stories' places and their digest features and marks them `version`, in one
   * transaction: the counts per place, month and day drop the old places and count the new ones.
   */
  async function replacePlaces(items: readonly ReplacedPlaces[], version: number): Promise<number> {
    if (items.length === 0) return 0;
    return inTransaction(pool, async (client) => {
      const { rows: found } = await client.query<{ seq: number; id: string; published: string; published_ms: number }>(
        'SELECT seq, id, published, published_ms FROM articles WHERE id = ANY($1::text[]) ORDER BY seq FOR UPDATE',
        [items.map((i) => i.id)],
      );
      if (found.length === 0) return 0; // deleted meanwhile
      const byId = new Map(found.map((r) => [r.id, r]));
      // The last given for a story wins, as replacing one story twice in order would.
      const stories = [...new Map(items.flatMap((i) => (byId.has(i.id) ? [[byId.get(i.id)!.seq, i] as const] : []))).entries()];
      const seqs = stories.map(([seq]) => seq);
      const monthOfSeq = new Map(found.map((r) => [r.seq, monthOf(r.published)]));
      const msOfSeq = new Map(found.map((r) => [r.seq, Number(r.published_ms)]));
      const dayOfSeq = new Map(found.map((r) => [r.seq, utcDay(Number(r.published_ms))]));
      const { rows: old } = await client.query<{ article_seq: number; geoname_id: number | null }>(
        'DELETE FROM places WHERE article_seq = ANY($1::bigint[]) RETURNING article_seq, geoname_id',
        [seqs],
      );
      await countPlaces(client, old, monthOfSeq, dayOfSeq, -1);
      await insertPlaces(
        client,
        stories.map(([seq, item]) => ({ seq, places: item.places, version })),
        monthOfSeq,
        dayOfSeq,
      );
      await saveFeatures(
        client,
        stories.map(([seq, item]) => ({ seq, publishedMs: msOfSeq.get(seq)!, features: item.digest })),
      );
      await client.query("SELECT nextval('data_version')");
      forgetPlaceCounts();
      return stories.length;
    });
  }

  /** Stored stories' sentences split again (`dateline reanalyze`), their places marked stale (they were read from the old ones). */
  async function replaceSentences(
    items: readonly { id: string; sentences: readonly ScoredSentence[] }[],
    version: number,
  ): Promise<number> {
    if (items.length === 0) return 0;
    return inTransaction(pool, async (client) => {
      // The last given for a story wins, as replacing one story twice in order would.
      const last = [...new Map(items.map((i) => [i.id, i])).values()];
      const { rows } = await client.query<{ seq: number }>(
        `UPDATE articles a SET packed = n.packed FROM unnest($1::text[], $2::text[]) AS n (id, packed) WHERE a.id = n.id RETURNING a.seq`,
        [last.map((i) => i.id), last.map((i) => packSentences(i.sentences))],
      );
      if (rows.length === 0) return 0; // deleted meanwhile
      const seqs = rows.map((r) => r.seq);
      await client.query(
        `INSERT INTO sentence_analysis (article_seq, version) SELECT s, $2 FROM unnest($1::bigint[]) AS s
        ON CONFLICT (article_seq) DO UPDATE SET version = EXCLUDED.version`,
        [seqs, version],
      );
      await client.query('DELETE FROM place_analysis WHERE article_seq = ANY($1::bigint[])', [seqs]);
      await client.query("SELECT nextval('data_version')");
      return rows.length;
    });
  }

  /**
   * Replaces stored stories' quotes and marks them `version`, in one transaction: the speaker counts and
   * stories per (speaker, day) drop the old quotes' speakers and count the new ones.
   */
  async function replaceQuotes(items: readonly { id: string; quotes: Quote[] }[], version: number): Promise<number> {
    if (items.length === 0) return 0;
    return inTransaction(pool, async (client) => {
      const { rows: found } = await client.query<{ seq: number; id: string; published_ms: number }>(
        'SELECT seq, id, published_ms FROM articles WHERE id = ANY($1::text[]) ORDER BY seq FOR UPDATE',
        [items.map((i) => i.id)],
      );
      if (found.length === 0) return 0; // deleted meanwhile
      const byId = new Map(found.map((r) => [r.id, r.seq]));
      // The last given for a story wins, as replacing one story twice in order would.
      const stories = [...new Map(items.flatMap((i) => (byId.has(i.id) ? [[byId.get(i.id)!, i.quotes] as const] : []))).entries()];
      const seqs = stories.map(([seq]) => seq);
      const dayOfSeq = new Map(found.map((r) => [r.seq, utcDay(r.published_ms)]));
      const { rows: old } = await client.query<{ article_seq: number; speaker: string }>(
        'DELETE FROM quotes WHERE article_seq = ANY($1::bigint[]) RETURNING article_seq, speaker',
        [seqs],
      );
      await countSpeakers(
        client,
        old.map((r) => ({ seq: r.article_seq, speaker: r.speaker })),
        dayOfSeq,
        -1,
      );
      await insertQuotes(
        client,
        stories.map(([seq, quotes]) => ({ seq, quotes, version })),
        dayOfSeq,
      );
      await client.query("SELECT nextval('data_version')");
      return stories.length;
    });
  }

  return {
    addArticles,
    replaceSentences,
    replaceQuotes,
    replacePlaces,
    async saveDigestFeatures(items) {
      if (items.length === 0) return;
      await inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ seq: number; id: string; published_ms: number }>(
          'SELECT seq, id, published_ms FROM articles WHERE id = ANY($1::text[])',
          [items.map((i) => i.id)],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        await saveFeatures(
          client,
          items.flatMap((i) => {
            const row = byId.get(i.id);
            return row ? [{ seq: row.seq, publishedMs: row.published_ms, features: i.features }] : [];
          }),
        );
        await client.query("SELECT nextval('data_version')");
      });
    },
  };
}
