import type { Quote } from '../../nlp/types.js';
import type { StaleQuoteStory } from '../article-store.js';
import { createCounterDeltas } from './counter-deltas.js';
import { utcDay } from './digest-features-table.js';
import type { SqliteDatabase } from './open-database.js';
import { quoteRepeatKey } from '../quote-repeat-key.js';
import { staleStoriesSql } from './stale-analysis.js';

/**
 * The quotes table and what is kept beside it: the speaker counts (`quote_speakers`) that the
 * `/quote speaker:` filter and autocomplete read, and the analyzer version of each story's quotes
 * (`quote_analysis`) that `dateline reanalyze` brings up to date. One place writes all three, so
 * they never disagree; replacing a story's quotes also moves its per-day speaker counts
 * (`speaker_day_counts`, which ingest fills through the trend counts), as the PostgreSQL store does.
 */
export interface QuoteTable {
  /**
   * Quotes of a new story (inside the caller's transaction); returns the story's distinct named
   * speakers (for the per-day speaker counts). The speaker counts wait for `flushCounts`.
   */
  insert(rowid: number, publishedMs: number, quotes: readonly Quote[], version: number | undefined): string[];
  /** Add the speakers counted by `insert` to `quote_speakers`, before the transaction commits. */
  flushCounts(): void;
  /** Drop counts of a transaction that rolled back. */
  dropCounts(): void;
  /** Replace the quotes of stored stories, each story in the same transaction as its version mark. */
  replace(items: readonly { id: string; quotes: readonly Quote[] }[], version: number): number;
  /** Stories whose quotes an older analyzer wrote, oldest stored first, published at or after `sinceMs`. */
  stale(version: number, sinceMs: number | null, limit: number): StaleQuoteStory[];
  countStale(version: number, sinceMs: number | null): number;
  /** The analyzer version that wrote a story's quotes, null when none was kept (a store older than versions). */
  versionOf(rowid: number): number | null;
  /** The same for many stories at once; stories without a version are absent. */
  versionsOf(rowids: readonly number[]): Map<number, number>;
}

