/**
 * Stories and places as the SQLite store's statements give them (keyed rows and `raw` arrays), the
 * conversions to what the store parts return, and the summary column list: what several parts of the
 * article store (sqlite-article-store.ts) read the same way. Separate so that a row has one shape and
 * one conversion whichever part reads it.
 */
import type { Article } from '../article-store.js';

export interface ArticleRow {
  rowid: number;
  id: string;
  source: string;
  published: string;
  published_zone: string | null;
  editor: string | null;
  dateline_place: string | null;
  headline: string;
  headline_derived: number;
  caption: string | null;
  caption_credit: string | null;
  body: string;
  url: string | null;
  origin: string;
  ingested_at: string;
}

/** `storiesBetween` rows, as arrays: rowid, the Article columns in `rowToArticle` order, packed sentences. */
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

/** A story of `getById` as the Article it stores. */
export function rowToArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    source: row.source,
    published: row.published,
    publishedZone: row.published_zone,
    editor: row.editor,
    datelinePlace: row.dateline_place,
    headline: row.headline,
    headlineDerived: row.headline_derived === 1,
    caption: row.caption,
    captionCredit: row.caption_credit,
    body: row.body,
    url: row.url,
    origin: row.origin,
    ingestedAt: row.ingested_at,
  };
}
