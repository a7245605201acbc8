/**
 * Stories, quotes and places as the PostgreSQL store's tables give them, and the column lists that
 * read them: what several parts of the article store (pg-article-store.ts) read the same way. Separate
 * so that a story or a place row has one shape and one conversion whichever part reads it.
 */
import type { Article } from '../article-store.js';
import type { PlaceRow as StoredPlaceRow, QuoteRow } from '../stored-rows.js';

export const ARTICLE_COLUMNS =
  'a.seq, a.id, a.source, a.published, a.published_zone, a.editor, a.dateline_place, a.headline, a.headline_derived, a.caption, a.caption_credit, a.body, a.url, a.origin, a.ingested_at';
export const SUMMARY_COLUMNS = 'a.id, a.headline, a.published, a.source, a.dateline_place, a.url';

export interface ArticleRow {
  seq: number;
  id: string;
  source: string;
  published: string;
  published_zone: string | null;
  editor: string | null;
  dateline_place: string | null;
  headline: string;
  headline_derived: boolean;
  caption: string | null;
  caption_credit: string | null;
  body: string;
  url: string | null;
  origin: string;
  ingested_at: string;
}

export interface PgQuoteRow extends QuoteRow {
  article_seq: number;
}

/** A place row with the story it belongs to (`placesBySeq` reads several stories' at once). */
export interface PlaceRow extends StoredPlaceRow {
  article_seq: number;
}

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    source: row.source,
    published: row.published,
    publishedZone: row.published_zone,
    editor: row.editor,
    datelinePlace: row.dateline_place,
    headline: row.headline,
    headlineDerived: row.headline_derived,
    caption: row.caption,
    captionCredit: row.caption_credit,
    body: row.body,
    url: row.url,
    origin: row.origin,
    ingestedAt: row.ingested_at,
  };
}