export function createQuoteTable(db: SqliteDatabase): QuoteTable {
  const q = {
    // positional parameters: binding by name looks each up in an object built for it (issue 21)
    insertQuote: db.prepare<
      [
        rowid: number,
        start: number,
        end: number,
        kind: string,
        text: string,
        speaker: string,
        speakerStart: number | null,
        speakerEnd: number | null,
        speakerDescription: string | null,
        verb: string | null,
        resolvedName: string | null,
        resolvedStart: number | null,
        resolvedEnd: number | null,
        publishedMs: number,
        quoteKey: number,
      ]
    >(`
      INSERT OR IGNORE INTO quotes (article_rowid, start, end, kind, text, speaker, speaker_start, speaker_end, speaker_description, verb, resolved_name, resolved_start, resolved_end, published_ms, quote_key)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    countSpeaker: db.prepare<[string, number]>(
      'INSERT INTO quote_speakers (speaker, quotes) VALUES (?, ?) ON CONFLICT (speaker) DO UPDATE SET quotes = quotes + excluded.quotes',
    ),
    uncountSpeaker: db.prepare<[string]>('UPDATE quote_speakers SET quotes = quotes - 1 WHERE speaker = ?'),
    dropUncounted: db.prepare('DELETE FROM quote_speakers WHERE quotes <= 0'),
    speakersOf: db.prepare<[number], { speaker: string }>("SELECT speaker FROM quotes WHERE article_rowid = ? AND speaker <> 'unknown'"),
    deleteQuotes: db.prepare<[number]>('DELETE FROM quotes WHERE article_rowid = ?'),
    markVersion: db.prepare<[number, number]>(
      'INSERT INTO quote_analysis (article_rowid, version) VALUES (?, ?) ON CONFLICT (article_rowid) DO UPDATE SET version = excluded.version',
    ),
    rowidOf: db.prepare<[string], { rowid: number; published_ms: number }>('SELECT rowid, published_ms FROM articles WHERE id = ?'),
    // the story's day counts (kept case-insensitively, like speaker_day_counts' COLLATE NOCASE key)
    countSpeakerDay: db.prepare<[string, number]>(
      'INSERT INTO speaker_day_counts (speaker, day, stories) VALUES (?, ?, 1) ON CONFLICT (speaker, day) DO UPDATE SET stories = stories + 1',
    ),
    uncountSpeakerDay: db.prepare<[string, number]>('UPDATE speaker_day_counts SET stories = stories - 1 WHERE speaker = ? AND day = ?'),
    dropSpeakerDay: db.prepare<[string, number]>('DELETE FROM speaker_day_counts WHERE speaker = ? AND day = ? AND stories <= 0'),
    versionOf: db.prepare<[number], number>('SELECT version FROM quote_analysis WHERE article_rowid = ?').pluck(true),
    versionsOf: db
      .prepare<[string], [number, number]>(
        'SELECT article_rowid, version FROM quote_analysis WHERE article_rowid IN (SELECT value FROM json_each(?))',
      )
      .raw(true),
    stale: db.prepare<[number, number, number], StaleQuoteStory>(
      `SELECT a.id, a.body, a.published ${staleStoriesSql('quote_analysis')} ORDER BY a.rowid LIMIT ?`,
    ),
    countStale: db.prepare<[number, number], { n: number }>(`SELECT COUNT(*) AS n ${staleStoriesSql('quote_analysis')}`),
  };

  // one upsert per speaker spelling per transaction; the first spelling written is the one kept, as before
  const speakerCounts = createCounterDeltas<[string]>();
  const flushCounts = (): void => speakerCounts.flush(([speaker], n) => q.countSpeaker.run(speaker, n));

  const insert = (rowid: number, publishedMs: number, quotes: readonly Quote[], version: number | undefined): string[] => {
    const speakers = new Map<string, string>();
    for (const quote of quotes) {
      const inserted = q.insertQuote.run(
        rowid,
        quote.start,
        quote.end,
        quote.kind,
        quote.text,
        quote.speaker,
        quote.speakerMention?.start ?? null,
        quote.speakerMention?.end ?? null,
        quote.speakerDescription,
        quote.verb,
        quote.speakerResolved?.name ?? null,
        quote.speakerResolved?.start ?? null,
        quote.speakerResolved?.end ?? null,
        publishedMs,
        quoteRepeatKey(quote),
      );
      if (inserted.changes > 0 && quote.speaker !== 'unknown') {
        speakerCounts.add(quote.speaker, [quote.speaker]);
        speakers.set(quote.speaker.toLowerCase(), quote.speaker);
      }
    }
    if (version !== undefined) q.markVersion.run(rowid, version);
    return [...speakers.values()];
  };

  const replace = db.transaction((items: readonly { id: string; quotes: readonly Quote[] }[], version: number): number => {
    speakerCounts.clear(); // left by a transaction that rolled back
    let done = 0;
    for (const { id, quotes } of items) {
      const row = q.rowidOf.get(id);
      if (!row) continue; // deleted meanwhile
      const day = utcDay(row.published_ms);
      const before = new Map<string, string>();
      for (const { speaker } of q.speakersOf.all(row.rowid)) {
        q.uncountSpeaker.run(speaker);
        before.set(speaker.toLowerCase(), speaker);
      }
      // a story counts once a day per speaker: take the old speakers off its day, then count the new ones
      for (const speaker of before.values()) q.uncountSpeakerDay.run(speaker, day);
      q.deleteQuotes.run(row.rowid);
      for (const speaker of insert(row.rowid, row.published_ms, quotes, version)) q.countSpeakerDay.run(speaker, day);
      for (const speaker of before.values()) q.dropSpeakerDay.run(speaker, day);
      done++;
    }
    flushCounts();
    q.dropUncounted.run();
    return done;
  });

  return {
    insert,
    flushCounts,
    dropCounts: () => speakerCounts.clear(),
    // IMMEDIATE: take the write lock up front, so a bot writing at the same time waits (busy_timeout) instead of failing
    replace: (items, version) => replace.immediate(items, version),
    stale: (version, sinceMs, limit) => q.stale.all(version, sinceMs ?? Number.MIN_SAFE_INTEGER, limit),
    countStale: (version, sinceMs) => q.countStale.get(version, sinceMs ?? Number.MIN_SAFE_INTEGER)?.n ?? 0,
    versionOf: (rowid) => q.versionOf.get(rowid) ?? null,
    versionsOf: (rowids) => new Map(rowids.length === 0 ? [] : q.versionsOf.all(JSON.stringify(rowids))),
  };
}
