import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reanalyzeQuotes } from '../../src/cli/reanalyze-command.js';
import { digestFeatures } from '../../src/digest/story-features.js';
import { PLACE_ANALYZER_VERSION } from '../../src/geo/recognition/find-place-mentions.js';
import { extractQuotes, QUOTE_ANALYZER_VERSION } from '../../src/nlp/quotes/extract-quotes.js';
import type { Quote } from '../../src/nlp/types.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { SENTENCE_ANALYZER_VERSION } from '../../src/nlp/summarize.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { DatelineStore } from '../../src/store/store.js';
import { makeTempDir } from '../helpers/paths.js';
import { reutersStories, writeReutersStories } from '../helpers/reuters-stories.js';
import { runCliCaptured } from '../helpers/run-cli.js';

// The Baker stories of issue 15, and two more dated earlier for --since.
const BAKER = ['reuters21578-20764', 'reuters21578-20631'];
const EARLIER = ['reuters21578-1', 'reuters21578-5'];

/**
 * What the issue-5 analyzer stored for a story: its quotes with the speaker taken from inside the
 * quotation ("All Mr. Baker"), no resolved speaker, and no analyzer version kept.
 */
function oldAnalysis(body: string): Quote[] {
  return extractQuotes(body, splitSentences(body)).map((q) => ({
    ...q,
    speaker: q.text.startsWith('All Mr. Baker') ? 'All Mr. Baker' : q.speaker,
    speakerResolved: null,
  }));
}

/** A store as the old analyzer left it: stories added without `quotesVersion`. */
async function writeOldStore(file: string, ids: readonly string[]): Promise<void> {
  const store = createSqliteStore(openDatabase(file));
  await store.stories.addArticles(
    reutersStories(ids).map((s) => ({
      article: {
        source: s.source,
        published: s.date,
        publishedZone: 'UTC',
        editor: null,
        datelinePlace: null,
        headline: s.title,
        headlineDerived: false,
        caption: null,
        captionCredit: null,
        body: s.text,
        url: null,
        origin: 'test',
      },
      analysis: { sentences: [], quotes: oldAnalysis(s.text), places: [] },
    })),
  );
  await store.close();
}

interface QuoteJson {
  text: string;
  speaker: string;
  speakerResolved: { name: string } | null;
}

async function bakerQuotes(db: string): Promise<QuoteJson[]> {
  const r = await runCliCaptured(['ask', '/quote speaker:Baker', '--json', '--db', db]);
  return (JSON.parse(r.lastLine) as { data: { quotes: QuoteJson[] } }).data.quotes;
}

