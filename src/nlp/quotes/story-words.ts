/**
 * What the story's own usage says about a word: the capitalised words it uses mid-sentence, the words it writes
 * in lower case somewhere (built lazily, only when a question needs them), and whether a sentence-opening word
 * that speaks alone is a name ("Colombia denied ..."). Separate because both the resolver and the "it"/"they"
 * rules read them.
 */
import { DETERMINERS, GENERIC_ORG_HEADS, MONTH, NON_NAME_CAPS, WEEKDAY } from './lexicon.js';
import { ORG_ROLES, PERSON_ROLES } from './speaker-words.js';
import type { Token } from './tokens.js';

/** Capitalised words the story uses inside sentences (not only as their first word). */
export function capitalisedMidSentence(sentenceTokens: readonly (readonly Token[])[]): Set<string> {
  const out = new Set<string>();
  for (const tokens of sentenceTokens)
    for (let k = 1; k < tokens.length; k++) {
      if (!tokens[k]!.isCap || !tokens[k - 1]!.isWord) continue;
      const text = tokens[k]!.text;
      out.add(text.endsWith('s') ? text.replace(/['’]s$/, '') : text);
    }
  return out;
}

/** What a word list is asked: whether it holds a word. */
export interface WordSet {
  has(word: string): boolean;
}

/** `make()`, made on the first call and kept. */
export function lazyValue<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/** A set built by `build` when it is first asked. */
export function lazySet(build: () => ReadonlySet<string>): WordSet {
  let set: ReadonlySet<string> | null = null;
  return { has: (word) => (set ??= build()).has(word) };
}

/** Words the story writes in lower case somewhere ("market", "production"): common words, whatever their capitals elsewhere. */
export function lowerCaseWords(sentenceTokens: readonly (readonly Token[])[]): Set<string> {
  const out = new Set<string>();
  for (const tokens of sentenceTokens) for (const t of tokens) if (t.isWord && t.text === t.lower) out.add(t.lower);
  return out;
}

/** Endings of common nouns, adjectives and adverbs ("Production", "Swedish", "Domestic", "Commercial", "Initially"), not of
 * names like "Portugal", "Italy" or "Iran". */
const COMMON_SHAPE =
  /(tion|sion|ment|ness|ity|ing|ism|ship|ive|ous|ful|less|able|ible|ish|ese|ian|ean|can|ern|ic|ial|nal|tal|ral|cal|nary|ed|[^a]ly|[rs]men|s)$/;

/**
 * Whether a capitalised word that opens its sentence and speaks alone, right before its verb ("Colombia denied ...",
 * "Analysts said ..."), names someone though the story never capitalises it mid-sentence (the resolver's first test):
 * it has a capital inside ("IBM", "ChemLawn"), or it is a singular word the story never writes in lower case, with no
 * common noun's, adjective's or adverb's ending and no month's name ("Colombia", "Azpurua", "Conoco"; not
 * "Analysts", "Market" when the story also has "market", "Production", "Swedish", "Initially"). An English singular
 * count noun does not stand as a subject without a determiner, so such a word is a name; the headline would add
 * nothing here (wire headlines are in capitals, and hold the common words of the story too).
 */
export function namesAlone(word: string, lowerCase: WordSet): boolean {
  if (/^\p{Lu}[\p{L}&.'’-]*\p{Lu}/u.test(word)) return true;
  const lower = word.toLowerCase();
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || lowerCase.has(lower) || NON_NAME_CAPS.has(lower) || DETERMINERS.has(lower)) return false;
  if (MONTH.test(lower) || WEEKDAY.test(lower)) return false;
  if (COMMON_SHAPE.test(lower) || PERSON_ROLES.test(lower) || ORG_ROLES.test(lower) || GENERIC_ORG_HEADS.has(lower)) return false;
  return true;
}
