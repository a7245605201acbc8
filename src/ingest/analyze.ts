import type { GeoService } from '../geo/types.js';
import { extractQuotes } from '../nlp/quotes/extract-quotes.js';
import { CAREFUL_SPLIT_CHARS } from '../nlp/sentences.js';
import { GRAPH_SENTENCES, scoreSentences } from '../nlp/summarize.js';
import type { ScoredSentence } from '../nlp/types.js';
import type { ArticleAnalysis, NewArticle } from '../store/article-store.js';
import { digestFeatures } from '../digest/story-features.js';

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
    const closeRead = closelyReadSentences(sentences);
    const end = closeRead.length === sentences.length ? article.body.length : (closeRead.at(-1)?.end ?? 0);
    const body = end === article.body.length ? article.body : article.body.slice(0, end);
    // The dateline's place is one of the story's places (issue 14): /where, the digest and `show --json` see it.
    const places = geo.findPlaces(body, { dateline: article.datelinePlace });
    return {
      sentences,
      quotes: extractQuotes(body, closeRead),
      places,
      digest: digestFeatures(article, sentences, places),
    };
  };
}

/** The leading sentences within both analysis bounds. */
function closelyReadSentences(sentences: readonly ScoredSentence[]): readonly ScoredSentence[] {
  let n = Math.min(sentences.length, GRAPH_SENTENCES);
  while (n > 0 && sentences[n - 1]!.end > CAREFUL_SPLIT_CHARS) n--;
  return n === sentences.length ? sentences : sentences.slice(0, n);
}
