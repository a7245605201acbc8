/**
 * Turn what a user typed into a safe FTS5 query: words only (FTS5 syntax characters would otherwise
 * raise errors such as `fts5: syntax error near "."`), each quoted.
 */
export function ftsWords(input: string): string[] {
  return (input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

export function ftsAll(words: readonly string[]): string {
  return words.map((w) => `"${w}"`).join(' ');
}

export function ftsAny(words: readonly string[]): string {
  return words.map((w) => `"${w}"`).join(' OR ');
}

/** Every word must start a headline word; the last one may be incomplete (typing in progress). */
export function ftsPrefix(words: readonly string[]): string {
  return words.map((w) => `"${w}"*`).join(' ');
}
