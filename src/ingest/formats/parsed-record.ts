import type { NewArticle } from '../../store/article-store.js';

/** One record of a source file: an article, or why it was rejected (with its line when the format has lines). */
export type ParsedRecord = { ok: true; article: NewArticle; line: number | null } | { ok: false; line: number | null; reason: string };
