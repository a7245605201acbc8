/**
 * A small regex tokenizer with offsets. The quote extractor runs on every story at ingest, so it
 * avoids a full NLP pipeline: words, abbreviations with their period, and single punctuation marks.
 */
import { isWhiteSpace, startsUpper, startsWordChar } from '../letters.js';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Letters or digits (not punctuation). */
  isWord: boolean;
  /** Starts with an upper-case letter. */
  isCap: boolean;
}

// Titles and initialisms keep their period ("Mr.", "U.S."), so a period token always ends something.
// A lone initial before a capitalised word ("Janet L. Yellen") or before a second initial ("G. K. Butterfield") keeps its
// period too, and so do titles that are
// also state or word abbreviations ("Del. Stacey Plaskett", not "Wilmington, Del.").
const TOKEN =
  /(?:\p{Lu}\.){2,}(?:-[\p{L}]+)*|\p{Lu}\.(?=\s\p{Lu}\p{Ll}|\s\p{Lu}\.\s\p{Lu})|(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev|Sgt|Capt|Maj|Adm|Gens|Amb|Atty|Pres|Sept|Jan|Feb|Aug|Oct|Nov|Dec|No|Co|Corp|Inc|Ltd)\.|(?:Del|Cmdr|Supt|Brig|Lieut|Insp)\.(?=\s\p{Lu})|[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|\S/uy;

/**
 * "Zeid al-Rifa'i", "Osama bin-Laden": an Arabic name part may open with a lower-case particle joined by a hyphen; the
 * word is still a capitalised name part (as "Rifa'i" alone would be), not a common word that ends the name.
 */
export const ARABIC_PARTICLE = /^(al|el|bin|ibn|abu|abd|bani)-\p{Lu}/u;

/** Tokens of `text.slice(start, end)`, with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const chunk = start === 0 && end === text.length ? text : text.slice(start, end);
  // A token starts at every character that is not white space (no alternative of TOKEN opens with one, and `\S` takes
  // any other), so the loop skips the white space itself and matches TOKEN there, sticky: the same tokens as a global
  // search, without a match array per token.
  for (let at = 0; ;) {
    while (at < chunk.length && isWhiteSpace(chunk.charCodeAt(at))) at++;
    if (at >= chunk.length) break;
    TOKEN.lastIndex = at;
    const next = TOKEN.test(chunk) ? TOKEN.lastIndex : at + 1;
    const t = chunk.slice(at, next);
    const s = start + at;
    tokens.push({
      text: t,
      lower: t.toLowerCase(),
      start: s,
      end: s + t.length,
      isWord: startsWordChar(t),
      // (the particle's hyphen is checked first: the regex would run on every lower-case word)
      isCap: startsUpper(t) || (t.includes('-') && ARABIC_PARTICLE.test(t)),
    });
    at = next;
  }
  return tokens;
}

/** Word tokens only, as [start, end) pairs: what the evaluation's overlap counts. */
export function wordSpans(text: string, start = 0, end = text.length): [number, number][] {
  return tokenize(text, start, end)
    .filter((t) => t.isWord)
    .map((t) => [t.start, t.end]);
}
