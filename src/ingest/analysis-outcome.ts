import type { ArticleAnalysis, NewArticle } from '../store/article-store.js';

/** One story's analysis, or why it failed: plain data, so it crosses a worker boundary as it is. */
export type AnalysisOutcome = { ok: true; analysis: ArticleAnalysis } | { ok: false; message: string };

export function analyzeOutcome(analyze: (article: NewArticle) => ArticleAnalysis, article: NewArticle): AnalysisOutcome {
  try {
    return { ok: true, analysis: analyze(article) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
