import { splitSentences } from '../../src/nlp/sentences.js';
import type { ArticleAnalysis, NewArticle } from '../../src/store/article-store.js';

/** An analyzer with no scoring, quotes or places: for tests of ingest and storage alone. */
export function simpleAnalyze(article: NewArticle): ArticleAnalysis {
  return { sentences: splitSentences(article.body).map((s) => ({ ...s, score: 0 })), quotes: [], places: [] };
}
