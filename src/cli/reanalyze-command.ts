import { parseArgs } from 'node:util';
import { QUOTE_ANALYZER_VERSION } from '../nlp/quotes/extract-quotes.js';
import { scoreSentences, SENTENCE_ANALYZER_VERSION } from '../nlp/summarize.js';
import { PLACE_ANALYZER_VERSION } from '../geo/recognition/find-place-mentions.js';
import type { GeoService, PlaceMention } from '../geo/types.js';
import { placesOfStory, quotesOfBody } from '../ingest/analyze.js';
import { digestFeatures } from '../digest/story-features.js';
import type { Quote, ScoredSentence } from '../nlp/types.js';
import type { QuoteStore } from '../store/quote-store.js';
import type { PlaceStore } from '../store/place-store.js';
import type { DigestFeatureStore } from '../store/digest-feature-store.js';
import type { StoryStore } from '../store/story-store.js';
import type { StoryForFeatures } from '../store/article-store.js';
import { ExitCode, println, type CliIo } from './cli-io.js';
import { openCliApp } from './open-app.js';

/** Stories per transaction: short enough that a bot writing to the same store waits milliseconds, not seconds. */
export const REANALYZE_BATCH = 50;

export interface ReanalyzeProgress {
  done: number;
  total: number;
}

export interface ReanalyzeOptions {
  since: Date | null;
  batch?: number;
  /** The analysis to apply; the ingest-time quote extractor by default. */
  analyze?: (body: string) => Quote[];
  version?: number;
  onProgress?: (p: ReanalyzeProgress) => void;
  /** Stop after this many stories (tests interrupt a run with it); all by default. */
  limit?: number;
}

/**
 * Re-run the quote analysis on stored stories an older analyzer wrote (issue 15), so improvements reach
 * a live store. Each batch is one short transaction that writes the new quotes and marks the stories
 * current, so a run that stops (Ctrl-C, a crash) loses nothing and the next run resumes with the
 * stories not yet marked. Returns how many stories were updated.
 */
export async function reanalyzeQuotes(store: QuoteStore, options: ReanalyzeOptions): Promise<number> {
  const version = options.version ?? QUOTE_ANALYZER_VERSION;
  const analyze = options.analyze ?? quotesOfBody;
  return inBatches(options, {
    count: () => store.countStaleQuoteStories(version, options.since),
    next: (n) => store.staleQuoteStories(version, options.since, n),
    redo: (stories) =>
      store.replaceQuotes(
        stories.map((s) => ({ id: s.id, quotes: analyze(s.body) })),
        version,
      ),
  });
}

export interface ReanalyzeSentencesOptions extends Omit<ReanalyzeOptions, 'analyze'> {
  /** A body's scored sentences; the ingest-time splitter and scorer by default. */
  analyze?: (body: string) => ScoredSentence[];
}

/**
 * Split and score again the stored stories an older splitter or scorer made the sentences of, so
 * /summary shows today's sentences. Their places and digest features were read from the old
 * sentences, so each is marked for `reanalyzePlaces`, which runs after this. Batched and resumable as
 * `reanalyzeQuotes` is.
 */
export async function reanalyzeSentences(store: StoryStore, options: ReanalyzeSentencesOptions): Promise<number> {
  const version = options.version ?? SENTENCE_ANALYZER_VERSION;
  const analyze = options.analyze ?? ((body: string) => scoreSentences(body));
  return inBatches(options, {
    count: () => store.countStaleSentenceStories(version, options.since),
    next: (n) => store.staleSentenceStories(version, options.since, n),
    redo: (stories) =>
      store.replaceSentences(
        stories.map((s) => ({ id: s.id, sentences: analyze(s.body) })),
        version,
      ),
  });
}

export interface ReanalyzePlacesOptions extends Omit<ReanalyzeOptions, 'analyze'> {
  /** The places of a stored story; the ingest-time recognizer over the gazetteer by default. */
  analyze?: (story: StoryForFeatures) => PlaceMention[];
}

/**
 * Find again the places of stored stories an older recognizer (or gazetteer) found, with the digest
 * features made from them, so better place rules reach a live store: /where's counts and timelines,
 * /trend and the digest's place lists. Batched and resumable as `reanalyzeQuotes` is.
 */
