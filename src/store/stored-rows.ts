import type { ScoredSentence } from '../nlp/types.js';
import type { ArticleSummary } from './article-store.js';
import { unpackSentenceScores, type PackedSentence } from './sqlite/packed-sentences.js';

/**
 * Rows as both backends read them (the same column names in SQLite and PostgreSQL) and the pure
 * steps that turn them into the store's answers: one copy, so the two stores cannot drift apart.
 */
export interface SummaryRow {
  id: string;
  headline: string;
  published: string;
  source: string;
  dateline_place: string | null;
  url: string | null;
}

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    headline: row.headline,
    published: row.published,
    source: row.source,
    datelinePlace: row.dateline_place,
    url: row.url,
  };
}

/** A sentence's text: its span of the body with whitespace squeezed. */
export function sentenceText(body: string, start: number, end: number): string {
  return body.slice(start, end).replace(/\s+/g, ' ').trim();
}

export function unpackSentences(body: string, packed: string): ScoredSentence[] {
  return unpackSentenceScores(packed).map((s) => ({ ...s, text: sentenceText(body, s.start, s.end) }));
}

/** The sentence holding a mention, else the text around it. */
export function sentenceAround(body: string, packed: string | null, at: number): string {
  // The dateline's mention lies before the body (offset -1): its sentence is the lead the dateline heads.
  const offset = Math.max(0, at);
  if (packed) {
    const hit = (JSON.parse(packed) as PackedSentence[]).find(([start, end]) => start <= offset && offset < end);
    if (hit) return sentenceText(body, hit[0], hit[1]);
  }
  return sentenceText(body, Math.max(0, offset - 120), Math.min(body.length, offset + 120));
}

/** `yyyymm` of a story's date as written (the month /where's timeline counts it in). */
export function monthOf(published: string): number {
  return Number(published.slice(0, 4)) * 100 + Number(published.slice(5, 7));
}

/** A LIKE pattern's literal text (`\` is the escape character in both backends' queries). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
