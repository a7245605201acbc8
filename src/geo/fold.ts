/**
 * Name folding for gazetteer keys: the same function runs when the index is built and when a query
 * or a text span is looked up, so `Deir ez-Zor`, `DEIR EZ ZOR` and `Deïr ez Zor` meet on one key.
 */
import { boundedMemo } from '../core/bounded-memo.js';
import { isAsciiLetterOrDigit } from '../nlp/letters.js';

/** Latin letters NFD does not decompose, mapped to ASCII by hand. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
};

/** Apostrophes and the ayn/hamza marks of transliterated Arabic: dropped, so `‘Afrīn` = `Afrin`, `Ma'arat` = `Maarat`. */
const DROPPED = /['’‘`´ʻʼʾʿ′"“”]/g;

/**
 * Fold a name to its lookup key: lowercase ASCII words separated by single spaces.
 * Returns '' when the name has letters outside the Latin script (news here is English; such
 * alternate names are not indexed). Memoised: recognition folds every capitalised word of every
 * story, and news repeats its names.
 */
export function foldName(name: string): string {
  return isPlainAscii(name) ? name.toLowerCase() : foldMemo(name);
}

const foldMemo = boundedMemo(foldUncached, 100_000);

/**
 * Whether a name is ASCII letters and digits in words one space apart (`Paris`, `New York`, most of a
 * story's names): its key is its lower case, found faster than in the memo (a lookup in a big map).
 */
function isPlainAscii(name: string): boolean {
  const n = name.length;
  for (let k = 0; k < n; k++) {
    const c = name.charCodeAt(k);
    if (isAsciiLetterOrDigit(c)) continue;
    // One space between two words.
    if (c === 32 && k > 0 && k < n - 1 && name.charCodeAt(k - 1) !== 32) continue;
    return false;
  }
  return true;
}

/** foldName without the memo or the plain-ASCII shortcut (the tests compare them). */
export function foldUncached(name: string): string {
  let s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  s = s.replace(/[ßøæœłđðþıħŧŋĸ]/g, (c) => SPECIAL[c] ?? c);
  s = s.replace(DROPPED, '');
  // Dots of abbreviations go away without a space (`U.S.` → `us`, `St. Louis` → `st louis`).
  s = s.replace(/\.(?=\S)/g, '').replace(/\./g, ' ');
  s = s
    .replace(/[-‐‑–—_/,()&]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Only a-z, digits and spaces make a key.
  if (!/^[a-z0-9 ]*$/.test(s)) return '';
  return s;
}

/** The Arabic definite article as news transliterates it (`al-`, `el-`, `ad-`, `ar-`, `ash-`, `ez-`, ...). */
const ARTICLE = /^(?:al|el|il|ul|ad|ed|ar|er|as|es|at|et|az|ez|an|en|ash|esh|ath|adh|ed|ud|ut|us|uz)$/;

/** Countries whose place names reach English news through Arabic/Persian/Kurdish transliteration. */
export const TRANSLITERATED_COUNTRIES: ReadonlySet<string> = new Set([
  'SY',
  'IQ',
  'LB',
  'JO',
  'PS',
  'SA',
  'YE',
  'OM',
  'AE',
  'QA',
  'BH',
  'KW',
  'EG',
  'LY',
  'TN',
  'DZ',
  'MA',
  'SD',
  'MR',
  'IR',
  'AF',
  'TR',
  'SO',
  'DJ',
  'EH',
  'TD',
]);

/**
 * A lenient spelling skeleton for transliterated names, so `Deir al-Zour`, `Deir ez-Zor`, `Dayr az Zawr`
 * and `Deir Ezzor` meet: drop the article, merge the assimilated article (`Ezzor` → `zor`), fold
 * q/k, ou/u/o/aw, ei/ey/ay/ai, doubled letters and a final `h` after a vowel, then keep the consonants.
 * Only applied to names from TRANSLITERATED_COUNTRIES (see issue 6: applied to every name it turns
 * `Utah` into Ōta-ku).
 */
export function translitSkeleton(folded: string): string {
  const words = folded.split(' ').filter((w) => w.length > 0);
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i] ?? '';
    // An article standing alone before another word: `al zour`, `ez zor`.
    if (i < words.length - 1 && ARTICLE.test(w)) continue;
    // Article glued on: `alhasakah`, `arraqqah`, `ezzor` (sun-letter assimilation doubles the consonant).
    const glued = /^(?:a|e)([dnrstz])\1(.{2,})$/.exec(w);
    if (glued) w = (glued[1] ?? '') + (glued[2] ?? '');
    else if (/^(?:al|el)(.{3,})$/.test(w) && i > 0) w = w.slice(2);
    kept.push(w);
  }
  let s = kept.join('');
  s = s.replace(/q/g, 'k').replace(/ph/g, 'f').replace(/dh/g, 'd').replace(/th/g, 't').replace(/kh/g, 'k').replace(/gh/g, 'g');
  s = s.replace(/([aeiou])h$/, '$1');
  // Consonant skeleton: vowels, w and y carry the transliteration noise.
  const first = s.charAt(0);
  const rest = s.slice(1).replace(/[aeiouwy]/g, '');
  s = (/[aeiouwy]/.test(first) ? 'a' : first) + rest;
  s = s.replace(/(.)\1+/g, '$1');
  return s;
}

/** Whether a typed query looks like a transliterated name (article or the usual letter clusters). */
export function looksTransliterated(folded: string): boolean {
  return (
    /(^|\s)(al|el|ad|ar|as|az|ez|ash|ad|at|an)\s\S/.test(folded) ||
    /(qq|kk|ss|zz|dd|dh|kh|gh|aa|ou|ey|ay|eh$|ah$|yah|iyah|iyeh)/.test(folded)
  );
}