export async function reanalyzePlaces(
  store: { places: PlaceStore; digest: DigestFeatureStore },
  geo: GeoService,
  options: ReanalyzePlacesOptions,
): Promise<number> {
  const version = options.version ?? PLACE_ANALYZER_VERSION;
  const analyze = options.analyze ?? ((story: StoryForFeatures) => placesOfStory(geo, story, story.sentences));
  return inBatches(options, {
    count: () => store.places.countStalePlaceStories(version, options.since),
    next: (n) => store.places.stalePlaceStories(version, options.since, n),
    redo: async (ids) =>
      store.places.replacePlaces(
        (await store.digest.storiesForFeatures(ids)).map((story) => {
          const places = analyze(story);
          return { id: story.id, places, digest: digestFeatures(story, story.sentences, places) };
        }),
        version,
      ),
  });
}

/**
 * The stale stories in batches, each redone (one short transaction that also marks them current)
 * before the next is read, until none is left or `limit` were done, with progress.
 */
async function inBatches<T>(
  options: Pick<ReanalyzeOptions, 'batch' | 'limit' | 'onProgress'>,
  work: { count: () => Promise<number>; next: (n: number) => Promise<T[]>; redo: (batch: T[]) => Promise<number> },
): Promise<number> {
  const batch = Math.max(1, options.batch ?? REANALYZE_BATCH);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const total = Math.min(limit, await work.count());
  let done = 0;
  options.onProgress?.({ done, total });
  while (done < limit) {
    const stories = await work.next(Math.min(batch, limit - done));
    if (stories.length === 0) break;
    // a story deleted meanwhile is not marked; it is gone from the next batch anyway
    if ((await work.redo(stories)) === 0) break;
    done += stories.length;
    options.onProgress?.({ done: Math.min(done, total), total });
  }
  return done;
}

const USAGE =
  'Usage: dateline reanalyze [--db PATH] [--since DATE]   (re-run the sentence, place and quote analysis on stories an older version stored)';

/** `dateline reanalyze [--db PATH] [--since DATE]`: progress on stderr, the count on stdout. */
export async function runReanalyze(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, since: { type: 'string' } },
  });
  if (positionals.length > 0) {
    println(io.stderr, USAGE);
    return ExitCode.userError;
  }
  let since: Date | null = null;
  if (values.since !== undefined) {
    since = /^\d{4}-\d{2}-\d{2}/.test(values.since) ? new Date(values.since) : null;
    if (!since || Number.isNaN(since.getTime())) {
      println(io.stderr, `--since must be a date such as 1987-03-01 (got "${values.since}").\n${USAGE}`);
      return ExitCode.userError;
    }
  }
  const { app } = await openCliApp(io, values.db);
  try {
    const everyStory = `every story${since ? ` since ${values.since}` : ''}`;
    /** One analysis over the stale stories: progress on stderr, then its line on stdout ("… in 1.2 s; every story is at …"). */
    const step = async (
      analyzer: string,
      run: (onProgress: (p: ReanalyzeProgress) => void) => Promise<number>,
      done: (n: string) => string,
    ) => {
      const started = performance.now();
      const n = await run(progressLine(io, analyzer));
      endProgress(io);
      println(io.stdout, `${done(n.toLocaleString('en-US'))} in ${seconds(started)} s; ${everyStory} is at ${analyzer}`);
    };
    // Sentences first (places are read from them), then places: the quotes' line stays the last, as scripts read it.
    await step(
      `sentence analyzer v${SENTENCE_ANALYZER_VERSION}`,
      (onProgress) => reanalyzeSentences(app.services.store.stories, { since, onProgress }),
      (n) => `split the sentences of ${n} stories again`,
    );
    await step(
      `place analyzer v${PLACE_ANALYZER_VERSION}`,
      (onProgress) => reanalyzePlaces(app.services.store, app.services.geo, { since, onProgress }),
      (n) => `found the places of ${n} stories again`,
    );
    await step(
      `quote analyzer v${QUOTE_ANALYZER_VERSION}`,
      (onProgress) => reanalyzeQuotes(app.services.store.quotes, { since, onProgress }),
      (n) => `reanalyzed ${n} stories`,
    );
    return ExitCode.ok;
  } finally {
    await app.close();
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

/** Progress on stderr: rewritten in place on a terminal, else a line a second at most. */
function progressLine(io: CliIo, analyzer: string): (p: ReanalyzeProgress) => void {
  let lastLine = 0;
  return ({ done, total }) => {
    const now = performance.now();
    if (done !== 0 && done < total && now - lastLine < 1000) return;
    lastLine = now;
    const line = `reanalyze: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} stories (${analyzer})`;
    if (io.stderrIsTty) io.stderr.write(`\r\x1b[K${line}`);
    else println(io.stderr, line);
  };
}

function endProgress(io: CliIo): void {
  if (io.stderrIsTty) io.stderr.write('\r\x1b[K');
}
