/**
 * What a reader types into a search, as both stores read it: words (every one must match), a
 * "quoted phrase" (its words together, in order) and -word or -"a phrase" (stories holding it are
 * left out), the syntax web search engines taught everyone. Punctuation elsewhere is not syntax: a
 * word is a run of letters and digits, so nothing typed can break a full-text query.
 */
export interface SearchQuery {
  /** What a story must hold: each a word, or a phrase's words. */
  terms: string[][];
  /** What it must not hold. */
  excluded: string[][];
}

/** Words a search reads at most (terms and exclusions together), as before phrases existed. */
const MAX_WORDS = 16;

const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

export function parseSearch(input: string): SearchQuery {
  const query: SearchQuery = { terms: [], excluded: [] };
  let budget = MAX_WORDS;
  // A phrase in straight or curly quotes, or a run without spaces; either may follow a minus at the
  // start of a term (a hyphen inside a word, "al-Sabah", is not one).
  for (const m of input.normalize('NFKC').matchAll(/(^|\s)(-?)(?:["“”]([^"“”]*)["“”]?|(\S+))/gu)) {
    const negated = m[2] === '-';
    const quoted = m[3] !== undefined;
    const words = wordsOf(quoted ? m[3]! : m[4]!).slice(0, budget);
    if (words.length === 0) continue;
    budget -= words.length;
    // What is left out goes as one phrase (-"North Sea", -U.S.); what is asked for outside quotes as
    // words side by side, each a term of its own ("oil,gas").
    if (negated) query.excluded.push(words);
    else query.terms.push(...(quoted ? [words] : words.map((w) => [w])));
    if (budget <= 0) break;
  }
  return query;
}

/** The words a story must hold, in order: what ranking, snippets and "too common" checks look at. */
export function requiredWords(query: SearchQuery): string[] {
  return query.terms.flat();
}
