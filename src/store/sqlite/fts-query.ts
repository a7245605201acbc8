import type { SearchQuery } from '../search-syntax.js';

/**
 * What a user typed as words only, for a prefix query (FTS5 syntax characters would otherwise raise
 * errors such as `fts5: syntax error near "."`); a search reads phrases and exclusions too (parseSearch).
 */
export function ftsWords(input: string): string[] {
  return (input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

/** Every word must start a headline word; the last one may be incomplete (typing in progress). */
export function ftsPrefix(words: readonly string[]): string {
  return words.map((w) => `"${w}"*`).join(' ');
}

const ftsPhrase = (words: readonly string[]): string => `"${words.join(' ')}"`;

/**
 * A parsed search as an FTS5 query: every term (`any`: one term at least), then each exclusion as
 * NOT, over every column even when `column` limits the terms to one (a story whose body holds an
 * excluded word is left out, whatever its headline says). '' when nothing is required.
 */
export function ftsMatch(query: SearchQuery, any = false, column?: string): string {
  if (query.terms.length === 0) return '';
  const terms = query.terms.map(ftsPhrase).join(any ? ' OR ' : ' ');
  const required = column ? `${column} : (${terms})` : `(${terms})`;
  return [required, ...query.excluded.map(ftsPhrase)].join(' NOT ');
}
