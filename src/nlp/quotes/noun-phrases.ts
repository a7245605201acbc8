import { AUX_WORDS, DETERMINERS, NON_NAME_CAPS, NP_STOPS } from './lexicon.js';
import type { Token } from './tokens.js';

/** A speaker as written: its token range [from, to) and an optional appositive description. */
export interface SourcePhrase {
  from: number;
  to: number;
  description: string | null;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'who', 'which', 'you']);
const MAX_NP = 7;

/** Index of the first token before `i` that is not an auxiliary or adverb ("has also said"). */
export function skipAuxLeft(tokens: readonly Token[], i: number, min: number): number {
  let j = i - 1;
  while (j >= min && tokens[j]!.isWord && !tokens[j]!.isCap && (AUX_WORDS.has(tokens[j]!.lower) || /ly$/.test(tokens[j]!.lower))) j--;
  return j;
}

/**
 * The subject noun phrase that ends right before token `i` (its verb), not reaching before `min`.
 * Handles pronouns, capitalised names ("Rep. Elijah Cummings"), common nouns ("a campaign operative")
 * and the appositive pattern `Ahmad Abu Khawla, a commander of the military council, was cited ...`.
 */
export function phraseBefore(tokens: readonly Token[], i: number, min: number, body: string): SourcePhrase | null {
  let j = skipAuxLeft(tokens, i, min);
  // "Rep. John Mica (R-Fla.) said": step over the parenthesis
  if (j >= min && tokens[j]!.text === ')') {
    let k = j;
    while (k >= min && k > j - 8 && tokens[k]!.text !== '(') k--;
    if (k > min && tokens[k]!.text === '(') j = k - 1;
  }
  if (j < min) return null;
  const t = tokens[j]!;
  if (t.text === ',') return appositiveBefore(tokens, j, min, body);
  if (!t.isWord) return null;
  if (PRONOUNS.has(t.lower)) return { from: j, to: j + 1, description: null };
  if (NP_STOPS.has(t.lower)) return null;
  let from = j;
  while (from - 1 >= min && from > j - MAX_NP) {
    const p = tokens[from - 1]!;
    if (!p.isWord) break;
    if (NP_STOPS.has(p.lower) && p.lower !== 'of') break;
    if (p.isCap && NON_NAME_CAPS.has(p.lower) && !DETERMINERS.has(p.lower)) break;
    from--;
    if (DETERMINERS.has(p.lower)) break;
  }
  // "of" may join two capitalised parts ("Bank of America"), never start a phrase
  while (from < j && tokens[from]!.lower === 'of') from++;
  return { from, to: j + 1, description: null };
}

/** `NAME, DESCRIPTION,` before a verb: the name is the speaker, the description its appositive. */
function appositiveBefore(tokens: readonly Token[], comma: number, min: number, body: string): SourcePhrase | null {
  let k = comma - 1;
  while (k >= min && k > comma - 16 && tokens[k]!.text !== ',' && tokens[k]!.text !== '"' && tokens[k]!.text !== '“' && tokens[k]!.text !== '”') k--;
  if (k < min || tokens[k]!.text !== ',' || k === comma - 1) return null;
  const first = tokens[k + 1]!;
  // the description reads like one: "a commander of ...", "the panel's ranking Democrat", "spokesman for ..."
  if (!(DETERMINERS.has(first.lower) || !first.isCap || /^(former|chief|senior|head|spokes)/i.test(first.text))) return null;
  const name = phraseBefore(tokens, k, min, body);
  if (!name) return null;
  const nameTok = tokens[name.to - 1]!;
  if (!nameTok.isCap) return null;
  const description = body.slice(tokens[k + 1]!.start, tokens[comma - 1]!.end);
  return { from: name.from, to: name.to, description };
}

/**
 * The noun phrase that starts at token `i` ("said Rep. Elijah Cummings of Maryland, the panel's ranking
 * Democrat"; "according to the report"), with an appositive after a comma when it reads like one.
 */
export function phraseAfter(tokens: readonly Token[], i: number, max: number, body: string): SourcePhrase | null {
  let to = i;
  while (to < max && to < i + MAX_NP) {
    const t = tokens[to]!;
    if (!t.isWord) break;
    if (to > i && NP_STOPS.has(t.lower) && t.lower !== 'of') break;
    if (to > i && PRONOUNS.has(t.lower)) break;
    to++;
    if (to - 1 === i && PRONOUNS.has(t.lower)) break;
  }
  while (to > i && tokens[to - 1]!.lower === 'of') to--;
  if (to === i) return null;
  let description: string | null = null;
  if (to < max && tokens[to]!.text === ',' && to + 1 < max) {
    const first = tokens[to + 1]!;
    if (DETERMINERS.has(first.lower) || (!first.isCap && first.isWord)) {
      let e = to + 1;
      while (e < max && tokens[e]!.isWord || (e < max && tokens[e]!.text === '-')) e++;
      if (e > to + 1) description = body.slice(first.start, tokens[e - 1]!.end);
    }
  }
  return { from: i, to, description };
}
