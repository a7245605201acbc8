/**
 * Stories, quotes and places as the PostgreSQL store's tables give them, and the column lists that
 * read them: what several parts of the article store (pg-article-store.ts) read the same way. Separate
 * so that a story or a place row has one shape whichever part reads it (the conversions both backends
 * share are in stored-rows.ts).
 */
import type { PlaceRow as StoredPlaceRow, QuoteRow, StoredArticleRow } from '../stored-rows.js';

export const ARTICLE_COLUMNS =
  'a.seq, a.id, a.source, a.published, a.published_zone, a.editor, a.dateline_place, a.headline, a.headline_derived, a.caption, a.caption_credit, a.body, a.url, a.origin, a.ingested_at';
export const SUMMARY_COLUMNS = 'a.id, a.headline, a.published, a.source, a.dateline_place, a.url';

/** A story's row with its sequence number. */
export interface ArticleRow extends StoredArticleRow {
  seq: number;
  headline_derived: boolean;
}

export interface PgQuoteRow extends QuoteRow {
  article_seq: number;
}

/** A place row with the story it belongs to (`placesBySeq` reads several stories' at once). */
export interface PlaceRow extends StoredPlaceRow {
  article_seq: number;
}
