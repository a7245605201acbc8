import type { GeoService } from '../geo/types.js';
import { extractQuotes } from '../nlp/quotes/extract-quotes.js';
import { splitSentences } from '../nlp/sentences.js';
import { scoreSentences } from '../nlp/summarize.js';
import type { ArticleAnalysis, NewArticle } from '../store/article-store.js';

export interface AnalyzerDeps {
  geo: GeoService;
}

/**
 * Everything ingest works out once per story, so commands only select: sentence scores for
 * /summary, attributions for /quote, resolved places for /where and the digest.
 */
export function createAnalyzer({ geo }: AnalyzerDeps): (article: NewArticle) => ArticleAnalysis {
  return (article) => {
    const sentences = splitSentences(article.body);
    return {
      sentences: scoreSentences(article.body, sentences),
      quotes: extractQuotes(article.body, sentences),
      places: geo.findPlaces(article.body),
    };
  };
}
