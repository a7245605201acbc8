/**
 * Attributions that trail or interrupt what they attribute: ", X said." signing off a sentence, ", he said,"
 * inserted in it, the hearer after "told" ("told reporters"), the tail of an attribution up to its comma, and
 * "asked not to be identified". Cue scoring, a report's bounds, its content end and the fronted "as" clause all
 * ask these questions, so they live apart from each of them.
 */
import { SPEECH_VERBS } from './lexicon.js';
import { PAST_VERBS } from './noun-phrases.js';
import { closesSentence, lastContentIndex } from './token-spans.js';
import type { Token } from './tokens.js';
import { FINITE, FRAMING_START, isAdverb, PREPOSITION_START } from './word-classes.js';

/** "asked not to be identified", "declined to be named", "requested anonymity", "asked to remain anonymous" at cue `i`. */
export function anonymityRequest(tokens: readonly Token[], i: number): boolean {
  if (!/^(asked|asking|declined|declining|requested|requesting|refused|preferred|wished)$/.test(tokens[i]!.lower)) return false;
  const next = tokens
    .slice(i + 1, i + 6)
    .map((t) => t.lower)
    .join(' ');
  return /^(?:not )?(?:to )?(?:be |remain )?(?:further )?(?:identified|indentified|named|quoted by name|anonymous|unnamed)\b|^anonymity\b/.test(
    next,
  );
}

/**
 * "he told me on Friday,", "she said in an interview,": the comma that closes an attribution whose verb is followed
 * only by its hearer and a time or occasion, from token `k` on; else -1.
 */
export function attributionTailComma(tokens: readonly Token[], k: number): number {
  if (/^(me|us|him|her|them|reporters)$/.test(tokens[k]?.lower ?? '')) k++;
  if (!FRAMING_START.test(tokens[k]?.lower ?? '') || /^(to|with|from|via|through)$/.test(tokens[k]!.lower)) return -1;
  for (let j = k + 1; j < Math.min(tokens.length, k + 6); j++) {
    const t = tokens[j]!;
    if (t.text === ',') return j;
    if (!t.isWord || FINITE.test(t.lower) || SPEECH_VERBS.has(t.lower) || t.lower === 'that') return -1;
  }
  return -1;
}

/**
 * "Rebels have seized the town, state television reported.": ", NOUN PHRASE VERB" closing the sentence signs it
 * (with the hearer of "told": "..., the minister told reporters.", "..., sources told Reuters on Monday.").
 */
export function signsOff(tokens: readonly Token[], i: number, participleAfter = false): boolean {
  const last = lastContentIndex(tokens);
  const h = hearerEnd(tokens, i);
  // (for another cue's content, the attribution may go on with the speaker's own participle: `... a cool head," he said,
  // declining to elaborate further.`)
  // (not a preposition in -ing: "..., experts say, including a provision ...")
  const participle =
    participleAfter &&
    tokens[h + 1]?.text === ',' &&
    /^\p{Ll}+ing$/u.test(tokens[h + 2]?.text ?? '') &&
    !ING_PREPOSITION.test(tokens[h + 2]!.text);
  if (!(participle || closesSentence(tokens, h + 1, last)) || i < 4) return false;
  for (let k = i - 1; k >= Math.max(0, i - SIGN_OFF_SPEAKER); k--) {
    const t = tokens[k]!;
    // (the speaker opens with a name, a determiner or a noun, not an adverb or a preposition: "..., substantially on the
    // terms previously announced")
    if (t.text === ',') return k < i - 1 && k >= 3 && !isAdverb(tokens[k + 1]!) && !PREPOSITION_START.test(tokens[k + 1]!.lower);
    // (`... to help "promote sincere conversations," the agency said.`: a quotation closing at the comma)
    if (CLOSING_MARK.test(t.text) && tokens[k - 1]?.text === ',' && k < i - 1)
      return k >= 4 && !PREPOSITION_START.test(tokens[k + 1]!.lower);
    if (!t.isWord || FINITE.test(t.lower) || SPEECH_VERBS.has(t.lower)) return false;
    // (a clause or a figure is no speaker: "..., British Columbia property yielded higher grades than those reported in
    // January", "..., more than 15 pct above the 210.1 mln dlrs reported in the same period")
    if (
      /\d/.test(t.text) ||
      (!t.isCap && (/[^e]ed$/.test(t.lower) || PAST_VERBS.has(t.lower) || /^(than|that|which|whose|whom)$/.test(t.lower)))
    )
      return false;
  }
  return false;
}

/**
 * "The plan, the minister said, would create jobs.": a core reporting verb whose subject stands alone between two commas
 * inside the sentence interrupts its own content (with the hearer of "told" and a time or occasion before the second
 * comma: "..., the minister told reporters on Monday, ..."), when the predicate goes on after it; so does one closing its
 * content before the speaker's own act or a writer's clause ("..., the agency said, without giving figures", "..., the
 * agency said, but gave no details"). Not before a quotation, nor an apposition to the content ("total 6.4 mln bags,
 * sources said, half a mln above ...").
 */
export function interrupts(tokens: readonly Token[], i: number): boolean {
  const h = hearerEnd(tokens, i);
  const comma = tokens[h + 1]?.text === ',' ? h + 1 : attributionTailComma(tokens, h + 1);
  if (comma < 0 || closesSentence(tokens, comma + 1, lastContentIndex(tokens))) return false;
  const n = isAdverb(tokens[comma + 1]!) ? comma + 2 : comma + 1;
  const next = tokens[n]?.lower ?? '';
  if (!(FINITE.test(next) || next === 'without' || (next === 'but' && speakerActAfterBut(tokens, n + 1)))) return false;
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const t = tokens[k]!;
    if (t.text === ',') return k < i - 1 && k >= 1;
    if (!t.isWord || FINITE.test(t.lower) || SPEECH_VERBS.has(t.lower)) return false;
  }
  return false;
}

/** Whether the words from `k` on, after a "but", are a predicate with no subject of its own ("gave no details", "declined to ..."). */
export function speakerActAfterBut(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t?.isWord || t.isCap) return false;
  return FINITE.test(t.lower) || PAST_VERBS.has(t.lower) || /^[a-z]+(ed|ing)$/.test(t.lower);
}

/** Tokens a signing-off speaker may run to ("Hamburg-based Vereins- und Westbank AG said", "provincial treasurer Dick Johnston said"). */
export const SIGN_OFF_SPEAKER = 10;

/** The last token of the hearer after "told"/"tells" at `i` ("reporters", "him", "Reuters", "the Financial Times"), else `i`. */
export function hearerEnd(tokens: readonly Token[], i: number): number {
  if (!/^(told|tells)$/.test(tokens[i]?.lower ?? '')) return i;
  const next = tokens[i + 1];
  if (!next?.isWord) return i;
  if (/^(me|us|him|her|them|reporters|journalists|lawmakers|supporters|voters|investors|analysts|parliament|congress)$/.test(next.lower))
    return i + 1;
  // a name, or "the" and a name, of at most four words
  let k = next.lower === 'the' ? i + 2 : i + 1;
  const first = k;
  while (k < tokens.length && k < first + 4 && tokens[k]!.isWord && tokens[k]!.isCap) k++;
  return k > first ? k - 1 : i;
}
const CLOSING_MARK = /^["”]$/;
const ING_PREPOSITION =
  /^(including|excluding|regarding|concerning|following|according|considering|starting|beginning|ending|pending|barring)$/;
