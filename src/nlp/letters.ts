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
  if (c < 128) return isAsciiLetterOrDigit(c);
  return WORD_START.test(t.charAt(0));
}

/** An ASCII letter or digit (`[A-Za-z0-9]`), by its code. */
export function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** `/\s/.test(String.fromCharCode(c))`: JavaScript's white space and line terminators (what `\s` and `split(/\s+/)` match). */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
