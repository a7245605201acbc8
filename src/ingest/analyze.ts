import type { GeoService, PlaceMention } from '../geo/types.js';
import { PLACE_ANALYZER_VERSION } from '../geo/recognition/find-place-mentions.js';
import { extractQuotes, QUOTE_ANALYZER_VERSION } from '../nlp/quotes/extract-quotes.js';
import { CAREFUL_SPLIT_CHARS, splitSentences } from '../nlp/sentences.js';
import { GRAPH_SENTENCES, scoreSentences, SENTENCE_ANALYZER_VERSION } from '../nlp/summarize.js';
import type { Quote, Sentence } from '../nlp/types.js';
import type { ArticleAnalysis, NewArticle } from '../store/article-store.js';
import { digestFeatures } from '../digest/story-features.js';
import type { AnalysisOutcome } from './analysis-outcome.js';

export interface AnalyzerDeps {
  geo: GeoService;
}

/**
 * Everything ingest works out once per story, so commands only select: sentence scores for
 * /summary, attributions for /quote, resolved places for /where and the digest.
 * The body is split into sentences once; the scorer's sentences feed the quote extractor. The
 * digest's features (summary, grouping terms, headline shapes) are plain data, made here so they are
 * made wherever the analysis is (a worker thread).
 *
 * Quotes and places are looked for in the part of the body the scorer reads closely (its first
 * GRAPH_SENTENCES sentences, at most CAREFUL_SPLIT_CHARS characters): both grow faster than the
 * text on bodies of megabytes (issue 18), and no real story is that long. The rest is still stored,
 * searchable and shown.
 */
export function createAnalyzer({ geo }: AnalyzerDeps): (article: NewArticle) => ArticleAnalysis {
  return (article) => {
    const sentences = scoreSentences(article.body);
    const { sentences: closeRead, body } = closelyRead(article.body, sentences);
    const places = placesOfStory(geo, article, sentences);
    return withVersions(sentences, extractQuotes(body, closeRead), places, digestFeatures(article, sentences, places));
  };
}

/** A story's analysis with the version of each analyzer that made it (what `dateline reanalyze` compares), for both analyzers. */
function withVersions(
  sentences: ArticleAnalysis['sentences'],
  quotes: Quote[],
  places: PlaceMention[],
  digest: NonNullable<ArticleAnalysis['digest']>,
): ArticleAnalysis {
  return {
    sentences,
    sentencesVersion: SENTENCE_ANALYZER_VERSION,
    quotes,
    quotesVersion: QUOTE_ANALYZER_VERSION,
    places,
    placesVersion: PLACE_ANALYZER_VERSION,
    digest,
  };
}

/**
 * `createAnalyzer` for a chunk of stories, with each story's outcome as `analyzeOutcome` gives it (a
 * story that throws fails alone, with the error its own analysis throws first), run stage by stage:
 * every story's sentences, then every story's places, quotes and digest features. The same pure
 * functions in the same order per story, so the same analyses; but each stage's tables (the
 * gazetteer's index, the cue model, the stem memo) stay in the processor's caches across the chunk
 * instead of being pushed out by the other stages' after every story: ~10 % less CPU on Reuters in
 * chunks of 32 (scripts/profile-analysis.ts --chunk 32). The analyzer threads take chunks.
 */
export function createChunkAnalyzer({ geo }: AnalyzerDeps): (articles: readonly NewArticle[]) => AnalysisOutcome[] {
  return (articles) => {
    // (by story: the message its first failing stage threw)
    const failed = new Map<number, string>();
    /** Run one stage for every story that has not failed yet. */
    const stage = <T>(run: (article: NewArticle, i: number) => T): (T | undefined)[] =>
      articles.map((article, i) => {
        if (failed.has(i)) return undefined;
        try {
          return run(article, i);
        } catch (error) {
          failed.set(i, (error as Error).message);
          return undefined;
        }
      });
    const sentences = stage((article) => scoreSentences(article.body));
    const read = stage((article, i) => closelyRead(article.body, sentences[i]!));
    const places = stage((article, i) => placesOfStory(geo, article, sentences[i]!));
    const quotes = stage((_, i) => extractQuotes(read[i]!.body, read[i]!.sentences));
    const digest = stage((article, i) => digestFeatures(article, sentences[i]!, places[i]!));
    return articles.map((_, i): AnalysisOutcome => {
      if (failed.has(i)) return { ok: false, message: failed.get(i)! };
      return { ok: true, analysis: withVersions(sentences[i]!, quotes[i]!, places[i]!, digest[i]!) };
    });
  };
}

/** The quotes ingest finds in a body (the same bounds), for `dateline reanalyze`. */
export function quotesOfBody(body: string): Quote[] {
  const read = closelyRead(body, splitSentences(body));
  return extractQuotes(read.body, read.sentences);
}

/**
 * The places ingest finds in a story (the same bounds), from its sentences' spans: at ingest, and
 * for `dateline reanalyze` from the stored ones. The dateline's place is one of the story's places
 * (issue 14): /where, the digest and `show --json` see it.
 */
export function placesOfStory(
  geo: GeoService,
  story: Pick<NewArticle, 'body' | 'datelinePlace'>,
  sentences: readonly Pick<Sentence, 'start' | 'end'>[],
): PlaceMention[] {
  return geo.findPlaces(closelyRead(story.body, sentences).body, { dateline: story.datelinePlace });
}

/** The leading sentences within both analysis bounds, and the part of the body they cover. */
export function closelyRead<S extends Pick<Sentence, 'start' | 'end'>>(
  text: string,
  sentences: readonly S[],
): { sentences: readonly S[]; body: string } {
  let n = Math.min(sentences.length, GRAPH_SENTENCES);
  while (n > 0 && sentences[n - 1]!.end > CAREFUL_SPLIT_CHARS) n--;
  if (n === sentences.length) return { sentences, body: text };
  return { sentences: sentences.slice(0, n), body: text.slice(0, sentences[n - 1]?.end ?? 0) };
}
