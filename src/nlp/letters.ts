/**
 * First-character tests the tokenizers run on every token. Most tokens of English copy start with an
 * ASCII character, answered by its code; other characters go to the Unicode-property regexes.
 */
const UPPER_START = /^\p{Lu}/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/** `/^\p{Lu}/u.test(t)`. */
export function startsUpper(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(t);
}

/** `/[\p{L}\p{N}]/u.test(t.charAt(0))`: a letter or a digit (one UTF-16 unit, as the tokenizer has always looked). */
export function startsWordChar(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_START.test(t.charAt(0));
}
