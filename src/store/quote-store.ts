import type { QuoteHit, QuoteQuery } from './article-store.js';

/** Quotations and their speakers, as ingest stored them: what /quote reads. */
export interface QuoteStore {
  /** Quotes, newest stories first; filtered by speaker (substring, case-insensitive) and/or topic words. */
  findQuotes(query: QuoteQuery): Promise<QuoteHit[]>;
  /** Distinct speakers matching the prefix, most quoted first. */
  suggestSpeakers(prefix: string, limit: number): Promise<string[]>;
}