describe('dateline reanalyze', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(async () => {
    temp = makeTempDir();
    db = path.join(temp.dir, 'old.db');
    await writeOldStore(db, [...BAKER, ...EARLIER]);
  });
  afterEach(() => temp.cleanup());

  it('brings a store written by the old analyzer up to date, with progress on stderr', async () => {
    // before: the quotation's own words are taken for its speaker
    expect((await bakerQuotes(db)).map((q) => q.speaker)).toContain('All Mr. Baker');

    const r = await runCliCaptured(['reanalyze', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/reanalyze: 0\/4 stories/);
    expect(r.stderr).toMatch(/reanalyze: 4\/4 stories/);
    expect(r.lastLine).toMatch(/^reanalyzed 4 stories in [\d.]+ s; every story is at quote analyzer v\d+$/);

    const after = await bakerQuotes(db);
    expect(after.map((q) => q.speaker)).not.toContain('All Mr. Baker');
    expect(after.every((q) => q.speakerResolved === null || /Baker/.test(q.speakerResolved.name))).toBe(true);
    // the Brusca quotation is no longer Baker's
    const all = await runCliCaptured(['ask', '/quote speaker:Brusca', '--json', '--db', db]);
    const brusca = (JSON.parse(all.lastLine) as { data: { quotes: QuoteJson[] } }).data.quotes;
    expect(brusca.some((q) => q.text.startsWith('All Mr. Baker did'))).toBe(true);

    // a second run finds nothing left to do
    const again = await runCliCaptured(['reanalyze', '--db', db]);
    expect(again.lastLine).toMatch(/^reanalyzed 0 stories/);
  });

  it('resumes where an interrupted run stopped, and --since limits it to newer stories', async () => {
    const store: DatelineStore = createSqliteStore(openDatabase(db));
    try {
      expect(await store.quotes.countStaleQuoteStories(QUOTE_ANALYZER_VERSION, null)).toBe(4);
      // --since: only the October Baker stories
      expect(await reanalyzeQuotes(store.quotes, { since: new Date('1987-10-01'), batch: 1, limit: 1 })).toBe(1);
      expect(await store.quotes.countStaleQuoteStories(QUOTE_ANALYZER_VERSION, new Date('1987-10-01'))).toBe(1);
      const progress: number[] = [];
      expect(
        await reanalyzeQuotes(store.quotes, { since: new Date('1987-10-01'), batch: 1, onProgress: (p) => progress.push(p.done) }),
      ).toBe(1);
      expect(progress).toEqual([0, 1]);
      expect(await store.quotes.countStaleQuoteStories(QUOTE_ANALYZER_VERSION, null)).toBe(2);
      expect(await reanalyzeQuotes(store.quotes, { since: null })).toBe(2);
      expect(await store.quotes.countStaleQuoteStories(QUOTE_ANALYZER_VERSION, null)).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('rejects a bad --since with a clear message and changes nothing', async () => {
    const r = await runCliCaptured(['reanalyze', '--since', 'yesterday', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--since must be a date/);
    expect((await bakerQuotes(db)).map((q) => q.speaker)).toContain('All Mr. Baker');
  });
});

/** Each story's `fields` as `dateline export` writes them, by story id. */
async function exported(db: string, fields: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  const r = await runCliCaptured(['export', '--db', db]);
  expect(r.code).toBe(0);
  const stories = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return new Map(stories.map((s) => [String(s.id), Object.fromEntries(fields.map((f) => [f, s[f]]))]));
}

// Stories about Japan and Tokyo, and two about Bonn and Washington, dated from February to October 1987.
const PLACE_STORIES = ['reuters21578-213', 'reuters21578-229', 'reuters21578-295', 'reuters21578-308', 'reuters21578-317', ...BAKER];

/** PLACE_STORIES ingested into two stores by today's analyzer: one kept fresh, one to age as an older analyzer left it. */
async function ingestTwice(dir: string): Promise<{ fresh: string; old: string }> {
  const file = writeReutersStories(dir, PLACE_STORIES);
  const fresh = path.join(dir, 'fresh.db');
  const old = path.join(dir, 'old.db');
  for (const db of [fresh, old]) expect((await runCliCaptured(['ingest', file, '--db', db])).code).toBe(0);
  return { fresh, old };
}

describe('dateline reanalyze: places', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  async function where(db: string, place: string): Promise<unknown> {
    const r = await runCliCaptured(['ask', `/where ${place}`, '--json', '--db', db]);
    const data = (JSON.parse(r.lastLine) as { data: { stories: number; timeline: unknown[]; mentions: unknown[] } }).data;
    expect(data.stories).toBeGreaterThan(0);
    return { stories: data.stories, timeline: data.timeline, mentions: data.mentions };
  }

  it('finds again the places an older recognizer stored, until the store answers as a fresh ingest does', async () => {
    const { fresh, old } = await ingestTwice(temp.dir);
    // What an older recognizer left: no place found in any story, under an older version.
    const store = createSqliteStore(openDatabase(old));
    try {
      const ids = await store.places.stalePlaceStories(PLACE_ANALYZER_VERSION + 1, null, 100);
      expect(ids).toHaveLength(PLACE_STORIES.length);
      const stories = await store.digest.storiesForFeatures(ids);
      await store.places.replacePlaces(
        stories.map((st) => ({ id: st.id, places: [], digest: digestFeatures(st, st.sentences, []) })),
        PLACE_ANALYZER_VERSION - 1,
      );
    } finally {
      await store.close();
    }
    const want = await exported(fresh, ['places']);
    expect([...want.values()].filter((story) => (story.places as unknown[]).length > 0).length).toBeGreaterThan(4);
    expect(await exported(old, ['places'])).not.toEqual(want);

    const r = await runCliCaptured(['reanalyze', '--db', old]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/reanalyze: 7\/7 stories \(place analyzer v\d+\)/);
    expect(r.stdout).toMatch(/^found the places of 7 stories again in [\d.]+ s; every story is at place analyzer v\d+$/m);
    expect(await exported(old, ['places'])).toEqual(want);
    for (const place of ['Tokyo', 'Japan', 'Bonn']) expect(await where(old, place)).toEqual(await where(fresh, place));
    const digest = async (db: string) => (await runCliCaptured(['digest', '--at', '1987-03-03T00:00', '--json', '--db', db])).stdout;
    expect(await digest(old)).toBe(await digest(fresh));

    // nothing left to do
    const again = await runCliCaptured(['reanalyze', '--db', old]);
    expect(again.stdout).toMatch(/^found the places of 0 stories again/m);
  });
});

describe('dateline reanalyze: sentences', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('splits again the sentences an older splitter stored, then the places read from them, until the store answers as a fresh ingest does', async () => {
    const { fresh, old } = await ingestTwice(temp.dir);
    // What an older splitter left: each body one sentence, under an older version.
    const store = createSqliteStore(openDatabase(old));
    try {
      expect(await store.stories.countStaleSentenceStories(SENTENCE_ANALYZER_VERSION, null)).toBe(0);
      const stories = await store.stories.staleSentenceStories(SENTENCE_ANALYZER_VERSION + 1, null, 100);
      expect(stories).toHaveLength(PLACE_STORIES.length);
      await store.stories.replaceSentences(
        stories.map((st) => ({ id: st.id, sentences: [{ index: 0, start: 0, end: st.body.length, text: st.body, score: 1 }] })),
        SENTENCE_ANALYZER_VERSION - 1,
      );
    } finally {
      await store.close();
    }
    const summary = async (db: string) => (await runCliCaptured(['ask', '/summary', '--json', '--db', db])).lastLine;
    expect(await summary(old)).not.toBe(await summary(fresh));

    const r = await runCliCaptured(['reanalyze', '--db', old]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/reanalyze: 7\/7 stories \(sentence analyzer v\d+\)/);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^split the sentences of 7 stories again in [\d.]+ s; every story is at sentence analyzer v\d+$/);
    // the places were read from the old sentences: found again from the new ones
    expect(lines[1]).toMatch(/^found the places of 7 stories again in /);
    expect(lines.at(-1)).toMatch(/^reanalyzed 0 stories in [\d.]+ s; every story is at quote analyzer v\d+$/);
    expect(await exported(old, ['sentences', 'places'])).toEqual(await exported(fresh, ['sentences', 'places']));
    expect(await summary(old)).toBe(await summary(fresh));
    const digest = async (db: string) => (await runCliCaptured(['digest', '--at', '1987-03-03T00:00', '--json', '--db', db])).stdout;
    expect(await digest(old)).toBe(await digest(fresh));

    const again = await runCliCaptured(['reanalyze', '--db', old]);
    expect(again.stdout).toMatch(/^split the sentences of 0 stories again/m);
    expect(again.stdout).toMatch(/^found the places of 0 stories again/m);
  });
});
