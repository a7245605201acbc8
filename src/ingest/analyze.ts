import type { GeoService } from '../geo/types.js';
import { extractQuotes, QUOTE_ANALYZER_VERSION } from '../nlp/quotes/extract-quotes.js';
import { scoreSentences } from '../nlp/summarize.js';
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
 */
export function createAnalyzer({ geo }: AnalyzerDeps): (article: NewArticle) => ArticleAnalysis {
  return (article) => {
    const sentences = scoreSentences(article.body);
    const places = geo.findPlaces(article.body);
    return {
      sentences,
      quotes: extractQuotes(article.body, sentences),
      quotesVersion: QUOTE_ANALYZER_VERSION,
      places,
      digest: digestFeatures(article, sentences, places),
    };
  };
}
