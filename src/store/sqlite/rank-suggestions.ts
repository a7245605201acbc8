/**
 * Ranking of headline suggestions (autocomplete) among the newest headlines that match every typed
 * word as a prefix. FTS5's bm25() would first count every headline in the store holding each word,
 * and a two-letter prefix ("in", "de") holds most of them: that pass grew with the store (6 ms of a
 * query's 7.5 at 1M stories) while the ranking it bought, on a line of ten words, comes down to this:
 * whole words typed beat word starts, a headline that begins as typed comes first, shorter headlines
 * (bm25's length norm) and then newer ones break ties.
 */

/** Lower-cased words of a headline or of what was typed, as FTS5's unicode61 tokenizer splits them. */
export function headlineWords(text: string): string[] {
  // Most wire headlines are ASCII: no need to take accents off.
  // eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Score of one headline for the typed words (each already known to start some word of it). */
export function suggestionScore(typed: readonly string[], headline: string): number {
  return scoreWords(typed, headlineWords(headline));
}

function scoreWords(typed: readonly string[], words: readonly string[]): number {
  let score = 0;
  for (const t of typed) {
    if (words.includes(t)) score += 2;
    else if (words.some((w) => w.startsWith(t))) score += 1;
  }
  // Typed from the start of the headline: the typed words are its first words, the last one begun.
  const begins = typed.every((t, i) => (i === typed.length - 1 ? (words[i] ?? '').startsWith(t) : words[i] === t));
  return score + (begins ? 2 : 0);
}

/**
 * The best `limit` of `rows` (newest first, as read) for what was typed: by score, then fewer words,
 * then the order read.
 */
export function rankSuggestions<T extends { headline: string }>(typedText: string, rows: readonly T[], limit: number): T[] {
  const typed = headlineWords(typedText);
  return rows
    .map((row, i) => {
      const words = headlineWords(row.headline);
      return { row, i, score: scoreWords(typed, words), length: words.length };
    })
    .sort((a, b) => b.score - a.score || a.length - b.length || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.row);
}
