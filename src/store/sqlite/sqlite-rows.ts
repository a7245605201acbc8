/**
 * Stories as the SQLite store's statements give them (keyed rows and `raw` arrays), the window row's
 * conversion, and the summary column list: what several parts of the article store
 * (sqlite-article-store.ts) read the same way. Separate so that a row has one shape and one conversion
 * whichever part reads it (the conversions both backends share are in stored-rows.ts).
 */
import type { Article } from '../article-store.js';
import type { StoredArticleRow } from '../stored-rows.js';

/** A story's row with its rowid. */
export interface ArticleRow extends StoredArticleRow {
  rowid: number;
  headline_derived: number;
}

/** `storiesBetween` rows, as arrays: rowid, the Article columns in `toArticle` order (stored-rows.ts), packed sentences. */
export type WindowRow = [
  rowid: number,
  id: string,
  source: string,
  published: string,
  publishedZone: string | null,
  editor: string | null,
  datelinePlace: string | null,
  headline: string,
  headlineDerived: number,
  caption: string | null,
  captionCredit: string | null,
  body: string,
  url: string | null,
  origin: string,
  ingestedAt: string,
  packed: string | null,
];
/** The Article of a `WindowRow` (the digest's window and export's pages read the same columns). */
export function articleOfWindowRow([
  ,
  id,
  source,
  published,
  publishedZone,
  editor,
  datelinePlace,
  headline,
  headlineDerived,
  caption,
  captionCredit,
  body,
  url,
  origin,
  ingestedAt,
]: WindowRow | [...WindowRow, number]): Article {
  return {
    id,
    source,
    published,
    publishedZone,
    editor,
    datelinePlace,
    headline,
    headlineDerived: headlineDerived === 1,
    caption,
    captionCredit,
    body,
    url,
    origin,
    ingestedAt,
  };
}
export type FeatureSourceRow = [
  rowid: number,
  id: string,
  headline: string,
  body: string,
  published: string,
  packed: string | null,
  datelinePlace: string | null,
];

export const SUMMARY_COLUMNS = 'a.id, a.headline, a.published, a.source, a.dateline_place, a.url';
