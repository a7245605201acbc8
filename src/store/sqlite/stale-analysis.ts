/** The tables that keep which analyzer version made a story's stored analysis (`dateline reanalyze`). */
export type AnalysisTable = 'sentence_analysis' | 'place_analysis' | 'quote_analysis';

/**
 * The FROM and WHERE of the stories an analysis must redo: its row in `table` missing or below the
 * version (first parameter), published at or after the second (ms). Each table has a batch query (that
 * walks articles by rowid, oldest stored first, and stops at its LIMIT: a batch costs the same late in a
 * run as early) and its count, written from this.
 */
export function staleStoriesSql(table: AnalysisTable): string {
  return `FROM articles a LEFT JOIN ${table} v ON v.article_rowid = a.rowid
      WHERE (v.version IS NULL OR v.version < ?) AND a.published_ms >= ?`;
}

/** `since` as the lower bound of `staleStoriesSql`: every story without one. */
export function staleSinceMs(since: Date | null): number {
  return since ? since.getTime() : Number.MIN_SAFE_INTEGER;
}
